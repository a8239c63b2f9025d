import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet, monthCaptureSheet, planCell, planSheet } from '../../test/helpers/sheets';

ruleTable('programming-coherence', {
  valid: [
    {
      name: 'plan: the four accumulation types, coherent',
      sheets: [
        planSheet([
          { goalCode: '1905001', accumulation: 'Suma', yearGoal: 1000, planned: [250, 250, 250, 250] },
          { goalCode: '1905002', accumulation: 'Creciente', baseline: 40, yearGoal: 100, planned: [40, 60, 80, 100] },
          { goalCode: '1905003', accumulation: 'Constante', yearGoal: 95, planned: [95, 95, 95, 95] },
          { goalCode: '1905004', accumulation: 'Decreciente', baseline: 20, yearGoal: 12, planned: [18, null, 14, 12] },
          { goalCode: '1905005', accumulation: 'Suma', yearGoal: 10, planned: [null, 5, null, 5] },
        ]),
      ],
    },
    { name: 'capture: coherent suma', sheets: [captureSheet([{}])] },
  ],
  invalid: [
    {
      name: 'plan: suma whose programming adds up to 950 for a meta of 1.000',
      sheets: [planSheet([{ planned: [250, 250, 250, 200] }])],
      expected: [{ cell: planCell('yearGoal', 0), goal: '1905001', contains: ['suma 950', 'T4 200', 'meta vigencia es 1.000', 'Suma'] }],
    },
    {
      name: 'plan: creciente that falls in T3; constante off in T2; decreciente without línea base',
      sheets: [
        planSheet([
          { goalCode: '1905002', accumulation: 'Creciente', yearGoal: 100, planned: [40, 60, 50, 100] },
          { goalCode: '1905003', accumulation: 'Constante', yearGoal: 95, planned: [95, 90, 95, 95] },
          { goalCode: '1905004', accumulation: 'Decreciente', baseline: null, yearGoal: 12, planned: [18, 16, 14, 12] },
        ]),
      ],
      expected: [
        { cell: planCell('planned3', 0), goal: '1905002', contains: ['«Programado T3»', '(50)', '(60)', 'Creciente'] },
        { cell: planCell('planned2', 1), goal: '1905003', contains: ['«Programado T2»', '(90)', '(95)', 'Constante'] },
        { cell: planCell('baseline', 2), goal: '1905004', contains: ['Decreciente', 'meta vigencia 12', 'línea base'] },
      ],
    },
    {
      name: 'plan: creciente whose last period is not the meta',
      sheets: [planSheet([{ accumulation: 'Creciente', yearGoal: 100, planned: [40, 60, 80, 90] }])],
      expected: [{ cell: planCell('planned4', 0), contains: ['«Programado T4» = 90', '(100)'] }],
    },
    {
      name: 'capture: suma that adds up to 1.100',
      sheets: [captureSheet([{ planned: [300, 300, 250, 250] }])],
      expected: [{ cell: captureCell('yearGoal', 0), goal: '1905001', contains: ['suma 1.100', '1.000'] }],
    },
    {
      name: 'capture with months: 12 × 10 = 120 for a meta of 100',
      sheets: [
        monthCaptureSheet([
          { goalCode: 'GOB-01', goal: 'Atender 100 solicitudes', unit: 'Secretaría de Gobierno', accumulation: 'Suma', yearGoal: 100, planned: Array<number>(12).fill(10), executed: Array<null>(12).fill(null) },
        ]),
      ],
      expected: [{ cell: 'E5', contains: ['suma 120', 'Ene 10', 'Dic 10', 'meta vigencia es 100', 'meses'] }],
    },
  ],
});
