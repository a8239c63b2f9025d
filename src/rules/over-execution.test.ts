import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

// Default cut-off 30/06/2025: due by T2 = 250 + 250 = 500.
ruleTable('over-execution', {
  valid: [
    { name: 'exactly what was due', sheets: [captureSheet([{}])] },
    { name: 'within the tolerance (502 of 500: 0,4 points)', sheets: [captureSheet([{ executed: [250, 252, null, null], executedTotal: 502, progressDeclared: 50.2 }])] },
    { name: 'nothing due and nothing executed (0 reported)', sheets: [captureSheet([{ planned: [0, 0, 500, 500], executed: [0, 0, null, null], executedTotal: 0, progressDeclared: 0 }])] },
    { name: 'nothing due and nothing reported', sheets: [captureSheet([{ planned: [0, null, 500, 500], executed: [null, null, null, null], executedTotal: 0, progressDeclared: 0 }])] },
  ],
  invalid: [
    {
      name: 'execution with nothing due up to the cut-off (T1 0, T2 blank; 120 executed in T2): on the T2 executed cell',
      sheets: [captureSheet([{ planned: [0, null, 500, 500], executed: [0, 120, null, null], executedTotal: 120, progressDeclared: 12 }])],
      expected: [{ cell: captureCell('executed2', 0), goal: '1905001', contains: ['sin tener nada programado', '120 en T2', '30/06/2025'] }],
    },
    {
      name: 'execution in two periods with nothing due: said once, on the last one, naming both',
      sheets: [captureSheet([{ planned: [null, null, 500, 500], executed: [40, 60, null, null], executedTotal: 100, progressDeclared: 10 }])],
      expected: [{ cell: captureCell('executed2', 0), contains: ['40 en T1 y 60 en T2'] }],
    },
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
