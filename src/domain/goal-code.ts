/**
 * A row's goal code and the number of distinct goals of an activity-level sheet — what the pane's
 * detection says of each sheet. Apart from `goals.ts` (the goals the progress model and the rules
 * work on) so the pane's first load does not carry the goal model.
 */
import type { DataRow, ReadCell, ReadSheet } from './sheet';
import { okText } from './sheet';
import { columnCells } from './reader';

/** The goal code of a row as trimmed text (a code typed as a number reads as its digits). */
export function goalCodeOf(row: DataRow): string | null {
  const v = okText(row, 'goalCode')?.trim();
  if (v) return v;
  const raw = row.cells.goalCode?.raw;
  if (typeof raw === 'string' && raw.trim()) return raw.trim();
  if (typeof raw === 'number') return String(raw);
  return null;
}

/** A column's trimmed non-empty text of row `i` (as `text`), from the column's cells. */
export function textAt(col: readonly (ReadCell | undefined)[], i: number): string | null {
  const c = col[i];
  if (c === undefined) return null;
  const p = c.parsed;
  if (p.status !== 'ok') return null;
  const v = p.value;
  const t = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v).trim() : undefined;
  return t ? t : null;
}

/** `goalCodeOf` from the goal-code column's cell of row `i`. */
export function goalCodeAt(col: readonly (ReadCell | undefined)[], i: number): string | null {
  const v = textAt(col, i);
  if (v) return v;
  const raw = col[i]?.raw;
  if (typeof raw === 'string' && raw.trim()) return raw.trim();
  if (typeof raw === 'number') return String(raw);
  return null;
}

/**
 * Goals of an activity-level sheet (Cali): the distinct products (`goalKey`), each counted once
 * however many activity rows repeat it; `undefined` on a sheet of one goal per row.
 */
export function distinctGoalCount(sheet: ReadSheet): number | undefined {
  if (sheet.granularity !== 'activity') return undefined;
  const cols = (sheet.goalKey ?? ['goalCode']).map((f) => columnCells(sheet, f));
  const keys = new Set<string>();
  for (let i = 0; i < sheet.rows.length; i++) keys.add(cols.map((c) => goalCodeAt(c, i) ?? '').join('\u0000'));
  return keys.size;
}
