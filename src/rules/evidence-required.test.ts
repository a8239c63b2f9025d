import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

ruleTable('evidence-required', {
  valid: [
    { name: 'execution with evidence', sheets: [captureSheet([{}])] },
    { name: 'no execution, no evidence', sheets: [captureSheet([{ executed: [0, null, null, null], executedTotal: 0, progressDeclared: 0, evidence: null, analysis: 'Sin avance.' }])] },
    { name: 'execution only after the cut-off (future-execution’s)', sheets: [captureSheet([{ planned: [0, 0, 500, 500], executed: [null, null, 100, null], executedTotal: 100, progressDeclared: 10, evidence: null }])] },
  ],
  invalid: [
    {
      name: 'T1 and T2 executed without evidence',
      sheets: [captureSheet([{ evidence: null }])],
      expected: [{ cell: captureCell('evidence', 0), severity: 'warning', goal: '1905001', contains: ['T1: 250, T2: 250', 'evidencia'] }],
    },
  ],
});
