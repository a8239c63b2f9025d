/**
 * Cundinamarca's PDM follow-up template (Tenjo 2024–2027 and the department's other
 * municipalities): one product goal per row, `VALOR ESPERADO <año>` per year, quarterly blocks
 * `T1. PLANEADO <año>` / `T1. EJECUTADO <año>` for each year of the term, the year's budget. The
 * quarters hold shares of the year's expected value that the template's own formulas add up
 * (`TOTAL PLANEADO = T1 + … + T4`), so they read as flows whatever the indicator's trend
 * (`TENDENCIA INDICADOR`: `I` increasing, `M` maintain, `D` decreasing). Two `L.B` columns: the
 * result's, then the product's (beside the product goal). Two budget blocks of the same year: the
 * second one (inicial, definitiva, compromisos, pagos) is the year's execution.
 */
import { executedField, plannedField } from '../fields';
import { key } from './key';
import { QUARTER, YEAR, quarterOf, type FormatDescription } from './types';

// The quarter columns, in either order of their words (`T1. PLANEADO 2025`, `T.1 PLANEADO 2025`,
// `Trimestre II PLANEADO 2025`, `III trimestre ejecutado 2025`, `PLANEADO T1 2025`); `PROGRAMADO`
// is the same as `PLANEADO`.
const planned = [key`^${QUARTER} (?:planeado|programacion) ${YEAR}$`, key`^(?:planeado|programacion) ${QUARTER} ${YEAR}$`];
const executed = [key`^${QUARTER} ejecucion ${YEAR}$`, key`^ejecucion ${QUARTER} ${YEAR}$`];
const goalCode = key`^codigo meta producto$`;
const yearGoal = key`^valor esperado ${YEAR}$`;

export const format: FormatDescription = {
  id: 'cundinamarca-pdm',
  name: 'Seguimiento al PDM, formato de Cundinamarca',
  planName: 'Seguimiento al PDM',
  kind: 'hoja-captura',
  signature: [goalCode, yearGoal, key`^(?:t[1-4] ejecucion|ejecucion t[1-4]) ${YEAR}$`],
  required: ['goalCode', 'goal', 'unit', 'yearGoal', 'executed'],
  values: { accumulation: { I: 'creciente', M: 'constante', D: 'decreciente' } },
  quarterShares: true,
  // `% TOTAL AVANCE <año>` is the template's own ratio, `IF(TOTAL PLANEADO=0, 0, TOTAL EJECUTADO/TOTAL PLANEADO)`:
  // a fraction, with or without a `%` number format.
  fractionPercents: ['progressDeclared'],
  // The product's `L.B` is often a description around the figure («3 muros construidos», «100% (130
  // beneficiarios 2023)»): the template has no other place for what the baseline counts. It is not
  // used for the vigencia's progress of a flow, which is what the quarters' shares are.
  describedFields: ['baseline'],
  columns: [
    { header: key`^eje$`, field: 'dimension' },
    { header: key`^(?:nombre )?sector$`, field: 'sector' },
    { header: key`^programa mga$`, field: 'programCode' },
    { header: key`^programa pdt$`, field: 'program' },
    { header: key`^producto mga$`, field: 'productCode' },
    { header: key`^(?:codigo )?bpin$`, field: 'bpin' },
    { header: key`^nombre del proyecto$`, field: 'project' },
    { header: goalCode, field: 'goalCode' },
    { header: key`^meta de producto$`, field: 'goal' },
    { header: key`^linea base$`, field: 'baseline', pick: 'last' },
    { header: key`^unidad de medida$`, field: 'unitOfMeasure' },
    { header: key`^tendencia(?: indicador)?$`, field: 'accumulation' },
    { header: key`^indicador$`, field: 'indicator' },
    { header: key`^responsable$`, field: 'unit' },
    { header: key`^valor esperado cuatrienio$`, field: 'termGoal' },
    { header: yearGoal, field: 'yearGoal' },
    ...planned.map((header) => ({ header, field: (m: RegExpExecArray) => q(m, plannedField) })),
    ...executed.map((header) => ({ header, field: (m: RegExpExecArray) => q(m, executedField) })),
    { header: key`^total ejecutado ${YEAR}$`, field: 'executedTotal' },
    { header: key`^% total avance ${YEAR}$`, field: 'progressDeclared' },
    { header: key`^soportes de cumplimiento ${YEAR}$`, field: 'evidence' },
    { header: key`^apropiacion definitiva ${YEAR}$`, field: 'budgetFinal', pick: 'last' },
    { header: key`^compromisos ${YEAR}$`, field: 'commitments', pick: 'last' },
    { header: key`^pagos ${YEAR}$`, field: 'payments', pick: 'last' },
  ],
};

function q(m: RegExpExecArray, family: (n: number) => ReturnType<typeof plannedField>) {
  const n = quarterOf(m.groups?.q);
  return n === undefined ? undefined : family(n);
}
