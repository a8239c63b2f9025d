/**
 * `--vigencia` on a workbook whose plan names its own year (real-formats.md "Years and the
 * vigencia": the vigencia asked for picks a block of a multi-year sheet; a single-year plan has no
 * other year to read). Asking the bundled plan de acción 2025 for 2024 is a usage error, one line,
 * exit 2 — not a missing «Meta vigencia» and 46 date warnings, nor 2025's figures labelled 2024 —
 * and the cut-off advice never leads there.
 */
import { tablero, tempDir, examples } from './io';

const verbs: string[][] = [
  ['validar', examples.plan, '--vigencia', '2024'],
  ['reporte', examples.plan, '--vigencia', '2024'],
  ['reporte', examples.plan, '--vigencia', '2024', '--json'],
  ['informe', examples.plan, '--vigencia', '2024', '-o', 'x.html'],
  ['generar', examples.plan, '--vigencia', '2024', '-o', 'x.xlsx'],
];

describe('--vigencia that is not the workbook\'s year', () => {
  const { dir, cleanup } = tempDir('house-vig-');
  afterAll(cleanup);

  it.each(verbs.map((v) => [v.join(' '), v]))('%s: one-line usage error naming the workbook\'s year', async (_name, argv) => {
    const r = await tablero(argv as string[], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'tablero: plan-accion-2025.xlsx: El libro trae el plan de acción de la vigencia 2025, no de 2024: quite --vigencia o indique --vigencia 2025.',
    ]);
  });

  it('the workbook\'s own year is still accepted', async () => {
    const r = await tablero(['reporte', examples.plan, '--vigencia', '2025'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('vigencia 2025 (la indicada)');
  });

  it('a cut-off outside the workbook\'s year advises a cut-off of that year, not a --vigencia that cannot be', async () => {
    const r = await tablero(['validar', examples.plan, '--corte', '2024-06-30'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['tablero: La fecha de corte 30/06/2024 está fuera de la vigencia 2025, la del libro; use una fecha de corte de 2025.']);
  });
});
