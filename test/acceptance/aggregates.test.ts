/**
 * Acceptance — progress.md "Aggregates" and product.md "reporte --json", through
 * `tablero reporte <file> --corte 2025-06-30 --json` on a real .xlsx.
 *
 * Nine units, one workbook, cut-off T2 (c = 2). Per goal (hand-computed, suma unless said):
 *
 * | unit | goal | weight | p | e | compliance | progress | state |
 * |---|---|---|---|---|---|---|---|
 * | A Secretaría de Salud | A1 M 10, P 2+3, E 1+2 | 50 | 5 | 3 | 0,6 | 0,3 | atrasada |
 * | A | A2 M 10, P 5+5, E 6+6 | 30 | 10 | 12 | 1,2 (→ 1) | 1,2 (→ 1) | sobreejecutada |
 * | A | A3 M 4, P 0+0, no report | 20 | 0 | — | null | 0 | sin-programacion |
 * | A | A4 eliminated, no weight | — | 10 | 1 | 0,1 | 0,1 | eliminada |
 * | B Secretaría de Educación | B1 M 10, P 5+5, E 4+4 | 70 | 10 | 8 | 0,8 | 0,8 | al-dia |
 * | B | B2 creciente M 100, P 25,50, E 20,30 | — | 50 | 30 | 0,6 | 0,3 | atrasada |
 * | C Secretaría de Gobierno | C1 M 10, P 5+5, E 3+3 | — | 10 | 6 | 0,6 | 0,6 | atrasada |
 * | D Secretaría de Hacienda | D1 M 10, P 5+5, E 2+2 | — | 10 | 4 | 0,4 | 0,4 | atrasada |
 * | E Secretaría de Tránsito | E1 M 20, P 5+5, E 3,75+3,75 | — | 10 | 7,5 | 0,75 | 0,375 | atrasada |
 * | F Secretaría de Ambiente | F1 as C1 | — | 10 | 6 | 0,6 | 0,6 | atrasada |
 * | G Secretaría de Cultura | G1 M 10, P 5+5, E 4+4 | — | 10 | 8 | 0,8 | 0,8 | al-dia |
 * | H Oficina Jurídica | H1 M 10, P 5+5, E 2+1,9 | — | 10 | 3,9 | 0,39 | 0,39 | atrasada |
 * | I Oficina de Prensa | I1 M 4, P 0+0, no report, no budget | — | 0 | — | null | 0 | sin-programacion |
 *
 * Budget (definitiva / compromisos): A1 $ 100.000.000 / 50.000.000, A2 50.000.000 / 40.000.000,
 * A3 50.000.000 / 10.000.000, A4 (eliminated) 900.000.000 / 900.000.000, I1 0 / 0, every other
 * goal 10.000.000 / 8.000.000.
 */
import * as path from 'node:path';
import { writeXlsx } from '../helpers/xlsx';
import { captureSpec, tablero, tempDir } from './harness';
import type { Goal, JReport } from './harness';

const A = 'Secretaría de Salud';
const B = 'Secretaría de Educación';
const C = 'Secretaría de Gobierno';
const D = 'Secretaría de Hacienda';
const E = 'Secretaría de Tránsito';
const F = 'Secretaría de Ambiente';
const G = 'Secretaría de Cultura';
const H = 'Oficina Jurídica';
const I = 'Oficina de Prensa';

// prettier-ignore
const goals: Goal[] = [
  { code: 'A1', unit: A, dimension: 'Social', acc: 'Suma', m: 10, p: [2, 3, 3, 2], e: [1, 2], weight: 50, final: '$ 100.000.000', commitments: 50_000_000, obligations: 20_000_000, payments: 10_000_000 },
  { code: 'A2', unit: A, dimension: 'Social', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [6, 6], weight: 30, final: 50_000_000, commitments: 40_000_000, obligations: 0, payments: 0 },
  { code: 'A3', unit: A, dimension: 'Social', acc: 'Suma', m: 4, p: [0, 0, 2, 2], e: [], weight: 20, final: 50_000_000, commitments: 10_000_000, obligations: 0, payments: 0 },
  { code: 'A4', unit: A, dimension: 'Social', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [1, null], final: 900_000_000, commitments: 900_000_000, state: 'Meta eliminada' },
  { code: 'B1', unit: B, dimension: 'Social', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [4, 4], weight: 70 },
  { code: 'B2', unit: B, dimension: 'Social', acc: 'Creciente', m: 100, p: [25, 50, 75, 100], e: [20, 30] },
  { code: 'C1', unit: C, dimension: 'Institucional', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [3, 3] },
  { code: 'D1', unit: D, dimension: 'Institucional', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [2, 2] },
  { code: 'E1', unit: E, dimension: 'Económica', acc: 'Suma', m: 20, p: [5, 5, 5, 5], e: [3.75, 3.75] },
  { code: 'F1', unit: F, dimension: 'Institucional', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [3, 3] },
  { code: 'G1', unit: G, dimension: 'Económica', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [4, 4] },
  { code: 'H1', unit: H, dimension: 'Económica', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [2, 1.9] },
  { code: 'I1', unit: I, dimension: 'Económica', acc: 'Suma', m: 4, p: [0, 0, 2, 2], e: [], final: 0, commitments: 0, obligations: 0, payments: 0 },
];

describe('acceptance: aggregates, ratings, ranking and the reporte --json shape', () => {
  let dir: string;
  let cleanup: () => void;
  let rep: JReport;
  const unit = (name: string) => rep.units.find((u) => u.name === name);

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    await writeXlsx(path.join(dir, 'consolidado.xlsx'), [captureSpec(goals)]);
    const r = await tablero(['reporte', 'consolidado.xlsx', '--corte', '2025-06-30', '--json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    rep = JSON.parse(r.stdout) as JReport;
  });
  afterAll(() => cleanup());

  it('has exactly the documented keys, in the documented order', () => {
    // product.md's keys first, in its order; then what progress.md adds (the three budget ratios,
    // the partial rating, programs, metas de gestión apart, execution by source, the tipo de meta).
    expect(Object.keys(rep)).toEqual(['vigencia', 'cutoff', 'period', 'goals', 'units', 'dimensions', 'plan', 'programs', 'gestion', 'sources', 'planSummary']);
    expect(Object.keys(rep.goals[0])).toEqual([
      'code', 'goal', 'unit', 'dimension', 'programCode', 'accumulation', 'yearGoal', 'plannedToDate',
      'executedToDate', 'compliance', 'progress', 'state', 'budget', 'goalType',
    ]);
    expect(Object.keys(rep.goals[0].budget)).toEqual(['final', 'commitments', 'obligations', 'payments']);
    const fig = ['goals', 'compliance', 'progress', 'budgetExecution', 'obligationsRatio', 'paymentsRatio', 'rating'];
    expect(Object.keys(rep.units[0])).toEqual(['name', ...fig, 'rank', 'states']);
    expect(Object.keys(rep.dimensions[0])).toEqual(['name', ...fig, 'states']);
    expect(Object.keys(rep.plan)).toEqual([...fig, 'states', 'partial']);
  });

  it('goal A1: money in pesos (text "$ 100.000.000" → 100000000), program code, dimension', () => {
    expect(rep.goals.find((g) => g.code === 'A1')).toEqual({
      code: 'A1', goal: 'Meta A1', unit: A, dimension: 'Social', programCode: '1905', accumulation: 'suma', yearGoal: 10,
      plannedToDate: 5, executedToDate: 3, compliance: 0.6, progress: 0.3, state: 'atrasada',
      budget: { final: 100_000_000, commitments: 50_000_000, obligations: 20_000_000, payments: 10_000_000 },
      goalType: null,
    });
  });

  it('an undefined ratio is null, not 0 or absent', () => {
    const i1 = rep.goals.find((g) => g.code === 'I1');
    expect(i1?.compliance).toBeNull(); // p = 0: nothing due
    expect(unit(I)).toEqual({
      name: I, goals: 1,
      compliance: null,      // no goal with a defined compliance
      progress: null,        // its one goal is «sin programación» (nothing due, nothing executed): no progress yet, not 0 %
      budgetExecution: null, // Σ definitiva = 0
      obligationsRatio: null,
      paymentsRatio: null,
      rating: null,          // no compliance, no rating
      rank: 9,               // null compliance goes after every number
      states: { 'sin-programacion': 1 },
    });
  });

  it('unit A: weighted by ponderación (every active goal has one; the eliminated one is left out), capped at 100 %', () => {
    // compliance over A1, A2 (A3 undefined): (0,6 × 50 + min(1,2; 1) × 30) ÷ (50 + 30) = 60 ÷ 80 = 0,75
    // progress over A1, A2, A3: (0,3 × 50 + 1 × 30 + 0 × 20) ÷ 100 = 0,45
    // budget: the eliminated A4's money stays in (progress.md): (50 + 40 + 10 + 900) M ÷ (100 + 50 + 50 + 900) M
    // = 1.000 ÷ 1.100; obligations (20 + 0 + 0 + 5) ÷ 1.100; payments (10 + 0 + 0 + 4) ÷ 1.100
    expect(unit(A)).toMatchObject({
      name: A, goals: 3, compliance: 0.75, progress: 0.45, rating: 'Satisfactorio', rank: 2,
      states: { sobreejecutada: 1, 'sin-programacion': 1, atrasada: 1 },
    });
    expect(unit(A)?.budgetExecution).toBeCloseTo(1000 / 1100, 10);
    expect(unit(A)?.obligationsRatio).toBeCloseTo(25 / 1100, 10);
    expect(unit(A)?.paymentsRatio).toBeCloseTo(14 / 1100, 10);
  });

  it('unit B: one goal without ponderación → equal weights; exactly 70 % is Satisfactorio', () => {
    // compliance (0,8 + 0,6) ÷ 2 = 0,7; progress (0,8 + 0,3) ÷ 2 = 0,55; budget 16 M ÷ 20 M = 0,8
    // obligations 5 M + 5 M ÷ 20 M = 0,5; payments 4 M + 4 M ÷ 20 M = 0,4
    expect(unit(B)).toEqual({
      name: B, goals: 2, compliance: 0.7, progress: 0.55, budgetExecution: 0.8, obligationsRatio: 0.5, paymentsRatio: 0.4,
      rating: 'Satisfactorio', rank: 4, states: { atrasada: 1, 'al-dia': 1 },
    });
  });

  it('DNP rating boundaries: exactly 80 % Sobresaliente, 60 % Medio, 40 % Bajo, 39 % Crítico', () => {
    expect([unit(G)?.compliance, unit(G)?.rating]).toEqual([0.8, 'Sobresaliente']); // 8 ÷ 10
    expect([unit(C)?.compliance, unit(C)?.rating]).toEqual([0.6, 'Medio']); // 6 ÷ 10
    expect([unit(D)?.compliance, unit(D)?.rating]).toEqual([0.4, 'Bajo']); // 4 ÷ 10
    expect([unit(H)?.compliance, unit(H)?.rating]).toEqual([0.39, 'Crítico']); // 3,9 ÷ 10
    expect([unit(E)?.compliance, unit(E)?.rating]).toEqual([0.75, 'Satisfactorio']); // 7,5 ÷ 10
  });

  it('ranking: compliance, then progress, then name', () => {
    // G 0,8 | A 0,75 (progress 0,45) before E 0,75 (progress 0,375) | B 0,7 |
    // F "Secretaría de Ambiente" and C "Secretaría de Gobierno" tie on 0,6 / 0,6 → by name |
    // D 0,4 | H 0,39 | I (no compliance)
    expect(rep.units.map((u) => [u.rank, u.name])).toEqual([
      [1, G], [2, A], [3, E], [4, B], [5, F], [6, C], [7, D], [8, H], [9, I],
    ]);
  });

  it('dimensions, in order of first appearance, with equal weights (not every goal has a ponderación)', () => {
    expect(rep.dimensions.map((d) => d.name)).toEqual(['Social', 'Institucional', 'Económica']);
    const [social, inst, eco] = rep.dimensions;
    // Social = A1 A2 A3 B1 B2: compliance (0,6 + 1 + 0,8 + 0,6) ÷ 4 = 0,75;
    // progress (0,3 + 1 + 0 + 0,8 + 0,3) ÷ 5 = 0,48; budget with A4: (1.000 + 8 + 8) M ÷ (1.100 + 10 + 10) M = 1.016 ÷ 1.120
    expect(social).toMatchObject({ goals: 5, compliance: 0.75, progress: 0.48, rating: 'Satisfactorio' });
    expect(social.budgetExecution).toBeCloseTo(1016 / 1120, 10);
    // Institucional = C1 D1 F1: (0,6 + 0,4 + 0,6) ÷ 3 = 0,5333… → Bajo; budget 24 ÷ 30 = 0,8
    expect(inst).toMatchObject({ goals: 3, rating: 'Bajo', budgetExecution: 0.8 });
    expect(inst.compliance).toBeCloseTo(1.6 / 3, 10);
    expect(inst.progress).toBeCloseTo(1.6 / 3, 10);
    // Económica = E1 G1 H1 I1: compliance (0,75 + 0,8 + 0,39) ÷ 3 = 0,64666… → Medio;
    // progress (0,375 + 0,8 + 0,39 + 0) ÷ 4 = 0,39125; budget 24 M ÷ 30 M = 0,8
    expect(eco).toMatchObject({ goals: 4, progress: 0.39125, rating: 'Medio', budgetExecution: 0.8 });
    expect(eco.compliance).toBeCloseTo(1.94 / 3, 10);
  });

  it('plan: 12 goals (A4 eliminated), equal weights, Σ compromisos ÷ Σ definitiva with A4\'s money', () => {
    // compliance: (0,6 + 1 + 0,8 + 0,6 + 0,6 + 0,4 + 0,75 + 0,6 + 0,8 + 0,39) ÷ 10 = 6,54 ÷ 10 = 0,654 → Medio
    // progress: (0,3 + 1 + 0 + 0,8 + 0,3 + 0,6 + 0,4 + 0,375 + 0,6 + 0,8 + 0,39 + 0) ÷ 12 = 5,565 ÷ 12 = 0,46375
    // budget (A4 stays in): definitiva 1.100 M + 8 × 10 M + 0 = 1.180 M; compromisos 1.000 M + 8 × 8 M = 1.064 M
    expect(rep.plan).toMatchObject({ goals: 12, rating: 'Medio', partial: true });
    expect(rep.plan.compliance).toBeCloseTo(0.654, 10);
    expect(rep.plan.progress).toBeCloseTo(0.46375, 10);
    expect(rep.plan.budgetExecution).toBeCloseTo(1064 / 1180, 10);
    expect(rep.plan.states).toEqual({ sobreejecutada: 1, 'sin-programacion': 2, atrasada: 7, 'al-dia': 2 });
  });
});

describe('acceptance: a goal whose row names no unit is ranked after every unit', () => {
  // Z1 names no Dependencia and is complete (100 %); «Sin dependencia» would head the ranking on
  // its figures, but it is nobody's management: it goes last, after B at 40 %.
  // prettier-ignore
  const rows: Goal[] = [
    { code: 'A1', unit: A, dimension: 'Social', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [4, 4] },
    { code: 'B1', unit: B, dimension: 'Social', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [2, 2] },
    { code: 'Z1', unit: '', dimension: 'Social', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [5, 5] },
  ];

  it('reporte --json: A (0,8), B (0,4), then «Sin dependencia» (1,0)', async () => {
    const { dir, cleanup } = tempDir();
    try {
      await writeXlsx(path.join(dir, 'sin-dependencia.xlsx'), [captureSpec(rows)]);
      const r = await tablero(['reporte', 'sin-dependencia.xlsx', '--corte', '2025-06-30', '--json'], dir);
      expect(r.code).toBe(0);
      const rep = JSON.parse(r.stdout) as JReport;
      expect(rep.units.map((u) => [u.rank, u.name, u.compliance])).toEqual([
        [1, A, 0.8], [2, B, 0.4], [3, 'Sin dependencia', 1],
      ]);
    } finally {
      cleanup();
    }
  });
});
