/**
 * Acceptance — progress.md "Per goal, at the cut-off period c" and "Goal state", through the real
 * command line: `tablero reporte <file.xlsx> --corte <date> --json` on a real .xlsx.
 *
 * Every expected figure below is worked out by hand from the table of progress.md:
 *
 * | figure | suma | creciente | constante | decreciente |
 * | p | Σ P(k), k ≤ c | P at the last programmed period ≤ c | same | same |
 * | e | Σ E(k), k ≤ c (blank = 0) | E at the last reported period ≤ c | same | same |
 * | compliance | e ÷ p | (e − LB) ÷ (p − LB) with LB, else e ÷ p | e ÷ p | (LB − e) ÷ (LB − p) with LB, else p ÷ e |
 * | progress | e ÷ M | (e − LB) ÷ (M − LB) with LB, else e ÷ M | e ÷ M | (LB − e) ÷ (LB − M) with LB, else M ÷ e |
 *
 * Readings chosen where the spec is silent (documented, asserted):
 * - Before T1 (nothing measured): `p` is 0 for suma (an empty Σ) and `null` for the level types
 *   (there is no programmed period ≤ c); `e` is `null`; compliance `null` (nothing due); progress
 *   0 (nothing executed yet, the vigencia's target is known) → `sin-programacion`.
 * - A goal with no report at all has `executedToDate: null` in the JSON (so the board can tell
 *   "no report" from a reported 0), while its ratios use e = 0 (suma: "blank = 0") or e = LB
 *   (types measured against a línea base: "no change").
 */
import * as path from 'node:path';
import { writeXlsx } from '../helpers/xlsx';
import { captureSpec, tablero, tempDir } from './harness';
import type { Goal, JGoal, JReport } from './harness';

// The eight goals of the main table: the four types, each without and with línea base.
const typeGoals: Goal[] = [
  { code: 'SUM', acc: 'Suma', m: 100, p: [20, 30, 30, 20], e: [10, 35, 40, null] },
  // For suma the línea base plays no part (the table has no LB column for suma): same figures as SUM.
  { code: 'SUM-LB', acc: 'Suma', lb: 50, m: 100, p: [20, 30, 30, 20], e: [10, 35, 40, null] },
  { code: 'CRE', acc: 'Creciente', m: 100, p: [25, 50, 75, 100], e: [20, 45, null, null] },
  { code: 'CRE-LB', acc: 'Creciente', lb: 40, m: 100, p: [55, 70, 85, 100], e: [52, 61, 91, null] },
  { code: 'CON', acc: 'Constante', m: 10, p: [10, 10, 10, 10], e: [10, 7, null, null] },
  // For constante the table says e ÷ p and e ÷ M with or without LB: same figures as CON.
  { code: 'CON-LB', acc: 'Constante', lb: 5, m: 10, p: [10, 10, 10, 10], e: [10, 7, null, null] },
  { code: 'DEC', acc: 'Decreciente', m: 10, p: [18, 16, 13, 10], e: [20, 16, 12, null] },
  { code: 'DEC-LB', acc: 'Decreciente', lb: 20, m: 10, p: [18, 16, 13, 10], e: [19, 17, 12, null] },
];

type Row = [code: string, p: number | null, e: number | null, compliance: number | null, progress: number | null, state: string];

// prettier-ignore
const expected: Record<string, Row[]> = {
  // Cut-off 30/03/2025: no period has ended, c = 0.
  '2025-03-30': [
    ['SUM',    0,    null, null, 0, 'sin-programacion'], // p = Σ of no period = 0; progress 0 ÷ 100 = 0
    ['SUM-LB', 0,    null, null, 0, 'sin-programacion'],
    ['CRE',    null, null, null, 0, 'sin-programacion'], // no programmed period ≤ c; progress 0 ÷ 100
    ['CRE-LB', null, null, null, 0, 'sin-programacion'], // e = LB (no change): (40 − 40) ÷ (100 − 40) = 0
    ['CON',    null, null, null, 0, 'sin-programacion'],
    ['CON-LB', null, null, null, 0, 'sin-programacion'],
    ['DEC',    null, null, null, null, 'no-medible'],   // decreciente without LB: no honest figure (progress.md)
    ['DEC-LB', null, null, null, 0, 'sin-programacion'], // (20 − 20) ÷ (20 − 10) = 0
  ],
  // T1 (31/03/2025), c = 1.
  '2025-03-31': [
    ['SUM',    20, 10, 0.5, 0.1, 'atrasada'], // 10 ÷ 20 = 0,5 < 0,8; 10 ÷ 100 = 0,1
    ['SUM-LB', 20, 10, 0.5, 0.1, 'atrasada'],
    ['CRE',    25, 20, 0.8, 0.2, 'al-dia'],   // 20 ÷ 25 = 0,8 — exactly the threshold → al día; 20 ÷ 100
    ['CRE-LB', 55, 52, 0.8, 0.2, 'al-dia'],   // (52 − 40) ÷ (55 − 40) = 12 ÷ 15 = 0,8; 12 ÷ 60 = 0,2
    ['CON',    10, 10, 1,   1,   'al-dia'],   // 10 ÷ 10 = 1; a level kept in T1 is not yet kept all year → al día
    ['CON-LB', 10, 10, 1,   1,   'al-dia'],
    ['DEC',    18, 20, null, null, 'no-medible'], // no LB: p ÷ e would read 0,9 — not an honest figure
    ['DEC-LB', 18, 19, 0.5, 0.1, 'atrasada'], // (20 − 19) ÷ (20 − 18) = 0,5; (20 − 19) ÷ (20 − 10) = 0,1
  ],
  // T2 (30/06/2025), c = 2.
  '2025-06-30': [
    ['SUM',    50, 45, 0.9,   0.45,  'al-dia'],   // p 20 + 30; e 10 + 35; 45 ÷ 50; 45 ÷ 100
    ['SUM-LB', 50, 45, 0.9,   0.45,  'al-dia'],
    ['CRE',    50, 45, 0.9,   0.45,  'al-dia'],   // 45 ÷ 50; 45 ÷ 100
    ['CRE-LB', 70, 61, 0.7,   0.35,  'atrasada'], // (61 − 40) ÷ (70 − 40) = 21 ÷ 30; 21 ÷ 60 = 0,35
    ['CON',    10, 7,  0.7,   0.7,   'atrasada'], // 7 ÷ 10
    ['CON-LB', 10, 7,  0.7,   0.7,   'atrasada'],
    ['DEC',    16, 16, null,  null,  'no-medible'],
    ['DEC-LB', 16, 17, 0.75,  0.3,   'atrasada'], // (20 − 17) ÷ (20 − 16) = 3 ÷ 4; 3 ÷ 10
  ],
  // T3 (30/09/2025), c = 3.
  '2025-09-30': [
    ['SUM',    80, 85, 1.0625,         0.85,           'al-dia'],   // p 20+30+30; e 10+35+40; 85 ÷ 80 (not capped)
    ['SUM-LB', 80, 85, 1.0625,         0.85,           'al-dia'],
    ['CRE',    75, null, 0,            0,              'no-iniciada'], // T3 programmed and blank: T2's 45 is not carried → not reported
    ['CRE-LB', 85, 91, 1.13333333333,  0.85,           'al-dia'],   // (91 − 40) ÷ (85 − 40) = 51 ÷ 45; 51 ÷ 60
    ['CON',    10, null, 0,            0,              'no-iniciada'], // T3 blank: not reported (missing-report)
    ['CON-LB', 10, null, 0,            0,              'no-iniciada'],
    ['DEC',    13, 12, null,           null,           'no-medible'],
    ['DEC-LB', 13, 12, 1.14285714286,  0.8,            'al-dia'],   // (20 − 12) ÷ (20 − 13) = 8 ÷ 7; 8 ÷ 10
  ],
};

const periodOf: Record<string, string | null> = { '2025-03-30': null, '2025-03-31': 'T1', '2025-06-30': 'T2', '2025-09-30': 'T3' };

/** Edge cases, read at T2 (30/06/2025). */
const edgeGoals: Goal[] = [
  { code: 'NADA', acc: 'Suma', m: 4, p: [0, 0, 2, 2], e: [] },
  { code: 'NADA-CRE', acc: 'Creciente', m: 10, p: [null, null, 5, 10], e: [] },
  { code: 'NOREP', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [] },
  { code: 'CERO', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [0, 0] },
  { code: 'SINCAMBIO', acc: 'Creciente', lb: 50, m: 70, p: [55, 60, 65, 70], e: [50, 50] },
  { code: 'U80', acc: 'Suma', m: 20, p: [5, 5, 5, 5], e: [4, 4] },
  { code: 'U79', acc: 'Suma', m: 20, p: [5, 5, 5, 5], e: [4, 3.9] },
  { code: 'SOBRE', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [6, 6] },
  { code: 'CUMPLE', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [5, 5] },
  { code: 'ELIM', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [1, null], state: 'Meta eliminada', unit: 'Oficina de Control Interno' },
  { code: 'ELIM2', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [12, null], state: 'Eliminada', unit: 'Secretaría de Salud' },
  { code: 'NEG-C', acc: 'Creciente', lb: 50, m: 70, p: [55, 60, 65, 70], e: [45, 48] },
  { code: 'NEG-D', acc: 'Decreciente', lb: 20, m: 10, p: [18, 16, 13, 10], e: [22, 23] },
];

// prettier-ignore
const edgeExpected: Row[] = [
  ['NADA',      0,    null, null, 0,     'sin-programacion'], // Σ P(T1,T2) = 0: nothing due, nothing done
  ['NADA-CRE',  null, null, null, 0,     'sin-programacion'], // creciente, blank P = "not given": no P ≤ T2
  ['NOREP',     10,   null, 0,    0,     'no-iniciada'],      // due 10, no report: e counts 0 → 0 ÷ 10
  ['CERO',      10,   0,    0,    0,     'no-iniciada'],      // reported 0 + 0 = 0: nothing executed
  ['SINCAMBIO', 60,   50,   0,    0,     'no-iniciada'],      // e = LB = 50 "shows no change": (50−50) ÷ (60−50) = 0
  ['U80',       10,   8,    0.8,  0.4,   'al-dia'],           // 8 ÷ 10 = 0,8 exactly the threshold; 8 ÷ 20
  ['U79',       10,   7.9,  0.79, 0.395, 'atrasada'],         // 7,9 ÷ 10 = 0,79 < 0,8; 7,9 ÷ 20 = 0,395
  ['SOBRE',     10,   12,   1.2,  1.2,   'sobreejecutada'],   // 12 ÷ 10 (not capped for the goal)
  ['CUMPLE',    10,   10,   1,    1,     'cumplida'],         // 10 ÷ 10 = 100 %
  ['ELIM',      10,   1,    0.1,  0.1,   'eliminada'],        // figures shown, state eliminada
  ['ELIM2',     10,   12,   1.2,  1.2,   'eliminada'],        // eliminada is checked before sobreejecutada
  ['NEG-C',     60,   48,   0,    0,     'atrasada'],         // (48 − 50) ÷ (60 − 50) = −0,2 → 0; (48−50) ÷ 20 → 0
  ['NEG-D',     16,   23,   0,    0,     'atrasada'],         // (20 − 23) ÷ (20 − 16) = −0,75 → 0; −3 ÷ 10 → 0
];

/** DNP accumulation names (progress.md "also written"), typed as liaisons type them. */
const dnpNames: [string, string][] = [
  ['Sumatoria', 'suma'], ['Acumulativa', 'suma'], ['Acumulada', 'suma'], ['Flujo', 'suma'], ['Incremento', 'suma'],
  ['SUMA ', 'suma'], ['Stock', 'creciente'], ['Capacidad', 'creciente'], ['CRECIENTE', 'creciente'],
  ['Mantenimiento', 'constante'], ['constante', 'constante'], ['Reducción', 'decreciente'], ['reduccion', 'decreciente'],
  ['Decreciente', 'decreciente'],
];

function expectGoal(report: JReport, [code, p, e, compliance, progress, state]: Row): void {
  const g = report.goals.find((x) => x.code === code) as JGoal;
  expect(g).toBeDefined();
  const got = { code, plannedToDate: g.plannedToDate, executedToDate: g.executedToDate, state: g.state };
  expect(got).toEqual({ code, plannedToDate: p, executedToDate: e, state });
  for (const [name, want, have] of [['compliance', compliance, g.compliance], ['progress', progress, g.progress]] as const) {
    if (want === null) expect({ code, [name]: have }).toEqual({ code, [name]: null });
    else {
      expect(have).not.toBeNull();
      expect({ code, [name]: Math.round((have as number) * 1e9) / 1e9 }).toEqual({ code, [name]: Math.round(want * 1e9) / 1e9 });
    }
  }
}

describe('acceptance: reporte --json follows progress.md for the four accumulation types', () => {
  let dir: string;
  let cleanup: () => void;
  const reports = new Map<string, JReport>();
  let edge: JReport;
  let dnp: JReport;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    await writeXlsx(path.join(dir, 'tipos.xlsx'), [captureSpec(typeGoals)]);
    await writeXlsx(path.join(dir, 'bordes.xlsx'), [captureSpec(edgeGoals)]);
    await writeXlsx(
      path.join(dir, 'dnp.xlsx'),
      [captureSpec(dnpNames.map(([name], i) => ({ code: `DNP-${i + 1}`, acc: name, lb: 20, m: 10, p: [10, 10, 10, 10], e: [10, 10] })))],
    );
    for (const cutoff of Object.keys(expected)) {
      const r = await tablero(['reporte', 'tipos.xlsx', '--corte', cutoff, '--json'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      reports.set(cutoff, JSON.parse(r.stdout) as JReport);
    }
    const e = await tablero(['reporte', 'bordes.xlsx', '--corte', '2025-06-30', '--json'], dir);
    expect(e.code).toBe(0);
    edge = JSON.parse(e.stdout) as JReport;
    const n = await tablero(['reporte', 'dnp.xlsx', '--corte', '2025-06-30', '--json'], dir);
    expect(n.code).toBe(0);
    dnp = JSON.parse(n.stdout) as JReport;
  });
  afterAll(() => cleanup());

  for (const [cutoff, rows] of Object.entries(expected)) {
    describe(`cut-off ${cutoff}`, () => {
      it('names the vigencia, cut-off and period', () => {
        const r = reports.get(cutoff) as JReport;
        expect([r.vigencia, r.cutoff, r.period]).toEqual([2025, cutoff, periodOf[cutoff]]);
      });
      for (const row of rows) {
        it(`${row[0]}: p ${row[1]}, e ${row[2]}, compliance ${row[3]}, progress ${row[4]}, ${row[5]}`, () => {
          expectGoal(reports.get(cutoff) as JReport, row);
        });
      }
    });
  }

  describe('edge cases at T2', () => {
    for (const row of edgeExpected) {
      it(`${row[0]} → ${row[5]}`, () => expectGoal(edge, row));
    }

    it('an eliminated goal leaves every figure and the ranking', () => {
      // Goals counted: 13 rows − 2 eliminated = 11.
      expect(edge.plan.goals).toBe(11);
      expect(edge.plan.states.eliminada).toBeUndefined();
      // "Oficina de Control Interno" has only the eliminated goal ELIM: it is in no ranking.
      expect(edge.units.map((u) => u.name)).toEqual(['Secretaría de Salud']);
      expect(edge.units[0].goals).toBe(11);
      // Plan compliance, equal weights, capped at 1, goals whose compliance is defined
      // (NADA and NADA-CRE have none; ELIM, ELIM2 left out):
      // NOREP 0 + CERO 0 + SINCAMBIO 0 + U80 0,8 + U79 0,79 + SOBRE 1 (capped 1,2) + CUMPLE 1 + NEG-C 0 + NEG-D 0
      // = 3,59 over 9 goals = 0,398888…
      expect(edge.plan.compliance).toBeCloseTo(3.59 / 9, 10);
      // Progress over the 11 goals: 0 + 0 + 0 + 0 + 0 + 0,4 + 0,395 + 1 (capped) + 1 + 0 + 0 = 2,795 / 11
      expect(edge.plan.progress).toBeCloseTo(2.795 / 11, 10);
      // Budget: 13 × 10.000.000 definitiva, 13 × 8.000.000 compromisos → 0,8 (eliminated budgets stay in).
      expect(edge.plan.budgetExecution).toBeCloseTo(0.8, 12);
      expect(edge.plan.states).toEqual({
        sobreejecutada: 1, cumplida: 1, 'sin-programacion': 2, 'no-iniciada': 3, atrasada: 3, 'al-dia': 1,
      });
    });
  });

  describe('around 100 % (reading: the 0,5-point / 0,5 % tolerance of rules.md applies to the 100 % check)', () => {
    // M 1.000, P 500 + 500 by T2; progress = e ÷ 1.000.
    const near: [string, number, string][] = [
      ['P994', 994, 'al-dia'],          // 99,4 %: 0,6 points short, beyond both tolerances → compliance 0,994 ≥ 0,8
      ['P996', 996, 'cumplida'],        // 99,6 %: within 0,5 points of 100 % → reached
      ['P1000', 1000, 'cumplida'],      // exactly 100 %
      ['P1004', 1004, 'cumplida'],      // 100,4 %: within 0,5 points → not over
      ['P1006', 1006, 'sobreejecutada'], // 100,6 %: over beyond the tolerance
    ];
    let rep: JReport;
    beforeAll(async () => {
      await writeXlsx(path.join(dir, 'cien.xlsx'), [captureSpec(near.map(([code, e]) => ({ code, acc: 'Suma', m: 1000, p: [500, 500, 0, 0], e: [500, e - 500] })))]);
      const r = await tablero(['reporte', 'cien.xlsx', '--corte', '2025-06-30', '--json'], dir);
      rep = JSON.parse(r.stdout) as JReport;
    });
    for (const [code, e, state] of near) {
      it(`${e} of 1.000 → ${state}, progress not capped for the goal`, () => {
        const g = rep.goals.find((x) => x.code === code) as JGoal;
        expect([g.executedToDate, g.progress, g.state]).toEqual([e, e / 1000, state]);
      });
    }
  });

  it('DNP accumulation names map to the four types', () => {
    for (let i = 0; i < dnpNames.length; i++) {
      const g = dnp.goals.find((x) => x.code === `DNP-${i + 1}`) as JGoal;
      expect({ written: dnpNames[i][0], accumulation: g.accumulation }).toEqual({ written: dnpNames[i][0], accumulation: dnpNames[i][1] });
    }
  });
});
