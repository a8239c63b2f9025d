/**
 * A1 addresses for the office-js adapter: parsing what Excel returns ("'Hoja 1'!B3:F20"),
 * grouping marked cells into rectangular areas and joining areas into address strings that stay
 * well under what `worksheet.getRanges` accepts. Pure: no Office types.
 */
import type { CellRange } from '../domain/grid';
import { rangeAddress } from '../domain/grid';

/**
 * Longest address string and most areas per `getRanges` call. Excel has answered InvalidArgument
 * to strings near 8,192 characters and to some of 513 areas (office-js#5198, office-js-docs-pr#2255;
 * the limit is not documented), so the adapter stays at half of both and, on InvalidArgument, undoes
 * and retries with shorter strings (`marks.ts`).
 */
export const MAX_ADDRESS_CHARS = 4000;
export const MAX_ADDRESS_AREAS = 256;

/**
 * Groups cells into rectangles: vertical runs per column, then equal runs of adjacent columns are
 * joined. Deterministic (sorted by column, then row). Input cells may repeat.
 */
export function cellsToAreas(cells: Iterable<{ row: number; col: number }>): CellRange[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    let rows = byCol.get(c.col);
    if (!rows) byCol.set(c.col, (rows = []));
    rows.push(c.row);
  }
  const runs: CellRange[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let top = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push({ top, bottom: prev, left: col, right: col });
      top = r;
      prev = r;
    }
  }
  // Join a run with the same rows in the next column.
  const open = new Map<string, number>();
  const out: CellRange[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const at = open.get(key);
    if (at !== undefined && out[at].right === run.left - 1) {
      out[at] = { ...out[at], right: run.right };
    } else {
      open.set(key, out.length);
      out.push(run);
    }
  }
  return out;
}

/**
 * Joins areas into comma-separated address strings of at most `maxChars` characters and at most
 * `maxAreas` areas each.
 */
export function joinAddresses(areas: readonly CellRange[], maxChars = MAX_ADDRESS_CHARS, maxAreas = MAX_ADDRESS_AREAS): string[] {
  const out: string[] = [];
  let cur = '';
  let n = 0;
  for (const a of areas) {
    const s = rangeAddress(a);
    if (cur && (cur.length + 1 + s.length > maxChars || n >= maxAreas)) {
      out.push(cur);
      cur = '';
      n = 0;
    }
    cur = cur ? `${cur},${s}` : s;
    n++;
  }
  if (cur) out.push(cur);
  return out;
}
