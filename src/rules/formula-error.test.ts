import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet, planCell, planMerge, planSheet } from '../../test/helpers/sheets';

ruleTable('formula-error', {
  valid: [
    { name: 'formulas with results', sheets: [planSheet([{ amount: { formula: '5000000*2', result: 10_000_000 } }])] },
  ],
  invalid: [
    {
      name: 'plan: #REF! in Meta vigencia',
      sheets: [planSheet([{ yearGoal: { error: '#REF!' } }])],
      expected: [{ cell: planCell('yearGoal', 0), goal: '1905001', contains: ['#REF!', '«Meta vigencia»', 'ya no existe'] }],
    },
    {
      name: 'plan: one merged #N/A over three rows is one finding',
      sheets: [planSheet([{ program: { error: '#N/A' } }, {}, {}], { merges: [planMerge('program', 0, 2)] })],
      expected: [{ cell: planCell('program', 0), contains: ['#N/A'] }],
    },
    {
      name: 'capture: #DIV/0! in % avance',
      sheets: [captureSheet([{ progressDeclared: { error: '#DIV/0!' } }])],
      expected: [{ cell: captureCell('progressDeclared', 0), contains: ['#DIV/0!', '«% avance»', 'divide por cero'] }],
    },
  ],
});
