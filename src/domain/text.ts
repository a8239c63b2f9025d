/**
 * Text normalisation shared by header matching and enumerations (workbooks.md "Header matching"):
 * headers and enum values are compared after trimming, collapsing spaces and line breaks,
 * lower-casing, and removing accents and punctuation.
 *
 * Decision about `%`: the percent sign is NOT removed. It is kept as a word of its own
 * (surrounded by single spaces), because it changes the meaning of a header: `"% avance"` is a
 * percentage column while `"Avance T1"` is a magnitude. So `"%avance"`, `"% Avance"` and
 * `"%  avance"` all normalise to `"% avance"`, which differs from `"avance"`.
 */

import { formatNumber } from './format';

const combiningMarks = /[\u0300-\u036f]/g;
const notWordOrPercent = /[^\p{L}\p{N}%]+/gu;

/**
 * Normalises text for comparison: `"CÓDIGO  META\nPRODUCTO"` → `"codigo meta producto"`,
 * `"¿Requiere contratación?"` → `"requiere contratacion"`, `"%Avance"` → `"% avance"`.
 * Letters and digits of any script are kept; everything else but `%` becomes a separator.
 */
export function normalize(s: string): string {
  const lowered = s.normalize('NFD').replace(combiningMarks, '').toLowerCase();
  const spaced = lowered.indexOf('%') >= 0 ? lowered.replace(/%/g, ' % ') : lowered;
  return spaced.replace(notWordOrPercent, ' ').trim();
}

/** True when a string has nothing but white space (or is empty). Cheap for ordinary text. */
export function isBlankText(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c > 32 && c !== 160 && c < 0x2000) return false;
  return s.trim().length === 0;
}

/** `plan de acción` → `Plan de acción`. */
export function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Characters an Excel cell or note holds ("Excel specifications and limits"); longer text is refused or repaired. */
export const MAX_CELL_CHARS = 32767;

/** Index ≤ `at` that does not split a UTF-16 surrogate pair. */
function safeCut(s: string, at: number): number {
  if (at <= 0 || at >= s.length) return Math.max(0, Math.min(at, s.length));
  const c = s.charCodeAt(at - 1);
  return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}

/**
 * `text` cut to at most `max` characters: the first part, "…" and `note` (which says it was
 * shortened). Text that fits is returned as is.
 */
export function shorten(text: string, max: number, note = ''): string {
  if (text.length <= max) return text;
  const keep = Math.max(0, max - 1 - note.length);
  return `${text.slice(0, safeCut(text, keep))}…${note}`.slice(0, max);
}

/** Splits `text` into pieces of at most `max` characters, never between the halves of a surrogate pair. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const end = i + max >= text.length ? text.length : safeCut(text, i + max);
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length ? out : [''];
}

/** Text the product writes into a generated cell: within Excel's cell limit, saying so when shortened. */
export function fitCell(text: string): string {
  // Called for every text the product writes: the note is only built for a text that needs it.
  if (text.length <= MAX_CELL_CHARS) return text;
  return shorten(text, MAX_CELL_CHARS, ` [texto recortado: tenía ${formatNumber(text.length, 0)} caracteres, más de los ${formatNumber(MAX_CELL_CHARS, 0)} que admite una celda de Excel]`);
}

/** Grouping key of a name: trimmed, spaces collapsed, lower case, no accents. */
/** «a», «a y b», «a, b y c»: items as a Spanish list ('' when there are none). */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
}

export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
