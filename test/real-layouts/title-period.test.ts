/**
 * A cut-off in another quarter than the one a workbook's titles name (real-formats.md «Never
 * silent»): Cali's Cuadro 1S of «II TRIMESTRE 2025» read with `--corte 2025-09-30` reads the T3
 * columns, and says so — in validar (text and JSON notes), columnas and reporte's text — with the
 * cut-off that matches the titles. A cut-off of the titles' quarter says nothing more. Checked on
 * the sample and on another organismo's T4 report.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { tablero, tempDir, repoRoot } from '../cli/io';
import { buildOtherInstances, CALI_T4 } from '../helpers/other-instances';

const cali = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
const maybe = existsSync(cali) ? describe : describe.skip;
const now = { now: new Date(2026, 11, 3) };

interface ValidarOut {
  files: { sheets: { name: string; notes?: string[] }[] }[];
}

maybe('a cut-off that is not the titles\' quarter', () => {
  const { dir, cleanup } = tempDir('formats-title-');
  let t4: string;
  beforeAll(async () => {
    t4 = (await buildOtherInstances(dir))[CALI_T4];
  }, 60_000);
  afterAll(cleanup);

  const t3 =
    'La fecha de corte 30/09/2025 es del trimestre 3, pero los títulos del libro son del trimestre 2 de 2025: ' +
    'se leyeron las columnas del trimestre 3. Si el libro es el informe del trimestre 2, use --corte 2025-06-30.';

  it('Cali T2 --corte 2025-09-30: validar says it (text and JSON), columnas and reporte too', async () => {
    const json = await tablero(['validar', cali, '--corte', '2025-09-30', '--json'], dir, now);
    const sheet = (JSON.parse(json.stdout) as ValidarOut).files[0].sheets[0];
    expect(sheet.notes).toContain(t3);
    expect(sheet.notes).toContain('Las columnas por trimestre de la actividad y del producto se leyeron del trimestre 3.');
    const text = await tablero(['validar', cali, '--corte', '2025-09-30'], dir, now);
    expect(text.stdout).toContain(`MEDE01.03.01.P01.F05: ${t3}\n`);
    const cols = await tablero(['columnas', cali, '--corte', '2025-09-30'], dir, now);
    expect(cols.stdout).toContain(t3);
    const rep = await tablero(['reporte', cali, '--corte', '2025-09-30'], dir, now);
    expect(rep.code).toBe(0);
    expect(rep.stdout).toContain(`  MEDE01.03.01.P01.F05: ${t3}\n`);
  });

  it('an earlier quarter is said the same way (Cali T2 --corte 2025-03-31 reads T1)', async () => {
    const r = await tablero(['reporte', cali, '--corte', '2025-03-31'], dir, now);
    expect(r.stdout).toContain('La fecha de corte 31/03/2025 es del trimestre 1, pero los títulos del libro son del trimestre 2 de 2025: se leyeron las columnas del trimestre 1.');
  });

  it('the titles\' own quarter, given or not, adds no such note', async () => {
    for (const argv of [['--corte', '2025-06-30'], []]) {
      const r = await tablero(['validar', cali, ...argv, '--json'], dir, now);
      const notes = (JSON.parse(r.stdout) as ValidarOut).files[0].sheets[0].notes ?? [];
      expect(notes.filter((n) => n.startsWith('La fecha de corte'))).toEqual([]);
    }
  });

  it('another instance (T4 of another organismo, its quarter in the sheet\'s title) read at 30/06/2025 says so', async () => {
    const r = await tablero(['validar', t4, '--corte', '2025-06-30', '--json'], dir, now);
    const notes = (JSON.parse(r.stdout) as ValidarOut).files[0].sheets[0].notes ?? [];
    expect(notes).toContain(
      'La fecha de corte 30/06/2025 es del trimestre 2, pero el título de la hoja es del trimestre 4 de 2025: se leyeron las columnas del trimestre 2. ' +
        'Si el libro es el informe del trimestre 4, use --corte 2025-12-31.',
    );
    const own = await tablero(['validar', t4, '--corte', '2025-12-31', '--json'], dir, now);
    expect(((JSON.parse(own.stdout) as ValidarOut).files[0].sheets[0].notes ?? []).some((n) => n.startsWith('La fecha de corte'))).toBe(false);
  });
});
