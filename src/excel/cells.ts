/**
 * Plain blocks of values written into the workbook (`SheetWrite`, app/ports.ts): the approved plan
 * in its very hidden sheet and the rows of «Control de cambios» (app/approval.ts says what).
 *
 * One batch, one sync for the writes: each block is one range whose number formats are set before
 * its values (a '@' column keeps a code such as «0105001» as text: Excel converts typed text that
 * reads as a number or a date). A sheet created here is made very hidden after it is written; an
 * existing one is written over, never deleted (Excel refuses to delete a very hidden sheet,
 * test/excel-double/CATALOG.md 1).
 */
import type { SheetWrite } from '../app/ports';
import { rangeAddress } from '../domain/grid';
import type { Capabilities } from './capabilities';
import { isNull } from './batch';
import { ExcelHostError } from './errors';

export async function writeCellsIn(ctx: Excel.RequestContext, writes: readonly SheetWrite[], caps: Capabilities): Promise<void> {
  const found = writes.map((w) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(w.sheet);
    ws.load('name');
    return ws;
  });
  await ctx.sync();
  const created = new Map<string, Excel.Worksheet>();
  writes.forEach((w, i) => {
    let ws: Excel.Worksheet | undefined = isNull(found[i]) ? created.get(w.sheet) : found[i];
    if (!ws) {
      if (!w.create) throw new ExcelHostError('not-found', `No se encontró la hoja «${w.sheet}»: ¿se cambió su nombre o se eliminó?`);
      ws = ctx.workbook.worksheets.add(w.sheet);
      created.set(w.sheet, ws);
      if (w.header && caps.freezePanes) ws.freezePanes.freezeRows(w.top);
    }
    const rows = w.values.length;
    const cols = Math.max(1, ...w.values.map((r) => r.length));
    if (rows === 0) return;
    const range = ws.getRange(rangeAddress({ top: w.top, left: w.left, bottom: w.top + rows - 1, right: w.left + cols - 1 }));
    if (w.formats) range.numberFormat = w.values.map(() => Array.from({ length: cols }, (_, j) => w.formats?.[j] ?? 'General'));
    range.values = w.values.map((r) => Array.from({ length: cols }, (_, j) => r[j] ?? '')) as unknown[][];
    if (created.get(w.sheet) === ws && w.header) {
      ws.getRange(rangeAddress({ top: w.top, left: w.left, bottom: w.top, right: w.left + cols - 1 })).format.font.bold = true;
    }
  });
  for (const w of writes) {
    const ws = created.get(w.sheet);
    if (ws && w.create === 'veryHidden') ws.visibility = 'VeryHidden';
  }
  await ctx.sync();
}
