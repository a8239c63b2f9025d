import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

// Default cut-off 30/06/2025 (T2 measured).
ruleTable('missing-report', {
  valid: [
    { name: 'T1 and T2 reported', sheets: [captureSheet([{}])] },
    { name: 'a reported 0 is a report', sheets: [captureSheet([{ executed: [250, 0, null, null], executedTotal: 250, progressDeclared: 25, analysis: 'Sin avance en T2.' }])] },
    { name: 'suma: nothing programmed in T1, nothing reported', sheets: [captureSheet([{ planned: [0, 500, 250, 250], executed: [null, 500, null, null] }])] },
    { name: 'T3 blank is not due yet', sheets: [captureSheet([{ executed: [250, 250, null, null] }])] },
    { name: 'an eliminated goal is not asked for reports', sheets: [captureSheet([{ executed: [250, null, null, null], executedTotal: 250, progressDeclared: 25, goalState: 'Eliminada' }])] },
  ],
  invalid: [
    {
      name: 'suma: T2 programmed 250 and blank',
      sheets: [captureSheet([{ executed: [250, null, null, null], executedTotal: 250, progressDeclared: 25, analysis: 'x' }])],
      expected: [{ cell: captureCell('executed2', 0), goal: '1905001', contains: ['T2', 'programado 250', '30/06/2025'] }],
    },
    {
      name: 'constante: T1 and T2 blank, each its finding, and the level is judged as not reported',
      sheets: [
        captureSheet([
          { accumulation: 'Constante', yearGoal: 12, planned: [12, 12, 12, 12], executed: [null, null, null, null], executedTotal: null, progressDeclared: null, analysis: 'x' },
        ]),
      ],
      expected: [
        { cell: captureCell('executed1', 0), contains: ['T1', 'programado 12', 'sin reporte'] },
        { cell: captureCell('executed2', 0), contains: ['T2', 'programado 12'] },
      ],
    },
  ],
});
