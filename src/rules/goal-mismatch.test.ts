import { ruleTable } from '../../test/helpers/rule-table';
import { planCell, planGoalMerges, planSheet } from '../../test/helpers/sheets';

ruleTable('goal-mismatch', {
  valid: [
    { name: 'goal attributes repeated on every row', sheets: [planSheet([{}, {}, {}])] },
    { name: 'goal attributes merged over the rows', sheets: [planSheet([{}, {}, {}], { merges: planGoalMerges(0, 2) })] },
    { name: 'spelling differences only', sheets: [planSheet([{}, { goal: 'VACUNAR 1.000 niños menores de 5 años.' }])] },
    { name: 'a blank is not a disagreement', sheets: [planSheet([{}, { unitOfMeasure: null, weight: null }])] },
  ],
  invalid: [
    {
      name: 'second row with another Meta vigencia',
      sheets: [planSheet([{}, { yearGoal: 900 }])],
      expected: [{ cell: planCell('yearGoal', 1), goal: '1905001', contains: ['«Meta vigencia»', 'aquí dice 900', 'allá 1.000', 'fila 5'] }],
    },
    {
      name: 'third row with another goal text and Programado T3, each cell reported',
      sheets: [planSheet([{}, {}, { goal: 'Vacunar 800 niños', planned: [250, 250, 200, 250] }])],
      expected: [
        { cell: planCell('goal', 2), contains: ['«Vacunar 800 niños»', '«Vacunar 1.000 niños menores de 5 años»'] },
        { cell: planCell('planned3', 2), contains: ['«Programado T3»', '200', '250'] },
      ],
    },
    {
      name: 'another unit and tipo de acumulación',
      sheets: [planSheet([{}, { unit: 'Secretaría de Gobierno', accumulation: 'Creciente' }])],
      expected: [
        { cell: planCell('accumulation', 1), contains: ['aquí dice Creciente y allá Suma'] },
        { cell: planCell('unit', 1), contains: ['«Secretaría de Gobierno»', '«Secretaría de Salud»'] },
      ],
    },
  ],
});
