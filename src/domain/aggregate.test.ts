import { aggregate, compareRanking, groupGoals, rankGroups, rate } from './aggregate';
import { nameKey } from './text';
import type { GoalInput, GoalProgress, GoalState } from './goal';
import { defaultRatingRanges } from './options';

let n = 0;
function gp(over: {
  compliance?: number | null;
  progress?: number | null;
  state?: GoalState;
  weight?: number | null;
  unit?: string;
  dimension?: string | null;
  programCode?: string | null;
  program?: string | null;
  budget?: Partial<GoalInput['budget']>;
}): GoalProgress {
  n++;
  const input: GoalInput = {
    code: `G${n}`,
    goal: `Meta ${n}`,
    unit: over.unit ?? 'Secretaría de Salud',
    dimension: over.dimension ?? null,
    programCode: over.programCode ?? null,
    program: over.program ?? null,
    accumulation: 'suma',
    baseline: null,
    yearGoal: 10,
    periodKind: 'quarter',
    planned: [null, null, null, null],
    executed: [null, null, null, null],
    weight: over.weight ?? null,
    budget: { final: null, commitments: null, obligations: null, payments: null, ...over.budget },
    eliminated: over.state === 'eliminada',
    analysis: null,
    evidence: null,
    sheet: 'HC',
    row: n,
  };
  return {
    input,
    cutoffPeriod: 2,
    plannedToDate: null,
    executedToDate: null,
    compliance: over.compliance === undefined ? 0.5 : over.compliance,
    progress: over.progress === undefined ? 0.25 : over.progress,
    state: over.state ?? 'atrasada',
  };
}

describe('aggregate', () => {
  it('gives nulls and zeros for an empty group', () => {
    const a = aggregate([]);
    expect(a).toMatchObject({ goals: 0, eliminated: 0, compliance: null, progress: null, budgetExecution: null, rating: null, states: {} });
  });
  it('is null when no goal has a defined compliance, and has no progress when every goal is «sin programación»', () => {
    const a = aggregate([gp({ compliance: null, progress: 0, state: 'sin-programacion' })]);
    expect([a.goals, a.compliance, a.progress, a.rating]).toEqual([1, null, null, null]);
  });
  it('gives no budget ratio whose figure no goal carries (a column the sheet lacks), never 0 %', () => {
    const a = aggregate([
      gp({ budget: { final: 100, commitments: 60, payments: 40 } }),
      gp({ budget: { final: 100, commitments: 20, payments: 0 } }),
    ]);
    expect([a.budgetExecution, a.obligationsRatio, a.paymentsRatio]).toEqual([0.4, null, 0.2]);
    // One goal with the figure is enough: 0 obligations of 200 is 0 %.
    const b = aggregate([gp({ budget: { final: 100, obligations: 0 } }), gp({ budget: { final: 100 } })]);
    expect([b.budgetExecution, b.obligationsRatio]).toEqual([null, 0]);
  });
  it('averages with equal weights, capping each goal at 100 %', () => {
    // min(0.6, 1) = 0.6 and min(1.5, 1) = 1 → (0.6 + 1) / 2 = 0.8; progress (0.3 + 1) / 2 = 0.65.
    const a = aggregate([gp({ compliance: 0.6, progress: 0.3 }), gp({ compliance: 1.5, progress: 1.2, state: 'sobreejecutada' })]);
    expect([a.compliance, a.progress, a.rating]).toEqual([0.8, 0.65, 'Sobresaliente']);
  });
  it('leaves goals with undefined compliance out of the compliance mean only', () => {
    // compliance: only 0.6 defined → 0.6; progress: (0.3 + 0) / 2 = 0.15.
    const a = aggregate([gp({ compliance: 0.6, progress: 0.3 }), gp({ compliance: null, progress: 0, state: 'sin-programacion' })]);
    expect([a.goals, a.compliance, a.progress]).toEqual([2, 0.6, 0.15]);
  });
  it('uses the ponderación when every goal has one', () => {
    // (0.5 × 0.75 + 1 × 0.25) / 1 = 0.625.
    const a = aggregate([gp({ compliance: 0.5, weight: 0.75 }), gp({ compliance: 1, weight: 0.25, state: 'al-dia' })], undefined, { weights: true });
    expect([a.compliance, a.weighted]).toEqual([0.625, true]);
  });
  it('uses equal weights across units: the ponderación only counts when asked (within a unit)', () => {
    // (0.5 + 1) / 2 = 0.75.
    const a = aggregate([gp({ compliance: 0.5, weight: 0.75 }), gp({ compliance: 1, weight: 0.25, state: 'al-dia' })]);
    expect([a.compliance, a.weighted]).toEqual([0.75, false]);
  });
  it('uses equal weights when one goal lacks a ponderación', () => {
    const a = aggregate([gp({ compliance: 0.5, weight: 0.75 }), gp({ compliance: 1, weight: null, state: 'al-dia' })], undefined, { weights: true });
    expect([a.compliance, a.weighted]).toEqual([0.75, false]);
  });
  it('normalises weights that do not add up to 100 %', () => {
    // (0.5 × 2 + 1 × 2) / 4 = 0.75.
    expect(aggregate([gp({ compliance: 0.5, weight: 2 }), gp({ compliance: 1, weight: 2 })], undefined, { weights: true }).compliance).toBe(0.75);
  });
  it('falls back to equal weights when the goals in a mean weigh 0', () => {
    // weights 0 and 1, but the weight-1 goal has no compliance → the mean is over a zero weight.
    const a = aggregate([gp({ compliance: 0.4, weight: 0 }), gp({ compliance: null, weight: 1, state: 'sin-programacion' })], undefined, { weights: true });
    expect(a.compliance).toBe(0.4);
  });
  it('treats a negative ponderación as not given', () => {
    const a = aggregate([gp({ compliance: 0.5, weight: -1 }), gp({ compliance: 1, weight: 3 })], undefined, { weights: true });
    expect([a.compliance, a.weighted]).toEqual([0.75, false]);
  });
  it('leaves eliminated goals out of every physical figure; their money stays in budget execution', () => {
    const a = aggregate([
      gp({ compliance: 0.6, progress: 0.3, budget: { final: 100, commitments: 50 } }),
      gp({ compliance: 0, progress: 0, state: 'eliminada', weight: null, budget: { final: 900, commitments: 900 } }),
    ]);
    // budget: (50 + 900) ÷ (100 + 900) = 0.95.
    expect([a.goals, a.eliminated, a.compliance, a.progress, a.budgetExecution, a.states]).toEqual([1, 1, 0.6, 0.3, 0.95, { atrasada: 1 }]);
  });
  it('counts a no-medible goal but leaves it out of compliance and progress', () => {
    const a = aggregate([gp({ compliance: 0.6, progress: 0.3 }), gp({ compliance: null, progress: null, state: 'no-medible' })]);
    expect([a.goals, a.compliance, a.progress, a.states]).toEqual([2, 0.6, 0.3, { 'no-medible': 1, atrasada: 1 }]);
  });
  it('rates product goals only; gestión goals get their own figures and their money stays in', () => {
    const product = gp({ compliance: 0.6, progress: 0.3, budget: { final: 100, commitments: 50 } });
    const gestion = { ...gp({ compliance: 1, progress: 0.5, state: 'al-dia', budget: { final: 100, commitments: 100 } }) };
    const g2 = { ...gestion, input: { ...gestion.input, goalType: 'Gestión' as const } };
    const plan = aggregate([product, g2]);
    // product only: 0.6 (not (0.6 + 1) / 2 = 0.8); budget (50 + 100) ÷ 200 = 0.75.
    expect([plan.goals, plan.compliance, plan.rating, plan.budgetExecution]).toEqual([1, 0.6, 'Medio', 0.75]);
    const apart = aggregate([product, g2], undefined, { kind: 'gestion' });
    expect([apart.goals, apart.compliance, apart.states]).toEqual([1, 1, { 'al-dia': 1 }]);
  });
  it('ignores an eliminated goal without ponderación when choosing weights', () => {
    const a = aggregate([gp({ compliance: 0.5, weight: 0.75 }), gp({ compliance: 1, weight: 0.25 }), gp({ state: 'eliminada' })], undefined, { weights: true });
    expect(a.weighted).toBe(true);
  });
  it('computes budget ratios over the sums, blanks as 0', () => {
    // Σ final 300, Σ commitments 150, Σ obligations 60, Σ payments 30.
    const a = aggregate([
      gp({ budget: { final: 100, commitments: 100, obligations: 60, payments: 30 } }),
      gp({ budget: { final: 200, commitments: 50, obligations: null, payments: null } }),
    ]);
    expect([a.budgetExecution, a.obligationsRatio, a.paymentsRatio]).toEqual([0.5, 0.2, 0.1]);
    expect(a.budget).toEqual({ final: 300, commitments: 150, obligations: 60, payments: 30 });
  });
  it('gives null budget ratios when Σ definitiva is 0', () => {
    const a = aggregate([gp({ budget: { final: 0, commitments: 10 } })]);
    expect([a.budgetExecution, a.obligationsRatio, a.paymentsRatio]).toEqual([null, null, null]);
  });
  it('counts a budget ratio pulled below 0 by a negative amount as 0', () => {
    // Σ final 100, Σ commitments −5 (a typing error the `negative` rule reports): −0,05 → 0.
    const a = aggregate([gp({ budget: { final: 100, commitments: -5, obligations: null, payments: null } })]);
    expect(a.budgetExecution).toBe(0);
  });
  it('counts states in the order of progress.md, only those that occur', () => {
    const a = aggregate([gp({ state: 'al-dia' }), gp({ state: 'atrasada' }), gp({ state: 'al-dia' }), gp({ state: 'cumplida' })]);
    expect(Object.entries(a.states)).toEqual([['cumplida', 1], ['atrasada', 1], ['al-dia', 2]]);
  });
});

describe('rate', () => {
  it('is null for a null compliance', () => {
    expect(rate(null)).toBeNull();
  });
  it('puts each lower bound in its own range', () => {
    expect([0, 0.399, 0.4, 0.6, 0.7, 0.8, 1].map((c) => rate(c))).toEqual([
      'Crítico', 'Crítico', 'Bajo', 'Medio', 'Satisfactorio', 'Sobresaliente', 'Sobresaliente',
    ]);
  });
  it('tolerates binary noise at a bound', () => {
    expect(rate(0.7999999999999998)).toBe('Sobresaliente');
  });
  it('uses the ranges it is given', () => {
    expect(rate(0.85, { ...defaultRatingRanges, sobresaliente: 0.9 })).toBe('Satisfactorio');
  });
});

describe('groupGoals', () => {
  it('groups units whose names differ only in accents, case or spaces, named as first written', () => {
    const groups = groupGoals([gp({ unit: 'Secretaría de Salud' }), gp({ unit: ' secretaria  de salud ' }), gp({ unit: 'Secretaría de Gobierno' })], 'unit');
    expect(groups.map((g) => [g.name, g.goals])).toEqual([['Secretaría de Salud', 2], ['Secretaría de Gobierno', 1]]);
  });
  it('names groups with no name in Spanish', () => {
    expect(groupGoals([gp({ dimension: null })], 'dimension')[0].name).toBe('Sin dimensión');
    expect(groupGoals([gp({ unit: '' })], 'unit')[0].name).toBe('Sin dependencia');
    expect(groupGoals([gp({})], 'program')[0].name).toBe('Sin programa');
  });
  it('groups programs by code and names them with code and name', () => {
    const groups = groupGoals([gp({ programCode: '1905' }), gp({ programCode: '1905', program: 'Salud pública' }), gp({ programCode: '2201', program: 'Educación' })], 'program');
    expect(groups.map((g) => [g.programCode, g.name, g.goals])).toEqual([
      ['1905', '1905 — Salud pública', 2],
      ['2201', '2201 — Educación', 1],
    ]);
  });
  it('keeps a group whose goals are all eliminated, with 0 goals', () => {
    const groups = groupGoals([gp({ unit: 'A', state: 'eliminada' })], 'unit');
    expect([groups[0].goals, groups[0].eliminated, groups[0].members.length]).toEqual([0, 1, 1]);
  });
});

describe('rankGroups', () => {
  it('orders by compliance, then progress, then name in Spanish, and leaves out empty groups', () => {
    const groups = groupGoals(
      [
        gp({ unit: 'Secretaría de Educación', compliance: 0.7, progress: 0.3 }),
        gp({ unit: 'Ñ Dependencia', compliance: 0.9, progress: 0.5 }),
        gp({ unit: 'Oficina Jurídica', compliance: 0.9, progress: 0.5 }),
        gp({ unit: 'Despacho', compliance: 0.9, progress: 0.6 }),
        gp({ unit: 'Control Interno', compliance: null, progress: 0.9, state: 'sin-programacion' }),
        gp({ unit: 'Eliminada', state: 'eliminada' }),
      ],
      'unit',
    );
    // Spanish collation puts Ñ after N and before O.
    expect(rankGroups(groups).map((g) => [g.rank, g.name])).toEqual([
      [1, 'Despacho'],
      [2, 'Ñ Dependencia'],
      [3, 'Oficina Jurídica'],
      [4, 'Secretaría de Educación'],
      [5, 'Control Interno'],
    ]);
  });
  it('compares accented names the Spanish way', () => {
    expect(compareRanking({ compliance: 1, progress: 1, name: 'Árbol' }, { compliance: 1, progress: 1, name: 'Barco' })).toBeLessThan(0);
  });
});

describe('nameKey', () => {
  it('removes accents, case and extra spaces', () => {
    expect(nameKey('  SECRETARÍA   de  Salud ')).toBe('secretaria de salud');
  });
});
