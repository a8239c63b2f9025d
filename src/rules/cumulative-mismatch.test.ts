import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

ruleTable('cumulative-mismatch', {
  valid: [
    { name: 'suma: 250 + 250 = 500', sheets: [captureSheet([{}])] },
    {
      name: 'creciente: the level of the last reported period',
      sheets: [captureSheet([{ accumulation: 'Creciente', yearGoal: 100, planned: [25, 50, 75, 100], executed: [30, 60, null, null], executedTotal: 60, progressDeclared: 60 }])],
    },
    { name: 'nothing reported, blank acumulado', sheets: [captureSheet([{ executed: [null, null, null, null], executedTotal: null, progressDeclared: null }])] },
    { name: 'within the magnitude tolerance', sheets: [captureSheet([{ executedTotal: 501 }])] },
  ],
  invalid: [
    {
      name: 'suma: declared 450 for 250 + 250',
      sheets: [captureSheet([{ executedTotal: 450 }])],
      expected: [{ cell: captureCell('executedTotal', 0), goal: '1905001', contains: ['(450)', '500 = T1 250 + T2 250', 'Suma'] }],
    },
    {
      name: 'creciente: declared the sum (90) instead of the level (60)',
      sheets: [captureSheet([{ accumulation: 'Creciente', yearGoal: 100, planned: [25, 50, 75, 100], executed: [30, 60, null, null], executedTotal: 90, progressDeclared: 60 }])],
      expected: [{ cell: captureCell('executedTotal', 0), contains: ['(90)', 'Ejecutado T2: 60', 'Creciente'] }],
    },
    {
      name: 'suma: an acumulado with nothing reported',
      sheets: [captureSheet([{ executed: [null, null, null, null], executedTotal: 120 }])],
      expected: [{ cell: captureCell('executedTotal', 0), contains: ['(120)', 'no hay ejecución reportada'] }],
    },
  ],
});
