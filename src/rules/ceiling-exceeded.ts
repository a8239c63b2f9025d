import type { Rule, RuleMeta } from './types';
import type { Finding } from '../domain/finding';
import { formatMoney } from '../domain/format';
import { moneyExceeds } from '../domain/tolerance';
import { ceilingsOf, covers, planLinesOf, total } from './lib/budget-ceilings';
import { quote, reportAt, rowAnchor } from './lib/util';

const messages = {
  exceeded: (
    programCode: string,
    program: string | undefined,
    unit: string | undefined,
    source: string | undefined,
    sum: number,
    ceiling: number,
  ): string =>
    `Los valores programados del programa ${programCode}` +
    (program ? ` ${quote(program)}` : '') +
    (unit ? ` para ${quote(unit)}` : '') +
    (source ? ` con fuente ${quote(source)}` : '') +
    ` suman ${formatMoney(sum)} y superan su techo presupuestal de ${formatMoney(ceiling)} ` +
    `(exceso: ${formatMoney(sum - ceiling)}). Ajuste los valores programados o solicite un techo mayor.`,
};

const meta: RuleMeta = {
  id: 'ceiling-exceeded',
  severity: 'error',
  scope: 'plan-accion',
  description: 'Los valores programados de un programa superan su techo presupuestal.',
};

/**
 * With a techos sheet: Σ Valor programado of a program (of the techo's unit and source, when the
 * techo gives them) above its techo, beyond 1 peso. Reported on the first plan row the techo
 * covers, with the total and the ceiling.
 */
export const rule: Rule = {
  meta,
  messages,
  check(ctx) {
    const ceilings = ceilingsOf(ctx);
    if (!ceilings) return [];
    const lines = planLinesOf(ctx);
    const out: Finding[] = [];
    for (const c of ceilings) {
      const covered = lines.filter((l) => covers(c, l));
      if (covered.length === 0) continue;
      const sum = total(covered);
      if (!moneyExceeds(sum, c.amount)) continue;
      const first = covered[0];
      const message = messages.exceeded(c.programCode, first.program, c.unit, c.source, sum, c.amount);
      out.push(reportAt(meta, first.sheet, first.row, rowAnchor(first.sheet, first.row), message));
    }
    return out;
  },
};
