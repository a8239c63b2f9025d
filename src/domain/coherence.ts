/**
 * Programming coherence (progress.md "Accumulation types"): do programado T1–T4 (or Ene–Dic) fit
 * the meta vigencia M for the tipo de acumulación? Returns `null` when they do, or the first
 * problem found as data; the `programming-coherence` rule turns it into a Spanish message.
 *
 * | type | check, in this order |
 * |---|---|
 * | `suma` | Σ programado = M (blank = 0) → `sum` |
 * | `creciente` | never falls → `falls`; last programmed period = M → `last`; M ≥ LB when LB given → `below-baseline` |
 * | `constante` | every programmed period = M → `not-constant` |
 * | `decreciente` | never rises → `rises`; last programmed = M → `last`; LB given → `baseline-missing`; M ≤ LB → `above-baseline` |
 *
 * - For every type but `suma`, a blank cell is "not given" and the checks use the given cells.
 * - Nothing to check (`null`): no programming at all (every cell blank), no tipo de acumulación,
 *   or no meta vigencia (the `required` and `enum` rules report those).
 * - Equality and "falls / rises" use the magnitude tolerance (`sameMagnitude`): 0.01 or 0.5 %.
 *
 * @example
 * programmingCoherence({ accumulation: 'suma', planned: [2, 3, null, 5], yearGoal: 10, baseline: null }) // null
 * programmingCoherence({ accumulation: 'creciente', planned: [5, 4, 8, 10], yearGoal: 10, baseline: null })
 * // { kind: 'falls', period: 2, expected: 5, found: 4 }
 */
import type { Accumulation } from './goal';
import { round12, sameMagnitude } from './tolerance';

export interface CoherenceInput {
  readonly accumulation: Accumulation | null;
  /** Index 0 = period 1; `null` = blank. */
  readonly planned: readonly (number | null)[];
  readonly yearGoal: number | null;
  readonly baseline: number | null;
}

export type CoherenceProblemKind =
  /** suma: Σ programado (found) ≠ M (expected); `period` is null. */
  | 'sum'
  /** creciente: programado of `period` (found) is below the previous given one (expected = that value). */
  | 'falls'
  /** decreciente: programado of `period` (found) is above the previous given one (expected). */
  | 'rises'
  /** creciente/decreciente: the last programmed period (`period`) holds `found`, not M (expected). */
  | 'last'
  /** constante: programado of `period` (found) ≠ M (expected). */
  | 'not-constant'
  /** creciente: M (found) is below the línea base (expected = LB); `period` null. */
  | 'below-baseline'
  /** decreciente: M (found) is above the línea base (expected = LB); `period` null. */
  | 'above-baseline'
  /** decreciente without línea base; `period`, `expected` null, `found` = M. */
  | 'baseline-missing';

export interface CoherenceProblem {
  readonly kind: CoherenceProblemKind;
  readonly accumulation: Accumulation;
  /** 1-based period the problem is on; `null` for whole-goal problems. */
  readonly period: number | null;
  /** The value the period (or the sum, or M) should have, or the bound it breaks. */
  readonly expected: number | null;
  readonly found: number | null;
}

export function programmingCoherence(input: CoherenceInput): CoherenceProblem | null {
  const { accumulation, planned, yearGoal: m, baseline: lb } = input;
  if (accumulation === null || m === null || !Number.isFinite(m)) return null;
  const given: { period: number; value: number }[] = [];
  planned.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) given.push({ period: i + 1, value: v });
  });
  if (given.length === 0) return null;
  const problem = (
    kind: CoherenceProblemKind,
    period: number | null,
    expected: number | null,
    found: number | null,
  ): CoherenceProblem => ({ kind, accumulation, period, expected, found });

  switch (accumulation) {
    case 'suma': {
      const sum = round12(given.reduce((s, g) => s + g.value, 0));
      return sameMagnitude(sum, m) ? null : problem('sum', null, m, sum);
    }
    case 'constante': {
      const off = given.find((g) => !sameMagnitude(g.value, m));
      return off ? problem('not-constant', off.period, m, off.value) : null;
    }
    case 'creciente':
    case 'decreciente': {
      const up = accumulation === 'creciente';
      for (let i = 1; i < given.length; i++) {
        const prev = given[i - 1].value;
        const cur = given[i].value;
        if (sameMagnitude(prev, cur)) continue;
        if (up && cur < prev) return problem('falls', given[i].period, prev, cur);
        if (!up && cur > prev) return problem('rises', given[i].period, prev, cur);
      }
      const last = given[given.length - 1];
      if (!sameMagnitude(last.value, m)) return problem('last', last.period, m, last.value);
      if (up) {
        if (lb !== null && m < lb && !sameMagnitude(m, lb)) return problem('below-baseline', null, lb, m);
        return null;
      }
      if (lb === null) return problem('baseline-missing', null, null, m);
      if (m > lb && !sameMagnitude(m, lb)) return problem('above-baseline', null, lb, m);
      return null;
    }
  }
}
