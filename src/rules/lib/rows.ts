/**
 * The capture-sheet row rules' shared pass: one walk over every data row of every hoja de captura,
 * beside its goal's progress at the cut-off (`progressOf`), that hands each row to the rules that
 * look at rows, instead of one walk per rule (like the cell rules' pass, lib/cells.ts).
 *
 * A row rule (`cumulative-mismatch`, `analysis-required`, …) stays one module with its metadata,
 * messages and logic; what it exports besides `check` is a `RowCheck`: asked once per sheet (in
 * workbook order), it returns the visit of that sheet's rows (capture sheets only), or handles the
 * sheet whole and returns nothing. `runRules` runs every row rule's check in one `runRowChecks`; a
 * rule's own `check` runs the pass with itself alone. Either way each rule sees the same sheets
 * and rows in the same order, so its findings are the same.
 */
import { isGoalSheet } from '../../domain/sheet';
import type { Finding } from '../../domain/finding';
import type { GoalProgress } from '../../domain/goal';
import type { DataRow, ReadSheet } from '../../domain/sheet';
import type { Rule, RuleContext, RuleMeta } from '../types';
import { progressOf } from './capture';
import { formatDate } from '../../domain/format';
import type { FieldId } from '../../domain/fields';
import { reportField } from './util';

/** Visits one data row of a capture sheet: its index in `sheet.rows` and its goal's progress. */
export type RowVisit = (row: DataRow, index: number, progress: GoalProgress) => void;

export interface RowCheck {
  /**
   * Asked once per sheet of the workbook, in order, with the rule's findings list: the visit of
   * the rows of a capture sheet (`hoja-captura`), or `undefined` (nothing to visit: a sheet of
   * another kind is handled here, whole).
   */
  sheet(sheet: ReadSheet, ctx: RuleContext, out: Finding[]): RowVisit | undefined;
}

/** A rule whose findings come from one row at a time: its `check` is `rows` over every row. */
export interface RowRule extends Rule {
  readonly rows: RowCheck;
}

export function isRowRule(rule: Rule): rule is RowRule {
  return (rule as Partial<RowRule>).rows !== undefined;
}

/** A row rule from its parts; its `check` is the shared pass with this rule alone. */
export function rowRule(meta: RuleMeta, messages: Rule['messages'], rows: RowCheck): RowRule {
  return { meta, messages, rows, check: (ctx) => runRowChecks(ctx, [rows])[0] };
}

/** Runs the checks in one pass; returns each check's findings, in the order of `checks`. */
export function runRowChecks(ctx: RuleContext, checks: readonly RowCheck[]): Finding[][] {
  const outs = checks.map((): Finding[] => []);
  for (const sheet of ctx.workbook.sheets) {
    const visits: RowVisit[] = [];
    for (let c = 0; c < checks.length; c++) {
      const visit = checks[c].sheet(sheet, ctx, outs[c]);
      if (visit !== undefined) visits.push(visit);
    }
    if (visits.length === 0 || !isGoalSheet(sheet)) continue;
    const progress = progressOf(ctx, sheet);
    const rows = sheet.rows;
    const width = visits.length;
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index];
      const p = progress[index];
      if (p === undefined) continue;
      for (let v = 0; v < width; v++) visits[v](row, index, p);
    }
  }
  return outs;
}

/** What a capture row rule's visit of one sheet is given. */
export interface CaptureSheet {
  readonly sheet: ReadSheet;
  readonly ctx: RuleContext;
  /** The cut-off date as people read it (dd/mm/aaaa). */
  readonly cutoff: string;
  /** Files a finding of the rule on the row's cell of `field`, about the row's goal. */
  report(row: DataRow, field: FieldId, message: string): void;
}

/**
 * A row rule of the capture sheets (`hoja-captura`, or the goal sheets `applies` accepts) that
 * reports on a row's cells: `rows` is asked once per such sheet (so it may keep that sheet's
 * state) for the visit of each row beside its goal's progress at the cut-off.
 */
export function captureRowRule(
  meta: RuleMeta,
  messages: Rule['messages'],
  check: {
    readonly applies?: (sheet: ReadSheet) => boolean;
    readonly rows: (at: CaptureSheet) => (row: DataRow, progress: GoalProgress) => void;
  },
): RowRule {
  const applies = check.applies ?? ((sheet: ReadSheet) => sheet.kind === 'hoja-captura');
  return rowRule(meta, messages, {
    sheet(sheet, ctx, out) {
      if (!applies(sheet)) return undefined;
      const visit = check.rows({
        sheet,
        ctx,
        cutoff: formatDate(ctx.options.cutoff),
        report: (row, field, message) => out.push(reportField(meta, sheet, row, field, message)),
      });
      return (row, _index, progress) => visit(row, progress);
    },
  });
}
