import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet, planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('number', {
  valid: [
    { name: 'numbers as numbers', sheets: [planSheet([{}])] },
    { name: 'numbers typed as Colombian text (number-as-text, not number)', sheets: [planSheet([{ yearGoal: '1.000', amount: '$ 10.000.000' }])] },
    { name: 'a blank number cell (required reports it)', sheets: [captureSheet([{ budgetFinal: null, commitments: null, obligations: null, payments: null }])] },
  ],
  invalid: [
    {
      name: 'plan: Meta vigencia written in words',
      sheets: [planSheet([{ yearGoal: 'mil' }])],
      expected: [{ cell: planCell('yearGoal', 0), goal: '1905001', contains: ['«mil»', '«Meta vigencia»', '1.234,5'] }],
    },
    {
      name: 'capture: Apropiación definitiva "pendiente"',
      sheets: [captureSheet([{ budgetFinal: 'pendiente' }])],
      expected: [{ cell: captureCell('budgetFinal', 0), contains: ['«pendiente»', '«Apropiación definitiva»', '$ 1.234.567'] }],
    },
    {
      name: 'capture: % avance "N/A" in a percent column',
      sheets: [captureSheet([{ progressDeclared: 'no aplica' }])],
      expected: [{ cell: captureCell('progressDeclared', 0), contains: ['«no aplica»', '45 %'] }],
    },
  ],
});
