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
      name: 'capture: one #N/A in Ejecutado acumulado and % avance of a row is one finding, on the first, naming both',
      sheets: [captureSheet([{ executedTotal: { error: '#N/A' }, progressDeclared: { error: '#N/A' } }, {}])],
      expected: [
        {
          cell: captureCell('executedTotal', 0),
          goal: '1905001',
          contains: ['mismo error de Excel #N/A', `(${captureCell('executedTotal', 0)})`, `(${captureCell('progressDeclared', 0)})`, 'suele ser una sola causa'],
        },
      ],
    },
    {
      name: 'capture: #VALUE! in two columns beside a number typed as text names it as the likely cause',
      sheets: [captureSheet([{ executed: ['250,5', 250, null, null], executedTotal: { error: '#VALUE!' }, progressDeclared: { error: '#VALUE!' } }])],
      expected: [{ cell: captureCell('executedTotal', 0), contains: ['#VALUE!', '«250,5»', `(${captureCell('executed1', 0)})`, 'un número escrito como texto', 'Escríbalo como número'] }],
    },
    {
      name: 'capture: two different errors in a row are two causes, two findings',
      sheets: [captureSheet([{ executedTotal: { error: '#REF!' }, progressDeclared: { error: '#DIV/0!' } }])],
      expected: [
        { cell: captureCell('executedTotal', 0), contains: ['#REF!'] },
        { cell: captureCell('progressDeclared', 0), contains: ['#DIV/0!'] },
      ],
    },
    {
      name: 'capture: #DIV/0! in % avance',
      sheets: [captureSheet([{ progressDeclared: { error: '#DIV/0!' } }])],
      expected: [{ cell: captureCell('progressDeclared', 0), contains: ['#DIV/0!', '«% avance»', 'divide por cero'] }],
    },
  ],
});
