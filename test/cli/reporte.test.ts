import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { examples, tablero, tempDir } from './io';

describe('tablero reporte', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  it('--json prints exactly the documented shape', async () => {
    const r = await tablero(['reporte', examples.capture, '--json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rep = JSON.parse(r.stdout);
    expect(Object.keys(rep)).toEqual(['vigencia', 'cutoff', 'period', 'goals', 'units', 'dimensions', 'plan', 'programs', 'gestion', 'sources', 'planSummary']);
    expect([rep.vigencia, rep.cutoff, rep.period]).toEqual([2025, '2025-06-30', 'T2']);
    expect(rep.goals).toHaveLength(14);
    expect(Object.keys(rep.goals[0])).toEqual([
      'code', 'goal', 'unit', 'dimension', 'programCode', 'accumulation', 'yearGoal', 'plannedToDate',
      'executedToDate', 'compliance', 'progress', 'state', 'budget', 'goalType',
    ]);
    expect(Object.keys(rep.goals[0].budget)).toEqual(['final', 'commitments', 'obligations', 'payments']);
    const g = (code: string) => rep.goals.find((x: { code: string }) => x.code === code);
    expect(g('1905021')).toMatchObject({ unit: 'Secretaría de Salud', programCode: '1905', accumulation: 'suma', yearGoal: 6000, plannedToDate: 3000, executedToDate: 3100, state: 'al-dia' });
    expect(g('1702023').state).toBe('sobreejecutada');
    expect(g('1702031').state).toBe('eliminada');
    expect(g('2402041').state).toBe('no-iniciada');
    expect(g('2402052').state).toBe('sin-programacion');
    expect(g('1905044')).toMatchObject({ accumulation: 'decreciente', compliance: 0.5, state: 'atrasada' });
    const fig = ['goals', 'compliance', 'progress', 'budgetExecution', 'obligationsRatio', 'paymentsRatio', 'rating'];
    expect(Object.keys(rep.units[0])).toEqual(['name', ...fig, 'rank', 'states']);
    // Five units, but Secretaría de Gobierno has only metas de gestión: it is not in the ranking.
    expect(rep.units.map((u: { rank: number }) => u.rank)).toEqual([1, 2, 3, 4]);
    expect(Object.keys(rep.dimensions[0])).toEqual(['name', ...fig, 'states']);
    expect(Object.keys(rep.plan)).toEqual([...fig, 'states', 'partial']);
    // 14 goals − 1 eliminated − 2 de gestión (4502011, 4502020) = 11 product goals.
    expect(rep.plan.goals).toBe(11);
    expect(rep.gestion.goals).toBe(2);
  });

  it('--corte moves the cut-off', async () => {
    const r = await tablero(['reporte', examples.capture, '--corte', '2025-03-31', '--json'], dir);
    const rep = JSON.parse(r.stdout);
    expect([rep.cutoff, rep.period]).toEqual(['2025-03-31', 'T1']);
  });

  it('without --json prints a readable summary', async () => {
    const r = await tablero(['reporte', examples.capture], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Reporte de avance — vigencia 2025, corte 30/06/2025 (T2)');
    expect(r.stdout).toContain('Dependencias (ranking de gestión)');
    expect(r.stdout).toMatch(/Metas rezagadas \(3\)/);
    expect(r.stdout).toMatch(/\d+,\d %/); // Colombian percentages
  });

  it('several files are reported as one plan; clashing sheet names get the file name', async () => {
    await fs.copyFile(examples.clean, path.join(dir, 'a.xlsx'));
    await fs.copyFile(examples.clean, path.join(dir, 'b.xlsx'));
    const r = await tablero(['reporte', 'a.xlsx', 'b.xlsx', '--json'], dir);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.goals).toHaveLength(28);
  });
});
