import { ruleTable } from '../../test/helpers/rule-table';
import { captureSheet, planSheet } from '../../test/helpers/sheets';

ruleTable('unknown-goal', {
  valid: [
    { name: 'capture goals found in the plan', sheets: [captureSheet([{}]), planSheet([{}, {}])] },
    { name: 'a capture sheet alone (no plan to compare with)', sheets: [captureSheet([{ goalCode: 'GOB-01' }])] },
    { name: 'a code typed as a number equals the text', sheets: [captureSheet([{ goalCode: 1905001 }]), planSheet([{}])] },
  ],
  invalid: [
    {
      name: 'goal 1905099 is not in the plan',
      sheets: [captureSheet([{}, { goalCode: '1905099', goal: 'Meta nueva' }]), planSheet([{}])],
      expected: [{ cell: 'A6', goal: '1905099', contains: ['meta 1905099', 'no está en el plan de acción', '«Plan de Acción 2025»'] }],
    },
  ],
});
