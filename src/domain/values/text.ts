/** Text and code cells (program, goal, BPIN): trimmed text, leading zeros kept. */
import type { CellValue } from '../grid';
import type { Parsed } from '../sheet';
import { common, displayText, invalid, ok } from './core';

/** A text cell: trimmed text; a number gives its string, a date `dd/mm/aaaa`. */
export function parseText(raw: CellValue | undefined): Parsed {
  const c = common(raw);
  if (c) return c;
  if (typeof raw === 'string') return ok(raw.trim());
  return ok(displayText(raw as number | boolean | Date));
}

/**
 * A code (program, goal, BPIN): trimmed text, leading zeros kept; a code typed as a number gives
 * its digits (`1702` → `"1702"`). Booleans and dates are no code.
 */
export function parseCode(raw: CellValue | undefined): Parsed {
  const c = common(raw);
  if (c) return c;
  if (typeof raw === 'string') return ok(raw.trim());
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(String(raw)) : invalid(String(raw));
  return invalid(displayText(raw as boolean | Date));
}
