import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet, planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('number-as-text', {
  valid: [
    { name: 'numbers as numbers', sheets: [planSheet([{}]), captureSheet([{}])] },
    { name: 'text that is no number (number reports it)', sheets: [planSheet([{ yearGoal: 'mil' }])] },
    { name: 'codes typed as text are codes, not numbers', sheets: [planSheet([{ programCode: '1905', goalCode: '1905001' }])] },
  ],
  invalid: [
    {
      name: 'plan: Valor programado typed as "$ 12.500.000"',
      sheets: [planSheet([{ amount: '$ 12.500.000' }])],
      expected: [{ cell: planCell('amount', 0), severity: 'warning', goal: '1905001', contains: ['«$ 12.500.000»', '$ 12.500.000', '«Valor programado»'] }],
    },
    {
      name: 'a column the sheet writes as text (whole numbers, as an export does): said once, on its first cell',
      sheets: [captureSheet([{ goalCode: 'A', yearGoal: '4' }, { goalCode: 'B', yearGoal: '12' }, { goalCode: 'C', yearGoal: '100' }])],
      expected: [{ cell: captureCell('yearGoal', 0), goal: 'A', contains: ['tiene sus números escritos como texto', '«4», fila 5, y 2 más'] }],
    },
    {
      name: 'one whole number typed as text among numbers: said on its cell',
      sheets: [captureSheet([{ goalCode: 'A', yearGoal: 4 }, { goalCode: 'B', yearGoal: '12' }, { goalCode: 'C', yearGoal: 100 }])],
      expected: [{ cell: captureCell('yearGoal', 1), goal: 'B', contains: ['El valor «12»'] }],
    },
    {
      name: 'capture: % avance typed as "50 %" and Meta vigencia "1.000"',
      sheets: [captureSheet([{ yearGoal: '1.000', progressDeclared: '50 %' }])],
      expected: [
        { cell: captureCell('yearGoal', 0), contains: ['«1.000»', '1.000'] },
        { cell: captureCell('progressDeclared', 0), contains: ['«50 %»', '50 %'] },
      ],
    },
  ],
});
