/**
 * `--vigencia` on a multi-year follow-up sheet (real-formats.md «Years and the vigencia»): a year
 * whose block the sheet has is read even when that block has no follow-up columns yet (Tenjo's
 * 2026: only «VALOR ESPERADO 2026», the quarterly «T1. PLANEADO/EJECUTADO» blocks exist for 2024
 * and 2025) — said in words, never «add the Ejecutado columns»; a year with no block at all is a
 * one-line usage error. Checked on the sample and on another Cundinamarca instance whose last
 * year's quarterly columns were not added yet.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { tablero, tempDir, repoRoot } from '../cli/io';
import { buildOtherInstances, CUNDINAMARCA_2026, CUNDINAMARCA_HEADER_ROW, CUNDINAMARCA_SHEET } from '../helpers/other-instances';

const tenjo = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'tenjo-pdm-seguimiento.xlsx');
const maybe = existsSync(tenjo) ? describe : describe.skip;
const now = { now: new Date(2026, 11, 3) };

interface Sheet {
  name: string;
  notes?: string[];
}
interface ValidarOut {
  files: { sheets: Sheet[]; findings: { rule: string; message: string }[] }[];
}

/** A copy of another municipality's PDM follow-up without 2027's quarterly columns (only «VALOR ESPERADO 2027» is left of that year). */
async function withoutLastYearQuarters(src: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.getWorksheet(CUNDINAMARCA_SHEET);
  if (!ws) throw new Error('sheet not found');
  const header = ws.getRow(CUNDINAMARCA_HEADER_ROW);
  const drop: number[] = [];
  header.eachCell((cell, col) => {
    const t = String(cell.value ?? '');
    if (/2027/.test(t) && !/VALOR ESPERADO/.test(t)) drop.push(col);
  });
  if (drop.length < 8) throw new Error(`expected the 2027 block, found ${drop.length} columns`);
  for (const col of drop.sort((a, b) => b - a)) ws.spliceColumns(col, 1);
  await wb.xlsx.writeFile(out);
}

maybe('a year block with no follow-up columns, and a year with no block', () => {
  const { dir, cleanup } = tempDir('formats-blocks-');
  let guasca: string;
  beforeAll(async () => {
    const others = await buildOtherInstances(dir);
    guasca = path.join(dir, 'guasca-sin-trimestres-2027.xlsx');
    await withoutLastYearQuarters(others[CUNDINAMARCA_2026], guasca);
  }, 60_000);
  afterAll(cleanup);

  it('Tenjo --vigencia 2026: read, said in words; no «add the column» error', async () => {
    const r = await tablero(['validar', tenjo, '--vigencia', '2026', '--json'], dir, now);
    expect(r.stderr).toBe('');
    const file = (JSON.parse(r.stdout) as ValidarOut).files[0];
    expect(file.findings.filter((f) => f.rule === 'header-missing')).toEqual([]);
    expect(file.sheets[0].notes).toContain(
      'El bloque de 2026 de la hoja no tiene aún columnas de seguimiento por trimestre (los años 2024 y 2025 sí las tienen): ' +
        'se leyó «VALOR ESPERADO 2026»; no hay ejecución de 2026 que validar ni medir.',
    );
    const text = await tablero(['validar', tenjo, '--vigencia', '2026'], dir, now);
    expect(text.stdout).toContain('PDM: El bloque de 2026 de la hoja no tiene aún columnas de seguimiento por trimestre');
    expect(text.stdout).not.toMatch(/Agréguela|no se encontró la columna/);
  });

  it('Tenjo --vigencia 2026: reporte says why nothing is measured; columnas lists no missing field', async () => {
    const rep = await tablero(['reporte', tenjo, '--vigencia', '2026'], dir, now);
    expect(rep.code).toBe(0);
    expect(rep.stdout.split('\n').slice(0, 3).join('\n')).toMatch(/\n {2}PDM: El bloque de 2026 de la hoja no tiene aún columnas de seguimiento por trimestre .*no hay ejecución de 2026 que validar ni medir\.$/);
    const cols = await tablero(['columnas', tenjo, '--vigencia', '2026'], dir, now);
    expect(cols.code).toBe(0);
    expect(cols.stdout).not.toContain('Faltan campos obligatorios');
    expect(cols.stdout).toMatch(/AH\s+VALOR ESPERADO 2026\s+Meta vigencia/);
    // The JSON says it too, after the documented fields.
    const json = await tablero(['reporte', tenjo, '--vigencia', '2026', '--json'], dir, now);
    expect((JSON.parse(json.stdout) as { notes?: string[] }).notes).toEqual([
      'PDM: El bloque de 2026 de la hoja no tiene aún columnas de seguimiento por trimestre (los años 2024 y 2025 sí las tienen): ' +
        'se leyó «VALOR ESPERADO 2026»; no hay ejecución de 2026 que validar ni medir.',
    ]);
  });

  it('Tenjo: a year with a follow-up block (2025) has no such note', async () => {
    const r = await tablero(['validar', tenjo, '--vigencia', '2025', '--json'], dir, now);
    const file = (JSON.parse(r.stdout) as ValidarOut).files[0];
    expect((file.sheets[0].notes ?? []).some((n) => n.includes('no tiene aún columnas'))).toBe(false);
  });

  it.each(['2023', '2028'])('Tenjo --vigencia %s (no block at all): exit 2, one Spanish line', async (year) => {
    const r = await tablero(['validar', tenjo, '--vigencia', year], dir, now);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `tablero: tenjo-pdm-seguimiento.xlsx: El libro trae el seguimiento de 2024 a 2027, no de ${year}: quite --vigencia o indique una vigencia entre 2024 y 2027.\n`,
    ]);
  });

  it('another instance: its last year without quarterly columns reads the same way; its filled year is unchanged', async () => {
    const r = await tablero(['validar', guasca, '--vigencia', '2027', '--corte', '2027-03-31', '--json'], dir, now);
    const file = (JSON.parse(r.stdout) as ValidarOut).files[0];
    expect(file.findings.filter((f) => f.rule === 'header-missing')).toEqual([]);
    expect(file.sheets[0].notes).toContainEqual(expect.stringMatching(/^El bloque de 2027 de la hoja no tiene aún columnas de seguimiento por trimestre \(los años 2024, 2025 y 2026 sí las tienen\): se leyó «VALOR ESPERADO 2027»/));
    const filled = await tablero(['validar', guasca, '--vigencia', '2026', '--json'], dir, now);
    const f26 = (JSON.parse(filled.stdout) as ValidarOut).files[0];
    expect((f26.sheets[0].notes ?? []).some((n) => n.includes('no tiene aún columnas'))).toBe(false);
    expect(f26.findings.some((f) => f.rule === 'missing-report')).toBe(true);
  }, 60_000);
});
