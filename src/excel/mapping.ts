/**
 * office-js side of the mapping stored in the workbook (`domain/mapping.ts` says where: the very
 * hidden sheet `_tablero_pdm_mapa`, the JSON in column A from row 3). The sheet is created once
 * and never deleted — Excel cannot delete a very hidden sheet (test/excel-double/CATALOG.md #1) —
 * a new mapping overwrites its cells, and cells below the new text are emptied. Column A is
 * formatted as text (`@`) in an earlier operation of the same batch than the values, so nothing in
 * the JSON can turn into a formula (CATALOG.md #13); each piece stays under 32,767 characters (#7).
 */
import { MAPPING_SHEET, mappingSheetRows, type WorkbookMapping } from '../domain/mapping';
import { parseRange } from '../domain/grid';
import { isNull } from './batch';

/** Writes `mapping` into the workbook's mapping sheet (created very hidden when missing). Two syncs. */
export async function writeMappingIn(ctx: Excel.RequestContext, mapping: WorkbookMapping): Promise<void> {
  const existing = ctx.workbook.worksheets.getItemOrNullObject(MAPPING_SHEET);
  existing.load('name');
  await ctx.sync();
  let sheet: Excel.Worksheet;
  let oldBottom = 0;
  if (isNull(existing)) {
    sheet = ctx.workbook.worksheets.add(MAPPING_SHEET);
    sheet.visibility = 'VeryHidden';
  } else {
    sheet = existing;
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address');
    await ctx.sync();
    oldBottom = isNull(used) ? 0 : (parseRange(used.address)?.bottom ?? 0);
  }
  const rows = mappingSheetRows(mapping);
  const n = Math.max(rows.length, oldBottom);
  const values = Array.from({ length: n }, (_, i) => [rows[i] ?? '']);
  const range = sheet.getRange(`A1:A${n}`);
  range.numberFormat = values.map(() => ['@']);
  range.values = values;
  await ctx.sync();
}
