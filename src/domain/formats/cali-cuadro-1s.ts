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
import { key } from './key';
import { QUARTER, quarterOf, type FormatDescription } from './types';

const quarter = (m: RegExpExecArray) => quarterOf(m.groups?.q);

const activityCode = key`^codigo actividad$`;
const activityProgress = key`^% de avance actividad ${QUARTER}$`;
const executed = key`^ejecucion fisica ${QUARTER}$`;

export const format: FormatDescription = {
  id: 'cali-cuadro-1s',
  entity: 'Santiago de Cali',
  name: 'Cuadro 1S – Seguimiento al Plan de Acción (Santiago de Cali)',
  kind: 'hoja-captura',
  signature: [activityCode, activityProgress, executed],
  required: ['goalCode', 'goal', 'unit', 'yearGoal', 'executed'],
  granularity: 'activity',
  goalKey: ['projectCode', 'goalCode', 'productCode'],
  accumulation: 'creciente',
  yearGoalDue: true,
  columns: [
    { header: key`^nivel 1 pd nombre$`, field: 'dimension' },
    { header: key`^nivel 3 pd nombre$`, field: 'program' },
    { header: key`^codigo bpin$`, field: 'bpin' },
    { header: key`^codigo bp$`, field: 'projectCode' },
    { header: key`^nombre bp$`, field: 'project' },
    { header: activityCode, field: 'activityCode' },
    { header: key`^nombre actividad$`, field: 'activity' },
    { header: key`^ponderacion de actividad$`, field: 'activityWeight' },
    { header: activityProgress, field: 'activityProgress', period: quarter },
    { header: key`^explicacion actividad ${QUARTER}$`, field: 'activityNote', period: quarter },
    { header: key`^(?:codigo )?meta pd$`, field: 'goalCode' },
    { header: key`^denominacion meta pd$`, field: 'goal' },
    { header: key`^nombre producto mga$`, field: 'product' },
    { header: key`^codigo producto mga$`, field: 'productCode' },
    { header: key`^cantidad programada producto$`, field: 'yearGoal' },
    { header: executed, field: (m) => { const n = quarter(m); return n === undefined ? undefined : executedField(n); } },
    { header: key`^explicacion producto ${QUARTER}$`, field: 'analysis', period: quarter },
    // `Descripcion Cuadro`'s own name for the product's explanation, once per quarter after its execution.
    { header: key`^explicacion avance retroceso$`, field: 'analysis', period: 'left' },
    { header: key`^presupuesto modificado$`, field: 'budgetFinal' },
    { header: key`^ejecucion$`, field: 'commitments' },
    { header: key`^obligado$`, field: 'obligations' },
    { header: key`^pagos$`, field: 'payments' },
    { header: key`^fecha inicio$`, field: 'startDate' },
    { header: key`^fecha fin$`, field: 'endDate' },
    { header: key`^nombre centro gestor$`, field: 'unit' },
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
