/**
 * Golden files (scripts/golden.ts): every example workbook and every real-layout sample gives
 * exactly its committed `validar --json` and `reporte --json`. A change of behaviour that moves
 * them is made on purpose: `npm run golden`, then read the diff before committing it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { goldenCases, jsonOutput, realLayoutsDir } from '../../scripts/golden';

const repoRoot = path.resolve(__dirname, '..', '..');
const cases = goldenCases();

describe('golden files', () => {
  it('cover both examples and every real-layout sample in ../shared/real-layouts', () => {
    expect(existsSync(realLayoutsDir)).toBe(true);
    const inputs = cases.map((c) => path.basename(c.input));
    expect(inputs).toEqual(expect.arrayContaining(['plan-accion-2025.xlsx', 'hoja-captura-T2-2025.xlsx']));
    const real = readdirSync(realLayoutsDir).filter((f) => f.endsWith('.xlsx'));
    expect(real.length).toBeGreaterThanOrEqual(4);
    expect(inputs).toEqual(expect.arrayContaining(real));
  });

  it('have no golden left over from a workbook that is gone', () => {
    const kept = new Set(cases.flatMap((c) => [c.validar, c.reporte]));
    const dirs = [path.join(repoRoot, 'examples'), path.join(repoRoot, 'test', 'golden', 'real-layouts')];
    const stale = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(validar|reporte)\.json$/.test(f)).map((f) => path.join(d, f))).filter((f) => !kept.has(f));
    expect(stale).toEqual([]);
  });

  describe.each(cases.map((c) => [path.relative(repoRoot, c.input).replace(/^\.\.\//, ''), c] as const))('%s', (_name, c) => {
    it.each(['validar', 'reporte'] as const)('%s --json matches its golden file', async (verb) => {
      const expected = readFileSync(c[verb], 'utf8'); // missing: npm run golden
      expect(await jsonOutput(verb, c.input)).toBe(expected);
    });
  });
});
