/**
 * Table tests for rules (ESLint's RuleTester habit): valid cases must give no finding of the rule;
 * invalid cases must give exactly the expected findings (cell, row, goal, severity, and a message
 * that contains the actual values). Every case is a real .xlsx, read and validated with every rule.
 */
import type { SheetSpec } from './xlsx';
import { findingsOf } from './sheets';
import type { EngineOptions } from '../../src/domain/options';
import type { Severity } from '../../src/domain/finding';
import { anyRuleById as ruleById } from '../../src/rules/baseline-index';

export interface ValidCase {
  name: string;
  sheets: SheetSpec[];
  options?: Partial<EngineOptions>;
}

export interface ExpectedFinding {
  cell: string;
  /** Default: the sheet of the first spec. */
  sheet?: string;
  /** Default: the row number of `cell`. */
  row?: number;
  /** `null` = no goal expected; absent = not checked. */
  goal?: string | null;
  /** Default: the rule's severity (required for `mixed` rules). */
  severity?: Severity;
  /** Substrings the message must contain (the actual values). */
  contains: string[];
}

export interface InvalidCase extends ValidCase {
  expected: ExpectedFinding[];
}

export function ruleTable(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const rule = ruleById(ruleId);
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => {
      expect(rule).toBeDefined();
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    it.each(cases.valid)('valid: $name', async (c) => {
      const found = await findingsOf(ruleId, c.sheets, c.options);
      expect(found).toEqual([]);
    });

    it.each(cases.invalid)('invalid: $name', async (c) => {
      expect(c.expected.length).toBeGreaterThan(0);
      const found = await findingsOf(ruleId, c.sheets, c.options);
      expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual(
        c.expected.map((e) => `${e.sheet ?? c.sheets[0].name}!${e.cell}`),
      );
      c.expected.forEach((e, i) => {
        const f = found[i];
        expect(f.rule).toBe(ruleId);
        const severity = e.severity ?? (rule!.meta.severity === 'mixed' ? undefined : rule!.meta.severity);
        expect(severity).toBeDefined();
        expect(f.severity).toBe(severity);
        expect(f.row).toBe(e.row ?? Number(e.cell.replace(/^[A-Z]+/, '')));
        if (e.goal !== undefined) expect(f.goal).toBe(e.goal === null ? undefined : e.goal);
        for (const text of e.contains) expect(f.message).toContain(text);
      });
    });
  });
}
