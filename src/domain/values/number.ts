/** Numbers and percents in cells: Colombian number text (`.` thousands, `,` decimals) and points vs fractions. */
import type { CellValue } from '../grid';
import type { Parsed } from '../sheet';
import { common, displayText, invalid, noData, noNegativeZero, ok } from './core';
import { isPercentFormat } from './number-format';

/** A number read from text; `percent` when the text carried a `%` sign. */
export interface NumberText {
  readonly value: number;
  readonly percent: boolean;
}

const thousandsGrouped = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const digitsOnly = /^\d+$/;
const spaceGrouped = /^\d{1,3}(?: \d{3})+(?=,|$)/;

/** Strips sign, `$` and `%` around the digits. */
function stripDecorations(text: string): { body: string; negative: boolean; percent: boolean } {
  let s = text.trim().replace(/\u00a0/g, ' ');
  let negative = false;
  let percent = false;
  if (s.length > 1 && s[0] === '(' && s[s.length - 1] === ')') {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  for (let k = 0; k < 2 && s.length > 0; k++) {
    const c = s[0];
    if ((c === '-' || c === '\u2212') && !negative) {
      negative = true;
      s = s.slice(1).trim();
    } else if (c === '+') {
      s = s.slice(1).trim();
    } else if (c === '$') {
      s = s.slice(1).trim();
    }
  }
  return { body: s, negative, percent };
}

/** Digits before and after the decimal mark of a Colombian number body, or undefined. */
function splitBody(body: string): { int: string; frac: string } | undefined {
  const s = spaceGrouped.test(body) ? body.replace(/ /g, '') : body;
  const comma = s.indexOf(',');
  if (comma >= 0) {
    if (s.indexOf(',', comma + 1) >= 0) return undefined;
    const int = s.slice(0, comma);
    const frac = s.slice(comma + 1);
    if (!digitsOnly.test(frac)) return undefined;
    if (int === '' || digitsOnly.test(int)) return { int, frac };
    return thousandsGrouped.test(int) ? { int: int.replace(/\./g, ''), frac } : undefined;
  }
  const dot = s.indexOf('.');
  if (dot < 0) return digitsOnly.test(s) ? { int: s, frac: '' } : undefined;
  if (thousandsGrouped.test(s)) return { int: s.replace(/\./g, ''), frac: '' };
  if (s.indexOf('.', dot + 1) >= 0) return undefined;
  const int = s.slice(0, dot);
  const frac = s.slice(dot + 1);
  return (int === '' || digitsOnly.test(int)) && digitsOnly.test(frac) ? { int, frac } : undefined;
}

/**
 * Reads a number typed as text in Colombian style: `"1.234.567"` → 1234567,
 * `"$ 1.234.567,50"` → 1234567.5, `"1234,5"` → 1234.5, `"1.5"` → 1.5, `"45 %"` → 45 (percent),
 * `"-1.234"` / `"(1.234)"` → −1234. Anything else → `undefined`.
 */
export function parseNumberText(text: string): NumberText | undefined {
  if (text.length > 64) return undefined;
  const { body, negative, percent } = stripDecorations(text);
  if (body.length === 0) return undefined;
  const parts = splitBody(body);
  if (!parts) return undefined;
  const n = Number(`${parts.int || '0'}.${parts.frac || '0'}`);
  if (!Number.isFinite(n)) return undefined;
  return { value: noNegativeZero(negative ? -n : n), percent };
}

/**
 * A number, magnitude or money cell. Text is read in Colombian style (`fromText: true`); a text
 * with `%` reads as a fraction (`"45 %"` → 0.45); text that is no number is `invalid`.
 */
export function parseNumber(raw: CellValue | undefined): Parsed {
  const c = common(raw) ?? noData(raw);
  if (c) return c;
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(noNegativeZero(raw)) : invalid(String(raw));
  if (typeof raw === 'string') {
    const n = parseNumberText(raw);
    if (!n) return invalid(raw.trim());
    return ok(n.percent ? n.value / 100 : n.value, true);
  }
  return invalid(displayText(raw as boolean | Date));
}

/**
 * A percent cell, always returned as a fraction: with a `%` number format the number already is
 * one (0.45); otherwise a number is in points (45 → 0.45); text is in points with or without `%`
 * (`"45,5 %"` → 0.455).
 */
export function parsePercent(raw: CellValue | undefined, numberFormat?: string | null): Parsed {
  const c = common(raw) ?? noData(raw);
  if (c) return c;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return invalid(String(raw));
    return ok(noNegativeZero(isPercentFormat(numberFormat) ? raw : raw / 100));
  }
  if (typeof raw === 'string') {
    const n = parseNumberText(raw);
    return n ? ok(noNegativeZero(n.value / 100), true) : invalid(raw.trim());
  }
  return invalid(displayText(raw as boolean | Date));
}
