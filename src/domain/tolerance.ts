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
