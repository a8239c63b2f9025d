/**
 * real-formats.md «Never silent», in the pane: Generar and the Informe on a workbook whose data
 * sheet was read without one goal (Tenjo's PDM with its goal code and execution columns reworded
 * beyond recognition) refuse with the sentence `tablero reporte` gives, pointing to «En
 * este libro» — no Tablero of «0 metas» is written into the workbook.
 */
import ExcelJS from 'exceljs';
import { createExcelWiring } from '../../src/excel/wiring';
import { createPaneUseCases } from '../../src/app/pane';
import { gridsOfWorkbook } from '../../src/xlsx/read';
import { sheetsOfGrids } from '../browser/fixture';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { repoRoot } from '../cli/io';
import { doubleWith, excelOf, officeOf } from './harness';

const tenjo = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'tenjo-pdm-seguimiento.xlsx');
const maybe = existsSync(tenjo) ? it : it.skip;
const noProgress = { report: () => undefined };
const notCancelled = { cancelled: false };

maybe('Generar and Informe refuse a data sheet with no goal, in the pane\'s words; nothing is written', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(tenjo);
  const ws = wb.getWorksheet('PDM')!;
  // As test/real-layouts/header-variants.test.ts: the goal code and every «EJECUTADO» reworded.
  ws.getRow(1).eachCell((c) => {
    if (typeof c.value !== 'string') return;
    c.value = /^COD META PRODUCTO$/.test(c.value) ? 'Identificador XYZ' : c.value.replace('EJECUTADO', 'LOGRADO');
  });
  const xl = doubleWith({ workbookName: 'tenjo-irreconocible.xlsx' });
  for (const sheet of sheetsOfGrids(gridsOfWorkbook(wb, 'tenjo-irreconocible.xlsx'))) xl.addSheet(sheet);
  const wiring = createExcelWiring({ excel: excelOf(xl), office: officeOf(xl) });
  const pane = createPaneUseCases(wiring.generateSheet);
  const grids = await wiring.host.readGrids('workbook');
  const before = JSON.stringify(xl.snapshot());

  const generating = pane.generate('tablero', grids, {}, noProgress, notCancelled);
  await expect(generating).rejects.toThrow(/En la hoja «PDM» \(.*\) de «tenjo-irreconocible\.xlsx» no se encontró ninguna meta que medir/);
  await expect(pane.generate('tablero', grids, {}, noProgress, notCancelled)).rejects.toThrow(/«En este libro»/);
  await expect(pane.informe(grids, {}, false)).rejects.toThrow(/no se encontró ninguna meta que medir.*«En este libro»/);
  // Nothing written: not a sheet, not a cell.
  expect(JSON.stringify(xl.snapshot())).toBe(before);
});
