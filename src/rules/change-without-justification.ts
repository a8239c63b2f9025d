import { baselineFindings, messages } from './lib/baseline';
import type { Rule } from './types';

/** rules.md "Rules against the approved baseline" — the comparison is in `lib/baseline.ts`. */
export const rule: Rule = {
  meta: {
    id: 'change-without-justification',
    severity: 'error',
    scope: 'baseline',
    description: 'Un cambio a una meta aprobada sin su registro justificado en «Control de cambios».',
  },
  messages,
  check: (ctx) => baselineFindings(ctx).filter((f) => f.rule === 'change-without-justification'),
};
