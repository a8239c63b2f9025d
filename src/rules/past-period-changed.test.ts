import { ruleTable } from '../../test/helpers/rule-table';
import { d, planCell, planSheet } from '../../test/helpers/sheets';
import { baselineSheet, changeLogSheet } from '../../test/helpers/baseline';

// Default cut-off 30/06/2025.
const t3t4 = planSheet([{ planned: [250, 250, 300, 200] }]);
const t3t4Log = (date: string) => changeLogSheet([
  [d(date), '1905001', 'Programado T3', 250, 300, 'Contratación en julio', 'Oficio 77'],
  [d(date), '1905001', 'Programado T4', 250, 200, 'Contratación en julio', 'Oficio 77'],
]);

ruleTable('past-period-changed', {
  valid: [
    { name: 'T3 and T4 moved on 10/05/2025, before they ended', sheets: [t3t4, baselineSheet(), t3t4Log('2025-05-10')] },
    { name: 'unchanged', sheets: [planSheet([{}]), baselineSheet()] },
  ],
  invalid: [
    {
      name: 'T1 moved on 10/05/2025, after it ended on 31/03/2025 (justified or not)',
      sheets: [planSheet([{ planned: [200, 300, 250, 250] }]), baselineSheet(), changeLogSheet([
        [d('2025-05-10'), '1905001', 'Programado T1', 250, 200, 'Ajuste', 'Oficio 77'],
        [d('2025-05-10'), '1905001', 'Programado T2', 250, 300, 'Ajuste', 'Oficio 77'],
      ])],
      expected: [{ cell: planCell('planned1', 0), goal: '1905001', contains: ['Programado T1', '10/05/2025', '31/03/2025'] }],
    },
    {
      name: 'T2 changed with no entry: judged at the cut-off (30/06/2025), when T2 has ended',
      sheets: [planSheet([{ planned: [250, 200, 300, 250] }]), baselineSheet()],
      expected: [
        { cell: planCell('planned2', 0), contains: ['Programado T2', '30/06/2025'] },
      ],
    },
  ],
});
