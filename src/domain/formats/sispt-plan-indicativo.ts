/**
 * DNP SisPT "Plan indicativo" export (every municipality registered its 2024–2027 plan in it):
 * the products sheet has a merged group row (`PARTE ESTRATÉGICA` / `PLAN INDICATIVO`) above 85
 * headers — codes with their source in parentheses, `Meta del cuatrienio`, `Tipo de acumulación`,
 * `Programación del producto bien o servicio <año>` for each year of the term, and for each year
 * its funding sources and `Total <año>`. A four-year plan: no execution.
 */
import { YEAR, type FormatDescription } from './types';

export const format: FormatDescription = {
  id: 'sispt-plan-indicativo',
  name: 'Plan indicativo exportado de SisPT (DNP)',
  kind: 'plan-indicativo',
  signature: [/^codigo de indicador de producto$/, /^meta del cuatrienio$/, new RegExp(`^programacion del producto bien o servicio ${YEAR}$`)],
  required: ['goalCode', 'goal', 'termGoal', 'accumulation', 'planned'],
  periodKind: 'year',
  textCodes: true,
  catalogFields: ['unitOfMeasure'],
  entityHeader: /^entidad territorial$/,
  columns: [
    { header: /^codigo de indicador de producto$/, field: 'goalCode' },
    { header: /^linea estrategica$/, field: 'dimension' },
    { header: /^sector$/, field: 'sector' },
    { header: /^codigo del programa$/, field: 'programCode' },
    { header: /^programa$/, field: 'program' },
    { header: /^codigo del producto$/, field: 'productCode' },
    { header: /^producto$/, field: 'product' },
    { header: /^codigo de indicador de producto mga$/, field: 'indicatorCode' },
    { header: /^indicador de producto$/, field: 'indicator' },
    { header: /^personalizacion de indicador de producto$/, field: 'goal' },
    { header: /^unidad de medida$/, field: 'unitOfMeasure' },
    { header: /^meta del cuatrienio$/, field: 'termGoal' },
    { header: /^tipo de acumulacion$/, field: 'accumulation' },
    { header: new RegExp(`^programacion del producto bien o servicio ${YEAR}$`), field: 'planned1', yearly: 'planned' },
    { header: new RegExp(`^total ${YEAR}$`), field: 'cost1', yearly: 'cost' },
    {
      header: new RegExp(`^(?<source>recursos propios|sgp .+|credito|transferencias de capital .+|otros|regalias|sgr) ${YEAR}$`),
      field: 'source1_1',
      yearly: 'source',
    },
    { header: /^bpin$/, field: 'bpin' },
  ],
  companions: [
    { role: 'indicadores de resultado del plan', headers: [/^indicador de resultado$/, /^meta del cuatrienio$/] },
    { role: 'plan indicativo del SGR (bienios)', headers: [/^codigo de indicador de producto sgr$/] },
    { role: 'iniciativas del SGR', headers: [/^iniciativa del sgr$/, /^tipo de iniciativa$/] },
    { role: 'líneas estratégicas del plan', headers: [/^linea estrategica$/, /^consecutivo$/] },
  ],
};
