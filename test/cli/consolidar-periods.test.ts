/**
 * `consolidar` (issue 12, defect 14): the units' files of one consolidation report the same
 * vigencia and — unless `--corte` says which — the same cut-off, and each file is counted once.
 * Before, files of different vigencias or cut-offs were consolidated silently at the first file's
 * period, and the same file given twice (or through a symlink) was counted twice.
 */
import { copyFileSync, symlinkSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { captureVariant, examples, expectOneCleanLine, tablero, tempDir } from './io';

const { dir, cleanup } = tempDir('tablero-consolidar-');
afterAll(cleanup);

const variant = (name: string, vigencia: string, corte: string): Promise<string> => captureVariant(dir, name, vigencia, corte);

let t2: string;
beforeAll(async () => {
  t2 = path.join(dir, 'salud-T2.xlsx');
  await fs.copyFile(examples.capture, t2);
});

const refused = async (argv: string[], message: RegExp) => {
  const r = await tablero(['consolidar', ...argv, '-o', 'consolidado.xlsx'], dir);
  expect(r.code).toBe(2);
  expectOneCleanLine(r.stderr);
  expect(r.stderr).toMatch(message);
  await expect(fs.access(path.join(dir, 'consolidado.xlsx'))).rejects.toThrow();
};

describe('consolidar refuses what would mix periods or count a file twice', () => {
  it('another cut-off (30/09/2025 next to 30/06/2025)', async () => {
    const t3 = await variant('educacion-T3.xlsx', '2025', '30/09/2025');
    await refused([t2, t3], /^tablero: «.*educacion-T3\.xlsx» tiene corte 30\/09\/2025 y «.*salud-T2\.xlsx» 30\/06\/2025: consolide hojas de un mismo corte, o indique cuál con --corte AAAA-MM-DD\.$/m);
  }, 60_000);

  it('another vigencia (2024 next to 2025)', async () => {
    const old = await variant('educacion-2024.xlsx', '2024', '30/06/2024');
    await refused([t2, old], /«.*educacion-2024\.xlsx» es de la vigencia 2024 y «.*salud-T2\.xlsx» de la 2025: consolide libros de una misma vigencia\./);
  }, 60_000);

  it('the same file twice, once more through a symlink, or a copy under another name', async () => {
    await refused([t2, t2], /«.*salud-T2\.xlsx» es el mismo archivo que «.*salud-T2\.xlsx»: cada libro se consolida una sola vez\./);
    symlinkSync(t2, path.join(dir, 'enlace.xlsx'));
    await refused([t2, 'enlace.xlsx'], /«enlace\.xlsx» es el mismo archivo que/);
    // A copy under another name is the same workbook: its goals would count twice.
    copyFileSync(t2, path.join(dir, 'copia-salud.xlsx'));
    await refused([t2, 'copia-salud.xlsx'], /«copia-salud\.xlsx» es el mismo archivo que «.*salud-T2\.xlsx»/);
  }, 60_000);

  it('--corte names the cut-off: files with different ones are measured at it', async () => {
    const t3 = await variant('cultura-T3.xlsx', '2025', '30/09/2025');
    const r = await tablero(['consolidar', t2, t3, '--corte', '2025-09-30', '-o', 'consolidado-corte.xlsx'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/al corte 30\/09\/2025/);
  }, 60_000);
});
