import { ruleTable } from '../../test/helpers/rule-table';
import { planCell, planSheet } from '../../test/helpers/sheets';
import { baselineSheet } from '../../test/helpers/baseline';

const newGoal = { goalCode: '1905002', goal: 'Realizar 40 visitas de inspección sanitaria', yearGoal: 40, planned: [10, 10, 10, 10] as [number, number, number, number] };

ruleTable('added-after-approval', {
  valid: [
    { name: 'the approved goals, unchanged', sheets: [planSheet([{}]), baselineSheet()] },
    { name: 'no approved plan in the workbook: nothing to compare', sheets: [planSheet([{}, newGoal])] },
  ],
  invalid: [
    {
      name: 'a goal programmed after the approval',
      sheets: [planSheet([{}, newGoal]), baselineSheet()],
      expected: [{ cell: planCell('goalCode', 1), goal: '1905002', contains: ['1905002', '28/01/2025', 'Acta 01 de 2025', 'PE-P-002'] }],
    },
  ],
});
