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

describe('example workbooks', () => {
  it.each(exampleFiles.map((f) => [f.path, f] as const))('%s is up to date with scripts/make-examples.ts', async (_p, f) => {
    const fresh = gridsOfWorkbook(await loadWorkbook(Buffer.from(await f.build().xlsx.writeBuffer())), path.basename(f.path));
    const committed = await gridsOfFile(path.join(repoRoot, f.path));
    expect(committed).toEqual(fresh); // if this fails: npx tsx scripts/make-examples.ts
  });

  // The examples' findings are their golden files (examples/*.validar.json, test/golden/golden.test.ts).
  it('the clean capture fixture gives no finding', async () => {
    const workbook = readWorkbook(await gridsOfFile(examples.clean));
    const { findings } = validateWorkbook(workbook, resolveOptions({}, workbook, '2025-07-10'));
    expect(findings).toEqual([]);
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
