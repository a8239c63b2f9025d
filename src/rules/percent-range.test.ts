import { ruleTable } from '../../test/helpers/rule-table';
import { planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('percent-range', {
  valid: [
    { name: 'ponderación 100 % and avance 45 % in points', sheets: [planSheet([{ weight: 100, activityProgress: 45 }])] },
    { name: 'fractions with a % format', sheets: [planSheet([{ weight: 1, activityProgress: 0 }], { formats: { P: '0%', X: '0%' } })] },
  ],
  invalid: [
    {
      name: 'ponderación 120 %',
      sheets: [planSheet([{ weight: 120 }])],
      expected: [{ cell: planCell('weight', 0), goal: '1905001', contains: ['«Ponderación»', '120 %', 'entre 0 % y 100 %'] }],
    },
    {
      name: '% avance actividad -10 %',
      sheets: [planSheet([{ activityProgress: -10 }])],
      expected: [{ cell: planCell('activityProgress', 0), contains: ['«% avance actividad»', '-10 %'] }],
    },
  ],
});
