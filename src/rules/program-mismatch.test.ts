import { ruleTable } from '../../test/helpers/rule-table';
import { planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('program-mismatch', {
  valid: [
    { name: 'one name per program', sheets: [planSheet([{}, { goalCode: '1905002' }, { programCode: '2201', program: 'Calidad educativa', goalCode: '2201001' }])] },
    { name: 'spelling differences only', sheets: [planSheet([{}, { goalCode: '1905002', program: 'SALUD PUBLICA' }])] },
  ],
  invalid: [
    {
      name: 'program 1905 with two names',
      sheets: [planSheet([{}, { goalCode: '1905002', program: 'Salud pública y social' }])],
      expected: [{ cell: planCell('program', 1), goal: '1905002', contains: ['programa 1905', '«Salud pública y social»', '«Salud pública»', 'fila 5'] }],
    },
  ],
});
