import type { Rule, RuleMeta } from './types';
import type { Finding } from '../domain/finding';
import { formatMoney } from '../domain/format';
import { ceilingsOf, planLinesOf, total } from './lib/budget-ceilings';
import type { PlanLine } from './lib/budget-ceilings';
import { quote, reportAt, rowAnchor } from './lib/util';
import { isProgramCode } from './lib/codes';

const messages = {
  missing: (programCode: string, program: string | undefined, sum: number): string =>
    `El programa ${programCode}` +
    (program ? ` ${quote(program)}` : '') +
    ` tiene valores programados por ${formatMoney(sum)} pero no tiene techo presupuestal en la hoja de techos. ` +
    `Agregue su techo o revise el código del programa.`,
};

const meta: RuleMeta = {
  id: 'no-ceiling',
  severity: 'warning',
  scope: 'plan-accion',
  description: 'Un programa con valores programados no tiene techo presupuestal.',
};

/**
 * With a techos sheet: a program with amounts (Σ > 0) and no techo row at all, reported on the
 * program's first plan row. A program code of the wrong shape is left to `code-format`.
 */
export const rule: Rule = {
  meta,
  messages,
  check(ctx) {
    const ceilings = ceilingsOf(ctx);
    if (!ceilings) return [];
    const withCeiling = new Set(ceilings.map((c) => c.programCode));
    const byProgram = new Map<string, PlanLine[]>();
    for (const line of planLinesOf(ctx)) {
      // A malformed program code is code-format's finding; its missing techo is only a consequence.
      if (withCeiling.has(line.programCode) || !isProgramCode(line.programCode)) continue;
      const list = byProgram.get(line.programCode);
      if (list) list.push(line);
      else byProgram.set(line.programCode, [line]);
    }
    const out: Finding[] = [];
    for (const [code, lines] of byProgram) {
      const sum = total(lines);
      if (!(sum > 0)) continue;
      const first = lines[0];
      out.push(reportAt(meta, first.sheet, first.row, rowAnchor(first.sheet, first.row), messages.missing(code, first.program, sum)));
    }
    return out;
  },
};
