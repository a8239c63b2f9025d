import { ruleTable } from '../../test/helpers/rule-table';
import { captureSheet, planMerge, planSheet } from '../../test/helpers/sheets';

ruleTable('duplicate', {
  valid: [
    { name: 'plan: different activities of one goal', sheets: [planSheet([{}, {}, {}])] },
    {
      name: 'plan: the same activity in two goals',
      sheets: [planSheet([{ activity: 'Seguimiento' }, { goalCode: '1905002', goal: 'Otra meta', activity: 'Seguimiento' }])],
    },
    {
      name: 'plan: one activity merged over two funding lines',
      sheets: [
        planSheet([{ activity: 'Compra de biológicos', source: 'SGP Salud' }, { activity: 'Compra de biológicos', source: 'Recursos propios' }], {
          merges: [planMerge('activity', 0, 1)],
        }),
      ],
    },
    { name: 'capture: the same goal code in two units', sheets: [captureSheet([{}, { unit: 'Secretaría de Educación' }])] },
  ],
  invalid: [
    {
      name: 'plan: the same activity twice (spelling aside), reported on each repetition',
      sheets: [
        planSheet([
          { activity: 'Jornadas de vacunación' },
          { activity: 'Compra de biológicos' },
          { activity: 'JORNADAS  de vacunacion.' },
          { activity: 'Jornadas de vacunación' },
        ]),
      ],
      expected: [
        { cell: 'U7', goal: '1905001', contains: ['«JORNADAS  de vacunacion.»', 'meta 1905001', 'fila 5'] },
        { cell: 'U8', goal: '1905001', contains: ['fila 5'] },
      ],
    },
    {
      name: 'capture: the same goal and unit twice',
      sheets: [captureSheet([{}, {}])],
      expected: [{ cell: 'A6', goal: '1905001', contains: ['meta 1905001', '«Secretaría de Salud»', 'fila 5'] }],
    },
  ],
});
