/**
 * The shape of a rule module (ESLint-style catalog): `src/rules/<id>.ts` exports one `Rule` whose
 * `meta.id` is the file name; `src/rules/index.ts` registers them sorted by id; the catalog test
 * checks every rule has a test, a doc line and messages.
 */
import type { Finding, Severity } from '../domain/finding';
import type { ReadWorkbook } from '../domain/sheet';
import type { EngineOptions } from '../domain/options';
import type { GoalProgress } from '../domain/goal';

export type RuleScope = 'cell' | 'plan-accion' | 'hoja-captura' | 'cross' | 'baseline';

export interface RuleMeta {
  /** The rule id of rules.md — an interface, never renamed. */
  readonly id: string;
  /** `'mixed'` when the severity depends on the column (code-format). */
  readonly severity: Severity | 'mixed';
  readonly scope: RuleScope;
  /** One Spanish line for the catalog and the pane's tooltips. */
  readonly description: string;
}

/** Everything a rule may look at. Progress is computed once and shared. */
export interface RuleContext {
  readonly workbook: ReadWorkbook;
  readonly options: EngineOptions;
  /** Per capture sheet name: the progress of each goal row at the cut-off, in sheet order. */
  readonly progress: ReadonlyMap<string, readonly GoalProgress[]>;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Spanish message builders, keyed by message id; each builds its text from actual values. */
  readonly messages: Readonly<Record<string, (...args: never[]) => string>>;
  check(ctx: RuleContext): Finding[];
}
