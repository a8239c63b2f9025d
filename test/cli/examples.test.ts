/**
 * The committed example workbooks are exactly what `scripts/make-examples.ts` makes (compared as
 * grids: values, number formats, merges — the zip bytes carry timestamps) and hold what they are
 * meant to show; their findings are their golden files (test/golden/golden.test.ts).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { exampleFiles } from '../../scripts/make-examples';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';
import { readWorkbook } from '../../src/domain/reader';
import { validateWorkbook } from '../../src/app/validate';
import { resolveOptions } from '../../src/app/report';
import { examples, repoRoot } from './io';

async function gridsOfFile(file: string) {
  return gridsOfWorkbook(await loadWorkbook(await fs.readFile(file)), path.basename(file));
}

/**
 * The warnings the methodology asks of the example capture sheet at T2 (not mistakes: what a
 * reviewer must look at). Above what was due (over-execution, on Ejecutado T2 = column N):
 * 1905021 3.100 of 3.000, 2201022 (980 − 800) ÷ (950 − 800) = 120 %, 2402060 55 of 40,
 * 1702023 5 of 2, 4502011 270 of 250. Money ahead of the work (budget-ahead, on Compromisos =
 * column T): 2201015 520 of 600 M committed (86,7 %) at 40 %, 2402041 1.280 of 1.340 M (95,5 %) at 0 %.
 */
const methodologyFindings: Record<string, [string, string, string, string, string]> = {
  '1905021': ['over-execution', 'warning', 'HC T2', 'N9', '1905021'],
  '2201015': ['budget-ahead', 'warning', 'HC T2', 'T12', '2201015'],
  '2201022': ['over-execution', 'warning', 'HC T2', 'N13', '2201022'],
  '2402041': ['budget-ahead', 'warning', 'HC T2', 'T15', '2402041'],
  '2402060': ['over-execution', 'warning', 'HC T2', 'N17', '2402060'],
  '1702023': ['over-execution', 'warning', 'HC T2', 'N19', '1702023'],
  '4502011': ['over-execution', 'warning', 'HC T2', 'N21', '4502011'],
};
const methodology = (...codes: string[]) => codes.map((c) => methodologyFindings[c]);

describe('example workbooks', () => {
  it.each(exampleFiles.map((f) => [f.path, f] as const))('%s is up to date with scripts/make-examples.ts', async (_p, f) => {
    const fresh = gridsOfWorkbook(await loadWorkbook(Buffer.from(await f.build().xlsx.writeBuffer())), path.basename(f.path));
    const committed = await gridsOfFile(path.join(repoRoot, f.path));
    expect(committed).toEqual(fresh); // if this fails: npx tsx scripts/make-examples.ts
  });

  // The examples' findings are their golden files (examples/*.validar.json, test/golden/golden.test.ts).
  it('the clean capture fixture gives no error, only the methodology\'s warnings for the reviewer', async () => {
    const workbook = readWorkbook(await gridsOfFile(examples.clean));
    const { findings } = validateWorkbook(workbook, resolveOptions({}, workbook, '2025-07-10'));
    expect(findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.goal])).toEqual(
      methodology('1905021', '2201015', '2201022', '2402041', '2402060', '1702023', '4502011'),
    );
  });

  it('the capture example covers the four accumulation types, línea base, an eliminated goal, lagging goals and a goal over 100 %', async () => {
    const workbook = readWorkbook(await gridsOfFile(path.join(repoRoot, 'examples/hoja-captura-T2-2025.xlsx')));
    const hc = workbook.sheets.find((s) => s.kind === 'hoja-captura')!;
    expect(hc.cutoff).toBe('2025-06-30');
    const accs = new Set(hc.rows.map((r) => (r.cells.accumulation?.parsed as { value?: string }).value));
    expect([...accs].sort()).toEqual(['constante', 'creciente', 'decreciente', 'suma']);
    expect(hc.rows.filter((r) => r.cells.baseline?.parsed.status === 'ok').length).toBeGreaterThanOrEqual(3);
  });
});
