import { ruleTable } from '../../test/helpers/rule-table';
import { ceilingSheet, planSheet } from '../../test/helpers/sheets';

const education = { programCode: '2201', program: 'Calidad educativa', goalCode: '2201001', goal: 'Dotar 20 sedes educativas', unit: 'Secretaría de Educación' };

ruleTable('no-ceiling', {
  valid: [
    { name: 'no techos sheet', sheets: [planSheet([{}, education])] },
    { name: 'every program has a techo', sheets: [planSheet([{}, education]), ceilingSheet([{}, { programCode: '2201', program: 'Calidad educativa' }])] },
    { name: 'a malformed program code is code-format’s, not no-ceiling’s', sheets: [planSheet([{}, { ...education, programCode: '22O1' }]), ceilingSheet([{}])] },
    { name: 'a program without amounts needs no techo', sheets: [planSheet([{}, { ...education, amount: 0 }]), ceilingSheet([{}])] },
  ],
  invalid: [
    {
      name: 'program 2201 has amounts and no techo',
      sheets: [planSheet([{}, education, { ...education, amount: 5_000_000 }]), ceilingSheet([{}])],
      expected: [{ cell: 'A6', severity: 'warning', goal: '2201001', contains: ['programa 2201', '«Calidad educativa»', '$ 15.000.000', 'no tiene techo'] }],
    },
  ],
});
