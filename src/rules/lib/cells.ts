/**
 * The cell rules' shared pass: one walk over every known cell of every data row that hands each
 * cell to the rules that look at it, instead of one walk per rule.
 *
 * A cell rule (`required`, `number`, `date`, …) stays one module with its metadata, messages and
 * logic; what it exports besides `check` is a `CellCheck`: the columns it looks at (asked once
 * per sheet and column), the parsed statuses it looks at, an optional cheap test of the cell, and
 * the visit that reports. `runRules` runs every cell rule's check in one `runCellChecks`; a rule's
 * own `check` runs the pass with itself alone. Either way each rule sees the same cells in the same
 * order (rows, then columns in sheet order; merged continuations skipped), so its findings are the
 * same.
 */
import type { Finding } from '../../domain/finding';
import type { FieldId } from '../../domain/fields';
import { cellAddress } from '../../domain/grid';
import { columnCells } from '../../domain/reader';
import type { Parsed, ReadCell, ReadSheet } from '../../domain/sheet';
import type { Rule, RuleContext, RuleMeta } from '../types';
import type { CellVisit } from './util';

export type CellStatus = Parsed['status'];

export interface CellCheck {
  /** The parsed statuses the rule reports on: cells of other statuses are never visited. */
  readonly statuses: readonly CellStatus[];
  /** The columns the rule looks at (asked once per sheet and column). */
  columns(field: FieldId, sheet: ReadSheet): boolean;
  /** A cheap test asked before the visit is built (the visit may still find nothing). */
  readonly cells?: (cell: ReadCell) => boolean;
  /** Reports the cell's finding, if any, into `out`. */
  visit(v: CellVisit, ctx: RuleContext, out: Finding[]): void;
}

/** A rule whose findings are one cell at a time: its `check` is `cells` over every cell. */
export interface CellRule extends Rule {
  readonly cells: CellCheck;
}

export function isCellRule(rule: Rule): rule is CellRule {
  return (rule as Partial<CellRule>).cells !== undefined;
}

/** A cell rule from its parts; its `check` is the shared pass with this rule alone. */
export function cellRule(meta: RuleMeta, messages: Rule['messages'], cells: CellCheck): CellRule {
  return { meta, messages, cells, check: (ctx) => runCellChecks(ctx, [cells])[0] };
}

interface Entry {
  readonly check: CellCheck;
  readonly out: Finding[];
}

const none: readonly Entry[] = [];

/** Runs the checks in one pass; returns each check's findings, in the order of `checks`. */
export function runCellChecks(ctx: RuleContext, checks: readonly CellCheck[]): Finding[][] {
  const outs = checks.map((): Finding[] => []);
  for (const sheet of ctx.workbook.sheets) {
    const all = (Object.entries(sheet.columns) as [FieldId, number][]).sort((a, b) => a[1] - b[1]).map(([f]) => f);
    // Per column looked at: its field, its cells, and the checks to run by parsed status.
    const fields: FieldId[] = [];
    const cols: (readonly (ReadCell | undefined)[])[] = [];
    const blank: (readonly Entry[])[] = [];
    const ok: (readonly Entry[])[] = [];
    const invalid: (readonly Entry[])[] = [];
    const error: (readonly Entry[])[] = [];
    for (const field of all) {
      const entries: Entry[] = [];
      checks.forEach((check, i) => {
        if (check.columns(field, sheet)) entries.push({ check, out: outs[i] });
      });
      if (entries.length === 0) continue;
      const by = (s: CellStatus): readonly Entry[] => {
        const list = entries.filter((e) => e.check.statuses.includes(s));
        return list.length > 0 ? list : none;
      };
      fields.push(field);
      cols.push(columnCells(sheet, field));
      blank.push(by('blank'));
      ok.push(by('ok'));
      invalid.push(by('invalid'));
      error.push(by('error'));
    }
    if (fields.length === 0) continue;
    const rows = sheet.rows;
    const width = fields.length;
    for (let index = 0; index < rows.length; index++) {
      for (let k = 0; k < width; k++) {
        const cell = cols[k][index];
        if (cell === undefined || cell.merged === true) continue; // merged === true: isMergeContinuation
        const status = cell.parsed.status;
        const list = status === 'ok' ? ok[k] : status === 'blank' ? blank[k] : status === 'invalid' ? invalid[k] : error[k];
        for (let e = 0; e < list.length; e++) {
          const { check, out } = list[e];
          if (check.cells !== undefined && !check.cells(cell)) continue;
          const row = rows[index];
          check.visit({ sheet, row, index, field: fields[k], cell, address: cellAddress(row.row, cell.col) }, ctx, out);
        }
      }
    }
  }
  return outs;
}
