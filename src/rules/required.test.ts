import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet, planCell, planGoalMerges, planSheet } from '../../test/helpers/sheets';

ruleTable('required', {
  valid: [
    { name: 'every required cell filled', sheets: [planSheet([{}, {}])] },
    { name: 'goal cells merged over its activities', sheets: [planSheet([{}, {}, {}], { merges: planGoalMerges(0, 2) })] },
    { name: 'optional cells blank (línea base, ponderación, BPIN)', sheets: [planSheet([{ baseline: null, weight: null, bpin: null }])] },
    { name: 'capture: blank future periods and blank analysis of a goal on schedule', sheets: [captureSheet([{ analysis: null, executed: [250, 250, null, null] }])] },
  ],
  invalid: [
    {
      name: 'plan: blank Responsable',
      sheets: [planSheet([{}, { responsible: null }])],
      expected: [{ cell: planCell('responsible', 1), goal: '1905001', contains: ['«Responsable»', 'meta 1905001', 'plan de acción'] }],
    },
    {
      name: 'plan: blank Fecha fin and Fuente in one row',
      sheets: [planSheet([{ endDate: null, source: null }])],
      expected: [
        { cell: planCell('endDate', 0), contains: ['«Fecha fin»'] },
        { cell: planCell('source', 0), contains: ['«Fuente de financiación»'] },
      ],
    },
    {
      name: 'capture: blank Meta de producto',
      sheets: [captureSheet([{ goal: null }])],
      expected: [{ cell: captureCell('goal', 0), goal: '1905001', contains: ['«Meta de producto»', 'hoja de captura'] }],
    },
  ],
});
