/**
 * What every cell parser shares: the results (`BLANK`, ok, invalid), Excel error values, the
 * opening every parser runs first (blank and error values are the same in every column), the
 * "no data" words, and the text a person sees for a non-string value.
 */
import { isCellError, type CellValue } from '../grid';
import type { Parsed, ParsedValue } from '../sheet';
import { formatDate, fromJsDate } from '../dates';
import { isBlankText } from '../text';

/** The one blank result (shared: blanks are the commonest cells). */
export const BLANK: Parsed = Object.freeze({ status: 'blank' });

export function ok(value: ParsedValue, fromText?: boolean): Parsed {
  return fromText ? { status: 'ok', value, fromText: true } : { status: 'ok', value };
}

export function invalid(text: string): Parsed {
  return { status: 'invalid', text };
}

export function noNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}

/** Error values Excel shows in cells (office-js gives them as these strings). */
export const excelErrorCodes: readonly string[] = [
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#EXTERNAL!',
];
const errorCodeSet = new Set(excelErrorCodes);

/**
 * The Excel error code of a value (`{ error: '#REF!' }` from exceljs, or the string `'#REF!'` from
 * office-js), else `undefined`. Cheap for ordinary strings: only a leading `#` is looked at.
 */
export function errorCodeOf(v: CellValue | undefined): string | undefined {
  if (typeof v === 'string') {
    if (v.length < 4 || v.length > 14 || v.charCodeAt(0) !== 35) return undefined;
    const up = v.toUpperCase();
    return errorCodeSet.has(up) ? up : undefined;
  }
  return isCellError(v) ? v.error : undefined;
}

/**
 * What every parser does first: blank and error values are the same in every column.
 * Returns `undefined` when the value must be parsed by its type.
 */
export function common(raw: CellValue | undefined): Parsed | undefined {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'string') {
    if (isBlankText(raw)) return BLANK;
    const code = errorCodeOf(raw);
    return code ? { status: 'error', code } : undefined;
  }
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    return isCellError(raw) ? { status: 'error', code: raw.error } : invalid('');
  }
  return undefined;
}

const noDataWords: ReadonlySet<string> = new Set(['n/a', 'na', 'n.a.', '-', '–', 'sd', 's.d', 's.d.', 's/d', 'nd', 'n.d.']);

/**
 * `N/A`, `NA`, `-`, `–` and `SD` (sin dato) in a number, percent or date column mean "no data" (real-formats.md
 * "Values, real wording"): blank, not zero and not an error. In a text column they stay text.
 */
export function noData(raw: CellValue | undefined): Parsed | undefined {
  if (typeof raw !== 'string' || raw.length > 5) return undefined;
  const t = raw.trim().toLowerCase();
  return noDataWords.has(t) ? BLANK : undefined;
}

/** The text a person sees for a non-string value (for `invalid` results and text fields). */
export function displayText(raw: number | boolean | Date): string {
  if (typeof raw === 'number') return String(raw);
  if (typeof raw === 'boolean') return raw ? 'VERDADERO' : 'FALSO';
  return Number.isNaN(raw.getTime()) ? '' : formatDate(fromJsDate(raw));
}
