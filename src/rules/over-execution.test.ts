import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

// Default cut-off 30/06/2025: due by T2 = 250 + 250 = 500.
ruleTable('over-execution', {
  valid: [
    { name: 'exactly what was due', sheets: [captureSheet([{}])] },
    { name: 'within the tolerance (502 of 500: 0,4 points)', sheets: [captureSheet([{ executed: [250, 252, null, null], executedTotal: 502, progressDeclared: 50.2 }])] },
    { name: 'nothing due (compliance undefined)', sheets: [captureSheet([{ planned: [0, 0, 500, 500], executed: [0, 0, null, null], executedTotal: 0, progressDeclared: 0 }])] },
  ],
  invalid: [
    {
      name: 'suma: 550 executed of 500 due (110 %), well below the year goal',
      sheets: [captureSheet([{ executed: [250, 300, null, null], executedTotal: 550, progressDeclared: 55 }])],
      expected: [{ cell: captureCell('executed2', 0), goal: '1905001', contains: ['550', '500', '110 %'] }],
    },
    {
      name: 'creciente with línea base: (980 − 800) ÷ (950 − 800) = 120 % at T2',
      sheets: [
        captureSheet([
          { accumulation: 'Creciente', baseline: 800, yearGoal: 1200, planned: [850, 950, 1100, 1200], executed: [860, 980, null, null], executedTotal: 980, progressDeclared: 45 },
        ]),
      ],
      expected: [{ cell: captureCell('executed2', 0), contains: ['980', '950', '120 %'] }],
    },
  ],
});
