import { baselineFindings, messages } from './lib/baseline';
import type { Rule } from './types';

/** rules.md "Rules against the approved baseline" — the comparison is in `lib/baseline.ts`. */
export const rule: Rule = {
  meta: {
    id: 'late-modification',
    severity: 'warning',
    scope: 'baseline',
    description: 'Un cambio después del segundo trimestre que no es un aumento de la meta (PLE-PIN-P005).',
  },
  messages,
  check: (ctx) => baselineFindings(ctx).filter((f) => f.rule === 'late-modification'),
};
