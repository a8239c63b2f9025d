import { ruleTable } from '../../test/helpers/rule-table';
import { captureSheet, ceilingCell, ceilingSheet, planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('code-format', {
  valid: [
    { name: 'MGA codes (7 digits, BPIN of 13 digits)', sheets: [planSheet([{}])] },
    {
      name: 'goal codes made of the program code and separators; 15-digit BPIN; numbers',
      sheets: [
        planSheet([
          { goalCode: '1905-01' },
          { goalCode: '1905.01.03', bpin: '202500000012345' },
          { goalCode: 190500123, programCode: 1905, bpin: 2025520010001 },
        ]),
      ],
    },
    { name: 'capture sheets keep their own goal codes', sheets: [captureSheet([{ goalCode: 'GOB-01' }])] },
  ],
  invalid: [
    {
      name: 'plan: program code with a letter (error)',
      sheets: [planSheet([{ programCode: '19A5' }])],
      expected: [{ cell: planCell('programCode', 0), severity: 'error', goal: '1905001', contains: ['«19A5»', '4 dígitos'] }],
    },
    {
      name: 'plan: goal code that is not MGA nor program-based (warning)',
      sheets: [planSheet([{ goalCode: 'META-1' }, { goalCode: '2201-01' }])],
      expected: [
        { cell: planCell('goalCode', 0), severity: 'warning', goal: 'META-1', contains: ['«META-1»', '7 a 9 dígitos', '1905-01'] },
        { cell: planCell('goalCode', 1), severity: 'warning', contains: ['«2201-01»'] },
      ],
    },
    {
      name: 'plan: BPIN too short, BPIN from a future year (error)',
      sheets: [planSheet([{ bpin: '123456' }, { bpin: '2030520010035' }])],
      expected: [
        { cell: planCell('bpin', 0), severity: 'error', contains: ['«123456»', 'entre 2000 y 2025'] },
        { cell: planCell('bpin', 1), severity: 'error', contains: ['«2030520010035»'] },
      ],
    },
    {
      name: 'techos: program code of 3 digits',
      sheets: [ceilingSheet([{ programCode: '190' }])],
      expected: [{ cell: ceilingCell('programCode', 0), severity: 'error', contains: ['«190»'] }],
    },
  ],
});
