import { ruleTable } from '../../test/helpers/rule-table';
import { d, planCell, planSheet } from '../../test/helpers/sheets';
import { baselineSheet, changeLogSheet } from '../../test/helpers/baseline';

const changed = planSheet([{ planned: [250, 250, 300, 200] }]);

ruleTable('repeated-modification', {
  valid: [
    {
      name: 'one modification (two fields, one date)',
      sheets: [changed, baselineSheet(), changeLogSheet([
        [d('2025-05-10'), '1905001', 'Programado T3', 250, 300, 'Ajuste', 'Oficio 77'],
        [d('2025-05-10'), '1905001', 'Programado T4', 250, 200, 'Ajuste', 'Oficio 77'],
      ])],
    },
  ],
  invalid: [
    {
      name: 'modified on 10/03/2025 and again on 10/05/2025',
      sheets: [changed, baselineSheet(), changeLogSheet([
        [d('2025-03-10'), '1905001', 'Programado T3', 250, 280, 'Primer ajuste', 'Oficio 40'],
        [d('2025-05-10'), '1905001', 'Programado T3', 280, 300, 'Segundo ajuste', 'Oficio 77'],
        [d('2025-05-10'), '1905001', 'Programado T4', 250, 200, 'Segundo ajuste', 'Oficio 77'],
      ])],
      expected: [{ cell: planCell('goalCode', 0), goal: '1905001', contains: ['10/03/2025', '10/05/2025', 'única vez'] }],
    },
  ],
});
