/**
 * exceljs side of the product registry (`src/app/registry.ts` says what it is): the very hidden
 * sheet `_tablero_pdm` and the workbook defined names that mark generated sheets.
 *
 * exceljs keeps defined names in a per-name cell matrix (`wb.definedNames`); it has no public
 * "delete a name", so `removeName` drops the name's matrix — the only internal this file touches.
 */
import ExcelJS from 'exceljs';
import {
  REGISTRY_NAME,
  REGISTRY_SHEET,
  SHEET_NAME_PREFIX,
  parseRegistry,
  productKindOf,
  registryValues,
} from '../app/registry';
import type { NamedSheetRef, Registry } from '../app/registry';
import type { GeneratedKind } from '../sheets/model';
import { plainValue } from './read';
import type { CellValue } from '../domain/grid';

/** `'Hoja x'!$A$1` → `Hoja x`. */
function sheetOfRef(ref: string): string | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(ref);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

function quotedRef(sheet: string, cell = '$A$1'): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Every defined name of the workbook with the sheet of its first range. */
export function definedNames(wb: ExcelJS.Workbook): NamedSheetRef[] {
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  return model.map((n) => ({ name: n.name, sheet: n.ranges.length ? sheetOfRef(n.ranges[0]) : null }));
}

export function removeName(wb: ExcelJS.Workbook, name: string): void {
  const internal = wb.definedNames as unknown as { matrixMap: Record<string, unknown> };
  delete internal.matrixMap[name];
}

export function addName(wb: ExcelJS.Workbook, name: string, sheet: string, cell = '$A$1'): void {
  removeName(wb, name);
  wb.definedNames.add(quotedRef(sheet, cell), name);
}

export function readRegistry(wb: ExcelJS.Workbook): Registry {
  const ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) return { entries: [] };
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vr: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      vr[c - 1] = plainValue(cell.value);
    });
    values[r - 1] = vr;
  });
  return parseRegistry(values);
}

/** Rewrites the registry sheet (created very hidden when missing); an empty registry removes it. */
export function writeRegistry(wb: ExcelJS.Workbook, reg: Registry): void {
  const old = wb.getWorksheet(REGISTRY_SHEET);
  if (old) wb.removeWorksheet(old.id);
  removeName(wb, REGISTRY_NAME);
  if (reg.entries.length === 0) return;
  const ws = wb.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
  registryValues(reg).forEach((row, i) => {
    row.forEach((v, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = v;
      cell.numFmt = '@';
    });
  });
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 20;
  ws.getColumn(4).width = 80;
  addName(wb, REGISTRY_NAME, REGISTRY_SHEET);
}

/** Kind of a worksheet when the product generated it, else `null` (a person's sheet). */
export function productKindOfSheet(wb: ExcelJS.Workbook, sheet: string, reg: Registry = readRegistry(wb)): GeneratedKind | null {
  return productKindOf(sheet, definedNames(wb), reg);
}

/** Names marking generated sheets that no longer exist (the sheet was deleted) — to be dropped. */
export function staleMarkers(wb: ExcelJS.Workbook): string[] {
  const sheets = new Set(wb.worksheets.map((w) => w.name));
  return definedNames(wb)
    .filter((n) => n.name.startsWith(SHEET_NAME_PREFIX) && (n.sheet === null || !sheets.has(n.sheet)))
    .map((n) => n.name);
}
