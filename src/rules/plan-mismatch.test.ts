import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet, planGoalMerges, planSheet } from '../../test/helpers/sheets';

ruleTable('plan-mismatch', {
  valid: [
    { name: 'the same meta and programming as the plan (merged rows)', sheets: [captureSheet([{}]), planSheet([{}, {}], { merges: planGoalMerges(0, 1) })] },
    { name: 'no plan de acción in the workbook', sheets: [captureSheet([{ yearGoal: 900, planned: [225, 225, 225, 225], executedTotal: 500, progressDeclared: 55.6 }])] },
  ],
  invalid: [
    {
      name: 'capture meta 900 and T2 200 against the plan’s 1.000 and 250',
      sheets: [captureSheet([{ yearGoal: 900, planned: [250, 200, 200, 250] }]), planSheet([{}])],
      expected: [
        { cell: captureCell('yearGoal', 0), goal: '1905001', contains: ['«Meta vigencia»', 'es 900', 'pero 1.000', '«Plan de Acción 2025»', 'fila 5'] },
        { cell: captureCell('planned2', 0), contains: ['«Programado T2»', 'es 200', 'pero 250'] },
        { cell: captureCell('planned3', 0), contains: ['«Programado T3»'] },
      ],
    },
  ],
});
