/**
 * The Tablero de control of a workbook with a plan and no execution yet (progress.md "What is
 * generated"): for a plan de acción, goals and amounts per unit, program and funding source, and
 * each program's use of its techo (PE-P-002: the plan must fit the budget ceilings); for a plan
 * indicativo, its term year by year, and the vigencia's products and cost per program and source
 * beside the whole term's cost.
 */
import { reconcilingSources, type PlanAmountRow, type PlanProgramAmount, type PlanSummary } from '../domain/progress-model';
import { hasNamedGroup } from '../domain/aggregate';
import { planSummaryNote, termLabel } from '../domain/plan-note';
import { formatMoney } from '../domain/format';
import { formats, palette, range, SheetBuilder } from './model';
import type { SheetModel } from './model';
import { DASH, formatDateTime, headerRow, ratio, section, titleBlock, type TableroInput } from './common';

const LAST = 8;
const widths = [7, 46, 10, 20, 12, 20, 13, 16];

/**
 * A table of goals and amounts per group, sorted by amount. With `term` (a plan indicativo) the
 * amounts are the vigencia's and a column gives each group's cost over the whole term.
 */
function amountTable(
  b: SheetBuilder,
  row: number,
  title: string,
  nameHeader: string,
  rows: readonly PlanAmountRow[],
  s: Pick<PlanSummary, 'amount' | 'goals' | 'years'>,
  term?: { readonly goalsHeader: string; readonly amountHeader: string },
): number {
  const total = s.amount;
  const bar = term ? 7 : 6;
  row = section(b, row, LAST, title);
  headerRow(b, row, [
    [1, 1, 'N.º'],
    [2, 2, nameHeader],
    [3, 3, term?.goalsHeader ?? 'Metas'],
    [4, 4, term?.amountHeader ?? 'Valor programado'],
    [5, 5, '% del total'],
    ...(term ? ([[6, 6, `Valor ${termLabel(s.years)}`]] as const) : []),
    [bar, LAST, ''],
  ]);
  row++;
  const top = row;
  const sum = (a: readonly number[]): number => Number.parseFloat(a.reduce((x, y) => x + y, 0).toPrecision(15));
  // By amount; the by-source lines that reconcile the sources with the Totals stay last.
  const last = (r: PlanAmountRow): number => Number(reconcilingSources.includes(r.name));
  const sorted = [...rows].sort((a, c) => last(a) - last(c) || c.amount - a.amount || a.name.localeCompare(c.name, 'es'));
  sorted.forEach((r, i) => {
    b.set(row, 1, i + 1, 'tdCenter');
    b.text(row, 2, r.name, 'td');
    b.set(row, 3, r.goals, 'tdInt');
    b.set(row, 4, r.amount, 'tdMoney');
    b.set(row, 5, total > 0 ? r.amount / total : DASH, 'tdPct');
    if (term) b.set(row, 6, sum(r.amounts), 'tdMoney');
    b.merge(row, bar, row, LAST, total > 0 ? r.amount / total : null, 'shareBar');
    row++;
  });
  if (sorted.length) {
    b.conditional({ kind: 'dataBar', ranges: [range(top, bar, row - 1, LAST)], color: palette.barPhysical, min: 0, max: 1 });
  }
  b.set(row, 1, null, 'totalCenter');
  b.set(row, 2, 'Total', 'totalLabel');
  b.set(row, 3, s.goals, 'totalInt');
  b.set(row, 4, total, 'totalMoney');
  b.set(row, 5, total > 0 ? 1 : DASH, 'totalPct');
  if (term) b.set(row, 6, sum(rows.map((r) => sum(r.amounts))), 'totalMoney');
  b.merge(row, bar, row, LAST, null, 'totalLabel');
  return row + 2;
}

/** A plan indicativo's term, year by year: products with a meta that year and their cost. */
function yearTable(b: SheetBuilder, row: number, s: PlanSummary): number {
  row = section(b, row, LAST, `El plan indicativo ${termLabel(s.years)} año por año`);
  headerRow(b, row, [
    [1, 1, 'N.º'],
    [2, 2, 'Año'],
    [3, 3, 'Productos con meta'],
    [4, 4, 'Valor programado'],
    [5, 5, '% del cuatrienio'],
    [6, LAST, ''],
  ]);
  row++;
  const top = row;
  const total = Number.parseFloat(s.byYear.reduce((a, y) => a + y.amount, 0).toPrecision(15));
  s.byYear.forEach((y, i) => {
    const style = y.year === s.vigencia ? 'totalInt' : 'tdInt';
    b.set(row, 1, i + 1, 'tdCenter');
    b.text(row, 2, y.year === s.vigencia ? `${y.year} (vigencia)` : String(y.year), y.year === s.vigencia ? 'totalLabel' : 'td');
    b.set(row, 3, y.goals, style);
    b.set(row, 4, y.amount, y.year === s.vigencia ? 'totalMoney' : 'tdMoney');
    b.set(row, 5, total > 0 ? y.amount / total : DASH, 'tdPct');
    b.merge(row, 6, row, LAST, total > 0 ? y.amount / total : null, 'shareBar');
    row++;
  });
  if (s.byYear.length) b.conditional({ kind: 'dataBar', ranges: [range(top, 6, row - 1, LAST)], color: palette.barPhysical, min: 0, max: 1 });
  b.set(row, 1, null, 'totalCenter');
  b.set(row, 2, 'Cuatrienio', 'totalLabel');
  b.set(row, 3, s.planGoals, 'totalInt');
  b.set(row, 4, total, 'totalMoney');
  b.set(row, 5, total > 0 ? 1 : DASH, 'totalPct');
  b.merge(row, 6, row, LAST, null, 'totalLabel');
  return row + 2;
}

function ceilingState(p: PlanProgramAmount): string {
  if (p.ceiling === null) return 'Sin techo';
  if (p.ceilingUse === null) return DASH;
  return p.ceilingUse > 1 + 1e-9 ? 'Supera el techo' : 'Dentro del techo';
}

/** The plan indicativo's tables: its years, then the vigencia's programs, sources and products left out. */
function indicativeTables(b: SheetBuilder, row: number, s: PlanSummary, input: TableroInput): SheetModel {
  const y = s.vigencia;
  const term = { goalsHeader: `Productos ${y}`, amountHeader: `Valor ${y}` };
  row = yearTable(b, row, s);
  // A plan with no unit column (SisPT) has one group, «Sin dependencia»: nothing to show.
  if (hasNamedGroup(s.byUnit, 'unit')) row = amountTable(b, row, `Programación ${y} por dependencia`, 'Dependencia', s.byUnit, s, term);
  row = amountTable(b, row, `Programación ${y} por programa`, 'Programa', s.byProgram, s, term);
  row = amountTable(b, row, `Programación ${y} por fuente de financiación`, 'Fuente de financiación', s.bySource, s, term);
  if (s.unprogrammed.length) {
    row = section(b, row, LAST, `Productos del plan sin meta programada en ${y} (no cuentan en la vigencia)`);
    headerRow(b, row, [
      [1, 1, 'N.º'],
      [2, 2, 'Producto'],
      [3, 3, 'Código'],
      [4, 4, `Valor ${y}`],
      [5, LAST, ''],
    ]);
    row++;
    s.unprogrammed.forEach((u, i) => {
      b.set(row, 1, i + 1, 'tdCenter');
      b.text(row, 2, u.goal, 'td');
      b.text(row, 3, u.code, 'tdCenter');
      b.set(row, 4, u.amount, 'tdMoney');
      b.merge(row, 5, row, LAST, null, 'td');
      row++;
    });
    row++;
  }
  b.merge(row, 1, row, LAST, `Valor programado ${y}: ${formatMoney(s.amount)}. Generado por Tablero PDM el ${formatDateTime(input.generatedAt)}; no edite esta hoja.`, 'footer');
  return b.build();
}

export function buildPlanSummary(input: TableroInput): SheetModel {
  const { model } = input;
  const s = model.planSummary;
  const b = new SheetBuilder('tablero', undefined, palette.navy);
  b.widthsFrom(1, widths);
  b.style('shareBar', { vertical: 'middle', numberFormat: ';;;', border: { bottom: { weight: 'thin', color: palette.midGrey } } });
  b.style('kpiMoney', { font: { bold: true, size: 15, color: palette.navy }, fill: palette.paleBlue, horizontal: 'center', vertical: 'middle', numberFormat: formats.money, border: { top: { weight: 'thin', color: palette.midGrey }, bottom: { weight: 'thin', color: palette.midGrey }, left: { weight: 'thin', color: palette.midGrey }, right: { weight: 'thin', color: palette.midGrey } } });

  const indicative = s?.kind === 'plan-indicativo';
  let row = titleBlock(
    b,
    LAST,
    model.entity,
    indicative ? `Tablero de control — Plan Indicativo ${termLabel(s.years)}` : `Tablero de control — Plan de Acción ${model.vigencia}`,
    indicative
      ? `Resumen de la programación del cuatrienio y de la vigencia ${model.vigencia}: aún no hay ejecución reportada`
      : 'Resumen de la programación: aún no hay ejecución reportada en hojas de captura (PE-P-002)',
    [
      { label: 'Fecha de corte', value: model.cutoff, as: 'date' },
      { label: 'Vigencia', value: String(model.vigencia) },
      { label: 'Hojas', value: input.sourceSheets.join(', ') || DASH },
      { label: 'Generado el', value: formatDateTime(input.generatedAt) },
    ],
    [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ],
  );
  if (s) {
    b.merge(row, 1, row, LAST, planSummaryNote(s, model.options.vigenciaFrom), 'note');
    b.height(row, 42);
    row += 2;
  }

  const programs = s?.byProgram ?? [];
  const over = programs.filter((p) => p.ceilingUse !== null && p.ceilingUse > 1 + 1e-9).length;
  row = section(b, row, LAST, 'El plan en cifras');
  const kpis: [number, number, string, number | string, string][] = indicative
    ? [
        [1, 2, `Productos con meta ${model.vigencia}`, s.goals, 'kpiValue'],
        [3, 4, `Valor programado ${model.vigencia}`, s.amount, 'kpiMoney'],
        [5, 5, 'Productos del plan', s.planGoals, 'kpiValue'],
        [6, 6, 'Programas', programs.length, 'kpiValue'],
        [7, 7, 'Fuentes', s.bySource.length, 'kpiValue'],
        [8, 8, 'Años del plan', s.years.length, 'kpiValue'],
      ]
    : [
        [1, 2, 'Metas de producto', s?.goals ?? 0, 'kpiValue'],
        [3, 4, 'Valor programado', s?.amount ?? 0, 'kpiMoney'],
        [5, 5, 'Dependencias', s?.byUnit.length ?? 0, 'kpiValue'],
        [6, 6, 'Programas', programs.length, 'kpiValue'],
        [7, 7, 'Fuentes', s?.bySource.length ?? 0, 'kpiValue'],
        [8, 8, 'Programas sobre el techo', over, 'kpiValue'],
      ];
  for (const [c1, c2, label, value, style] of kpis) {
    b.merge(row, c1, row, c2, label, 'kpiLabel');
    b.merge(row + 1, c1, row + 1, c2, value, style);
  }
  b.height(row, 28).height(row + 1, 34);
  if (over > 0) b.conditional({ kind: 'expression', ranges: [range(row + 1, 8)], formula: `${'H'}${row + 1}>0`, fill: palette.red, fontColor: palette.redText });
  row += 3;

  if (!s) {
    b.merge(row, 1, row, LAST, 'El libro no tiene plan de acción ni hojas de captura con metas.', 'empty');
    return b.build();
  }
  if (indicative) return indicativeTables(b, row, s, input);
  row = amountTable(b, row, 'Programación por dependencia', 'Dependencia', s.byUnit, s);

  // Programs with their techo.
  row = section(b, row, LAST, 'Programación por programa y uso del techo presupuestal');
  headerRow(b, row, [
    [1, 1, 'N.º'],
    [2, 2, 'Programa'],
    [3, 3, 'Metas'],
    [4, 4, 'Valor programado'],
    [5, 5, '% del total'],
    [6, 6, 'Techo presupuestal'],
    [7, 7, 'Uso del techo'],
    [8, 8, 'Estado'],
  ]);
  row++;
  const top = row;
  programs.forEach((p, i) => {
    b.set(row, 1, i + 1, 'tdCenter');
    b.text(row, 2, p.name, 'td');
    b.set(row, 3, p.goals, 'tdInt');
    b.set(row, 4, p.amount, 'tdMoney');
    b.set(row, 5, s.amount > 0 ? p.amount / s.amount : DASH, 'tdPct');
    b.set(row, 6, p.ceiling ?? DASH, p.ceiling === null ? 'tdCenter' : 'tdMoney');
    b.set(row, 7, ratio(p.ceilingUse), 'tdPct');
    b.set(row, 8, ceilingState(p), 'tdCenter');
    row++;
  });
  if (programs.length) {
    const use = range(top, 7, row - 1, 7);
    b.conditional({ kind: 'dataBar', ranges: [use], color: 'A9C4EB', min: 0, max: 1 });
    b.conditional(
      { kind: 'expression', ranges: [range(top, 7, row - 1, 8)], formula: `AND(ISNUMBER($G${top}),$G${top}>1)`, fill: palette.red, fontColor: palette.redText },
      { kind: 'expression', ranges: [range(top, 7, row - 1, 8)], formula: `AND(ISNUMBER($G${top}),$G${top}<=1)`, fill: palette.green, fontColor: palette.greenText },
    );
  }
  const ceilings = programs.reduce((t, p) => t + (p.ceiling ?? 0), 0);
  b.set(row, 1, null, 'totalCenter');
  b.set(row, 2, 'Total', 'totalLabel');
  b.set(row, 3, s.goals, 'totalInt');
  b.set(row, 4, s.amount, 'totalMoney');
  b.set(row, 5, s.amount > 0 ? 1 : DASH, 'totalPct');
  b.set(row, 6, ceilings > 0 ? ceilings : DASH, ceilings > 0 ? 'totalMoney' : 'totalCenter');
  b.set(row, 7, ceilings > 0 ? s.amount / ceilings : DASH, 'totalPct');
  b.set(row, 8, null, 'totalLabel');
  row += 1;
  b.merge(
    row, 1, row, LAST,
    over > 0
      ? `${over} programa${over === 1 ? ' supera' : 's superan'} su techo presupuestal: la suma de sus valores programados es mayor que el techo (regla ceiling-exceeded, ver Observaciones).`
      : programs.some((p) => p.ceiling !== null)
        ? 'Todos los programas con techo están dentro de él.'
        : 'El libro no tiene hoja de techos presupuestales: no se compara con techos.',
    'note',
  );
  b.height(row, 22);
  row += 2;

  row = amountTable(b, row, 'Programación por fuente de financiación', 'Fuente de financiación', s.bySource, s);
  b.merge(row, 1, row, LAST, `Total programado: ${formatMoney(s.amount)}. Generado por Tablero PDM el ${formatDateTime(input.generatedAt)}; no edite esta hoja.`, 'footer');
  return b.build();
}
