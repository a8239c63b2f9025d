import { baselineFindings, messages } from './lib/baseline';
import type { Rule } from './types';

/** rules.md "Rules against the approved baseline" — the comparison is in `lib/baseline.ts`. */
export const rule: Rule = {
  meta: {
    id: 'added-after-approval',
    severity: 'error',
    scope: 'baseline',
    description: 'Una meta que no estaba en el plan de acción aprobado (no se programan metas después de aprobado, PE-P-002).',
  },
  messages,
  check: (ctx) => baselineFindings(ctx).filter((f) => f.rule === 'added-after-approval'),
};
