/**
 * Contract: the mapping the pane stores (office-js adapter over the Excel double, `saveMapping`)
 * is read the same by both hosts — the double's `readGrids` (whole workbook and active sheet)
 * and the xlsx host (exceljs and the streaming reader) on the workbook saved with that sheet —
 * and gives the same reading and findings. Excel's rules hold: the sheet is very hidden and never
 * deleted (CATALOG.md #1), no cell passes 32,767 characters (#7), a shorter mapping leaves no
 * stale piece behind.
 */
import { gridsOfWorkbook } from '../../src/xlsx/read';
import { readGridsStreaming } from '../../src/xlsx/stream-read';
import { MAPPING_SHEET, storedMappingText, type WorkbookMapping } from '../../src/domain/mapping';
import { createPaneUseCases, storedMappingOf } from '../../src/app/pane';
import type { WorkbookGrids } from '../../src/domain/grid';
import { unkey } from '../excel-double/state';
import { hostOn } from '../excel-double/harness';
import type { ExcelDouble } from '../excel-double/index';
import { doubleFromWorkbook, workbookOf } from './hosts';
import { UNKNOWN_SHEET, unknownLayoutMapping, unknownLayoutWorkbook, withSavedSheet, type SavedSheet } from '../helpers/unknown-layout';

function savedSheet(xl: ExcelDouble, name: string): SavedSheet {
  const s = xl.wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  const cells: [number, number, string | number | boolean][] = [];
  for (const [k, c] of s.cells) if (c.v !== null && c.v !== '') cells.push([unkey(k).row, unkey(k).col, c.v]);
  return { name, visibility: s.visibility, cells };
}

const useCases = createPaneUseCases(async () => 'x');
async function validated(grids: WorkbookGrids) {
  const stored = await storedMappingOf(grids);
  const o = await useCases.validate(grids, {}, stored);
  return { stored, counts: [o.errors, o.warnings], findings: o.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`).sort() };
}

describe('contract: the mapping stored in the workbook', () => {
  let renamed: Buffer;
  beforeAll(async () => {
    renamed = await unknownLayoutWorkbook(true);
  }, 30000);

  it('the double (whole workbook and active sheet) and the xlsx host read the same mapping, reading and findings', async () => {
    const xl = doubleFromWorkbook(await workbookOf(renamed));
    xl.setActive(UNKNOWN_SHEET);
    const host = hostOn(xl);
    const mapping = unknownLayoutMapping as WorkbookMapping;
    await host.saveMapping(mapping);
    expect(xl.wb.sheets.map((s) => `${s.name}:${s.visibility}`)).toContain(`${MAPPING_SHEET}:VeryHidden`);

    const excelWorkbook = await host.readGrids('workbook');
    const excelActive = await host.readGrids('active');
    const saved = await withSavedSheet(renamed, savedSheet(xl, MAPPING_SHEET));
    const xlsxWhole = gridsOfWorkbook(await workbookOf(saved), 'libro.xlsx');
    const xlsxStream = await readGridsStreaming(saved, 'libro.xlsx');

    const text = JSON.stringify(mapping);
    for (const g of [excelWorkbook, excelActive, xlsxWhole, xlsxStream]) expect(storedMappingText(g)).toBe(text);

    const byExcel = await validated(excelWorkbook);
    expect(byExcel.stored.mapping).toEqual(mapping);
    for (const g of [excelActive, xlsxWhole, xlsxStream]) expect(await validated(g)).toEqual(byExcel);
    // …and the mapping changed the reading: without it the findings differ.
    expect((await useCases.validate(xlsxWhole, {}, {})).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`).sort()).not.toEqual(byExcel.findings);
  });

  it('a second, shorter mapping overwrites the first (no stale pieces), and the sheet is never deleted', async () => {
    const xl = doubleFromWorkbook(await workbookOf(renamed));
    const host = hostOn(xl);
    // Longer than a cell holds: split in pieces under Excel's 32,767 characters (the double refuses longer text).
    const long: WorkbookMapping = { hojas: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`Hoja ${i} ${'x'.repeat(80)}`.slice(0, 100), { columnas: { goal: 'Descripción de la meta'.repeat(4) } }])) };
    await host.saveMapping(long);
    const pieces = savedSheet(xl, MAPPING_SHEET).cells.filter(([r]) => r >= 3);
    expect(pieces.length).toBeGreaterThan(1);
    expect(storedMappingText(await host.readGrids('workbook'))).toBe(JSON.stringify(long));
    const short: WorkbookMapping = { hojas: { [UNKNOWN_SHEET]: { columnas: { goalCode: 'C' } } } };
    await host.saveMapping(short);
    const grids = await host.readGrids('workbook');
    expect(storedMappingText(grids)).toBe(JSON.stringify(short));
    expect(xl.wb.sheets.filter((s) => s.name === MAPPING_SHEET)).toHaveLength(1);
    expect((await storedMappingOf(grids)).mapping).toEqual(short);
  });
});

