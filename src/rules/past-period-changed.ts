import { baselineFindings, messages } from './lib/baseline';
import type { Rule } from './types';

/** rules.md "Rules against the approved baseline" — the comparison is in `lib/baseline.ts`. */
export const rule: Rule = {
  meta: {
    id: 'past-period-changed',
    severity: 'error',
    scope: 'baseline',
    description: 'Se cambió la programación de un periodo que ya había terminado (PLE-PIN-P005).',
  },
  messages,
  check: (ctx) => baselineFindings(ctx).filter((f) => f.rule === 'past-period-changed'),
};
