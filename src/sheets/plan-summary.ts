/**
 * The Tablero de control of a workbook that has only a plan de acción (no execution yet): goals
 * and amounts per unit, program and funding source, and each program's use of its techo
 * (PE-P-002: the plan must fit the budget ceilings).
 */
import type { PlanAmountRow, PlanProgramAmount } from '../domain/progress-model';
import { formatMoney } from '../domain/format';
import { palette, range, SheetBuilder } from './model';
import type { SheetModel } from './model';
import { DASH, formatDateTime, headerRow, ratio, section, titleBlock, type TableroInput } from './common';

const LAST = 8;
const widths = [7, 46, 10, 20, 12, 20, 13, 16];

function amountTable(b: SheetBuilder, row: number, title: string, nameHeader: string, rows: readonly PlanAmountRow[], total: number, goals: number): number {
  row = section(b, row, LAST, title);
  headerRow(b, row, [
    [1, 1, 'N.º'],
    [2, 2, nameHeader],
    [3, 3, 'Metas'],
    [4, 4, 'Valor programado'],
    [5, 5, '% del total'],
    [6, LAST, ''],
  ]);
  row++;
  const top = row;
  const sorted = [...rows].sort((a, c) => c.amount - a.amount || a.name.localeCompare(c.name, 'es'));
  sorted.forEach((r, i) => {
    b.set(row, 1, i + 1, 'tdCenter');
    b.text(row, 2, r.name, 'td');
    b.set(row, 3, r.goals, 'tdInt');
    b.set(row, 4, r.amount, 'tdMoney');
    b.set(row, 5, total > 0 ? r.amount / total : DASH, 'tdPct');
    b.merge(row, 6, row, LAST, total > 0 ? r.amount / total : null, 'shareBar');
    row++;
  });
  if (sorted.length) {
    b.conditional({ kind: 'dataBar', ranges: [range(top, 6, row - 1, LAST)], color: palette.barPhysical, min: 0, max: 1 });
  }
  b.set(row, 1, null, 'totalCenter');
  b.set(row, 2, 'Total', 'totalLabel');
  b.set(row, 3, goals, 'totalInt');
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

export function buildPlanSummary(input: TableroInput): SheetModel {
  const { model } = input;
  const s = model.planSummary;
  const b = new SheetBuilder('tablero', undefined, palette.navy);
  b.widthsFrom(1, widths);
  b.style('shareBar', { vertical: 'middle', numberFormat: ';;;', border: { bottom: { weight: 'thin', color: palette.midGrey } } });
  b.style('kpiMoney', { font: { bold: true, size: 15, color: palette.navy }, fill: palette.paleBlue, horizontal: 'center', vertical: 'middle', numberFormat: '"$ "#,##0', border: { top: { weight: 'thin', color: palette.midGrey }, bottom: { weight: 'thin', color: palette.midGrey }, left: { weight: 'thin', color: palette.midGrey }, right: { weight: 'thin', color: palette.midGrey } } });

  let row = titleBlock(
    b,
    LAST,
    model.entity,
    `Tablero de control — Plan de Acción ${model.vigencia}`,
    'Resumen de la programación: aún no hay ejecución reportada en hojas de captura (PE-P-002)',
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

  const programs = s?.byProgram ?? [];
  const over = programs.filter((p) => p.ceilingUse !== null && p.ceilingUse > 1 + 1e-9).length;
  row = section(b, row, LAST, 'El plan en cifras');
  const kpis: [number, number, string, number | string, string][] = [
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
  row = amountTable(b, row, 'Programación por dependencia', 'Dependencia', s.byUnit, s.amount, s.goals);

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

  row = amountTable(b, row, 'Programación por fuente de financiación', 'Fuente de financiación', s.bySource, s.amount, s.goals);
  b.merge(row, 1, row, LAST, `Total programado: ${formatMoney(s.amount)}. Generado por Tablero PDM el ${formatDateTime(input.generatedAt)}; no edite esta hoja.`, 'footer');
  return b.build();
}
