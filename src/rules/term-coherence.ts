import type { Finding } from '../domain/finding';
import { plannedField, type FieldId } from '../domain/fields';
import { formatNumber } from '../domain/format';
import { pushTo } from '../domain/multimap';
import { okNumber, okValue, type DataRow, type ReadSheet } from '../domain/sheet';
import { sameMagnitude } from '../domain/tolerance';
import type { RuleMeta } from './types';
import { anyPeriodUnreadable, goalOf, label, periodLabel, quote, report, reportField, sheetAnchor } from './lib/util';
import { sheetRule } from './lib/sheets';

const n = (v: number): string => formatNumber(v, 6);

const messages = {
  convention: (sheet: string, seen: string): string =>
    `En la hoja ${quote(sheet)} varias metas programan el cuatrienio con otra convención: ${seen}. ` +
    'Según la guía del DNP, con «Acumulativo» los años suman la meta del cuatrienio y con «No acumulativo» cada año es un nivel que no supera la meta y el último año la alcanza; corrija el tipo de acumulación o la programación.',
  sum: (goal: string, sum: number, detail: string, termGoal: number): string =>
    `La programación de los años de la meta ${goal} suma ${n(sum)} (${detail}) y la meta del cuatrienio es ${n(termGoal)}. ` +
    'Con tipo de acumulación «Acumulativo», lo programado en los años debe sumar la meta del cuatrienio.',
  above: (goal: string, column: string, found: number, termGoal: number): string =>
    `${quote(column)} de la meta ${goal} (${n(found)}) supera la meta del cuatrienio (${n(termGoal)}). ` +
    'Con tipo de acumulación «No acumulativo», ningún año puede programar más que la meta del cuatrienio.',
  below: (goal: string, column: string, found: number, termGoal: number): string =>
    `${quote(column)} de la meta ${goal} (${n(found)}) es menor que la meta del cuatrienio (${n(termGoal)}). ` +
    'En un indicador decreciente ningún año puede programar menos que la meta del cuatrienio.',
  last: (goal: string, column: string, found: number, termGoal: number): string =>
    `${quote(column)} de la meta ${goal} (${n(found)}) no es la meta del cuatrienio (${n(termGoal)}). ` +
    'Con tipo de acumulación «No acumulativo», el último año programado debe alcanzar la meta del cuatrienio.',
};

function column(sheet: ReadSheet, field: FieldId): string {
  return sheet.headers[field] ?? label(sheet, field);
}

/** Another convention a row that breaks the DNP's follows, when it follows one. */
type Convention = 'repetida' | 'acumulada' | 'sumada';
const conventionNames: Record<Convention, string> = {
  repetida: '«Acumulativo» con la meta del cuatrienio repetida en cada año',
  acumulada: '«Acumulativo» con totales acumulados año a año (el último año es la meta)',
  sumada: '«No acumulativo» con años que suman la meta del cuatrienio',
};

function conventionOf(acc: string, values: readonly number[], termGoal: number): Convention | undefined {
  if (values.length < 2) return undefined;
  if (acc === 'suma') {
    if (values.every((v) => sameMagnitude(v, termGoal))) return 'repetida';
    if (values.every((v, i) => i === 0 || v >= values[i - 1]) && sameMagnitude(values[values.length - 1], termGoal)) return 'acumulada';
    return undefined;
  }
  return sameMagnitude(values.reduce((a, b) => a + b, 0), termGoal) ? 'sumada' : undefined;
}

function check(sheet: ReadSheet, row: DataRow, conventions?: Map<Convention, number[]>): Finding | undefined {
  const termGoal = okNumber(row, 'termGoal');
  const acc = okValue(row, 'accumulation');
  if (termGoal === undefined || typeof acc !== 'string') return undefined;
  // A year written as text (`number`) is not a year without programming.
  if (anyPeriodUnreadable(row, sheet.periodCount, plannedField)) return undefined;
  const years: { field: FieldId; value: number }[] = [];
  for (let k = 1; k <= sheet.periodCount; k++) {
    const v = okNumber(row, plannedField(k));
    if (v !== undefined) years.push({ field: plannedField(k), value: v });
  }
  if (years.length === 0) return undefined;
  const goal = goalOf(row) ?? '';
  const broken = conventions && conventionOf(acc, years.map((y) => y.value), termGoal);
  const at = (field: FieldId, message: string): Finding | undefined => {
    if (broken && conventions) {
      pushTo(conventions, broken, row.row);
      return undefined;
    }
    return reportField(meta, sheet, row, field, message);
  };
  if (acc === 'suma') {
    const sum = years.reduce((a, y) => a + y.value, 0);
    if (sameMagnitude(sum, termGoal)) return undefined;
    const detail = years.map((y) => `${periodLabel(sheet, Number(y.field.slice('planned'.length)))}: ${n(y.value)}`).join(' + ');
    return at('termGoal', messages.sum(goal, Number.parseFloat(sum.toPrecision(12)), detail, termGoal));
  }
  const decreasing = acc === 'decreciente';
  for (const y of years) {
    if (!decreasing && y.value > termGoal && !sameMagnitude(y.value, termGoal)) return at(y.field, messages.above(goal, column(sheet, y.field), y.value, termGoal));
    if (decreasing && y.value < termGoal && !sameMagnitude(y.value, termGoal)) return at(y.field, messages.below(goal, column(sheet, y.field), y.value, termGoal));
  }
  const last = years[years.length - 1];
  if (!sameMagnitude(last.value, termGoal)) return at(last.field, messages.last(goal, column(sheet, last.field), last.value, termGoal));
  return undefined;
}

const meta: RuleMeta = {
  id: 'term-coherence',
  severity: 'error',
  scope: 'cell',
  description: 'La programación de los años del plan indicativo no cuadra con la meta del cuatrienio y su tipo de acumulación.',
};

/**
 * Plan indicativo (real-formats.md "Rules added"): an `Acumulativo` goal's yearly programming adds
 * up to the meta del cuatrienio; a `No acumulativo` goal (a level) programs no year above the meta
 * (below it for a decreasing indicator) and reaches it in its last programmed year. One finding per
 * goal, on the cell to fix.
 */
export const rule = sheetRule(meta, messages, (sheet) => sheet.kind === 'plan-indicativo', (sheet, _ctx, out) => {
  const conventions = new Map<Convention, number[]>();
  const rows: Finding[] = [];
  for (const row of sheet.rows) {
    const f = check(sheet, row, conventions);
    if (f) rows.push(f);
  }
  // A convention followed by one row only is that row's mistake: reported on its row.
  for (const [c, list] of conventions) {
    if (list.length > 1) continue;
    conventions.delete(c);
    const row = sheet.rows.find((r) => r.row === list[0]);
    const f = row && check(sheet, row);
    if (f) rows.push(f);
  }
  if (conventions.size > 0) {
    const seen = [...conventions].map(([c, list]) => `${conventionNames[c]} (filas ${list.join(', ')})`).join('; ');
    out.push(
      report(meta, {
        sheet,
        row: sheet.firstHeaderRow,
        cell: sheetAnchor(sheet),
        message: messages.convention(sheet.name, seen),
      }),
    );
  }
  out.push(...rows.sort((a, b) => a.row - b.row));
});
