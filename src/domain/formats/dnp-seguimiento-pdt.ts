/**
 * DNP "Informe de Seguimiento al PDT": the physical follow-up (SisPT programming against PIIP
 * execution) and the financial follow-up (CUIPO commitments, obligations, payments) by product,
 * titles above a merged group row (`Ejecución PIIP 2025 - tercer trimestre`, which says how far the
 * execution runs). An annual follow-up: one period, the year. A single space stands for "no data".
 * The financial sheet joins the physical one by the MGA product code.
 */
import { key } from './key';
import { YEAR, type FormatDescription } from './types';

const goalCode = key`^consecutivos ip$`;
const programmed = key`^programado ${YEAR}$`;
const executed = key`^ejecucion fisica ${YEAR}$`;
const commitments = key`^compromisos ${YEAR}$`;

export const format: FormatDescription = {
  id: 'dnp-seguimiento-pdt',
  name: 'Informe de seguimiento al PDT (DNP)',
  kind: 'hoja-captura',
  signature: [goalCode, executed, programmed],
  required: ['goalCode', 'goal', 'yearGoal', 'executed'],
  periodKind: 'year',
  budgetIsProgrammed: true,
  values: { accumulation: { Si: 'suma', No: 'creciente' } },
  columns: [
    { header: goalCode, field: 'goalCode' },
    { header: key`^sector$`, field: 'sector' },
    { header: key`^codigo programa$`, field: 'programCode' },
    { header: key`^programa$`, field: 'program' },
    { header: key`^codigo producto$`, field: 'productCode' },
    { header: key`^producto$`, field: 'product' },
    { header: key`^codigo indicador producto$`, field: 'indicatorCode' },
    { header: key`^indicador producto$`, field: 'goal' },
    { header: key`^codigos bpin(?: asociado)?$`, field: 'bpin' },
    { header: key`^acumulativo$`, field: 'accumulation' },
    { header: key`^unidad de medida$`, field: 'unitOfMeasure' },
    { header: key`^meta del cuatrienio$`, field: 'termGoal' },
    { header: programmed, field: ['planned1', 'yearGoal'] },
    { header: executed, field: 'executed1' },
    { header: key`^(?:% )?avance fisico ${YEAR}(?: %)?$`, field: 'progressDeclared' },
    { header: key`^explicacion del valor ${YEAR}$`, field: 'analysis' },
  ],
  joined: {
    role: 'seguimiento financiero (CUIPO) por código de producto',
    signature: [goalCode, commitments],
    on: 'productCode',
    columns: [
      { header: goalCode, field: 'goalCode' },
      { header: key`^sector$`, field: 'sector' },
      { header: key`^codigo programa$`, field: 'programCode' },
      { header: key`^programa$`, field: 'program' },
      { header: key`^codigo producto$`, field: 'productCode' },
      { header: key`^producto$`, field: 'product' },
      { header: key`^codigos bpin(?: asociado)?$`, field: 'bpin' },
      { header: programmed, field: 'budgetFinal' },
      { header: commitments, field: 'commitments' },
      { header: key`^obligaciones ${YEAR}$`, field: 'obligations' },
      { header: key`^pagos ${YEAR}$`, field: 'payments' },
    ],
  },
  companions: [{ role: 'resumen del informe (fórmulas)', name: /^resumen$/, namesEntity: true }],
  planName: 'Informe de seguimiento al PDT',
};
