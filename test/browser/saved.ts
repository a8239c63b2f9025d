/**
 * "Save" of the Excel double's workbook as an .xlsx (Node side of the browser tests): each sheet
 * with its visibility, cell values, number formats and merged areas — what Excel keeps when the
 * person saves — written with exceljs, so the `tablero` command reads what the pane wrote.
 * Fills and notes (the pane's marks) are left out: no rule reads them.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

interface SnapshotCell {
  readonly at: string;
  readonly v: string | number | boolean | null;
  readonly error?: string;
  readonly nf?: string;
}

interface Snapshot {
  readonly sheets: readonly { name: string; visibility: 'Visible' | 'Hidden' | 'VeryHidden'; cells: SnapshotCell[]; merges: string[] }[];
}

const states = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

export async function saveDouble(page: Page, file: string): Promise<void> {
  await writeSnapshot(await page.evaluate(() => (window as unknown as { __excelDouble: { snapshot(): unknown } }).__excelDouble.snapshot()), file);
}

/** The double's `snapshot()` (in the page or in Node) saved as an .xlsx. */
export async function writeSnapshot(snapshot: unknown, file: string): Promise<void> {
  const snap = snapshot as Snapshot;
  const wb = new ExcelJS.Workbook();
  for (const s of snap.sheets) {
    const ws = wb.addWorksheet(s.name, { state: states[s.visibility] });
    for (const c of s.cells) {
      const cell = ws.getCell(c.at);
      if (c.error) cell.value = { error: c.error as ExcelJS.CellErrorValue['error'] };
      else if (c.v !== null) cell.value = c.v;
      if (c.nf && c.nf !== 'General') cell.numFmt = c.nf;
    }
    for (const m of s.merges) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}
