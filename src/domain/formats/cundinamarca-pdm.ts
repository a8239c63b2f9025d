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
import { QUARTER, YEAR, quarterOf, type FormatDescription } from './types';

export const format: FormatDescription = {
  id: 'cundinamarca-pdm',
  name: 'Seguimiento al PDM, formato de Cundinamarca',
  planName: 'Seguimiento al PDM',
  kind: 'hoja-captura',
  signature: [/^codigo meta producto$/, new RegExp(`^valor esperado ${YEAR}$`), new RegExp(`^t${QUARTER} ejecutado ${YEAR}$`)],
  required: ['goalCode', 'goal', 'unit', 'yearGoal', 'executed'],
  values: { accumulation: { i: 'creciente', m: 'constante', d: 'decreciente' } },
  quarterShares: true,
  // `% TOTAL AVANCE <año>` is the template's own ratio, `IF(TOTAL PLANEADO=0, 0, TOTAL EJECUTADO/TOTAL PLANEADO)`:
  // a fraction, with or without a `%` number format.
  fractionPercents: ['progressDeclared'],
  // The product's `L.B` is often a description around the figure («3 muros construidos», «100% (130
  // beneficiarios 2023)»): the template has no other place for what the baseline counts. It is not
  // used for the vigencia's progress of a flow, which is what the quarters' shares are.
  describedFields: ['baseline'],
  columns: [
    { header: /^eje$/, field: 'dimension' },
    { header: /^nombre de sector$/, field: 'sector' },
    { header: /^programa mga$/, field: 'programCode' },
    { header: /^programa pdt$/, field: 'program' },
    { header: /^producto mga$/, field: 'productCode' },
    { header: /^bpin$/, field: 'bpin' },
    { header: /^nombre del proyecto$/, field: 'project' },
    { header: /^codigo meta producto$/, field: 'goalCode' },
    { header: /^meta de producto$/, field: 'goal' },
    { header: /^linea base$/, field: 'baseline', pick: 'last' },
    { header: /^unidad de medida$/, field: 'unitOfMeasure' },
    { header: /^tendencia indicador$/, field: 'accumulation' },
    { header: /^indicador$/, field: 'indicator' },
    { header: /^responsable$/, field: 'unit' },
    { header: /^valor esperado cuatrienio$/, field: 'termGoal' },
    { header: new RegExp(`^valor esperado ${YEAR}$`), field: 'yearGoal' },
    { header: new RegExp(`^t${QUARTER} planeado ${YEAR}$`), field: (m) => q(m, plannedField) },
    { header: new RegExp(`^t${QUARTER} ejecutado ${YEAR}$`), field: (m) => q(m, executedField) },
    { header: new RegExp(`^total ejecutado ${YEAR}$`), field: 'executedTotal' },
    { header: new RegExp(`^% total avance ${YEAR}$`), field: 'progressDeclared' },
    { header: new RegExp(`^soportes de cumplimiento ${YEAR}$`), field: 'evidence' },
    { header: new RegExp(`^apropiacion definitiva ${YEAR}$`), field: 'budgetFinal', pick: 'last' },
    { header: new RegExp(`^compromisos ${YEAR}$`), field: 'commitments', pick: 'last' },
    { header: new RegExp(`^pagos ${YEAR}$`), field: 'payments', pick: 'last' },
  ],
};

function q(m: RegExpExecArray, family: (n: number) => ReturnType<typeof plannedField>) {
  const n = quarterOf(m.groups?.q);
  return n === undefined ? undefined : family(n);
}
