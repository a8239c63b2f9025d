/**
 * DNP "Informe de Seguimiento al PDT": the physical follow-up (SisPT programming against PIIP
 * execution) and the financial follow-up (CUIPO commitments, obligations, payments) by product,
 * titles above a merged group row (`Ejecución PIIP 2025 - tercer trimestre`, which says how far the
 * execution runs). An annual follow-up: one period, the year. A single space stands for "no data".
 * The financial sheet joins the physical one by the MGA product code.
 */
import { YEAR, type FormatDescription } from './types';

export const format: FormatDescription = {
  id: 'dnp-seguimiento-pdt',
  name: 'Informe de seguimiento al PDT (DNP)',
  kind: 'hoja-captura',
  signature: [/^consecutivos ip$/, new RegExp(`^ejecucion fisica ${YEAR}$`), new RegExp(`^programado ${YEAR}$`)],
  required: ['goalCode', 'goal', 'yearGoal', 'executed'],
  periodKind: 'year',
  budgetIsProgrammed: true,
  values: { accumulation: { si: 'suma', no: 'creciente' } },
  columns: [
    { header: /^consecutivos ip$/, field: 'goalCode' },
    { header: /^sector$/, field: 'sector' },
    { header: /^codigo programa$/, field: 'programCode' },
    { header: /^programa$/, field: 'program' },
    { header: /^codigo producto$/, field: 'productCode' },
    { header: /^producto$/, field: 'product' },
    { header: /^codigo indicador producto$/, field: 'indicatorCode' },
    { header: /^indicador producto$/, field: 'goal' },
    { header: /^codigos bpin asociados$/, field: 'bpin' },
    { header: /^acumulativo$/, field: 'accumulation' },
    { header: /^unidad de medida$/, field: 'unitOfMeasure' },
    { header: /^meta del cuatrenio$|^meta del cuatrienio$/, field: 'termGoal' },
    { header: new RegExp(`^programado ${YEAR}$`), field: ['planned1', 'yearGoal'] },
    { header: new RegExp(`^ejecucion fisica ${YEAR}$`), field: 'executed1' },
    { header: new RegExp(`^avance fisico ${YEAR} %$`), field: 'progressDeclared' },
    { header: new RegExp(`^explicacion del valor ${YEAR}$`), field: 'analysis' },
  ],
  joined: {
    role: 'seguimiento financiero (CUIPO) por código de producto',
    signature: [/^consecutivos ip$/, new RegExp(`^compromisos ${YEAR}$`)],
    on: 'productCode',
    columns: [
      { header: /^consecutivos ip$/, field: 'goalCode' },
      { header: /^sector$/, field: 'sector' },
      { header: /^codigo programa$/, field: 'programCode' },
      { header: /^programa$/, field: 'program' },
      { header: /^codigo producto$/, field: 'productCode' },
      { header: /^producto$/, field: 'product' },
      { header: /^codigos bpin asociados$/, field: 'bpin' },
      { header: new RegExp(`^programado ${YEAR}$`), field: 'budgetFinal' },
      { header: new RegExp(`^compromisos ${YEAR}$`), field: 'commitments' },
      { header: new RegExp(`^obligaciones ${YEAR}$`), field: 'obligations' },
      { header: new RegExp(`^pagos ${YEAR}$`), field: 'payments' },
    ],
  },
  companions: [{ role: 'resumen del informe (fórmulas)', name: /^resumen$/, namesEntity: true }],
  planName: 'Informe de seguimiento al PDT',
};
