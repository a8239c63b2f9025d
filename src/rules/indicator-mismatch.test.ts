import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

const coverage = {
  goal: 'Porcentaje de niños con esquema completo',
  unitOfMeasure: 'Porcentaje',
  accumulation: 'Constante',
  yearGoal: 95,
  planned: [95, 95, 95, 95] as [number, number, number, number],
  executedTotal: 75,
  progressDeclared: 78.9,
};

ruleTable('indicator-mismatch', {
  valid: [
    { name: 'no numerator nor denominator', sheets: [captureSheet([{}])] },
    { name: 'percent goal: 45 ÷ 60 × 100 = 75', sheets: [captureSheet([{ ...coverage, executed: [70, 75, null, null], numerator: 45, denominator: 60 }])] },
    {
      name: 'percent goal with a % formatted executed cell (0,75)',
      sheets: [captureSheet([{ ...coverage, executed: [0.7, 0.75, null, null], executedTotal: 0.75, numerator: 45, denominator: 60 }], { formats: { N: '0%' } })],
    },
    { name: 'number goal: 500 ÷ 1 = 500', sheets: [captureSheet([{ executed: [250, 500, null, null], executedTotal: 750, progressDeclared: 75, numerator: 500, denominator: 1 }])] },
    { name: 'a denominator of 0 is not checked', sheets: [captureSheet([{ numerator: 5, denominator: 0 }])] },
    { name: 'a denominator so small that the quotient overflows is not checked', sheets: [captureSheet([{ numerator: -1, denominator: 5e-324 }])] },
  ],
  invalid: [
    {
      name: 'percent goal: T2 says 70 but 45 ÷ 60 × 100 = 75',
      sheets: [captureSheet([{ ...coverage, executed: [70, 70, null, null], executedTotal: 70, numerator: 45, denominator: 60 }])],
      expected: [{ cell: captureCell('executed2', 0), goal: '1905001', contains: ['«Ejecutado T2»', '(70)', '45 ÷ 60 × 100 = 75'] }],
    },
    {
      name: 'number goal: T2 says 250 but 300 ÷ 1 = 300',
      sheets: [captureSheet([{ numerator: 300, denominator: 1 }])],
      expected: [{ cell: captureCell('executed2', 0), contains: ['(250)', '300 ÷ 1 = 300'] }],
    },
  ],
});
