import fc from 'fast-check';
import { round12 } from './tolerance';

/** The definition round12 stands for. */
const byString = (x: number) => Number.parseFloat(x.toPrecision(12));

describe('round12 is parseFloat(x.toPrecision(12)), without the string where it can', () => {
  test('the cases the fast paths take, and their edges', () => {
    const cases = [
      0, -0, 1, -1, 0.25, 0.1 + 0.2, 1 / 3, 2 / 3, 0.000123, 123.456789, 999_999.999999, 1e6 - 1e-6, 1e6, 1e6 + 0.5,
      999_999_999_999, 1e12, 1e12 + 1, 12_345_678_901_234, -12_345_678_901_234, 5e-7, 1e-7, 0.1234567, Number.MAX_SAFE_INTEGER,
      Number.MIN_VALUE, Number.MAX_VALUE, Infinity, -Infinity, NaN,
    ];
    for (const x of cases) expect(Object.is(round12(x), byString(x))).toBe(true);
  });

  test('ratios of amounts, and decimals of up to 8 places', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 1, max: 2_000_000_000 }), (num, den) => {
        const x = num / den;
        return Object.is(round12(x), byString(x));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 8 }), (k, places) => {
        const x = k / 10 ** places;
        return Object.is(round12(x), byString(x));
      }),
      { numRuns: 20_000 },
    );
  });

  test('any double', () => {
    fc.assert(fc.property(fc.double(), (x) => Object.is(round12(x), byString(x))), { numRuns: 20_000 });
  });
});
