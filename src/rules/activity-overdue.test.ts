import { ruleTable } from '../../test/helpers/rule-table';
import { d, planCell, planSheet } from '../../test/helpers/sheets';

// The tables' cut-off is 30/06/2025.
ruleTable('activity-overdue', {
  valid: [
    { name: 'an activity ending after the cut-off, at 40 %', sheets: [planSheet([{ endDate: d('2025-11-30'), activityProgress: 40 }])] },
    { name: 'an activity ended before the cut-off, done', sheets: [planSheet([{ endDate: d('2025-03-31'), activityProgress: 100 }])] },
    { name: 'an activity ended before the cut-off, with no progress written', sheets: [planSheet([{ endDate: d('2025-03-31'), activityProgress: null }])] },
    { name: '99.9 % is 100 % within the tolerance', sheets: [planSheet([{ endDate: d('2025-03-31'), activityProgress: 99.999 }])] },
  ],
  invalid: [
    {
      name: 'ended on 31/03/2025, at 60 % at the 30/06/2025 cut-off',
      sheets: [planSheet([{}, { activity: 'Dotar los puestos de salud', endDate: d('2025-03-31'), activityProgress: 60 }])],
      expected: [
        {
          cell: planCell('activityProgress', 1),
          goal: '1905001',
          contains: ['«Dotar los puestos de salud»', 'debía terminar el 31/03/2025', '(30/06/2025)', '60 %'],
        },
      ],
    },
    {
      name: 'ending on the cut-off day itself, at 0 %',
      sheets: [planSheet([{ endDate: d('2025-06-30'), activityProgress: 0 }])],
      expected: [{ cell: planCell('activityProgress', 0), contains: ['30/06/2025', '0 %'] }],
    },
  ],
});
