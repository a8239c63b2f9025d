/**
 * "Alertas" — the quarterly alert report of PE-P-008 (steps 2–4):
 *
 * 1. The matrix of lagging goals (atrasadas + no iniciadas) at the cut-off, grouped by unit:
 *    code, goal, type, planned and executed to date, compliance, gap, state, the unit's analysis,
 *    and BLANK columns (light yellow) for cause, corrective action, responsible and commitment
 *    date — the unit fills them and sends the sheet back.
 *    At year-end (the cut-off is the vigencia's last period) the matrix is the goals not met in
 *    the vigencia (`no-cumplida`), with blank columns for the justification and the commitment.
 * 2. Goals above what was due at the cut-off (`over-execution`, whatever the state; it includes
 *    the sobreejecutadas), with a blank column for the justification or reprogramming.
 * 3. Periods due with a blank executed cell (`missing-report`); then the `no-medible` goals.
 * 4. Plan goals with something due and no report in any capture sheet.
 * 5. From the third quarter on (cut-off period ≥ T3, or ≥ September for monthly sheets), the
 *    cumulative matrix: each goal lagging at the cut-off with its state at every earlier quarter
 *    end (T1, T2, T3 …), recomputed from the current workbook with `computeProgress`.
 */
import type { ProgressModel } from '../domain/progress-model';
import type { GoalProgress, GoalState } from '../domain/goal';
import { goalStateLabels } from '../domain/goal';
import { computeProgress, isLagging } from '../domain/progress';
import { formatPercent } from '../domain/format';
import { aggregate, unnamedGroup } from '../domain/aggregate';
import { baseStyles, formats, range, SheetBuilder, trafficLightRules } from './model';
import type { SheetModel } from './model';
import { cutoffPhrase, duePhrase, periodLabel, YEAR_PERIOD } from '../domain/periods';
import { DASH, dueHeaders, formatDateTime, headerRow, periodName, ratio, section, stateRules, titleBlock, trafficFromRatings } from './common';
import { pushTo } from '../domain/multimap';

const LAST = 13;
const widths = [11, 34, 11, 11, 11, 11, 11, 12, 30, 20, 22, 16, 12];

const accumulationLabels: Record<string, string> = {
  suma: 'Suma',
  creciente: 'Creciente',
  constante: 'Constante',
  decreciente: 'Decreciente',
};

export interface AlertasInput {
  readonly model: ProgressModel;
  readonly generatedAt: string;
  /** The one unit the sheet is limited to (the pane's unit picker), named in its title. */
  readonly unit?: string;
}

/** One earlier cut-off of the cumulative matrix. */
export interface Checkpoint {
  readonly label: string;
  /** Period index in the goal's own period kind. */
  readonly period: number;
}

/** Quarter ends up to the cut-off (T1 … Tc); for monthly sheets the months ending a quarter. */
export function checkpoints(model: ProgressModel): Checkpoint[] {
  const out: Checkpoint[] = [];
  if (model.periodKind === 'month') {
    for (let q = 1; q * 3 <= model.cutoffPeriod; q++) out.push({ label: `T${q}`, period: q * 3 });
  } else {
    for (let q = 1; q <= model.cutoffPeriod; q++) out.push({ label: `T${q}`, period: q });
  }
  return out;
}

/** True from the third quarter on (PE-P-008 step 4). */
export function showsCumulative(model: ProgressModel): boolean {
  return model.periodKind === 'month' ? model.cutoffPeriod >= 9 : model.cutoffPeriod >= 3;
}

/** A goal's state at an earlier cut-off (same workbook data, earlier period). */
export function stateAt(g: GoalProgress, period: number, lagThreshold: number): GoalState {
  return computeProgress(g.input, Math.min(period, g.cutoffPeriod), lagThreshold, period >= g.cutoffPeriod && g.periodOpen === true).state;
}

function num(b: SheetBuilder, row: number, col: number, v: number | null): void {
  if (v === null || !Number.isFinite(v)) b.set(row, col, DASH, 'tdCenter');
  else b.set(row, col, v, Number.isInteger(v) ? 'tdInt' : 'tdNum');
}

function byUnit(goals: readonly GoalProgress[]): Map<string, GoalProgress[]> {
  const map = new Map<string, GoalProgress[]>();
  for (const g of goals) {
    const key = g.input.unit.replace(/\s+/g, ' ').trim() || unnamedGroup.unit;
    pushTo(map, key, g);
  }
  return new Map([...map.entries()].sort((a, c) => a[0].localeCompare(c[0], 'es')));
}

/** What is missing to reach the planned level: p − e (e − p for a goal that brings a level down). */
export function gapOf(g: GoalProgress): number | null {
  if (g.plannedToDate === null) return null;
  const e = g.executedToDate ?? (g.input.accumulation === 'decreciente' || g.input.accumulation === 'creciente' ? (g.input.baseline ?? 0) : 0);
  const gap = g.input.accumulation === 'decreciente' ? e - g.plannedToDate : g.plannedToDate - e;
  return Number(Math.max(0, gap).toPrecision(12));
}

export function buildAlertas(input: AlertasInput): SheetModel {
  const { model } = input;
  const lag = model.options.lagThreshold;
  const { due: dueHeader, executed: executedHeader } = dueHeaders(model);
  const b = new SheetBuilder('alertas', undefined, 'C00000');
  b.widthsFrom(1, widths);
  b.style('tdBlankDate', { ...baseStyles.tdBlank, numberFormat: formats.date, horizontal: 'center' });

  let row = titleBlock(
    b,
    LAST,
    model.entity,
    `Alertas de metas rezagadas — ${model.period === YEAR_PERIOD ? cutoffPhrase(model) : `${model.period ?? 'sin periodo medido'} de ${model.vigencia}`}${input.unit ? ` — ${input.unit}` : ''}`,
    `Reporte ${model.periodKind === 'year' ? 'anual' : model.periodKind === 'month' ? 'mensual' : 'trimestral'} de alertas por dependencia (PE-P-008). La dependencia diligencia las columnas en amarillo y lo devuelve a la Oficina de Planeación.`,
    [
      { label: 'Fecha de corte', value: model.cutoff, as: 'date' },
      { label: 'Periodo', value: periodName(model) },
      { label: 'Plazo de reporte', value: model.deadline, as: 'date' },
      { label: model.yearEnd ? 'No cumplidas' : 'Metas rezagadas', value: String(model.rezagadas.length) },
      { label: 'Sobre lo programado', value: String(model.overExecuted.length) },
      { label: 'Generado el', value: formatDateTime(input.generatedAt) },
    ],
    [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 9, 10, 11],
    ],
  );

  if (model.source !== 'hoja-captura') {
    row = section(b, row, LAST, 'Sin ejecución que evaluar');
    b.merge(
      row, 1, row, LAST,
      'El libro no tiene hojas de captura con ejecución reportada: no hay metas que evaluar al corte. ' +
        'Las alertas (PE-P-008) se generan con la hoja de captura del trimestre, o con el consolidado de las dependencias.',
      'note',
    );
    b.printSetup({ repeatRows: { from: 1, to: 2 } });
    return b.build();
  }

  // 1. Lagging matrix grouped by unit; at year-end, the goals not met in the vigencia, each with
  // blank columns for its justification and commitment (PE-P-008 step 5).
  const yearEnd = model.yearEnd;
  row = section(
    b, row, LAST,
    yearEnd
      ? `1. Metas no cumplidas en la vigencia (PE-P-008, paso 5: justificación y compromiso): ${model.rezagadas.length}`
      : `1. Matriz de metas rezagadas al corte (atrasadas y no iniciadas): ${model.rezagadas.length}`,
  );
  headerRow(b, row, [
    [1, 1, 'Código'],
    [2, 2, 'Meta de producto'],
    [3, 3, 'Tipo de acumulación'],
    [4, 4, dueHeader],
    [5, 5, executedHeader],
    [6, 6, 'Cumplimiento al corte'],
    [7, 7, 'Brecha (programado − ejecutado)'],
    [8, 8, 'Estado'],
    [9, 9, 'Análisis de la dependencia'],
    [10, 10, yearEnd ? 'Justificación del incumplimiento' : 'Causa del rezago', 'thBlank'],
    [11, 11, yearEnd ? 'Compromiso' : 'Acción correctiva', 'thBlank'],
    [12, 12, 'Responsable', 'thBlank'],
    [13, 13, 'Fecha de compromiso', 'thBlank'],
  ], 34);
  row++;
  const top = row;
  const groups = byUnit(model.rezagadas);
  for (const [unit, goals] of groups) {
    const unitAgg = model.units.find((u) => u.members.some((m) => goals.includes(m)));
    const compliance = unitAgg?.compliance ?? aggregate(goals, model.options.ratingRanges).compliance;
    const count = `${goals.length} meta${goals.length === 1 ? ' rezagada' : 's rezagadas'}`;
    // Goals naming no unit are nobody's: their line says so, with no «cumplimiento de la dependencia».
    const head = unit === unnamedGroup.unit ? `${unit} (metas que no nombran su dependencia) — ${count}` : `${unit} — ${count}${compliance !== null ? ` · cumplimiento físico de la dependencia ${formatPercent(compliance)}` : ''}`;
    b.merge(
      row, 1, row, LAST,
      head,
      'group',
      { text: true },
    );
    b.height(row, 18);
    row++;
    for (const g of goals) {
      b.text(row, 1, g.input.code, 'tdCode');
      b.text(row, 2, g.input.goal, 'td');
      b.set(row, 3, g.input.accumulation ? accumulationLabels[g.input.accumulation] : DASH, 'tdCenter');
      num(b, row, 4, g.plannedToDate);
      num(b, row, 5, g.executedToDate ?? (g.plannedToDate !== null ? 0 : null));
      b.set(row, 6, ratio(g.compliance), 'tdPct');
      const gap = gapOf(g);
      num(b, row, 7, gap);
      b.set(row, 8, goalStateLabels[g.state], 'tdCenter');
      b.text(row, 9, g.input.analysis ?? 'Sin análisis', 'td');
      for (let c = 10; c <= 13; c++) b.set(row, c, null, c === 13 ? 'tdBlankDate' : 'tdBlank');
      row++;
    }
  }
  if (model.rezagadas.length === 0) {
    b.merge(row, 1, row, LAST, 'Ninguna meta está rezagada al corte.', 'empty');
    row++;
  } else {
    b.conditional(...trafficLightRules([range(top, 6, row - 1, 6)], trafficFromRatings(model.options.ratingRanges)));
    b.conditional(...stateRules([range(top, 8, row - 1, 8)]));
  }
  row++;

  // 2. Above what was due at the cut-off (over-execution), whatever the state; it includes the
  // goals over 100 % of the year's goal (sobreejecutadas).
  // An annual follow-up's «due at the cut-off» is the whole year: one figure, said as such.
  row = section(
    b,
    row,
    LAST,
    model.periodKind === 'year'
      ? `2. Por encima de lo programado para todo ${model.vigencia}: ${model.overExecuted.length}`
      : `2. Por encima de lo programado al corte: ${model.overExecuted.length} (${model.sobreejecutadas.length} sobre el 100 % de la meta de la vigencia)`,
  );
  headerRow(b, row, [
    [1, 1, 'Código'],
    [2, 2, 'Meta de producto'],
    [3, 3, 'Dependencia'],
    [4, 4, dueHeader],
    [5, 5, executedHeader],
    [6, 6, 'Cumplimiento al corte'],
    [7, 7, 'Avance de la vigencia'],
    [8, 8, 'Estado'],
    [9, 9, 'Análisis de la dependencia'],
    [10, LAST, 'Justificación o reprogramación propuesta', 'thBlank'],
  ], 34);
  row++;
  const overTop = row;
  for (const g of model.overExecuted) {
    b.text(row, 1, g.input.code, 'tdCode');
    b.text(row, 2, g.input.goal, 'td');
    b.text(row, 3, g.input.unit, 'td');
    num(b, row, 4, g.plannedToDate);
    num(b, row, 5, g.executedToDate);
    b.set(row, 6, ratio(g.compliance), 'tdPct');
    b.set(row, 7, ratio(g.progress), 'tdPct');
    b.set(row, 8, goalStateLabels[g.state], 'tdCenter');
    b.text(row, 9, g.input.analysis ?? 'Sin análisis', 'td');
    b.merge(row, 10, row, LAST, null, 'tdBlank');
    row++;
  }
  if (model.overExecuted.length === 0) {
    b.merge(row, 1, row, LAST, 'Ninguna meta supera lo programado a la fecha de corte.', 'empty');
    row++;
  } else b.conditional(...stateRules([range(overTop, 8, row - 1, 8)]));
  row++;

  // 2b. Blank reports of periods already due (missing-report) and goals that cannot be measured.
  row = section(b, row, LAST, `3. Periodos vencidos sin reporte en la hoja de captura: ${model.missingReports.length} ${model.missingReports.length === 1 ? 'meta' : 'metas'}`);
  headerRow(b, row, [
    [1, 1, 'Código'],
    [2, 2, 'Meta de producto'],
    [3, 4, 'Dependencia'],
    [5, 6, 'Periodos sin reporte'],
    [7, 8, 'Estado'],
    [9, LAST, 'Reporte pendiente de la dependencia', 'thBlank'],
  ]);
  row++;
  for (const { goal: g, periods } of model.missingReports) {
    b.text(row, 1, g.input.code, 'tdCode');
    b.text(row, 2, g.input.goal, 'td');
    b.merge(row, 3, row, 4, g.input.unit, 'td', { text: true });
    b.merge(row, 5, row, 6, periods.map((k) => periodLabel(k, model.periodKind)).join(', '), 'tdCenter', { text: true });
    b.merge(row, 7, row, 8, goalStateLabels[g.state], 'tdCenter');
    b.merge(row, 9, row, LAST, null, 'tdBlank');
    row++;
  }
  if (model.missingReports.length === 0) {
    b.merge(row, 1, row, LAST, 'Todos los periodos vencidos con programación tienen su reporte.', 'empty');
    row++;
  }
  row++;
  if (model.noMedibles.length) {
    row = section(b, row, LAST, `Metas no medibles (fuera de las cifras, para corregir): ${model.noMedibles.length}`);
    headerRow(b, row, [
      [1, 1, 'Código'],
      [2, 2, 'Meta de producto'],
      [3, 4, 'Dependencia'],
      [5, 6, 'Tipo de acumulación'],
      [7, LAST, 'Qué falta'],
    ]);
    row++;
    for (const g of model.noMedibles) {
      b.text(row, 1, g.input.code, 'tdCode');
      b.text(row, 2, g.input.goal, 'td');
      b.merge(row, 3, row, 4, g.input.unit, 'td', { text: true });
      b.merge(row, 5, row, 6, g.input.accumulation ? accumulationLabels[g.input.accumulation] : DASH, 'tdCenter');
      const why =
        (g.input.uncalculated?.length ?? 0) > 0
          ? 'Sus cifras son fórmulas sin valor calculado (sin dato): abra el libro en Excel y guárdelo para que se calculen.'
          : g.input.accumulation === 'decreciente' && g.input.baseline === null
            ? 'Una meta decreciente necesita la línea base para medir cuánto se redujo.'
            : 'La meta no tiene meta vigencia ni programación.';
      b.merge(row, 7, row, LAST, why, 'td', { text: true });
      row++;
    }
    row++;
  }

  // 3. Plan goals with no report.
  row = section(b, row, LAST, `4. Metas del plan de acción sin reporte en la hoja de captura: ${model.unreported.length}`);
  headerRow(b, row, [
    [1, 1, 'Código'],
    [2, 2, 'Meta de producto'],
    [3, 4, 'Dependencia'],
    [5, 5, 'Meta vigencia'],
    [6, 6, dueHeader],
    [7, 8, 'Estado'],
    [9, LAST, 'Observación de la dependencia', 'thBlank'],
  ]);
  row++;
  for (const g of model.unreported) {
    b.text(row, 1, g.input.code, 'tdCode');
    b.text(row, 2, g.input.goal, 'td');
    b.merge(row, 3, row, 4, g.input.unit, 'td', { text: true });
    num(b, row, 5, g.input.yearGoal);
    num(b, row, 6, g.plannedToDate);
    b.merge(row, 7, row, 8, 'Sin reporte', 'tdCenter');
    b.merge(row, 9, row, LAST, null, 'tdBlank');
    row++;
  }
  if (model.unreported.length === 0) {
    b.merge(row, 1, row, LAST, 'Todas las metas del plan con programación al corte tienen reporte (o el libro no trae plan de acción).', 'empty');
    row++;
  }
  row++;

  // 4. Cumulative matrix from Q3.
  if (showsCumulative(model)) {
    const cps = checkpoints(model);
    row = section(b, row, LAST, `5. Matriz acumulada de metas rezagadas (estado en cada corte, ${cps[0].label} a ${cps[cps.length - 1].label})`);
    const first = 5;
    const countCol = first + cps.length;
    headerRow(b, row, [
      [1, 1, 'Código'],
      [2, 2, 'Meta de producto'],
      [3, 4, 'Dependencia'],
      ...cps.map((cp, i) => [first + i, first + i, `Estado al corte ${cp.label}`] as const),
      [countCol, countCol, 'Cortes en rezago'],
      [countCol + 1, LAST, 'Compromiso de la dependencia', 'thBlank'],
    ]);
    row++;
    const cumTop = row;
    const lagging = [...model.rezagadas].sort((a, c) => a.input.unit.localeCompare(c.input.unit, 'es') || a.input.code.localeCompare(c.input.code, 'es'));
    for (const g of lagging) {
      b.text(row, 1, g.input.code, 'tdCode');
      b.text(row, 2, g.input.goal, 'td');
      b.merge(row, 3, row, 4, g.input.unit, 'td', { text: true });
      let count = 0;
      cps.forEach((cp, i) => {
        const st = stateAt(g, cp.period, lag);
        if (isLagging(st)) count++;
        b.set(row, first + i, goalStateLabels[st], 'tdCenter');
      });
      b.set(row, countCol, `${count} de ${cps.length}`, 'tdCenter');
      b.merge(row, countCol + 1, row, LAST, null, 'tdBlank');
      row++;
    }
    if (lagging.length === 0) {
      b.merge(row, 1, row, LAST, 'Ninguna meta está rezagada al corte.', 'empty');
      row++;
    } else b.conditional(...stateRules([range(cumTop, first, row - 1, first + cps.length - 1)]));
    row++;
  }

  b.merge(
    row, 1, row, LAST,
    `Cumplimiento al corte: ejecutado frente a lo ${duePhrase(model.periodKind, model.vigencia)}; una meta está atrasada por debajo de ${formatPercent(lag, 0)}. ` +
      `Generado por Tablero PDM el ${formatDateTime(input.generatedAt)}; las columnas en amarillo son para la dependencia.`,
    'footer',
  );
  b.printSetup({ repeatRows: { from: 1, to: 2 } });
  return b.build();
}

