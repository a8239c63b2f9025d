/**
 * Santiago de Cali DAP "Cuadro 1S – Seguimiento al Plan de Acción" (data sheet named by its
 * format code, `MEDE01.03.01.P01.F05`), documented column by column by its authors in the sheet
 * `Descripcion Cuadro`: one row per activity of a BPIN project, the product repeated on each of its
 * activities. Goals are the distinct products of a project; activities keep their own weights,
 * quarterly progress, explanations and dates. `Ejecución Física Trimestre N` is "la ejecución física
 * con respecto a la cantidad programada de producto": the level the product has reached by that
 * quarter. Numbers and percents are often text with `.` as the decimal mark (`'1.95'`, `'2.00%'`).
 * Summary sheets (`Organismo`, `Proyectos`, `Avance Proyecto`) repeat the data by unit and project.
 */
import { executedField } from '../fields';
import { QUARTER, quarterOf, type FormatDescription } from './types';

const quarter = (m: RegExpExecArray) => quarterOf(m.groups?.q);

export const format: FormatDescription = {
  id: 'cali-cuadro-1s',
  entity: 'Santiago de Cali',
  name: 'Cuadro 1S – Seguimiento al Plan de Acción (Santiago de Cali)',
  kind: 'hoja-captura',
  signature: [/^codigo actividad$/, new RegExp(`^% de avance actividad trimestre ${QUARTER}$`), new RegExp(`^ejecucion fisica trimestre ${QUARTER}$`)],
  required: ['goalCode', 'goal', 'unit', 'yearGoal', 'executed'],
  granularity: 'activity',
  goalKey: ['projectCode', 'goalCode', 'productCode'],
  accumulation: 'creciente',
  yearGoalDue: true,
  columns: [
    { header: /^nivel 1 pd nombre$/, field: 'dimension' },
    { header: /^nivel 3 pd nombre$/, field: 'program' },
    { header: /^codigo bpin$/, field: 'bpin' },
    { header: /^codigo bp$/, field: 'projectCode' },
    { header: /^nombre bp$/, field: 'project' },
    { header: /^codigo actividad$/, field: 'activityCode' },
    { header: /^nombre actividad$/, field: 'activity' },
    { header: /^ponderacion de actividad$/, field: 'activityWeight' },
    { header: new RegExp(`^% de avance actividad trimestre ${QUARTER}$`), field: 'activityProgress', period: quarter },
    { header: new RegExp(`^explicacion actividad trim ${QUARTER}$`), field: 'activityNote', period: quarter },
    { header: /^meta pd$/, field: 'goalCode' },
    { header: /^denominacion meta pd$/, field: 'goal' },
    { header: /^nombre producto mga$/, field: 'product' },
    { header: /^codigo producto mga$/, field: 'productCode' },
    { header: /^cantidad programada producto$/, field: 'yearGoal' },
    { header: new RegExp(`^ejecucion fisica trimestre ${QUARTER}$`), field: (m) => { const n = quarter(m); return n === undefined ? undefined : executedField(n); } },
    { header: new RegExp(`^explicacion producto trim ${QUARTER}$`), field: 'analysis', period: quarter },
    // `Descripcion Cuadro`'s own name for the product's explanation, once per quarter after its execution.
    { header: /^explicacion avance retroceso$/, field: 'analysis', period: 'left' },
    { header: /^presupuesto modificado$/, field: 'budgetFinal' },
    { header: /^ejecucion$/, field: 'commitments' },
    { header: /^obligado$/, field: 'obligations' },
    { header: /^pagos$/, field: 'payments' },
    { header: /^fecha inicio$/, field: 'startDate' },
    { header: /^fecha fin$/, field: 'endDate' },
    { header: /^nombre centro gestor$/, field: 'unit' },
  ],
  companions: [
    { role: 'descripción de las columnas del cuadro', headers: [/^encabezado columna$/, /^descripcion de la columna$/] },
    { role: 'resumen por organismo', headers: [/^total proyectos$/] },
    { role: 'resumen por proyecto', headers: [/^nombre proyecto$/, /^% avance proyecto$/] },
    // DAP's Cuadro 4F: the plan's wellbeing (result) indicators — formula, variables, línea base and
    // goal of a year, ODS — often of another period: another table, never a follow-up to validate.
    { role: 'indicadores de bienestar del plan (Cuadro 4F), no es seguimiento', headers: [/^indicador de bienestar$/, /^codigo indicador$/] },
    { role: 'indicadores de bienestar del plan (Cuadro 4F), no es seguimiento', name: /\bcuadro 4f\b/ },
  ],
};
