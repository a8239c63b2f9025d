import { baselineFindings, messages } from './lib/baseline';
import type { Rule } from './types';

/** rules.md "Rules against the approved baseline" — the comparison is in `lib/baseline.ts`. */
export const rule: Rule = {
  meta: {
    id: 'repeated-modification',
    severity: 'warning',
    scope: 'baseline',
    description: 'Una meta modificada más de una vez en la vigencia (PLE-PIN-P005).',
  },
  messages,
  check: (ctx) => baselineFindings(ctx).filter((f) => f.rule === 'repeated-modification'),
};
