/**
 * Percentages written 0–1 or 0–100 (real-formats.md; other instances of the real formats): a
 * percent column with no `%` number format whose numbers are all between 0 and 1, one of them
 * strictly, holds fractions (an export that writes 0.45 for 45 %); a number above 1 anywhere in it
 * means points, as does a column of only 0s and 1s (1 % is a point, not 100 %). A `%` format
 * always means a fraction.
 */
import { captureSheet } from '../helpers/sheets';
import { readSheets } from '../helpers/sheets';
import type { CellInput } from '../helpers/xlsx';

async function progressRead(values: CellInput[], formats?: Record<string, string>): Promise<unknown[]> {
  const wb = await readSheets([captureSheet(values.map((v) => ({ progressDeclared: v })), formats ? { formats } : {})]);
  return wb.sheets[0].rows.map((r) => (r.cells.progressDeclared?.parsed.status === 'ok' ? r.cells.progressDeclared.parsed.value : null));
}

describe('a percent column with no % number format', () => {
  it('all its numbers between 0 and 1: fractions', async () => {
    expect(await progressRead([0.45, 1, 0, 0.333])).toEqual([0.45, 1, 0, 0.333]);
  });
  it('a number above 1: points, every one of them', async () => {
    expect(await progressRead([45, 100, 0, 0.5])).toEqual([0.45, 1, 0, 0.005]);
  });
  it('only 0s and 1s: points', async () => {
    expect(await progressRead([0, 1, 1])).toEqual([0, 0.01, 0.01]);
  });
  it('text stays in points, whatever the numbers beside it', async () => {
    expect(await progressRead([0.5, '45 %', '30'])).toEqual([0.5, 0.45, 0.3]);
  });
});
