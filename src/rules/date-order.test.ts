import { ruleTable } from '../../test/helpers/rule-table';
import { d, planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('date-order', {
  valid: [
    { name: 'start before end', sheets: [planSheet([{}])] },
    { name: 'a one-day activity', sheets: [planSheet([{ startDate: d('2025-06-30'), endDate: d('2025-06-30') }])] },
    { name: 'an invalid date is date’s, not date-order’s', sheets: [planSheet([{ startDate: 'pronto', endDate: d('2025-01-31') }])] },
  ],
  invalid: [
    {
      name: 'start 15/09/2025 after end 30/06/2025',
      sheets: [planSheet([{}, { activity: 'Compra de biológicos', startDate: d('2025-09-15'), endDate: d('2025-06-30') }])],
      expected: [
        {
          cell: planCell('startDate', 1),
          goal: '1905001',
          contains: ['La fecha de inicio (15/09/2025) es posterior a la fecha de terminación (30/06/2025)', '«Compra de biológicos»'],
        },
      ],
    },
    {
      name: 'dates typed as text',
      sheets: [planSheet([{ startDate: '01/12/2025', endDate: '1/11/2025' }])],
      expected: [{ cell: planCell('startDate', 0), contains: ['01/12/2025', '01/11/2025'] }],
    },
  ],
});
