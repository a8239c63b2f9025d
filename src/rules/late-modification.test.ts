import { ruleTable } from '../../test/helpers/rule-table';
import { d, planCell, planSheet } from '../../test/helpers/sheets';
import { baselineSheet, changeLogSheet } from '../../test/helpers/baseline';

// Cut-off 30/09/2025 so that a change in August is in the past.
const options = { cutoff: '2025-09-30' };

ruleTable('late-modification', {
  valid: [
    {
      name: 'meta vigencia raised in September: an increase may be made at any time',
      options,
      sheets: [planSheet([{ yearGoal: 1200, planned: [250, 250, 250, 450] }]), baselineSheet(), changeLogSheet([
        [d('2025-09-10'), '1905001', 'Meta vigencia', 1000, 1200, 'Recursos adicionales', 'Oficio 201'],
        [d('2025-09-10'), '1905001', 'Programado T4', 250, 450, 'Recursos adicionales', 'Oficio 201'],
      ])],
    },
    {
      name: 'T4 moved on 10/05/2025, within the second quarter',
      options,
      sheets: [planSheet([{ planned: [250, 250, 300, 200] }]), baselineSheet(), changeLogSheet([
        [d('2025-05-10'), '1905001', 'Programado T3', 250, 300, 'Ajuste', 'Oficio 77'],
        [d('2025-05-10'), '1905001', 'Programado T4', 250, 200, 'Ajuste', 'Oficio 77'],
      ])],
    },
  ],
  invalid: [
    {
      name: 'T4 lowered on 01/08/2025, after the second quarter',
      options,
      sheets: [planSheet([{ yearGoal: 950, planned: [250, 250, 250, 200] }]), baselineSheet(), changeLogSheet([
        [d('2025-08-01'), '1905001', 'Programado T4', 250, 200, 'Menor demanda', 'Oficio 150'],
        [d('2025-08-01'), '1905001', 'Meta vigencia', 1000, 950, 'Menor demanda', 'Oficio 150'],
      ])],
      expected: [
        { cell: planCell('yearGoal', 0), goal: '1905001', contains: ['Meta vigencia', '01/08/2025', '30/06/2025'] },
        { cell: planCell('planned4', 0), contains: ['Programado T4', '01/08/2025'] },
      ],
    },
  ],
});
