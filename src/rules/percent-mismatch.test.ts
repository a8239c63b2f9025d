import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

ruleTable('percent-mismatch', {
  valid: [
    { name: '500 of 1.000 declared 50 %', sheets: [captureSheet([{}])] },
    { name: 'within 0,5 points (50,4 %)', sheets: [captureSheet([{ progressDeclared: 50.4 }])] },
    { name: 'a fraction with a % format', sheets: [captureSheet([{ progressDeclared: 0.5 }], { formats: { R: '0%' } })] },
    {
      name: 'creciente against its línea base: (70 − 40) ÷ (100 − 40) = 50 %',
      sheets: [captureSheet([{ accumulation: 'Creciente', baseline: 40, yearGoal: 100, planned: [50, 70, 85, 100], executed: [55, 70, null, null], executedTotal: 70, progressDeclared: 50 }])],
    },
  ],
  invalid: [
    {
      name: 'declared 60 % for 500 of 1.000',
      sheets: [captureSheet([{ progressDeclared: 60 }])],
      expected: [{ cell: captureCell('progressDeclared', 0), goal: '1905001', contains: ['(60 %)', '(50 %', 'ejecutado 500', 'meta vigencia 1.000'] }],
    },
    {
      name: 'creciente: the level over the meta without the línea base',
      sheets: [captureSheet([{ accumulation: 'Creciente', baseline: 40, yearGoal: 100, planned: [50, 70, 85, 100], executed: [55, 70, null, null], executedTotal: 70, progressDeclared: 70 }])],
      expected: [{ cell: captureCell('progressDeclared', 0), contains: ['(70 %)', '(50 %', 'línea base 40'] }],
    },
  ],
});
