import { ruleTable } from '../../test/helpers/rule-table';
import { captureCell, captureSheet } from '../../test/helpers/sheets';

const late = { executed: [100, 100, null, null] as [number, number, null, null], executedTotal: 200, progressDeclared: 20 };

ruleTable('analysis-required', {
  valid: [
    { name: 'a goal on schedule needs no analysis', sheets: [captureSheet([{ analysis: null }])] },
    { name: 'a late goal with its analysis', sheets: [captureSheet([{ ...late, analysis: 'Retraso en la entrega de biológicos por el proveedor.' }])] },
    { name: 'an eliminated goal', sheets: [captureSheet([{ ...late, analysis: null, goalState: 'Eliminada' }])] },
    // real-formats.md: a rule whose column the sheet does not have does not fire.
    { name: 'a late goal on a sheet without an analysis column', sheets: [captureSheet([{ ...late }], { omit: ['analysis'] })] },
    { name: 'nothing due yet', sheets: [captureSheet([{ planned: [0, 0, 500, 500], executed: [null, null, null, null], executedTotal: null, progressDeclared: null, analysis: null }])] },
  ],
  invalid: [
    {
      name: 'atrasada: 200 of 500 due (40 %)',
      sheets: [captureSheet([{ ...late, analysis: null }])],
      expected: [{ cell: captureCell('analysis', 0), goal: '1905001', contains: ['atrasada', '(30/06/2025)', 'cumplimiento 40 %', 'ejecutado 200 de 500'] }],
    },
    {
      name: 'no iniciada: 500 due and no report',
      sheets: [captureSheet([{ executed: [null, null, null, null], executedTotal: null, progressDeclared: null, analysis: null }])],
      expected: [{ cell: captureCell('analysis', 0), contains: ['no ha iniciado', 'programado 500'] }],
    },
    {
      name: 'sobreejecutada: 1.400 of 1.000',
      sheets: [captureSheet([{ executed: [800, 600, null, null], executedTotal: 1400, progressDeclared: 140, analysis: null }])],
      expected: [{ cell: captureCell('analysis', 0), contains: ['sobreejecutada', '140 %', 'ejecutado 1.400', 'meta vigencia de 1.000'] }],
    },
  ],
});
