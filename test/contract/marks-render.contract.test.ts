/**
 * Contract: the same mark plan and the same sheet models written through the xlsx host (exceljs)
 * and through the office-js adapter (over the Excel double) give the same cells, the same
 * conditional-format ranges, the same notes, the same registry — and clearing gives both
 * workbooks back exactly as they were.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { gridsOfWorkbook } from '../../src/xlsx/read';
import { applyMarks, clearMarks, noteTextOf } from '../../src/xlsx/marks';
import { readRegistry } from '../../src/xlsx/registry';
import { drawSheet } from '../../src/xlsx/render';
import { generate, prepare } from '../../src/app/generate';
import { parseRegistry, REGISTRY_SHEET } from '../../src/app/registry';
import { markSeverityOf } from '../../src/app/marks';
import type { SheetModel } from '../../src/sheets/model';
import { cellAddress } from '../../src/domain/grid';
import { hostOn } from '../excel-double/harness';
import type { ExcelDouble } from '../excel-double/index';
import { colLetters, unkey, areaAddress } from '../excel-double/state';
import { doubleFromWorkbook, serialOf, workbookOf } from './hosts';

const root = path.resolve(__dirname, '..', '..');
const example = () => readFileSync(path.join(root, 'examples', 'hoja-captura-T2-2025.xlsx'));

async function generated(bytes: Buffer) {
  const wb = await workbookOf(bytes);
  const { workbook, options } = prepare(gridsOfWorkbook(wb, 'x.xlsx'), [], { cutoff: '2025-06-30' }, '2025-07-10');
  return generate({ workbook, options, workbookName: 'x.xlsx', generatedAt: '2025-07-10T09:30' });
}

/** exceljs notes and CF ranges of a sheet. */
function xlsxMarks(wb: ExcelJS.Workbook, sheet: string) {
  const ws = wb.getWorksheet(sheet)!;
  const notes: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const t = noteTextOf(cell.note);
      if (t !== null) notes[cellAddress(r, c)] = t;
    }),
  );
  const cfs = (((ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? []) as ExcelJS.ConditionalFormattingOptions[])
    .map((cf) => ({ severity: markSeverityOf((cf.rules[0] as { formulae?: string[] }).formulae?.[0]), ranges: cf.ref.split(' ').sort() }))
    .filter((x) => x.severity);
  return { notes, cfs: cfs.sort((a, b) => String(a.severity).localeCompare(String(b.severity))) };
}

function doubleMarks(xl: ExcelDouble, sheet: string) {
  const s = xl.sheet(sheet);
  const notes = Object.fromEntries(s.notes);
  const cfs = s.cfs
    .map((cf) => ({ severity: markSeverityOf(cf.props['custom.rule.formula'] as string), ranges: cf.areas.map(areaAddress) }))
    .filter((x) => x.severity);
  // The adapter may split one severity over several address strings: join them.
  const joined = new Map<string, string[]>();
  for (const c of cfs) joined.set(String(c.severity), [...(joined.get(String(c.severity)) ?? []), ...c.ranges]);
  return { notes, cfs: [...joined].map(([severity, ranges]) => ({ severity, ranges: ranges.sort() })).sort((a, b) => a.severity.localeCompare(b.severity)) };
}

function doubleRegistry(xl: ExcelDouble) {
  const s = xl.sheet(REGISTRY_SHEET);
  const rows: (string | number | boolean | null)[][] = [];
  for (const [k, c] of s.cells) {
    const { row, col } = unkey(k);
    (rows[row - 1] ??= [])[col - 1] = c.v;
  }
  return parseRegistry(rows);
}

describe('contract: marks', () => {
  test('the same plan gives the same ranges, notes and registry; clearing restores both exactly', async () => {
    const bytes = example();
    const gen = await generated(bytes);
    expect(gen.marks.cells).toBeGreaterThan(0);
    // A person's own note on a marked cell, in both hosts.
    const firstNote = gen.marks.sheets[0].notes[0];
    const wbX = await workbookOf(bytes);
    wbX.getWorksheet(gen.marks.sheets[0].sheet)!.getCell(firstNote.cell).note = 'Nota de la persona';
    const xl = doubleFromWorkbook(wbX);
    const beforeX = xlsxMarks(wbX, gen.marks.sheets[0].sheet);
    const beforeD = JSON.stringify(xl.snapshot());

    applyMarks(wbX, gen.marks);
    const host = hostOn(xl);
    await host.applyMarkPlan(gen.marks);

    for (const sm of gen.marks.sheets) expect(doubleMarks(xl, sm.sheet)).toEqual(xlsxMarks(wbX, sm.sheet));
    expect(doubleRegistry(xl)).toEqual(readRegistry(wbX));

    clearMarks(wbX);
    await host.clearMarks();
    expect(xlsxMarks(wbX, gen.marks.sheets[0].sheet)).toEqual(beforeX);
    expect(JSON.stringify(xl.snapshot())).toBe(beforeD);
  });
});

/** Cells of a rendered exceljs sheet: value (dates as serials, links as text) and number format. */
function xlsxCells(ws: ExcelJS.Worksheet) {
  const out: Record<string, { v: string | number | boolean; f: string }> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const raw = cell.value as unknown;
      const v = raw instanceof Date ? serialOf(raw) : typeof raw === 'object' && raw !== null && 'text' in raw ? String((raw as { text: unknown }).text) : (raw as string | number | boolean);
      if (v === null || v === undefined || v === '') return;
      out[cellAddress(r, c)] = { v, f: typeof v === 'string' ? 'text' : cell.numFmt || 'General' };
    }),
  );
  return out;
}

function doubleCells(xl: ExcelDouble, sheet: string) {
  const out: Record<string, { v: string | number | boolean; f: string }> = {};
  for (const [k, c] of xl.sheet(sheet).cells) {
    if (c.v === null) continue;
    const { row, col } = unkey(k);
    out[`${colLetters(col)}${row}`] = { v: c.v, f: typeof c.v === 'string' ? 'text' : (c.nf ?? 'General') };
    expect(c.formula).toBeUndefined(); // never a formula
  }
  return out;
}

describe('contract: generated sheets', () => {
  test('the tablero, alertas and observaciones models render to the same values and formats in both hosts', async () => {
    const bytes = example();
    const gen = await generated(bytes);
    const models: readonly SheetModel[] = gen.sheets;
    expect(models.length).toBeGreaterThanOrEqual(3);
    const wbX = new ExcelJS.Workbook();
    const xl = doubleFromWorkbook(await workbookOf(bytes));
    const out = await hostOn(xl).renderSheets(models, undefined, undefined, '2025-07-10T09:30');
    models.forEach((m, i) => {
      const ws = drawSheet(wbX, m, out[i].name);
      expect(doubleCells(xl, out[i].name)).toEqual(xlsxCells(ws));
      const mergesX = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
      expect(xl.sheet(out[i].name).merges.map(areaAddress).sort()).toEqual(mergesX);
    });
    // The tablero has a real Excel chart when its model describes one.
    const tablero = models.findIndex((m) => m.kind === 'tablero');
    expect(xl.sheet(out[tablero].name).charts.length).toBe(models[tablero].charts.length);
  });
});
