import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

// Default cut-off 30/06/2025; apropiación $ 10.000.000.
ruleTable('budget-ahead', {
  valid: [
    { name: '80 % committed and on schedule', sheets: [captureSheet([{}])] },
    { name: '79 % committed and nothing executed', sheets: [captureSheet([{ commitments: 7_900_000, obligations: 0, payments: 0, executed: [0, 0, null, null], executedTotal: 0, progressDeclared: 0, analysis: 'x' }])] },
    { name: '95 % committed and compliance exactly 50 %', sheets: [captureSheet([{ commitments: 9_500_000, executed: [125, 125, null, null], executedTotal: 250, progressDeclared: 25, analysis: 'x' }])] },
    { name: 'nothing due yet', sheets: [captureSheet([{ commitments: 9_500_000, planned: [0, 0, 500, 500], executed: [0, 0, null, null], executedTotal: 0, progressDeclared: 0 }])] },
  ],
  invalid: [
    {
      name: '95,5 % committed and 0 % compliance (the 2402041 case)',
      sheets: [captureSheet([{ budgetFinal: 1_340_000_000, commitments: 1_280_000_000, obligations: 0, payments: 0, executed: [0, 0, null, null], executedTotal: 0, progressDeclared: 0, analysis: 'x' }])],
      expected: [{ cell: captureCell('commitments', 0), goal: '1905001', contains: ['95,5 %', '$ 1.280.000.000', '$ 1.340.000.000', '0 %'] }],
    },
    {
      name: 'thresholds are settings: 60 % committed, compliance 60 %, with 50 % / 70 %',
      sheets: [captureSheet([{ commitments: 6_000_000, obligations: 0, payments: 0, executed: [150, 150, null, null], executedTotal: 300, progressDeclared: 30, analysis: 'x' }])],
      options: { budgetAheadCommitted: 0.5, budgetAheadCompliance: 0.7 },
      expected: [{ cell: captureCell('commitments', 0), contains: ['60 %'] }],
    },
  ],
});
