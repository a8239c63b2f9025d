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
