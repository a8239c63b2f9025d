/**
 * "Tablero de control" (progress.md "What is generated"; PE-P-004 steps 5–6): what the planning
 * office shows the mayor's council every quarter.
 *
 * Layout, top to bottom, 13 columns, A4 landscape fitted to the width:
 * 1. Title block: entity (blank when none is known), "Tablero de control — Plan de Acción
 *    <vigencia>" (the format's own plan name instead when it has one: «Informe de seguimiento al
 *    PDT»), cut-off, period,
 *    report deadline, vigencia, source sheets, when generated.
 * 2. KPI band: goals, physical compliance, progress of the vigencia, budget execution, rating,
 *    rezagadas, sobreejecutadas (with a small caption under each).
 * 3. Table by dimension (+ plan total) and ranking by unit: goals, the three figures, rating,
 *    count per state. Traffic light on every figure (rating ranges), data bars on percentages.
 * 4. Two real Excel charts, "Cumplimiento físico frente a ejecución presupuestal" by dimension and
 *    by unit, side by side on their own printed page: described once here (`ChartSpec`, reading
 *    the two tables above), drawn by the add-in through office-js and by the CLI as chart parts of
 *    the package (`src/xlsx/chart-parts.ts`).
 * 5. The list of rezagadas with the unit's analysis.
 *
 * When the workbook has only a plan de acción (no execution yet) the tablero summarises the plan
 * instead (`plan-summary.ts`).
 */
import type { ProgressModel } from '../domain/progress-model';
import { hasNamedGroup, NO_NAMED_DIMENSION, NO_NAMED_UNIT, type GroupAggregate } from '../domain/aggregate';
import { capitalized } from '../domain/text';
import type { GoalProgress } from '../domain/goal';
import { goalStateLabels } from '../domain/goal';
import { formatDate, formatPercent } from '../domain/format';
import { baseStyles, palette, range, SheetBuilder, trafficLightRules } from './model';
import type { CellRange } from '../domain/grid';
import type { SheetModel, TrafficLight } from './model';
import {
  DASH,
  formatDateTime,
  hasBudgetFigures,
  NO_BUDGET_FIGURES,
  headerRow,
  periodName,
  ratingRules,
  ratio,
  section,
  stateColumns,
  stateRules,
  titleBlock,
  elapsedShare,
  trafficForProgress,
  trafficFromRatings,
  type TableroInput,
} from './common';
import { annualNote, duePhrase, partialPhrase, periodCount } from '../domain/periods';
import { buildPlanSummary } from './plan-summary';

const LAST_COL = 15;
const widths = [8, 34, 8, 13, 13, 13, 14, 11, 11, 11, 11, 11, 11, 11, 11];

/** The figure columns of the dimension / unit tables. */
const FIG = { goals: 3, compliance: 4, progress: 5, budget: 6, rating: 7, states: 8 } as const;

function tableHeader(b: SheetBuilder, row: number, first: string, name: string, partial: boolean): void {
  headerRow(b, row, [
    [1, 1, first],
    [2, 2, name],
    [3, 3, 'Metas'],
    [4, 4, 'Cumplimiento físico al corte'],
    [5, 5, 'Avance de la vigencia'],
    [6, 6, 'Ejecución presupuestal'],
    [7, 7, partial ? 'Calificación (parcial)' : 'Calificación'],
    ...stateColumns.map((s, i) => [FIG.states + i, FIG.states + i, goalStateLabels[s], 'thSmall'] as const),
  ], 32);
}

function figureRow(b: SheetBuilder, row: number, first: string | number | null, g: GroupAggregate | ProgressModel['plan'], name: string, total = false): void {
  const s = (normal: string, t: string) => (total ? t : normal);
  b.set(row, 1, first, s('tdCenter', 'totalCenter'));
  if (total) b.set(row, 2, name, 'totalLabel');
  else b.text(row, 2, name, 'td');
  b.set(row, FIG.goals, g.goals, s('tdInt', 'totalInt'));
  b.set(row, FIG.compliance, ratio(g.compliance), s('tdPct', 'totalPct'));
  b.set(row, FIG.progress, ratio(g.progress), s('tdPct', 'totalPct'));
  b.set(row, FIG.budget, ratio(g.budgetExecution), s('tdPct', 'totalPct'));
  b.set(row, FIG.rating, g.rating ?? DASH, s('tdCenter', 'totalCenter'));
  stateColumns.forEach((st, i) => b.set(row, FIG.states + i, g.states[st] ?? 0, s('tdInt', 'totalInt')));
}

/** Traffic lights and data bars of a block of figure rows. */
function figureFormats(b: SheetBuilder, top: number, bottom: number, model: ProgressModel): void {
  if (bottom < top) return;
  const pct: CellRange = range(top, FIG.compliance, bottom, FIG.budget);
  b.conditional(
    ...trafficLightRules([range(top, FIG.compliance, bottom, FIG.compliance), range(top, FIG.budget, bottom, FIG.budget)], trafficFromRatings(model.options.ratingRanges)),
  );
  b.conditional(...trafficLightRules([range(top, FIG.progress, bottom, FIG.progress)], progressLight(model)));
  b.conditional({ kind: 'dataBar', ranges: [pct], color: 'A9C4EB', min: 0, max: 1 });
  b.conditional(...ratingRules([range(top, FIG.rating, bottom, FIG.rating)]));
}

function pctText(x: number | null): string {
  return x === null ? DASH : formatPercent(x);
}

/** Which weights the means used (progress.md: the tablero's footnote says which). */
function weightsNote(model: ProgressModel): string {
  const weighted = model.units.filter((u) => u.weighted).map((u) => u.name);
  const within = weighted.length
    ? `dentro de ${weighted.length === model.units.length ? 'cada dependencia' : weighted.join(', ')} se usó la ponderación de las metas`
    : 'ninguna dependencia trae la ponderación de todas sus metas: pesos iguales dentro de cada una';
  return `${within}; entre dependencias (dimensión, programa, plan) cada meta cuenta igual`;
}

/**
 * What the progress of the vigencia is judged against, as the footnote says it: the share of the
 * year measured at the cut-off. An annual follow-up has one period, the year, measured so far: its
 * compliance and progress compare the execution at the cut-off with the whole year's programming
 * (progress.md), and the footnote says so.
 */
function progressNote(model: ProgressModel): string {
  if (model.periodKind === 'year') return `${annualNote(model.vigencia, model.cutoff, model.yearEnd)} `;
  return `El avance de la vigencia se compara con la parte del año ya medida (${formatPercent(elapsedShare(model.cutoffPeriod, periodCount(model.periodKind)), 0)} al corte). `;
}

/** Progress of the vigencia is judged against the share of the year measured at the cut-off. */
function progressLight(model: ProgressModel): TrafficLight {
  return trafficForProgress(model.options.ratingRanges, model.cutoffPeriod, periodCount(model.periodKind));
}

function kpi(b: SheetBuilder, row: number, c1: number, c2: number, label: string, value: string | number | null, style: string, caption: string): void {
  b.merge(row, c1, row, c2, label, 'kpiLabel');
  b.merge(row + 1, c1, row + 1, c2, value ?? DASH, value === null ? 'kpiText' : style);
  b.merge(row + 2, c1, row + 2, c2, caption, 'kpiCaption');
}

function lagCaption(list: readonly GoalProgress[], yearEnd: boolean): string {
  if (yearEnd) return `No cumplidas en la vigencia ${list.filter((g) => g.state === 'no-cumplida').length}`;
  const atr = list.filter((g) => g.state === 'atrasada').length;
  const ni = list.filter((g) => g.state === 'no-iniciada').length;
  return `Atrasadas ${atr} · No iniciadas ${ni}`;
}

/** A table of figure rows with its formats (the plan total last when given). */
function figureTable(
  b: SheetBuilder,
  row: number,
  model: ProgressModel,
  first: string,
  name: string,
  groups: readonly { key: string | number; name: string; g: GroupAggregate | ProgressModel['plan'] }[],
  total?: { name: string; g: ProgressModel['plan'] },
): number {
  tableHeader(b, row, first, name, !model.yearEnd);
  row++;
  const top = row;
  for (const x of groups) figureRow(b, row++, x.key, x.g, x.name);
  if (total) figureRow(b, row++, null, total.g, total.name, true);
  figureFormats(b, top, row - 1, model);
  return row;
}

/** Budget execution, all three ratios (progress.md "Budget execution"), by program and by source. */
function budgetTable(b: SheetBuilder, row: number, first: string, rows: readonly { name: string; final: number; commitments: number | null; obligations: number | null; payments: number | null }[], total: { final: number; commitments: number | null; obligations: number | null; payments: number | null }): number {
  headerRow(b, row, [
    [1, 2, first],
    [3, 4, 'Apropiación definitiva'],
    [5, 6, 'Compromisos ÷ apropiación'],
    [7, 9, 'Obligaciones ÷ apropiación'],
    [10, 12, 'Pagos ÷ apropiación'],
  ]);
  row++;
  const top = row;
  const line = (name: string, x: typeof total, t: boolean): void => {
    b.merge(row, 1, row, 2, name, t ? 'totalLabel' : 'td', { text: true });
    b.merge(row, 3, row, 4, x.final, t ? 'totalMoney' : 'tdMoney');
    b.merge(row, 5, row, 6, ratio(x.commitments), t ? 'totalPct' : 'tdPct');
    b.merge(row, 7, row, 9, ratio(x.obligations), t ? 'totalPct' : 'tdPct');
    b.merge(row, 10, row, 12, ratio(x.payments), t ? 'totalPct' : 'tdPct');
    row++;
  };
  for (const r of rows) line(r.name, r, false);
  line('Total', total, true);
  b.conditional({ kind: 'dataBar', ranges: [range(top, 5, row - 1, 12)], color: 'F4B183', min: 0, max: 1 });
  return row;
}

/** The Tablero de control of a progress model (or the plan summary when there is no execution). */
/**
 * The caption of the «Sobreejecutadas» KPI. In an annual follow-up what was due by the cut-off is
 * the whole year's programming, so «por encima de lo programado al corte» would read as «100 % al
 * corte»: it says the year and the date the execution runs to instead.
 */
function overCaption(model: ProgressModel): string {
  if (model.periodKind === 'year') {
    const over = model.overExecuted.length;
    const extra = over !== model.sobreejecutadas.length ? ` · ${over} por encima de lo programado para todo ${model.vigencia}` : '';
    return `Avance > 100 % de la meta de ${model.vigencia}, con lo ejecutado al ${formatDate(model.cutoff)}${extra}`;
  }
  return `Avance > 100 % · ${model.overExecuted.length} por encima de lo programado al corte`;
}

export function buildTablero(input: TableroInput): SheetModel {
  const { model } = input;
  if (model.source === 'plan-accion' || model.source === 'plan-indicativo') return buildPlanSummary(input);

  const b = new SheetBuilder('tablero', undefined, palette.navy);
  b.widthsFrom(1, widths);
  b.style('thSmall', { ...baseStyles.th, font: { bold: true, size: 8, color: palette.white } });
  b.style('kpiCaption', { font: { size: 8, italic: true, color: palette.grey }, horizontal: 'center', vertical: 'top', wrap: true });

  let row = titleBlock(
    b,
    LAST_COL,
    model.entity,
    `Tablero de control — ${model.planName ?? 'Plan de Acción'} ${model.vigencia}`,
    'Seguimiento a las metas de producto del Plan de Desarrollo Municipal (PE-P-004)',
    [
      { label: 'Fecha de corte', value: model.cutoff, as: 'date' },
      { label: 'Periodo', value: periodName(model) },
      { label: 'Plazo de reporte', value: model.deadline, as: 'date' },
      { label: 'Vigencia', value: String(model.vigencia) },
      { label: 'Hojas', value: input.sourceSheets.join(', ') || DASH },
      { label: 'Generado el', value: formatDateTime(input.generatedAt) },
    ],
    [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 13],
    ],
  );

  // KPI band.
  const p = model.plan;
  row = section(b, row, LAST_COL, 'Indicadores clave al corte');
  const eliminated = p.eliminated ? ` (${p.eliminated} eliminada${p.eliminated === 1 ? '' : 's'} no cuentan)` : '';
  kpi(b, row, 1, 2, 'Metas de producto', p.goals, 'kpiValue', `Evaluadas en la calificación${eliminated}`);
  kpi(b, row, 3, 4, 'Cumplimiento físico al corte', p.compliance, 'kpiPercent', `Ejecutado frente a lo ${duePhrase(model.periodKind, model.vigencia)}`);
  kpi(b, row, 5, 6, 'Avance de la vigencia', p.progress, 'kpiPercent', 'Ejecutado frente a la meta del año');
  kpi(b, row, 7, 8, 'Ejecución presupuestal', p.budgetExecution, 'kpiPercent', `Compromisos ÷ apropiación · obligaciones ${pctText(p.obligationsRatio)} · pagos ${pctText(p.paymentsRatio)}`);
  kpi(b, row, 9, 10, 'Calificación', p.rating, 'kpiText', model.yearEnd ? 'Rangos de eficacia DNP · vigencia cerrada' : `Parcial, ${partialPhrase(model)} · rangos DNP`);
  kpi(b, row, 11, 13, 'Metas rezagadas', model.rezagadas.length, 'kpiValue', lagCaption(model.rezagadas, model.yearEnd));
  kpi(b, row, 14, 15, 'Sobreejecutadas', model.sobreejecutadas.length, 'kpiValue', overCaption(model));
  b.height(row, 26).height(row + 1, 36).height(row + 2, 24);
  b.conditional(...trafficLightRules([range(row + 1, 3, row + 1, 4), range(row + 1, 7, row + 1, 8)], trafficFromRatings(model.options.ratingRanges)));
  b.conditional(...trafficLightRules([range(row + 1, 5, row + 1, 6)], progressLight(model)));
  b.conditional(...ratingRules([range(row + 1, 9)]));
  row += 3;
  const r = model.options.ratingRanges;
  b.merge(
    row, 1, row, LAST_COL,
    `Semáforo: verde ≥ ${formatPercent(r.sobresaliente, 0)}, amarillo ${formatPercent(r.medio, 0)}–${formatPercent(r.sobresaliente, 0)}, rojo < ${formatPercent(r.medio, 0)}. ` +
      `Calificación (DNP): Sobresaliente ≥ ${formatPercent(r.sobresaliente, 0)}, Satisfactorio ≥ ${formatPercent(r.satisfactorio, 0)}, Medio ≥ ${formatPercent(r.medio, 0)}, Bajo ≥ ${formatPercent(r.bajo, 0)}, Crítico < ${formatPercent(r.bajo, 0)}. ` +
      progressNote(model) +
      `Rezagadas = atrasadas (cumplimiento < ${formatPercent(model.options.lagThreshold, 0)}) + no iniciadas (PE-P-008)${model.yearEnd ? ' + no cumplidas en la vigencia' : ''}. ` +
      `Cifras físicas y calificación sobre las metas de producto (las de gestión van aparte); las metas eliminadas y las no medibles no cuentan en ellas, pero su presupuesto sí. ` +
      `Ponderación: ${weightsNote(model)}.`,
    'note',
  );
  b.height(row, 36);
  row += 2;

  // By dimension.
  row = section(b, row, LAST_COL, 'Avance por dimensión');
  const dimTop = row + 1; // the chart by dimension reads this table (names in B)
  // No goal naming its dimension (DNP's report): one sentence, not a table of «Sin dimensión» and the plan total.
  const byDimension = hasNamedGroup(model.dimensions, 'dimension');
  if (byDimension || !model.dimensions.length) {
    row = figureTable(b, row, model, 'N.º', 'Dimensión', model.dimensions.map((d, i) => ({ key: i + 1, name: d.name, g: d })), { name: 'Total plan', g: p });
  } else {
    b.merge(row, 1, row, LAST_COL, `${capitalized(NO_NAMED_DIMENSION)}: las cifras del plan están en «Avance por programa».`, 'empty');
    row++;
  }
  row++;

  // By program.
  row = section(b, row, LAST_COL, 'Avance por programa');
  row = figureTable(b, row, model, 'N.º', 'Programa', model.programs.map((d, i) => ({ key: i + 1, name: d.name, g: d })), { name: 'Total plan', g: p });
  row++;

  // By unit: ranking de gestión — none when no goal names its unit (one «Sin dependencia» line would rank nobody).
  row = section(b, row, LAST_COL, 'Ranking de gestión por dependencia');
  const ranked = hasNamedGroup(model.units, 'unit');
  const unitTop = row + 1;
  if (ranked) {
    tableHeader(b, row, 'Puesto', 'Dependencia', !model.yearEnd);
    row++;
    for (const u of model.units) figureRow(b, row++, u.rank, u, u.name);
    figureFormats(b, unitTop, row - 1, model);
  } else {
    b.merge(row, 1, row, LAST_COL, model.units.length ? `${capitalized(NO_NAMED_UNIT)}.` : 'No hay dependencias con metas evaluadas.', 'empty');
    row++;
  }
  row++;

  // Metas de gestión, apart from the rating.
  if (model.gestion) {
    row = section(b, row, LAST_COL, 'Metas de gestión y administrativas (fuera de la calificación y del ranking)');
    row = figureTable(b, row, model, 'N.º', 'Dependencia', model.gestionUnits.map((u, i) => ({ key: i + 1, name: u.name, g: u })), { name: 'Total gestión', g: model.gestion });
    row++;
  }

  // Budget execution: the three ratios, by program and by source.
  row = section(b, row, LAST_COL, 'Ejecución presupuestal por programa (compromisos, obligaciones y pagos)');
  const ratios = (a: { budget: { final: number }; budgetExecution: number | null; obligationsRatio: number | null; paymentsRatio: number | null }) => ({
    final: a.budget.final,
    commitments: a.budgetExecution,
    obligations: a.obligationsRatio,
    payments: a.paymentsRatio,
  });
  // No goal with any money (DNP's report without its financial sheet): one sentence, not a table of zeros.
  const anyBudget = hasBudgetFigures(model);
  if (anyBudget) row = budgetTable(b, row, 'Programa', model.programBudgets.map((x) => ({ name: x.name, ...ratios(x) })), ratios(p));
  else b.merge(row++, 1, row - 1, LAST_COL, NO_BUDGET_FIGURES, 'empty');
  row++;
  if (anyBudget && model.sources.length) {
    row = section(b, row, LAST_COL, 'Ejecución presupuestal por fuente de financiación');
    row = budgetTable(
      b, row, 'Fuente',
      model.sources.map((x) => ({ name: x.name, final: x.final, commitments: x.budgetExecution, obligations: x.obligationsRatio, payments: x.paymentsRatio })),
      ratios(p),
    );
    row++;
  }

  // The charts: physical compliance against budget execution, by dimension and by unit, side by
  // side on their own printed page. Both hosts draw them as real Excel charts from `ChartSpec`.
  b.pageBreakBefore(row);
  row = section(b, row, LAST_COL, 'Cumplimiento físico frente a ejecución presupuestal');
  const legend =
    `Azul: cumplimiento físico al corte (ejecutado frente a lo ${duePhrase(model.periodKind, model.vigencia)}). Naranja: ejecución presupuestal (compromisos ÷ apropiación definitiva). Escala de 0 % a 100 %; las cifras están en las tablas de arriba.`;
  if (!ranked && !byDimension) {
    const why = model.units.length ? 'Ninguna meta nombra su dependencia ni su dimensión' : 'No hay dependencias con metas evaluadas';
    b.merge(row, 1, row, LAST_COL, `${why}: no hay gráfico que dibujar (las cifras por programa están arriba).`, 'empty');
    row += 2;
  } else {
    const chartTop = row;
    const rows = Math.min(30, Math.max(16, 7 + 2 * Math.max(ranked ? model.units.length : 0, byDimension ? model.dimensions.length : 0)));
    const chartBottom = chartTop + rows - 1;
    for (let r = chartTop; r <= chartBottom; r++) b.height(r, 15);
    const series = (top: number, bottom: number) => [
      { name: 'Cumplimiento físico al corte', values: range(top, FIG.compliance, bottom, FIG.compliance), color: palette.barPhysical },
      { name: 'Ejecución presupuestal', values: range(top, FIG.budget, bottom, FIG.budget), color: palette.barBudget },
    ];
    // A bar chart over the table whose names start at `top` (column B), between columns `left` and `right`.
    const bars = (title: string, top: number, count: number, left: number, right: number) =>
      b.chart({
        type: 'clusteredBar',
        title,
        categories: range(top, 2, top + count - 1, 2),
        series: series(top, top + count - 1),
        anchor: range(chartTop, left, chartBottom, right),
        axis: { min: 0, max: 1, numberFormat: '0 %' },
        topDown: true,
        fallbackNote: legend,
      });
    if (byDimension) bars('Por dimensión', dimTop, model.dimensions.length, 1, ranked ? 6 : LAST_COL);
    if (ranked) bars('Por dependencia (en el orden del ranking)', unitTop, model.units.length, byDimension ? 7 : 1, LAST_COL);
    row = chartBottom + 1;
    b.merge(row, 1, row, LAST_COL, legend, 'note');
    b.height(row, 26);
    row += 2;
  }

  // Rezagadas.
  row = section(b, row, LAST_COL, `Metas rezagadas al corte (${model.rezagadas.length})`);
  headerRow(b, row, [
    [1, 1, 'Código'],
    [2, 2, 'Meta de producto'],
    [3, 4, 'Dependencia'],
    [5, 5, 'Cumplimiento físico'],
    [6, 6, 'Avance vigencia'],
    [7, 7, 'Estado'],
    [8, LAST_COL, 'Análisis de la dependencia'],
  ]);
  row++;
  const lagTop = row;
  const sorted = [...model.rezagadas].sort((a, c) => (a.compliance ?? 0) - (c.compliance ?? 0) || a.input.unit.localeCompare(c.input.unit, 'es'));
  for (const g of sorted) {
    b.text(row, 1, g.input.code, 'tdCode');
    b.text(row, 2, g.input.goal, 'td');
    b.merge(row, 3, row, 4, g.input.unit, 'td', { text: true });
    b.set(row, 5, ratio(g.compliance), 'tdPct');
    b.set(row, 6, ratio(g.progress), 'tdPct');
    b.set(row, 7, goalStateLabels[g.state], 'tdCenter');
    b.merge(row, 8, row, LAST_COL, g.input.analysis ?? 'Sin análisis', 'td', g.input.analysis ? { text: true } : {});
    row++;
  }
  if (sorted.length) {
    b.conditional(...trafficLightRules([range(lagTop, 5, row - 1, 5)], trafficFromRatings(model.options.ratingRanges)));
    b.conditional(...trafficLightRules([range(lagTop, 6, row - 1, 6)], progressLight(model)));
    b.conditional(...stateRules([range(lagTop, 7, row - 1, 7)]));
  } else {
    b.merge(row, 1, row, LAST_COL, 'Ninguna meta está rezagada al corte.', 'empty');
    row++;
  }
  row++;
  b.merge(row, 1, row, LAST_COL, `Generado por Tablero PDM el ${formatDateTime(input.generatedAt)}. Las cifras se recalculan al generar de nuevo; no edite esta hoja.`, 'footer');
  return b.build();
}
