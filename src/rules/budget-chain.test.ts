import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

ruleTable('budget-chain', {
  valid: [
    { name: 'definitiva ≥ compromisos ≥ obligaciones ≥ pagos', sheets: [captureSheet([{}])] },
    { name: 'every stage equal', sheets: [captureSheet([{ budgetFinal: 5_000_000, commitments: 5_000_000, obligations: 5_000_000, payments: 5_000_000 }])] },
    { name: 'within 1 peso', sheets: [captureSheet([{ commitments: 10_000_001 }])] },
    { name: 'blank stages are not compared', sheets: [captureSheet([{ commitments: null, obligations: 3_000_000, payments: null }])] },
  ],
  invalid: [
    {
      name: 'obligaciones above compromisos',
      sheets: [captureSheet([{ commitments: 9_500_000, obligations: 12_000_000, payments: 1_000_000 }])],
      expected: [{ cell: captureCell('obligations', 0), goal: '1905001', contains: ['Las obligaciones ($ 12.000.000) superan los compromisos ($ 9.500.000)'] }],
    },
    {
      name: 'compromisos above the definitiva and pagos above obligaciones',
      sheets: [captureSheet([{ budgetFinal: 10_000_000, commitments: 10_500_000, obligations: 4_000_000, payments: 4_200_000.5 }])],
      expected: [
        { cell: captureCell('commitments', 0), contains: ['Los compromisos ($ 10.500.000) superan la apropiación definitiva ($ 10.000.000)'] },
        { cell: captureCell('payments', 0), contains: ['Los pagos ($ 4.200.001) superan las obligaciones ($ 4.000.000)'] },
      ],
    },
  ],
});
