/**
 * The bench's yardstick for issue 9's reading goal (`bench/filing-day-reader.ts`: the capture
 * sheet read as `validar` read it on 3/12, through exceljs's streaming reader) must read what the
 * product reads, or the «formatos» section would compare the real formats with a different reading.
 * On a synthetic capture sheet and on a workbook with merged areas and a text split by the
 * inflater's chunks, its grids are the product's (`readGridsStreaming`).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import { buildZip } from '../helpers/zip';
import { openZip, readPart } from '../../src/xlsx/zip';
import * as path from 'node:path';
import { tempDir } from '../cli/io';
import { writeSyntheticCapture } from '../../bench/run';
import { readGridsAsOnFilingDay } from '../../bench/filing-day-reader';
import { readGridsStreaming } from '../../src/xlsx/stream-read';
import type { WorkbookGrids } from '../../src/domain/grid';

const { dir, cleanup } = tempDir('tablero-yardstick-');
afterAll(cleanup);

const plain = (g: WorkbookGrids) => g.sheets.map((s) => ({ name: s.name, values: s.values, numberFormats: s.numberFormats, merges: s.merges }));

test('the 3/12 reader gives the product’s grids for the synthetic capture sheet', async () => {
  const file = path.join(dir, 'captura.xlsx');
  await writeSyntheticCapture(file, 300);
  const bytes = await fs.readFile(file);
  const today = await readGridsStreaming(bytes, 'captura.xlsx');
  expect(today.sheets[0].values.length).toBeGreaterThan(300);
  expect(plain(await readGridsAsOnFilingDay(bytes, 'captura.xlsx'))).toEqual(plain(today));
}, 60_000);

test('merged areas are blanked and long Spanish texts come out whole', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan de acción');
  ws.addRow(['Meta', 'Dependencia', 'Avance']);
  for (let i = 0; i < 3_000; i++) ws.addRow([`Meta ${i}: construcción de la sede múltiple — vigencia ${2024 + (i % 4)}`, 'Secretaría de Educación', i / 3000]);
  // The merged area written into the XML with the covered cells keeping their values (as other
  // tools write them), so the reader has to blank B3 and B4 itself.
  const zip = openZip(Buffer.from(await wb.xlsx.writeBuffer()));
  const bytes = buildZip(
    zip.entries.map((e) => {
      const data = readPart(zip, e.name) ?? Buffer.alloc(0);
      if (e.name !== 'xl/worksheets/sheet1.xml') return { name: e.name, data };
      const xml = data.toString('utf8');
      expect(xml).toContain('</sheetData>');
      return { name: e.name, data: xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="B2:B4"/></mergeCells>') };
    }),
  );
  const today = await readGridsStreaming(bytes, 'combinadas.xlsx');
  expect(today.sheets[0].values[1]?.[1]).toBe('Secretaría de Educación');
  expect(today.sheets[0].values[2]?.[1]).toBeUndefined();
  expect(today.sheets[0].values[4]?.[1]).toBe('Secretaría de Educación');
  expect(today.sheets[0].values[2999]?.[0]).toBe('Meta 2998: construcción de la sede múltiple — vigencia 2026');
  expect(plain(await readGridsAsOnFilingDay(bytes, 'combinadas.xlsx'))).toEqual(plain(today));
}, 60_000);
