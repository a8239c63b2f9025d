import { programmingCoherence } from './coherence';
import type { CoherenceInput } from './coherence';

const base: CoherenceInput = { accumulation: 'suma', planned: [null, null, null, null], yearGoal: 10, baseline: null };
const check = (over: Partial<CoherenceInput>) => programmingCoherence({ ...base, ...over });

describe('programmingCoherence — nothing to check', () => {
  it('returns null when no period is programmed, whatever the type', () => {
    for (const accumulation of ['suma', 'creciente', 'constante', 'decreciente'] as const) {
      expect(check({ accumulation })).toBeNull();
    }
  });
  it('returns null without tipo de acumulación or meta vigencia', () => {
    expect(check({ accumulation: null, planned: [1, 2, 3, 4] })).toBeNull();
    expect(check({ yearGoal: null, planned: [1, 2, 3, 4] })).toBeNull();
  });
});

describe('programmingCoherence — suma', () => {
  it('accepts a zero goal programmed with zeros', () => {
    expect(check({ yearGoal: 0, planned: [0, 0, 0, 0] })).toBeNull();
  });
  it('counts blanks as 0', () => {
    expect(check({ planned: [2, 3, null, 5] })).toBeNull();
  });
  it('reports a sum that differs from M, with the sum found', () => {
    expect(check({ planned: [2, 3, 3, 3] })).toEqual({ kind: 'sum', accumulation: 'suma', period: null, expected: 10, found: 11 });
  });
  it('reports zeros that do not reach M', () => {
    expect(check({ planned: [0, 0, 0, 0] })).toMatchObject({ kind: 'sum', found: 0 });
  });
  it('accepts decimal sums within the magnitude tolerance (0.1 + 0.2 = 0.3)', () => {
    expect(check({ yearGoal: 0.3, planned: [0.1, 0.2, null, null] })).toBeNull();
    expect(check({ yearGoal: 1000, planned: [250, 250, 250, 254] })).toBeNull(); // 0.5 % of 1000 = 5
    expect(check({ yearGoal: 1000, planned: [250, 250, 250, 256] })).toMatchObject({ kind: 'sum', found: 1006 });
  });
  it('reports negative programming that makes the sum differ', () => {
    expect(check({ planned: [12, -2, -1, 0] })).toMatchObject({ kind: 'sum', found: 9 });
  });
});

describe('programmingCoherence — creciente', () => {
  const c = (planned: (number | null)[], yearGoal = 10, baseline: number | null = null) =>
    check({ accumulation: 'creciente', planned, yearGoal, baseline });
  it('accepts a level that grows to M, starting at 0', () => {
    expect(c([0, 4, 8, 10])).toBeNull();
  });
  it('accepts flat stretches and blanks (not given)', () => {
    expect(c([5, null, 5, 10])).toBeNull();
    expect(c([null, null, null, 10])).toBeNull();
  });
  it('reports the period where the level falls', () => {
    expect(c([5, 4, 8, 10])).toEqual({ kind: 'falls', accumulation: 'creciente', period: 2, expected: 5, found: 4 });
  });
  it('compares a fall across blanks with the previous given period', () => {
    expect(c([6, null, 5, 10])).toMatchObject({ kind: 'falls', period: 3, expected: 6, found: 5 });
  });
  it('reports a last programmed period different from M', () => {
    expect(c([2, 4, 6, 8])).toMatchObject({ kind: 'last', period: 4, expected: 10, found: 8 });
    expect(c([2, 10, null, null])).toBeNull();
    expect(c([2, 4, null, null])).toMatchObject({ kind: 'last', period: 2 });
  });
  it('reports M below the línea base', () => {
    expect(c([5, 6, 7, 8], 8, 9)).toEqual({ kind: 'below-baseline', accumulation: 'creciente', period: null, expected: 9, found: 8 });
  });
  it('accepts M equal to the línea base and no línea base at all', () => {
    expect(c([9, 9, 9, 9], 9, 9)).toBeNull();
    expect(c([9, 9, 9, 9], 9, null)).toBeNull();
  });
});

describe('programmingCoherence — constante', () => {
  const k = (planned: (number | null)[], yearGoal = 100) => check({ accumulation: 'constante', planned, yearGoal });
  it('accepts every period at M, blanks ignored', () => {
    expect(k([100, 100, 100, 100])).toBeNull();
    expect(k([100, null, 100, null])).toBeNull();
  });
  it('reports the first period that differs from M', () => {
    expect(k([100, 90, 80, 100])).toEqual({ kind: 'not-constant', accumulation: 'constante', period: 2, expected: 100, found: 90 });
  });
  it('reports a 0 (a given value) in a constante goal', () => {
    expect(k([0, 100, 100, 100])).toMatchObject({ kind: 'not-constant', period: 1, found: 0 });
  });
  it('accepts a zero goal kept at zero', () => {
    expect(k([0, 0, 0, 0], 0)).toBeNull();
  });
});

describe('programmingCoherence — decreciente', () => {
  const d = (planned: (number | null)[], yearGoal = 10, baseline: number | null = 20) =>
    check({ accumulation: 'decreciente', planned, yearGoal, baseline });
  it('accepts a level brought down to M from the línea base', () => {
    expect(d([18, 15, 12, 10])).toBeNull();
    expect(d([null, 15, null, 10])).toBeNull();
  });
  it('accepts a reduction to zero', () => {
    expect(d([15, 10, 5, 0], 0)).toBeNull();
  });
  it('reports the period where the level rises', () => {
    expect(d([15, 16, 12, 10])).toEqual({ kind: 'rises', accumulation: 'decreciente', period: 2, expected: 15, found: 16 });
  });
  it('reports a last programmed period different from M', () => {
    expect(d([18, 15, 12, 11])).toMatchObject({ kind: 'last', period: 4, expected: 10, found: 11 });
  });
  it('needs a línea base', () => {
    expect(d([18, 15, 12, 10], 10, null)).toEqual({ kind: 'baseline-missing', accumulation: 'decreciente', period: null, expected: null, found: 10 });
  });
  it('reports M above the línea base', () => {
    expect(d([25, 25, 25, 25], 25, 20)).toMatchObject({ kind: 'above-baseline', expected: 20, found: 25 });
  });
  it('accepts M equal to the línea base (keep the level)', () => {
    expect(d([20, 20, 20, 20], 20, 20)).toBeNull();
  });
});

describe('programmingCoherence — months', () => {
  it('checks 12 periods like 4', () => {
    const planned = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, null];
    expect(check({ planned, yearGoal: 11 })).toBeNull();
    expect(check({ accumulation: 'creciente', planned: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10], yearGoal: 10 })).toMatchObject({ kind: 'falls', period: 12 });
  });
});
