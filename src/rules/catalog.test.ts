/**
 * The catalog cannot drift (ESLint's habit): every registered rule has its module named after its
 * id, its table test, its Spanish name (names.ts) and its line in docs/rules.md, a Spanish
 * description and at least one message;
 * the registry is sorted; and every rule of rules.md, the five against the approved baseline
 * included, is registered.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRulesWithBaseline as allRules } from './baseline-index';
import { ruleLabel, ruleName, ruleNames } from './names';

/** The non-baseline rule ids of rules.md (kept here: the spec is outside the repo in CI). */
const specIds = [
  'header-missing', 'required', 'number', 'number-as-text', 'negative', 'percent-range', 'date', 'enum',
  'code-format', 'formula-error',
  'date-order', 'date-vigencia', 'duplicate', 'goal-mismatch', 'programming-coherence', 'program-mismatch',
  'weights-sum', 'ceiling-exceeded', 'no-ceiling',
  'cumulative-mismatch', 'percent-mismatch', 'future-execution', 'budget-chain', 'analysis-required',
  'evidence-required', 'indicator-mismatch', 'budget-ahead',
  'unknown-goal', 'plan-mismatch', 'unreported-goal',
  'over-execution', 'missing-report',
  // real-formats.md: the plan indicativo, activity-level follow-up
  'term-coherence', 'sources-sum', 'activity-overdue',
];
const baselineIds = [
  'added-after-approval', 'past-period-changed', 'change-without-justification', 'repeated-modification',
  'late-modification',
];

const rulesDir = __dirname;
const docs = readFileSync(join(rulesDir, '..', '..', 'docs', 'rules.md'), 'utf8');
const ids = allRules.map((r) => r.meta.id);

describe('rule catalog', () => {
  it('registers every rule of rules.md, the baseline ones included, and nothing else', () => {
    expect([...ids].sort()).toEqual([...specIds, ...baselineIds].sort());
  });

  it('keeps the registry sorted by id, without repeats', () => {
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a module per rule file and a rule per module (helpers live in lib/)', () => {
    const modules = readdirSync(rulesDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((f) => !['index', 'baseline-index', 'names', 'run', 'types'].includes(f));
    expect(modules.sort()).toEqual([...ids].sort());
  });

  describe.each(allRules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    it('is exported by the module named after its id', async () => {
      const mod = (await import(`./${id}`)) as { rule: unknown };
      expect(mod.rule).toBe(rule);
      expect(rule.meta.id).toBe(id);
    });

    it('has its table test', () => {
      expect(existsSync(join(rulesDir, `${id}.test.ts`))).toBe(true);
    });

    it('has its line in docs/rules.md with its Spanish name and its severity', () => {
      const line = docs.split('\n').find((l) => l.startsWith(`- \`${id}\` «${ruleName(id)}» — `));
      expect(line).toBeDefined();
      const severity = rule.meta.severity;
      if (severity === 'mixed') expect(line).toMatch(/error.*advertencia/);
      else expect(line).toContain(severity === 'error' ? '— error —' : '— advertencia —');
    });

    it('has a short Spanish name, shown beside its id', () => {
      const name = ruleNames[id];
      expect(name).toBeDefined();
      expect(name.length).toBeGreaterThan(5);
      expect(name.length).toBeLessThanOrEqual(50);
      expect(name).not.toMatch(/[a-z]+-[a-z]+/);
      expect(ruleLabel(id)).toBe(`${name} (${id})`);
    });

    it('has a Spanish description and at least one message', () => {
      expect(rule.meta.description.length).toBeGreaterThan(20);
      expect(rule.meta.description).toMatch(/\b(el|la|los|las|un|una|de|del|no)\b/);
      expect(rule.meta.description).not.toMatch(/\b(the|is|missing|value)\b/i);
      const messages = Object.values(rule.messages);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect(typeof m).toBe('function');
    });

    it('has the baseline scope exactly when it is a rule against the approved plan', () => {
      expect(rule.meta.scope === 'baseline').toBe(baselineIds.includes(id));
    });
  });

  it('lists every registered id in docs/rules.md and no unknown one', () => {
    const documented = [...docs.matchAll(/^- `([a-z-]+)` «[^»]+» — /gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...ids].sort());
  });

  it('names exactly the registered rules; an unknown id is shown as it is', () => {
    expect(Object.keys(ruleNames).sort()).toEqual([...ids].sort());
    expect(ruleLabel('no-such-rule')).toBe('no-such-rule');
  });
});
