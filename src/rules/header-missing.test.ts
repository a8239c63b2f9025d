import { ruleTable } from '../../test/helpers/rule-table';
import { captureSheet, ceilingSheet, planSheet } from '../../test/helpers/sheets';

ruleTable('header-missing', {
  valid: [
    { name: 'a complete plan de acción', sheets: [planSheet([{}, {}])] },
    { name: 'a complete hoja de captura', sheets: [captureSheet([{}])] },
    { name: 'a capture sheet without optional columns', sheets: [captureSheet([{}], { omit: ['evidence', 'numerator', 'denominator'] })] },
    { name: 'a techos sheet without unit and source', sheets: [ceilingSheet([{}], { omit: ['unit', 'source'] })] },
  ],
  invalid: [
    {
      name: 'plan without Meta vigencia',
      sheets: [planSheet([{}, {}], { omit: ['yearGoal'] })],
      expected: [{ cell: 'A4', goal: null, contains: ['«Meta vigencia»', 'fila 4', 'plan de acción'] }],
    },
    {
      name: 'plan without Actividad and Valor programado: one finding per column',
      sheets: [planSheet([{}], { omit: ['activity', 'amount'] })],
      expected: [
        { cell: 'A4', contains: ['«Actividad»'] },
        { cell: 'A4', contains: ['«Valor programado»'] },
      ],
    },
    {
      name: 'capture sheet without Tipo de acumulación',
      sheets: [captureSheet([{}], { omit: ['accumulation'] })],
      expected: [{ cell: 'A4', contains: ['«Tipo de acumulación»', 'hoja de captura'] }],
    },
  ],
});
