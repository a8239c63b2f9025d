import { ruleTable } from '../../test/helpers/rule-table';
import { planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('date', {
  valid: [
    { name: 'date cells', sheets: [planSheet([{}])] },
    { name: 'dates typed as text in the usual ways', sheets: [planSheet([{ startDate: '15/03/2025', endDate: '15-nov-2025' }])] },
  ],
  invalid: [
    {
      name: 'a start date in words',
      sheets: [planSheet([{ startDate: 'pronto' }])],
      expected: [{ cell: planCell('startDate', 0), goal: '1905001', contains: ['«pronto»', '«Fecha inicio»', 'dd/mm/aaaa'] }],
    },
    {
      name: 'an impossible date (31/02/2025)',
      sheets: [planSheet([{ endDate: '31/02/2025' }])],
      expected: [{ cell: planCell('endDate', 0), contains: ['«31/02/2025»', '«Fecha fin»'] }],
    },
  ],
});
