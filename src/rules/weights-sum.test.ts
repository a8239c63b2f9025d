import { ruleTable } from '../../test/helpers/rule-table';
import { planCell, planMerge, planSheet } from '../../test/helpers/sheets';

ruleTable('weights-sum', {
  valid: [
    { name: 'no weights at all', sheets: [planSheet([{}, { goalCode: '1905002' }])] },
    {
      name: 'weights of one unit add up to 100 %, counted once per goal',
      sheets: [planSheet([{ weight: 60 }, { weight: 60 }, { goalCode: '1905002', weight: 40 }], { merges: [planMerge('weight', 0, 1)] })],
    },
    {
      name: 'two units, each 100 %',
      sheets: [planSheet([{ weight: 100 }, { goalCode: '2201001', programCode: '2201', program: 'Calidad educativa', unit: 'Secretaría de Educación', weight: 100 }])],
    },
    { name: '99,6 % is within tolerance', sheets: [planSheet([{ weight: 59.6 }, { goalCode: '1905002', weight: 40 }])] },
  ],
  invalid: [
    {
      name: 'weights of Secretaría de Salud add up to 90 %',
      sheets: [planSheet([{ weight: 60 }, { weight: 60 }, { goalCode: '1905002', weight: 30 }])],
      expected: [{ cell: planCell('weight', 0), severity: 'warning', goal: '1905001', contains: ['«Secretaría de Salud»', 'suman 90 %', '100 %'] }],
    },
    {
      name: 'a goal without weight among weighted ones',
      sheets: [planSheet([{ weight: 60 }, { goalCode: '1905002', weight: null }])],
      expected: [{ cell: planCell('weight', 0), contains: ['suman 60 %', '1 sin ponderación'] }],
    },
  ],
});
