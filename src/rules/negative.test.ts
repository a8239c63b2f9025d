import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet, planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('negative', {
  valid: [
    { name: 'zero amounts and programming', sheets: [planSheet([{ amount: 0, planned: [0, 500, 500, 0] }])] },
    { name: 'a negative línea base is allowed', sheets: [planSheet([{ baseline: -5 }])] },
  ],
  invalid: [
    {
      name: 'plan: negative Valor programado',
      sheets: [planSheet([{ amount: -5_000_000 }])],
      expected: [{ cell: planCell('amount', 0), goal: '1905001', contains: ['«Valor programado»', '-$ 5.000.000', 'cero o mayor'] }],
    },
    {
      name: 'plan: negative Programado T2',
      sheets: [planSheet([{ planned: [250, -250, 500, 500] }])],
      expected: [{ cell: planCell('planned2', 0), contains: ['«Programado T2»', '-250'] }],
    },
    {
      name: 'capture: negative Ejecutado T1 and Pagos',
      sheets: [captureSheet([{ executed: [-20, 250, null, null], payments: -1_500 }])],
      expected: [
        { cell: captureCell('executed1', 0), contains: ['«Ejecutado T1»', '-20'] },
        { cell: captureCell('payments', 0), contains: ['«Pagos»', '-$ 1.500'] },
      ],
    },
  ],
});
