/**
 * A1 addresses for the office-js adapter: parsing what Excel returns ("'Hoja 1'!B3:F20"),
 * grouping marked cells into rectangular areas and joining areas into address strings that stay
 * well under what `worksheet.getRanges` accepts. Pure: no Office types.
 */
import type { CellRange } from '../domain/grid';
import { columnLetter } from '../domain/grid';

/**
 * Longest address string and most areas per `getRanges` call. Excel has answered InvalidArgument
 * to strings near 8,192 characters and to some of 513 areas (office-js#5198, office-js-docs-pr#2255;
 * the limit is not documented), so the adapter stays at half of both and, on InvalidArgument, undoes
 * and retries with shorter strings (`marks.ts`).
 */
export const MAX_ADDRESS_CHARS = 4000;
export const MAX_ADDRESS_AREAS = 256;

/** Letters to a 1-based column number: A → 1, AB → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Removes the sheet part of an address: "'Hoja 1'!B3:F20" → "B3:F20". */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf('!');
  return i >= 0 ? address.slice(i + 1) : address;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B3" → { row: 3, col: 2 }; undefined when it is not one cell. */
export function parseCell(a1: string): { row: number; col: number } | undefined {
  const m = CELL.exec(a1.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "Hoja!B3:F20" or "B3" → a 1-based inclusive range; undefined for whole rows/columns or junk. */
export function parseRange(address: string): CellRange | undefined {
  const a = stripSheet(address).trim();
  const [p, q] = a.split(':');
  const start = parseCell(p);
  if (!start) return undefined;
  const end = q === undefined ? start : parseCell(q);
  if (!end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** A 1-based range as "B3:F20" (one cell: "B3"). */
export function rangeAddress(r: CellRange): string {
  const a = `${columnLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetter(r.right)}${r.bottom}`;
}

/** Quotes a sheet name for a formula or address: Hoja1 → Hoja1, "Hoja 1" → 'Hoja 1'. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

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
