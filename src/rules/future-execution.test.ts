import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet, monthCaptureSheet } from '../../test/helpers/sheets';

const monthly = {
  goalCode: 'GOB-01',
  goal: 'Atender 120 solicitudes ciudadanas',
  unit: 'Secretaría de Gobierno',
  accumulation: 'Suma',
  yearGoal: 120,
  planned: Array<number>(12).fill(10),
};

ruleTable('future-execution', {
  valid: [
    { name: 'only T1 and T2 reported at a cut-off of 30/06/2025', sheets: [captureSheet([{}])] },
    { name: 'a 0 typed ahead', sheets: [captureSheet([{ executed: [250, 250, 0, 0] }])] },
    { name: 'T3 reported at a cut-off of 30/09/2025', sheets: [captureSheet([{ executed: [250, 250, 250, null], executedTotal: 750, progressDeclared: 75 }])], options: { cutoff: '2025-09-30' } },
    {
      name: 'months: January to June reported at a cut-off of 30/06/2025',
      sheets: [monthCaptureSheet([{ ...monthly, executed: [10, 10, 10, 10, 10, 10, null, null, null, null, null, null], executedTotal: 60 }])],
    },
  ],
  invalid: [
    {
      name: 'months: July reported at a cut-off of 30/06/2025',
      sheets: [monthCaptureSheet([{ ...monthly, executed: [10, 10, 10, 10, 10, 10, 12, null, null, null, null, null], executedTotal: 72 }])],
      expected: [{ cell: 'X5', goal: 'GOB-01', contains: ['(12)', '«Ejecutado Jul»', '31/07/2025', '(30/06/2025)'] }],
    },
    {
      name: 'T3 reported at a cut-off of 30/06/2025',
      sheets: [captureSheet([{ executed: [250, 250, 100, null], executedTotal: 600, progressDeclared: 60 }])],
      expected: [{ cell: captureCell('executed3', 0), severity: 'warning', goal: '1905001', contains: ['(100)', '«Ejecutado T3»', '30/09/2025', '(30/06/2025)'] }],
    },
    {
      name: 'T2 to T4 reported at a cut-off of 31/03/2025',
      sheets: [captureSheet([{ executed: [250, 250, 250, 250], executedTotal: 1000, progressDeclared: 100 }])],
      options: { cutoff: '2025-03-31' },
      expected: [
        { cell: captureCell('executed2', 0), contains: ['30/06/2025', '(31/03/2025)'] },
        { cell: captureCell('executed3', 0), contains: ['30/09/2025'] },
        { cell: captureCell('executed4', 0), contains: ['31/12/2025'] },
      ],
    },
  ],
});
