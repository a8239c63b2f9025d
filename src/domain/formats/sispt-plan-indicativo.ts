/**
 * DNP SisPT "Plan indicativo" export (every municipality registered its 2024–2027 plan in it):
 * the products sheet has a merged group row (`PARTE ESTRATÉGICA` / `PLAN INDICATIVO`) above 85
 * headers — codes with their source in parentheses, `Meta del cuatrienio`, `Tipo de acumulación`,
 * `Programación del producto bien o servicio <año>` for each year of the term, and for each year
 * its funding sources and `Total <año>`. A four-year plan: no execution.
 */
import { key } from './key';
import { YEAR, type FormatDescription } from './types';

const goalCode = key`^codigo de indicador de producto$`;
const termGoal = key`^meta del cuatrienio$`;
// `Programación del producto bien o servicio 2025`, also shortened (`Prog. producto 2025`, `Programación 2025`).
const planned = key`^programacion(?: producto(?: bien servicio)?)? ${YEAR}$`;

export const format: FormatDescription = {
  id: 'sispt-plan-indicativo',
  name: 'Plan indicativo exportado de SisPT (DNP)',
  kind: 'plan-indicativo',
  signature: [goalCode, termGoal, planned],
  required: ['goalCode', 'goal', 'termGoal', 'accumulation', 'planned'],
  periodKind: 'year',
  textCodes: true,
  catalogFields: ['unitOfMeasure'],
  // `No acumulativo` is a level: creciente, or constante when every year programs the same (goals.ts).
  values: { accumulation: { Acumulativo: 'suma', 'No acumulativo': 'creciente' } },
  entityHeader: /^entidad territorial$/,
  columns: [
    { header: goalCode, field: 'goalCode' },
    { header: key`^linea estrategica$`, field: 'dimension' },
    { header: key`^sector$`, field: 'sector' },
    { header: key`^codigo del programa$`, field: 'programCode' },
    { header: key`^programa$`, field: 'program' },
    { header: key`^codigo del producto$`, field: 'productCode' },
    { header: key`^producto$`, field: 'product' },
    { header: key`^codigo de indicador de producto mga$`, field: 'indicatorCode' },
    { header: key`^indicador de producto$`, field: 'indicator' },
    { header: key`^personalizacion de indicador de producto$`, field: 'goal' },
    { header: key`^unidad de medida$`, field: 'unitOfMeasure' },
    { header: termGoal, field: 'termGoal' },
    { header: key`^tipo de acumulacion$`, field: 'accumulation' },
    { header: planned, field: 'planned1', yearly: 'planned' },
    { header: key`^total ${YEAR}$`, field: 'cost1', yearly: 'cost' },
    {
      // The source's name (`source`) is the header without its year, as written (index.ts).
      header: key`^(?:recurso propio|sgp .+|credito|transferencia capital .+|otro|regalia|sgr) ${YEAR}$`,
      field: 'source1_1',
      yearly: 'source',
    },
    { header: key`^(?:codigo )?bpin$`, field: 'bpin' },
  ],
  companions: [
    { role: 'indicadores de resultado del plan', headers: [/^indicador de resultado$/, /^meta del cuatrienio$/] },
    { role: 'plan indicativo del SGR (bienios)', headers: [/^codigo de indicador de producto sgr$/] },
    { role: 'iniciativas del SGR', headers: [/^iniciativa del sgr$/, /^tipo de iniciativa$/] },
    { role: 'líneas estratégicas del plan', headers: [/^linea estrategica$/, /^consecutivo$/] },
  ],
};
