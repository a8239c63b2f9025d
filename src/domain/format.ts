/**
 * How users read values in messages (Colombian style, plain code, no `Intl`): thousands with `.`,
 * decimals with `,`.
 *
 * @example
 * formatMoney(1234567)      // '$ 1.234.567'
 * formatNumber(1234.5)      // '1.234,5'
 * formatPercent(0.455)      // '45,5 %'
 * formatDate('2025-06-30')  // '30/06/2025'
 */
import { formatDate as formatIsoDate } from './dates';
import type { IsoDate } from './dates';

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return out;
}

/**
 * A number with up to `maxDecimals` decimals (trailing zeros dropped): `1.234,5`, `-12`, `0,25`.
 */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  const negative = n < 0 && rounded !== 0;
  const fixed = rounded.toFixed(maxDecimals);
  const [whole, frac = ''] = fixed.split('.');
  const decimals = frac.replace(/0+$/, '');
  return `${negative ? '-' : ''}${groupThousands(whole)}${decimals ? `,${decimals}` : ''}`;
}

/**
 * Pesos as a person reads them: whole pesos, `$ 1.234.567` (8.022.767.934,51 → `$ 8.022.767.935`).
 * The one money format of every output (text, informe, sheets' footers); computation and `--json`
 * keep the full amount. `{ cents: true }` keeps the centavos (`$ 1.234.567,50`) where a message quotes
 * back what was read from one cell, so that the reading is shown exactly.
 */
export function formatMoney(n: number, options: { readonly cents?: boolean } = {}): string {
  if (!Number.isFinite(n)) return String(n);
  const cents = options.cents ? Math.round(Math.abs(n) * 100) : Math.round(Math.abs(n)) * 100;
  const negative = n < 0 && cents !== 0;
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  const text = `${groupThousands(String(whole))}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
  return `${negative ? '-' : ''}$ ${text}`;
}

/** A fraction as percentage points with up to one decimal: 0.455 → `45,5 %`, 1 → `100 %`. */
export function formatPercent(fraction: number, maxDecimals = 1): string {
  return `${formatNumber(fraction * 100, maxDecimals)} %`;
}

/** `30/06/2025`. */
export function formatDate(d: IsoDate): string {
  return formatIsoDate(d);
}
