/** Comparison tolerances of rules.md: percents 0.5 points, magnitudes 0.01 or 0.5 %, money 1 peso. */

/** Percent tolerance as a fraction (0.5 percentage points). */
export const PERCENT_TOLERANCE = 0.005;

export function samePercent(a: number, b: number): boolean {
  return Math.abs(a - b) <= PERCENT_TOLERANCE + 1e-12;
}

export function sameMagnitude(a: number, b: number): boolean {
  const tol = Math.max(0.01, 0.005 * Math.max(Math.abs(a), Math.abs(b)));
  return Math.abs(a - b) <= tol + 1e-12;
}

/** a > b beyond the money tolerance. */
export function moneyExceeds(a: number, b: number): boolean {
  return a - b > 1 + 1e-9;
}

/** Two amounts of money are the same within 1 peso (rules.md). */
export function sameMoney(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1;
}

/**
 * `x` to 12 significant digits, `Number.parseFloat(x.toPrecision(12))` — binary noise off
 * (0.1 + 0.2 → 0.3) — without the string where `x` is already its own rounding: an integer under
 * 10^12, or a number under 10^6 with at most 6 decimals (the nearest double to k / 10^6). Each
 * goal's ratios pass through here: the string cost 20 % of Validar on 20,000 rows.
 * `tolerance.test.ts` checks it against the string form.
 */
export function round12(x: number): number {
  if (Number.isInteger(x)) {
    if (x > -1e12 && x < 1e12) return x === 0 ? 0 : x;
  } else if (x > -1e6 && x < 1e6 && Math.round(x * 1e6) / 1e6 === x) {
    return x;
  }
  return Number.parseFloat(x.toPrecision(12));
}
