import { ruleTable } from '../../test/helpers/rule-table';
import { d, planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('date-vigencia', {
  valid: [
    { name: 'dates inside 2025', sheets: [planSheet([{ startDate: d('2025-01-01'), endDate: d('2025-12-31') }])] },
    {
      name: 'the vigencia comes from the run when neither title nor header names it',
      sheets: [planSheet([{ startDate: d('2026-02-01'), endDate: d('2026-03-01') }], { name: 'PE-F-012', title: 'Plan de Acción' })],
      options: { vigencia: 2026, cutoff: '2026-03-31' },
    },
  ],
  invalid: [
    {
      name: 'the title block’s vigencia wins over the run’s',
      sheets: [planSheet([{ endDate: d('2026-03-01') }])],
      options: { vigencia: 2026, cutoff: '2026-03-31' },
      expected: [{ cell: planCell('endDate', 0), contains: ['(01/03/2026)', 'vigencia 2025'] }],
    },
    {
      name: 'end date in 2026',
      sheets: [planSheet([{ endDate: d('2026-01-15') }])],
      expected: [{ cell: planCell('endDate', 0), severity: 'warning', goal: '1905001', contains: ['fecha de terminación (15/01/2026)', 'vigencia 2025', '01/01/2025', '31/12/2025'] }],
    },
    {
      name: 'start date in 2024 and end date in 2026 (each cell)',
      sheets: [planSheet([{ startDate: d('2024-12-01'), endDate: d('2026-01-31') }])],
      expected: [
        { cell: planCell('startDate', 0), contains: ['fecha de inicio (01/12/2024)'] },
        { cell: planCell('endDate', 0), contains: ['(31/01/2026)'] },
      ],
    },
  ],
});
