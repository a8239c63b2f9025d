import type { Accumulation, GoalInput, GoalState } from './goal';
import { computeProgress, isLagging, progressFigures } from './progress';

type N = number | null;

function goal(over: Partial<GoalInput>): GoalInput {
  return {
    code: '1905021',
    goal: 'Meta de prueba',
    unit: 'Secretaría de Salud',
    dimension: null,
    programCode: null,
    program: null,
    accumulation: 'suma',
    baseline: null,
    yearGoal: 10,
    periodKind: 'quarter',
    planned: [null, null, null, null],
    executed: [null, null, null, null],
    weight: null,
    budget: { final: null, commitments: null, obligations: null, payments: null },
    eliminated: false,
    analysis: null,
    evidence: null,
    sheet: 'HC',
    row: 7,
    ...over,
  };
}

interface Case {
  readonly name: string;
  readonly acc: Accumulation;
  readonly lb: N;
  readonly m: N;
  readonly P: N[];
  readonly E: N[];
  readonly c: number;
  readonly eliminated?: boolean;
  /** Expected: plannedToDate, executedToDate, compliance, progress, state. */
  readonly want: [N, N, N, N, GoalState];
}

// Every expected figure is computed by hand in the comment of its row.
const cases: Case[] = [
  // ───────────── suma, no línea base (M = 10) ─────────────
  // c = 0: p = Σ over nothing = 0; e = no report; progress 0 ÷ 10.
  { name: 'suma: nothing measured', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [1, null, null, null], c: 0, want: [0, null, null, 0, 'sin-programacion'] },
  // p = 0 + 0 → compliance undefined.
  { name: 'suma: nothing due, nothing done', acc: 'suma', lb: null, m: 10, P: [0, 0, 5, 5], E: [null, null, null, null], c: 2, want: [0, null, null, 0, 'sin-programacion'] },
  // p = 0, e = 1 (ahead of schedule) → compliance null, progress 1/10 → al-dia.
  { name: 'suma: nothing due, something done', acc: 'suma', lb: null, m: 10, P: [null, null, 5, 5], E: [1, null, null, null], c: 2, want: [0, 1, null, 0.1, 'al-dia'] },
  // p = 2 + 3 = 5; no report → compliance 0 ÷ 5 = 0.
  { name: 'suma: no report', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [null, null, null, null], c: 2, want: [5, null, 0, 0, 'no-iniciada'] },
  // reported zeros: e = 0 → nothing executed.
  { name: 'suma: reported 0', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [0, 0, null, null], c: 2, want: [5, 0, 0, 0, 'no-iniciada'] },
  // e = 1 + 2 = 3; 3/5 = 0.6 < 0.8; progress 3/10.
  { name: 'suma: under threshold', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [1, 2, null, null], c: 2, want: [5, 3, 0.6, 0.3, 'atrasada'] },
  // e = 4; 4/5 = 0.8 = threshold → al-dia.
  { name: 'suma: at threshold', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [2, 2, null, null], c: 2, want: [5, 4, 0.8, 0.4, 'al-dia'] },
  // c = 4: p = 10, e = 10 → 1, 1.
  { name: 'suma: exactly 100 %', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [2, 3, 3, 2], c: 4, want: [10, 10, 1, 1, 'cumplida'] },
  // e = 12 → 12/10 = 1.2.
  { name: 'suma: over 100 %', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [3, 3, 3, 3], c: 4, want: [10, 12, 1.2, 1.2, 'sobreejecutada'] },
  // compliance 8/5 = 1.6 (not capped) but progress 0.8 < 100 % → al-dia.
  { name: 'suma: ahead of schedule', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [5, 3, null, null], c: 2, want: [5, 8, 1.6, 0.8, 'al-dia'] },
  { name: 'suma: eliminated', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [1, 2, null, null], c: 2, eliminated: true, want: [5, 3, 0.6, 0.3, 'eliminada'] },
  // e = −1 + 0 → −1/5 < 0 → 0; something was reported (not 0) → atrasada.
  { name: 'suma: negative ratio clipped', acc: 'suma', lb: null, m: 10, P: [2, 3, 3, 2], E: [-1, 0, null, null], c: 2, want: [5, -1, 0, 0, 'atrasada'] },
  // ───────────── suma with a línea base: LB is ignored ─────────────
  { name: 'suma+LB: under threshold', acc: 'suma', lb: 100, m: 10, P: [2, 3, 3, 2], E: [1, 2, null, null], c: 2, want: [5, 3, 0.6, 0.3, 'atrasada'] },
  { name: 'suma+LB: exactly 100 %', acc: 'suma', lb: 100, m: 10, P: [2, 3, 3, 2], E: [2, 3, 3, 2], c: 4, want: [10, 10, 1, 1, 'cumplida'] },
  { name: 'suma+LB: no report', acc: 'suma', lb: 100, m: 10, P: [2, 3, 3, 2], E: [null, null, null, null], c: 2, want: [5, null, 0, 0, 'no-iniciada'] },

  // ───────────── creciente, no línea base (M = 10, P = 2, 4, 6, 10) ─────────────
  { name: 'creciente: nothing measured', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [null, null, null, null], c: 0, want: [null, null, null, 0, 'sin-programacion'] },
  // nothing programmed up to T2 → p null.
  { name: 'creciente: nothing due', acc: 'creciente', lb: null, m: 10, P: [null, null, 6, 10], E: [null, null, null, null], c: 2, want: [null, null, null, 0, 'sin-programacion'] },
  { name: 'creciente: no report', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [null, null, null, null], c: 2, want: [4, null, 0, 0, 'no-iniciada'] },
  // p = P(T2) = 4; e = E(T2) = 3 (last reported, not a sum) → 0.75; 3/10.
  { name: 'creciente: under threshold', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [2, 3, null, null], c: 2, want: [4, 3, 0.75, 0.3, 'atrasada'] },
  // 3.2/4 = 0.8 = threshold → al día.
  { name: 'creciente: at threshold', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [3, 3.2, null, null], c: 2, want: [4, 3.2, 0.8, 0.32, 'al-dia'] },
  // T2 programmed and blank (missing-report): T1's level 3.2 is NOT carried forward — the goal is
  // judged as not reported for T2: e = null, compliance 0 ÷ 4 = 0 → no iniciada.
  { name: 'creciente: due period blank, level not carried', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [3.2, null, null, null], c: 2, want: [4, null, 0, 0, 'no-iniciada'] },
  { name: 'creciente: exactly 100 %', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [2, 4, 6, 10], c: 4, want: [10, 10, 1, 1, 'cumplida'] },
  { name: 'creciente: over 100 %', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [2, 4, 6, 11], c: 4, want: [10, 11, 1.1, 1.1, 'sobreejecutada'] },
  // a reported 0 is level 0: nothing executed.
  { name: 'creciente: reported 0 after a level', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [3, 0, null, null], c: 2, want: [4, 0, 0, 0, 'no-iniciada'] },
  { name: 'creciente: eliminated', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [2, 3, null, null], c: 2, eliminated: true, want: [4, 3, 0.75, 0.3, 'eliminada'] },
  { name: 'creciente: negative ratio clipped', acc: 'creciente', lb: null, m: 10, P: [2, 4, 6, 10], E: [2, -1, null, null], c: 2, want: [4, -1, 0, 0, 'atrasada'] },

  // ───────────── creciente with LB = 50 (M = 70, P = 55, 60, 65, 70) ─────────────
  // e for ratios = LB (no change) → progress (50 − 50)/(70 − 50) = 0.
  { name: 'creciente+LB: nothing measured', acc: 'creciente', lb: 50, m: 70, P: [55, 60, 65, 70], E: [null, null, null, null], c: 0, want: [null, null, null, 0, 'sin-programacion'] },
  // p = 50 = LB → no growth due; e = 50 = LB → no change.
  { name: 'creciente+LB: nothing due', acc: 'creciente', lb: 50, m: 70, P: [50, 50, 60, 70], E: [50, 50, null, null], c: 2, want: [50, 50, null, 0, 'sin-programacion'] },
  // growth before it was due: (52 − 50)/(70 − 50) = 0.1.
  { name: 'creciente+LB: nothing due, something done', acc: 'creciente', lb: 50, m: 70, P: [50, 50, 60, 70], E: [50, 52, null, null], c: 2, want: [50, 52, null, 0.1, 'al-dia'] },
  { name: 'creciente+LB: no report', acc: 'creciente', lb: 50, m: 70, P: [55, 60, 65, 70], E: [null, null, null, null], c: 2, want: [60, null, 0, 0, 'no-iniciada'] },
  { name: 'creciente+LB: no change', acc: 'creciente', lb: 50, m: 70, P: [55, 60, 65, 70], E: [50, 50, null, null], c: 2, want: [60, 50, 0, 0, 'no-iniciada'] },
  // (56 − 50)/(60 − 50) = 0.6 (e ÷ p would say 0.93); progress 6/20 = 0.3.
  { name: 'creciente+LB: under threshold', acc: 'creciente', lb: 50, m: 70, P: [55, 60, 65, 70], E: [52, 56, null, null], c: 2, want: [60, 56, 0.6, 0.3, 'atrasada'] },
  // 8/10 = 0.8; 8/20 = 0.4.
  { name: 'creciente+LB: at threshold', acc: 'creciente', lb: 50, m: 70, P: [55, 60, 65, 70], E: [54, 58, null, null], c: 2, want: [60, 58, 0.8, 0.4, 'al-dia'] },
  { name: 'creciente+LB: exactly 100 %', acc: 'creciente', lb: 50, m: 70, P: [55, 60, 65, 70], E: [55, 60, 65, 70], c: 4, want: [70, 70, 1, 1, 'cumplida'] },
  // (74 − 50)/(70 − 50) = 1.2.
  { name: 'creciente+LB: over 100 %', acc: 'creciente', lb: 50, m: 70, P: [55, 60, 65, 70], E: [55, 60, 65, 74], c: 4, want: [70, 74, 1.2, 1.2, 'sobreejecutada'] },
  { name: 'creciente+LB: eliminated', acc: 'creciente', lb: 50, m: 70, P: [55, 60, 65, 70], E: [52, 56, null, null], c: 2, eliminated: true, want: [60, 56, 0.6, 0.3, 'eliminada'] },
  // (45 − 50)/10 = −0.5 → 0: fell below LB.
  { name: 'creciente+LB: negative ratio clipped', acc: 'creciente', lb: 50, m: 70, P: [55, 60, 65, 70], E: [48, 45, null, null], c: 2, want: [60, 45, 0, 0, 'atrasada'] },

  // ───────────── constante (M = 100, every period 100) ─────────────
  { name: 'constante: nothing measured', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [null, null, null, null], c: 0, want: [null, null, null, 0, 'sin-programacion'] },
  { name: 'constante: nothing due', acc: 'constante', lb: null, m: 100, P: [null, null, 100, 100], E: [null, null, null, null], c: 2, want: [null, null, null, 0, 'sin-programacion'] },
  { name: 'constante: no report', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [null, null, null, null], c: 2, want: [100, null, 0, 0, 'no-iniciada'] },
  // e = E(T2) = 70 → 0.7.
  { name: 'constante: under threshold', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [90, 70, null, null], c: 2, want: [100, 70, 0.7, 0.7, 'atrasada'] },
  { name: 'constante: at threshold', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [100, 80, null, null], c: 2, want: [100, 80, 0.8, 0.8, 'al-dia'] },
  // a level kept in T2 is not yet a level kept all year: 100 % but only al día until T4.
  { name: 'constante: 100 % in T2 is al día', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [100, 100, null, null], c: 2, want: [100, 100, 1, 1, 'al-dia'] },
  { name: 'constante: exactly 100 % at T4', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [100, 100, 100, 100], c: 4, want: [100, 100, 1, 1, 'cumplida'] },
  // 110/100 in T2: over what was due (an over-execution warning), al día until T4.
  { name: 'constante: over 100 % in T2', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [100, 110, null, null], c: 2, want: [100, 110, 1.1, 1.1, 'al-dia'] },
  { name: 'constante: over 100 % at T4', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [100, 100, 100, 110], c: 4, want: [100, 110, 1.1, 1.1, 'sobreejecutada'] },
  // T4 below the level at year-end: 90/100 → no cumplida (PE-P-008 step 5).
  { name: 'constante: below at T4', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [100, 100, 100, 90], c: 4, want: [100, 90, 0.9, 0.9, 'no-cumplida'] },
  { name: 'constante: eliminated', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [90, 70, null, null], c: 2, eliminated: true, want: [100, 70, 0.7, 0.7, 'eliminada'] },
  { name: 'constante: negative ratio clipped', acc: 'constante', lb: null, m: 100, P: [100, 100, 100, 100], E: [90, -5, null, null], c: 2, want: [100, -5, 0, 0, 'atrasada'] },
  // ───────────── constante with a línea base: LB is ignored ─────────────
  { name: 'constante+LB: under threshold', acc: 'constante', lb: 80, m: 100, P: [100, 100, 100, 100], E: [90, 70, null, null], c: 2, want: [100, 70, 0.7, 0.7, 'atrasada'] },
  { name: 'constante+LB: exactly 100 % at T4', acc: 'constante', lb: 80, m: 100, P: [100, 100, 100, 100], E: [100, 100, 100, 100], c: 4, want: [100, 100, 1, 1, 'cumplida'] },

  // ───────────── decreciente with LB = 20 (M = 10, P = 18, 16, 13, 10) ─────────────
  // progress (20 − 20)/(20 − 10) = 0.
  { name: 'decreciente+LB: nothing measured', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [null, null, null, null], c: 0, want: [null, null, null, 0, 'sin-programacion'] },
  // LB − p = 0 → nothing due; e = LB → no change.
  { name: 'decreciente+LB: nothing due', acc: 'decreciente', lb: 20, m: 10, P: [20, 20, 15, 10], E: [20, 20, null, null], c: 2, want: [20, 20, null, 0, 'sin-programacion'] },
  { name: 'decreciente+LB: no report', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [null, null, null, null], c: 2, want: [16, null, 0, 0, 'no-iniciada'] },
  { name: 'decreciente+LB: no change', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [20, 20, null, null], c: 2, want: [16, 20, 0, 0, 'no-iniciada'] },
  // (20 − 17)/(20 − 16) = 0.75; (20 − 17)/(20 − 10) = 0.3.
  { name: 'decreciente+LB: under threshold', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [19, 17, null, null], c: 2, want: [16, 17, 0.75, 0.3, 'atrasada'] },
  // (20 − 16.8)/4 = 0.8 (after rounding binary noise); 3.2/10 = 0.32.
  { name: 'decreciente+LB: at threshold', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [19, 16.8, null, null], c: 2, want: [16, 16.8, 0.8, 0.32, 'al-dia'] },
  { name: 'decreciente+LB: exactly 100 %', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [18, 16, 13, 10], c: 4, want: [10, 10, 1, 1, 'cumplida'] },
  // (20 − 8)/(20 − 10) = 1.2.
  { name: 'decreciente+LB: over 100 %', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [18, 16, 13, 8], c: 4, want: [10, 8, 1.2, 1.2, 'sobreejecutada'] },
  // a reported 0 is a level: (20 − 0)/10 = 2.
  { name: 'decreciente+LB: brought to 0', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [18, 16, 13, 0], c: 4, want: [10, 0, 2, 2, 'sobreejecutada'] },
  { name: 'decreciente+LB: eliminated', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [19, 17, null, null], c: 2, eliminated: true, want: [16, 17, 0.75, 0.3, 'eliminada'] },
  // rose above LB: (20 − 22)/4 < 0 → 0.
  { name: 'decreciente+LB: negative ratio clipped', acc: 'decreciente', lb: 20, m: 10, P: [18, 16, 13, 10], E: [21, 22, null, null], c: 2, want: [16, 22, 0, 0, 'atrasada'] },

  // ───────────── decreciente without LB: no-medible ─────────────
  // progress.md: a decreciente goal needs a línea base; without it the figure cannot be computed
  // honestly (p ÷ e would read a 50 % lag as 97 %), so compliance and progress are null and the
  // state is no-medible whatever was reported; p and e are still shown.
  { name: 'decreciente: nothing measured', acc: 'decreciente', lb: null, m: 10, P: [18, 16, 13, 10], E: [null, null, null, null], c: 0, want: [null, null, null, null, 'no-medible'] },
  { name: 'decreciente: no report', acc: 'decreciente', lb: null, m: 10, P: [18, 16, 13, 10], E: [null, null, null, null], c: 2, want: [16, null, null, null, 'no-medible'] },
  { name: 'decreciente: reported', acc: 'decreciente', lb: null, m: 10, P: [18, 16, 13, 10], E: [19, 22, null, null], c: 2, want: [16, 22, null, null, 'no-medible'] },
  { name: 'decreciente: at T4', acc: 'decreciente', lb: null, m: 10, P: [18, 16, 13, 10], E: [18, 16, 13, 8], c: 4, want: [10, 8, null, null, 'no-medible'] },
  // eliminated comes first.
  { name: 'decreciente: eliminated', acc: 'decreciente', lb: null, m: 10, P: [18, 16, 13, 10], E: [19, 22, null, null], c: 2, eliminated: true, want: [16, 22, null, null, 'eliminada'] },
  // ───────────── no meta vigencia and no programming: no-medible ─────────────
  { name: 'suma: no meta, no programming', acc: 'suma', lb: null, m: null, P: [null, null, null, null], E: [3, null, null, null], c: 2, want: [0, 3, null, null, 'no-medible'] },
];

describe('computeProgress — table of progress.md', () => {
  it.each(cases.map((k) => [k.name, k] as const))('%s', (_name, k) => {
    const r = computeProgress(
      goal({ accumulation: k.acc, baseline: k.lb, yearGoal: k.m, planned: k.P, executed: k.E, eliminated: k.eliminated ?? false }),
      k.c,
    );
    expect([r.plannedToDate, r.executedToDate, r.compliance, r.progress, r.state]).toEqual(k.want);
  });
});

describe('computeProgress — edge cases', () => {
  it('ignores execution reported after the cut-off period', () => {
    const r = computeProgress(goal({ planned: [2, 3, 3, 2], executed: [1, 2, 5, 9] }), 2);
    expect([r.executedToDate, r.compliance]).toEqual([3, 0.6]);
  });
  it('clamps a cut-off period beyond the last period', () => {
    const r = computeProgress(goal({ planned: [2, 3, 3, 2], executed: [2, 3, 3, 2] }), 9);
    expect(r.cutoffPeriod).toBe(4);
    expect(r.state).toBe('cumplida');
  });
  it('treats a negative cut-off period as nothing measured', () => {
    expect(computeProgress(goal({ planned: [2, 3, 3, 2] }), -1).cutoffPeriod).toBe(0);
  });
  it('counts 99,6 % as 100 % (percent tolerance 0,5 points)', () => {
    const r = computeProgress(goal({ yearGoal: 1000, planned: [250, 250, 250, 250], executed: [250, 250, 250, 246] }), 4);
    expect(r.progress).toBe(0.996);
    expect(r.state).toBe('cumplida');
  });
  it('counts a small goal within the magnitude tolerance (0,01) as 100 %', () => {
    // 0.99 of 1: 1 point away, but the same magnitude.
    const r = computeProgress(goal({ yearGoal: 1, planned: [1, null, null, null], executed: [0.99, null, null, null] }), 1);
    expect(r.state).toBe('cumplida');
  });
  it('is sobreejecutada only beyond both tolerances', () => {
    const r = computeProgress(goal({ yearGoal: 1000, planned: [250, 250, 250, 250], executed: [250, 250, 250, 256] }), 4);
    expect([r.progress, r.state]).toEqual([1.006, 'sobreejecutada']);
  });
  it('adds decimals without binary noise', () => {
    const r = computeProgress(goal({ yearGoal: 0.6, planned: [0.1, 0.2, 0.3, null], executed: [0.1, 0.2, null, null] }), 2);
    expect([r.plannedToDate, r.executedToDate, r.compliance, r.progress]).toEqual([0.3, 0.3, 1, 0.5]);
  });
  it('cannot be cumplida without a meta vigencia', () => {
    const r = computeProgress(goal({ yearGoal: null, planned: [2, 3, 3, 2], executed: [2, 3, 3, 2] }), 4);
    expect([r.progress, r.state]).toEqual([null, 'al-dia']);
  });
  it('has undefined progress with a meta vigencia of 0', () => {
    const r = computeProgress(goal({ yearGoal: 0, planned: [0, 0, 0, 0], executed: [0, 0, null, null] }), 2);
    expect([r.compliance, r.progress, r.state]).toEqual([null, null, 'sin-programacion']);
  });
  it('computes a goal with no tipo de acumulación as suma', () => {
    const r = computeProgress(goal({ accumulation: null, planned: [2, 3, 3, 2], executed: [1, 2, null, null] }), 2);
    expect([r.plannedToDate, r.executedToDate, r.compliance]).toEqual([5, 3, 0.6]);
  });
  it('uses the lag threshold it is given', () => {
    const g = goal({ planned: [2, 3, 3, 2], executed: [1, 2, null, null] });
    expect(computeProgress(g, 2, 0.6).state).toBe('al-dia');
    expect(computeProgress(g, 2, 0.61).state).toBe('atrasada');
  });
  it('works on months', () => {
    const planned = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const executed = [1, 1, 1, 0, 0, 1, null, null, null, null, null, null];
    const r = computeProgress(goal({ periodKind: 'month', yearGoal: 12, planned, executed }), 6);
    // p = 6, e = 4 → 4/6 = 0.666666666667; progress 4/12.
    expect([r.plannedToDate, r.executedToDate, r.compliance, r.progress, r.state]).toEqual([6, 4, 0.666666666667, 0.333333333333, 'atrasada']);
  });
  it('keeps its input', () => {
    const g = goal({});
    expect(computeProgress(g, 2).input).toBe(g);
  });
});

describe('isLagging', () => {
  it('is true for no-iniciada, atrasada and (at year-end) no-cumplida only', () => {
    const states = ['no-iniciada', 'atrasada', 'no-cumplida', 'al-dia', 'cumplida', 'sobreejecutada', 'sin-programacion', 'eliminada', 'no-medible'];
    expect(states.map((s) => isLagging(s as GoalState))).toEqual([true, true, true, false, false, false, false, false, false]);
  });
});

describe('computeProgress — year-end closure and missing reports', () => {
  it('at T4 a suma goal at 83 % (250 of 300) is no-cumplida, not al día', () => {
    // p = 300, e = 250 → compliance 250/300 = 0.833333333333 ≥ 0.8 would be "al día" before T4.
    const r = computeProgress(goal({ yearGoal: 300, planned: [75, 75, 75, 75], executed: [75, 75, 50, 50] }), 4);
    expect([r.compliance, r.state]).toEqual([0.833333333333, 'no-cumplida']);
  });
  it('a suma goal with a blank due period adds it as 0 (and missing-report reports it)', () => {
    // p = 2 + 3 = 5; e = 2 + blank = 2 → 0.4.
    const r = computeProgress(goal({ planned: [2, 3, 3, 2], executed: [2, null, null, null] }), 2);
    expect([r.executedToDate, r.compliance, r.state]).toEqual([2, 0.4, 'atrasada']);
  });
  it('a creciente goal is cumplida only once its last programmed period is measured', () => {
    const g = goal({ accumulation: 'creciente', yearGoal: 10, planned: [5, 10, null, null], executed: [5, 10, null, null] });
    // The last programmed period is T2: at T2 the level is final → cumplida.
    expect(computeProgress(g, 2).state).toBe('cumplida');
    // At T1 the level 5 of 5 is al día.
    expect(computeProgress(g, 1).state).toBe('al-dia');
  });
});

describe('an annual follow-up cut before 31 December (the year is measured so far, not yet due)', () => {
  const annual = (executed: N) => goal({ periodKind: 'year', yearGoal: 4, planned: [4], executed: [executed] });
  it('is not "no cumplida" and asks for no report before the year ends', () => {
    const open = computeProgress(annual(null), 1, 0.8, true);
    expect(open.state).toBe('no-iniciada');
    expect(open.periodOpen).toBe(true);
    expect(progressFigures(annual(null), 1, true).missing).toEqual([]);
    expect(computeProgress(annual(1), 1, 0.8, true).state).toBe('atrasada');
  });
  it('closes at 31 December: a blank is a missing report and a shortfall is "no cumplida"', () => {
    expect(progressFigures(annual(null), 1).missing).toEqual([1]);
    expect(computeProgress(annual(1), 1, 0.8).state).toBe('no-cumplida');
  });
});

describe('figures saved as formulas with no calculated value (GoalInput.uncalculated): «sin dato», never 0 %', () => {
  it('an executed cell up to the cut-off unknown: no-medible, e, compliance and progress null, no missing report for it', () => {
    const g = goal({ planned: [2, 3, 3, 2], executed: [null, 3, null, null], uncalculated: ['executed1'] });
    const p = computeProgress(g, 2);
    expect([p.plannedToDate, p.executedToDate, p.compliance, p.progress, p.state]).toEqual([5, null, null, null, 'no-medible']);
    expect(progressFigures(g, 2).missing).toEqual([]);
  });

  it('an unknown meta vigencia makes the goal no-medible whatever the periods say', () => {
    const p = computeProgress(goal({ yearGoal: null, planned: [2, 3, 3, 2], executed: [2, 3, null, null], uncalculated: ['yearGoal'] }), 2);
    expect([p.compliance, p.progress, p.state]).toEqual([null, null, 'no-medible']);
  });

  it('an unknown cell of a period after the cut-off changes nothing yet', () => {
    const p = computeProgress(goal({ planned: [2, 3, 3, 2], executed: [2, 3, null, null], uncalculated: ['executed4'] }), 2);
    expect([p.executedToDate, p.compliance, p.state]).toEqual([5, 1, 'al-dia']);
  });
});
