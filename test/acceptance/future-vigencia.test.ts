/**
 * Acceptance — progress.md «Periods and the cut-off date» and real-formats.md «Years and the
 * vigencia»: the default cut-off stays inside the vigencia. Today (the harness) is 10/07/2025.
 *
 * - A plan's next year checked before it starts (the 2026 follow-up sheet prepared in July 2025):
 *   the default cut-off «end of the last quarter ended by today» would be 30/06/2025, outside the
 *   vigencia 2026; it is 01/01/2026 instead, nothing is measured yet and the report says so.
 * - The same workbook with --corte 2026-02-15 (before T1 ends): the same note, no usage error.
 * - --corte 2026-03-31 measures T1: no note, the goal's compliance 2 ÷ 5 = 0,4.
 */
import * as path from 'node:path';
import { writeXlsx } from '../helpers/xlsx';
import { captureSpec, tablero, tempDir, type Goal, type JReport } from './harness';

const goals: Goal[] = [{ code: 'A1', unit: 'Secretaría de Salud', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [2, null] }];

function vigencia2026(): ReturnType<typeof captureSpec> {
  const spec = captureSpec(goals, 'HC 2026');
  return { ...spec, rows: spec.rows.map((r, i) => (i === 1 ? ['Hoja de captura — Seguimiento al Plan de Acción — Vigencia 2026'] : r)) };
}

describe('acceptance: a vigencia that has not started yet', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    await writeXlsx(path.join(dir, 'hc-2026.xlsx'), [vigencia2026()]);
  });
  afterAll(() => cleanup());

  it('reporte with no --corte: cut at 01/01/2026 (inside the vigencia), nothing measured, said once', async () => {
    const r = await tablero(['reporte', 'hc-2026.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('vigencia 2026, corte 01/01/2026');
    expect(r.stdout).not.toContain('30/06/2025');
    expect(r.stdout).toContain('Al corte 01/01/2026 no ha terminado el primer trimestre de la vigencia 2026 (termina el 31/03/2026)');
    expect(r.stdout.match(/no ha terminado el primer trimestre/g)).toHaveLength(1);
  });

  it('reporte --json: cutoff 2026-01-01, the goal «sin programación», the note in readingGaps', async () => {
    const r = await tablero(['reporte', 'hc-2026.xlsx', '--json'], dir);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as JReport & { readingGaps?: { sheet: string; message: string }[] };
    expect([rep.vigencia, rep.cutoff]).toEqual([2026, '2026-01-01']);
    expect(rep.goals.map((g) => [g.code, g.state, g.compliance])).toEqual([['A1', 'sin-programacion', null]]);
    expect(rep.readingGaps?.map((g) => g.sheet)).toEqual(['HC 2026']);
  });

  it('validar --corte 2026-02-15: the same note, no missing report', async () => {
    const r = await tablero(['validar', 'hc-2026.xlsx', '--corte', '2026-02-15'], dir);
    expect(r.stdout).toContain('Al corte 15/02/2026 no ha terminado el primer trimestre');
    expect(r.stdout).not.toContain('missing-report');
  });

  it('reporte --corte 2026-03-31 measures T1: no note, compliance 2 ÷ 5 = 0,4', async () => {
    const r = await tablero(['reporte', 'hc-2026.xlsx', '--corte', '2026-03-31', '--json'], dir);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as JReport & { readingGaps?: unknown[] };
    expect(rep.goals[0].compliance).toBe(0.4);
    expect(rep.readingGaps ?? []).toEqual([]);
  });
});
