import { ruleTable } from '../../test/helpers/rule-table';
import { captureSheet, planSheet } from '../../test/helpers/sheets';

const second = { goalCode: '1905002', goal: 'Realizar 40 visitas de inspección sanitaria', yearGoal: 40, planned: [10, 10, 10, 10] as [number, number, number, number] };

ruleTable('unreported-goal', {
  valid: [
    { name: 'every plan goal reported', sheets: [planSheet([{}, second]), captureSheet([{}, { ...second, executed: [10, 10, null, null], executedTotal: 20, progressDeclared: 50 }])] },
    { name: 'a goal programmed only after the cut-off', sheets: [planSheet([{}, { ...second, planned: [0, 0, 20, 20] }]), captureSheet([{}])] },
    { name: 'a plan without a capture sheet', sheets: [planSheet([{}, second])] },
  ],
  invalid: [
    {
      name: 'goal 1905002 programmed by T2 and absent from the capture sheet',
      sheets: [planSheet([{}, second]), captureSheet([{}])],
      expected: [
        {
          cell: 'A6',
          severity: 'warning',
          goal: '1905002',
          contains: ['meta 1905002', '«Realizar 40 visitas de inspección sanitaria»', 'programado 20', '(30/06/2025)', '«Hoja de captura»'],
        },
      ],
    },
  ],
});
