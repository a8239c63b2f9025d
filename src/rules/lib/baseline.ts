/**
 * The comparison of a workbook with its approved plan (rules.md "Rules against the approved
 * baseline"), computed once per rule context and shared by the five rules:
 *
 * - `added-after-approval` (error): a goal that was not in the approved plan (PE-P-002: "no se
 *   puede programar metas después de aprobado el plan de acción"), on its goal-code cell.
 * - `change-without-justification` (error): a changed meta vigencia, period programming, state
 *   (eliminated) or tipo de acumulación of an approved goal with no "Control de cambios" entry for
 *   that goal and field that carries a justification and records the sheet's value as its
 *   «Después» (an entry taking the meta to 7.000 does not justify the 8.000 the sheet holds); on
 *   the changed cell. An approved goal missing from the
 *   workbook is one too (a goal with follow-up is not deleted: it stays, marked "Meta eliminada",
 *   PLE-PIN-P005), on the sheet's header.
 * - `past-period-changed` (error): the programming of a period that had ended by the date of the
 *   change (the entry's date; with no entry, the cut-off) was changed — "no se podrá realizar la
 *   modificación de periodos ya medidos" (PLE-PIN-P005).
 * - `late-modification` (warning): a change after the second quarter (30 June of the vigencia;
 *   for months, the end of June too) other than an increase of the magnitude — the meta vigencia
 *   raised, and the programming raised with it — which may be made at any time.
 * - `repeated-modification` (warning): a goal with change entries on more than one date in the
 *   vigencia ("la meta podrá modificarse por una única vez"), on its goal-code cell.
 *
 * The workbook's goals are compared with the same kind of sheet the baseline was taken from (the
 * plan de acción, else the capture sheets). Values are compared with the magnitude tolerance.
 */
import type { Baseline, BaselineGoal, ChangeEntry, ChangeField } from '../../domain/baseline';
import { baselineGoalsOf, changeFieldLabel, changeLogOf, goalIdentityKey, identityOf, storedBaseline } from '../../domain/baseline';
import type { IsoDate } from '../../domain/dates';
import { isoDate } from '../../domain/dates';
import type { Finding } from '../../domain/finding';
import { formatDate, formatNumber } from '../../domain/format';
import type { FieldId } from '../../domain/fields';
import { plannedField } from '../../domain/fields';
import type { GoalInput } from '../../domain/goal';
import { periodEnd } from '../../domain/periods';
import type { ReadSheet } from '../../domain/sheet';
import { sameMagnitude } from '../../domain/tolerance';
import { accumulationNames } from '../../domain/goal';
import { parseAccumulation, parseNumberText } from '../../domain/values';
import { cellAddress } from '../../domain/grid';
import type { RuleContext } from '../types';
import { quote, sheetAnchor } from './util';

const cache = new WeakMap<object, Finding[]>();

/** Every baseline finding of the context's workbook (empty without a stored or given baseline). */
export function baselineFindings(ctx: RuleContext): Finding[] {
  const hit = cache.get(ctx.workbook);
  if (hit) return hit;
  const b = storedBaseline(ctx.workbook);
  const found = b ? compare(b, ctx) : [];
  cache.set(ctx.workbook, found);
  return found;
}

const n = (x: number | null): string => (x === null ? 'vacío' : formatNumber(x, 6));


export const messages = {
  added: (goal: string, approvedOn: string, act: string): string =>
    `La meta ${goal} no está en el plan de acción aprobado el ${approvedOn}${act ? ` (${act})` : ''}. ` +
    'Después de aprobado el plan no se pueden programar metas nuevas (PE-P-002): retírela o tramítela como una modificación aprobada.',
  unjustified: (goal: string, field: string, before: string, after: string, sheet: string): string =>
    `${field} de la meta ${goal} cambió de ${before} (plan aprobado) a ${after} y no hay una fila de esa meta y ese campo con ` +
    `justificación en ${quote(sheet)}. Registre la modificación (fecha, justificación y acta u oficio) o devuelva el valor aprobado.`,
  removed: (goal: string, sheet: string): string =>
    `La meta ${goal} del plan aprobado ya no está en ${quote(sheet)}. Una meta con seguimiento no se borra: déjela marcada ` +
    '«Meta eliminada» y registre la eliminación en «Control de cambios» (PLE-PIN-P005).',
  otherValue: (goal: string, field: string, before: string, after: string, logged: string, row: number, sheet: string): string =>
    `${field} de la meta ${goal} cambió de ${before} (plan aprobado) a ${after}, pero la modificación registrada en ${quote(sheet)} ` +
    `(fila ${row}) la lleva a ${logged}. Registre este otro cambio (fecha, justificación y acta u oficio) o deje el valor registrado.`,
  pastPeriod: (goal: string, field: string, ended: string, changed: string): string =>
    `${field} de la meta ${goal} se modificó el ${changed}, cuando ese periodo ya había terminado (${ended}). ` +
    'Solo se puede cambiar la programación de periodos que no han terminado; los periodos ya medidos no se modifican (PLE-PIN-P005).',
  late: (goal: string, field: string, changed: string, limit: string): string =>
    `${field} de la meta ${goal} se modificó el ${changed}, después del segundo trimestre (${limit}). ` +
    'Las modificaciones se solicitan hasta el segundo trimestre; después solo se puede aumentar la magnitud de la meta (PLE-PIN-P005).',
  repeated: (goal: string, dates: string): string =>
    `La meta ${goal} se modificó más de una vez en la vigencia (${dates}). La meta se modifica una única vez; ` +
    'otra modificación solo por cambio normativo o fuerza mayor debidamente justificados (PLE-PIN-P005).',
};

interface Current {
  readonly goal: GoalInput;
  readonly sheet: ReadSheet;
}

/** Address of a field's cell on a goal's (first) row, or the row's first cell. */
function addressOf(c: Current, field: FieldId | 'goalState'): string {
  const col = c.sheet.columns[field as FieldId];
  return cellAddress(c.goal.row, col ?? c.sheet.headerCol);
}

function compare(b: Baseline, ctx: RuleContext): Finding[] {
  const sheets = ctx.workbook.sheets.filter((s) => s.kind === b.from);
  if (sheets.length === 0) return [];
  const out: Finding[] = [];
  const log = changeLogOf(ctx.workbook);
  const logSheet = log?.sheet ?? 'Control de cambios';
  const entries = log?.entries ?? [];
  const approvedOn = formatDate(b.approvedOn);
  const secondQuarterEnd: IsoDate = isoDate(b.vigencia, 6, 30);
  // Goals are matched by code, and by their identity on an activity-level sheet (a product code
  // under two projects is two goals) when the approved plan stored one.
  const byIdentity = b.goals.some((g) => g.identity);
  const keyOf = (code: string, identity: string | undefined): string => (byIdentity ? goalIdentityKey(code, identity) : code);
  const byCode = new Map<string, BaselineGoal>(b.goals.map((g) => [keyOf(g.code, g.identity), g]));

  const current: Current[] = [];
  const seen = new Set<string>();
  for (const sheet of sheets) {
    for (const goal of baselineGoalsOf(ctx.workbook.sheets.filter((s) => s === sheet || s.joins?.sheet === sheet.name)).goals) {
      const key = keyOf(goal.code, identityOf(goal));
      if (seen.has(key)) continue;
      seen.add(key);
      current.push({ goal, sheet });
    }
  }

  const push = (rule: string, severity: Finding['severity'], c: Current, cell: string, message: string): void => {
    out.push({ rule, severity, sheet: c.sheet.name, cell, row: Number(/\d+$/.exec(cell)?.[0] ?? c.goal.row), goal: c.goal.code, message });
  };

  for (const c of current) {
    const approved = byCode.get(keyOf(c.goal.code, identityOf(c.goal)));
    if (!approved) {
      push('added-after-approval', 'error', c, addressOf(c, 'goalCode'), messages.added(c.goal.code, approvedOn, b.act));
      continue;
    }
    // Each change with its approved and current value (a number, the state, the accumulation type's id).
    const changes: { field: ChangeField; before: ChangeValue; after: ChangeValue; cellField: FieldId | 'goalState' }[] = [];
    if (!same(approved.yearGoal, c.goal.yearGoal)) changes.push({ field: 'yearGoal', before: approved.yearGoal, after: c.goal.yearGoal, cellField: 'yearGoal' });
    const periods = Math.max(approved.planned.length, c.goal.planned.length);
    for (let k = 1; k <= periods; k++) {
      const before = approved.planned[k - 1] ?? null;
      const after = c.goal.planned[k - 1] ?? null;
      // Where the format reads a level's 0 quarters as blank (Cundinamarca), 0 and blank are one value.
      if (c.sheet.quarterShares && same(before ?? 0, after ?? 0)) continue;
      if (!same(before, after)) changes.push({ field: plannedField(k) as ChangeField, before, after, cellField: plannedField(k) });
    }
    if (approved.eliminated !== c.goal.eliminated) changes.push({ field: 'eliminated', before: approved.eliminated, after: c.goal.eliminated, cellField: 'goalState' });
    // The tipo de acumulación a person typed in its column; not one the format derives from the
    // numbers (Cundinamarca's quarters read as shares or a level) or gives the sheet (Cali).
    const declared = c.sheet.columns.accumulation !== undefined && !c.sheet.quarterShares;
    if (declared && (approved.accumulation ?? null) !== (c.goal.accumulation ?? null)) changes.push({ field: 'accumulation', before: approved.accumulation, after: c.goal.accumulation, cellField: 'accumulation' });
    const yearGoalRaised = approved.yearGoal !== null && c.goal.yearGoal !== null && c.goal.yearGoal > approved.yearGoal && !same(approved.yearGoal, c.goal.yearGoal);
    for (const ch of changes) {
      const cell = addressOf(c, ch.cellField);
      const name = changeFieldLabel(ch.field, b.periodKind);
      const logged = entries.filter((e) => e.goal === c.goal.code && e.field === ch.field);
      const withJustification = logged.filter((e) => e.justification);
      // The entry that justifies the sheet's value: the last one with a justification whose «Después» is that value (or says none).
      const justified = [...withJustification].reverse().find((e) => recordsValue(e, ch.field, ch.after));
      const before = display(ch.field, ch.before);
      const after = display(ch.field, ch.after);
      const other = withJustification[withJustification.length - 1];
      if (!justified && other) push('change-without-justification', 'error', c, cell, messages.otherValue(c.goal.code, name, before, after, loggedValue(other, ch.field), other.row, logSheet));
      else if (!justified) push('change-without-justification', 'error', c, cell, messages.unjustified(c.goal.code, name, before, after, logSheet));
      const when: IsoDate = justified?.date ?? other?.date ?? logged[0]?.date ?? ctx.options.cutoff;
      if (ch.field.startsWith('planned')) {
        const k = Number(ch.field.slice('planned'.length));
        const ended = periodEnd(b.vigencia, k, b.periodKind);
        if (ended <= when) push('past-period-changed', 'error', c, cell, messages.pastPeriod(c.goal.code, name, formatDate(ended), formatDate(when)));
      }
      // Raising the magnitude (and the programming that carries the raise) may be done any time.
      const raised = typeof ch.before === 'number' && typeof ch.after === 'number' && ch.after > ch.before;
      const increase = raised && (ch.field === 'yearGoal' || (ch.field.startsWith('planned') && yearGoalRaised));
      if (!increase && when > secondQuarterEnd) {
        push('late-modification', 'warning', c, cell, messages.late(c.goal.code, name, formatDate(when), formatDate(secondQuarterEnd)));
      }
    }
    const dates = [...new Set(entries.filter((e) => e.goal === c.goal.code).map((e: ChangeEntry) => e.date ?? `fila ${e.row}`))];
    if (dates.length > 1) {
      const shown = dates.map((d) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDate(d as IsoDate) : d)).join(', ');
      push('repeated-modification', 'warning', c, addressOf(c, 'goalCode'), messages.repeated(c.goal.code, shown));
    }
  }

  const first = sheets[0];
  for (const g of b.goals) {
    if (seen.has(keyOf(g.code, g.identity))) continue;
    if (entries.some((e) => e.goal === g.code && e.field === 'eliminated' && e.justification)) continue;
    out.push({
      rule: 'change-without-justification',
      severity: 'error',
      sheet: first.name,
      cell: sheetAnchor(first),
      row: first.firstHeaderRow,
      goal: g.code,
      message: messages.removed(g.code, first.name),
    });
  }
  return out;
}

/** A field's value in a change: a number (or blank), the goal's state (eliminated), the accumulation type's id. */
type ChangeValue = number | boolean | string | null;

/** A changed value as messages show it: a number, «vacío», the state, the accumulation type's name. */
function display(field: ChangeField, v: ChangeValue): string {
  if (field === 'eliminated') return v ? 'eliminada' : 'activa';
  if (field === 'accumulation') return typeof v === 'string' ? (accumulationNames[v] ?? v) : 'vacío';
  return n(typeof v === 'number' ? v : null);
}

/** An entry's «Después» as messages show values (a number in Colombian style, an accumulation type's name), else as written. */
function loggedValue(e: ChangeEntry, field: ChangeField): string {
  const written = e.after;
  if (e.afterNumber !== undefined) return n(e.afterNumber);
  if (field === 'accumulation') {
    const p = parseAccumulation(written);
    return p.status === 'ok' ? display(field, String(p.value)) : written;
  }
  const v = parseNumberText(written.trim());
  return v === undefined ? written : n(v.value);
}

/**
 * Whether a change-log entry records `current` as the field's new value: its «Después» read as a
 * number (or an accumulation type) is that value; an entry that writes no «Después», or one that
 * cannot be read, is taken at its word, as is any entry about the goal's state.
 */
function recordsValue(e: ChangeEntry, field: ChangeField, current: ChangeValue): boolean {
  const written = e.after.trim();
  if (field === 'eliminated' || written === '') return true;
  if (field === 'accumulation') {
    const p = parseAccumulation(written);
    return p.status !== 'ok' || p.value === current;
  }
  if (/^vac[ií]o$/i.test(written)) return current === null;
  if (e.afterNumber !== undefined) return typeof current === 'number' && sameMagnitude(e.afterNumber, current);
  const v = parseNumberText(written);
  if (v === undefined) return true;
  // «50 %» is 50 or, for a percent magnitude, 0,5.
  return typeof current === 'number' && (sameMagnitude(v.value, current) || (v.percent && sameMagnitude(v.value / 100, current)));
}

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return sameMagnitude(a, b);
}
