/**
 * Every verb reads a real sample the same way: the streaming reader (`validar`, `reporte`) and
 * exceljs's full model (`generar`) give the same grids' findings — a formula's cached error
 * (`#VALUE!` in Tenjo's totals) included — and `generar` reports as many errors and warnings as
 * `validar`.
 */
import * as path from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readGridsStreaming } from '../../src/xlsx/stream-read';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';
import { readWorkbook } from '../../src/domain/reader';
import { resolveOptions } from '../../src/app/report';
import { validateWorkbook } from '../../src/app/validate';
import { repoRoot, tablero, tempDir } from '../cli/io';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const files = existsSync(samples) ? readdirSync(samples).filter((f) => f.endsWith('.xlsx')) : [];
const maybe = files.length > 0 ? describe : describe.skip;

maybe('the streaming and the full reader agree on every real sample', () => {
  it.each(files)('%s: same findings', async (name) => {
    const bytes = readFileSync(path.join(samples, name));
    const streamed = readWorkbook(await readGridsStreaming(bytes, name));
    const full = readWorkbook(gridsOfWorkbook(await loadWorkbook(bytes), name));
    const options = resolveOptions({}, full, '2026-01-15');
    const a = validateWorkbook(streamed, options).findings;
    const b = validateWorkbook(full, options).findings;
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it('a cached formula error reaches validar (Tenjo r6: the totals show #VALUE!)', async () => {
    const bytes = readFileSync(path.join(samples, 'tenjo-pdm-seguimiento.xlsx'));
    const wb = readWorkbook(await readGridsStreaming(bytes, 'tenjo'));
    const findings = validateWorkbook(wb, resolveOptions({}, wb, '2026-01-15')).findings;
    // One value in several columns of the row: one finding, on the first read field's cell, that covers the others.
    const found = findings.filter((f) => f.rule === 'formula-error' && f.row === 6);
    expect(found.map((f) => [f.cell, ...(f.alsoCells ?? [])])).toEqual([expect.arrayContaining(['BH6', 'BK6'])]);
  });

  // The DNP report's Excel tables have no style: exceljs read them but failed writing the copy
  // ("Cannot read properties of null (reading 'theme')") until `loadWorkbook` gave them one.
  it.each(files)('%s: generar counts the errors and warnings validar reports', async (name) => {
    const { dir, cleanup } = tempDir();
    try {
      const input = path.join(samples, name);
      const v = JSON.parse((await tablero(['validar', input, '--json'], dir)).stdout) as { errors: number; warnings: number };
      const g = await tablero(['generar', input, '-o', 'salida.xlsx'], dir);
      expect(g.code).toBe(0);
      const m = /; ([\d.]+) error(?:es)? y ([\d.]+) advertencias?/.exec(g.stdout);
      expect(m).not.toBeNull();
      expect([Number(m?.[1].replace(/\./g, '')), Number(m?.[2].replace(/\./g, ''))]).toEqual([v.errors, v.warnings]);
    } finally {
      cleanup();
    }
  });
});
