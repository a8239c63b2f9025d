/**
 * What a person sees in a workbook, as plain data, for comparing two .xlsx files that should look
 * the same in Excel: sheets (order, name, visibility, views, merges, column widths, conditional
 * formats), every cell (value, style, note) and the defined names. Random ids exceljs gives data
 * bars (`x14Id`) are left out.
 */
import ExcelJS from 'exceljs';

export interface CellView {
  readonly address: string;
  readonly value: unknown;
  readonly style: unknown;
  readonly note: unknown;
}

export interface SheetView {
  readonly name: string;
  readonly state: string;
  readonly views: unknown;
  readonly merges: string[];
  readonly widths: (number | undefined)[];
  readonly conditionalFormats: unknown;
  readonly cells: CellView[];
}

export interface WorkbookView {
  readonly sheets: SheetView[];
  readonly names: [string, string[]][];
}

function plain<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function withoutX14Ids(cfs: unknown): unknown {
  return JSON.parse(JSON.stringify(cfs ?? []), (k, v: unknown) => (k === 'x14Id' ? undefined : v)) as unknown;
}

export function viewOf(wb: ExcelJS.Workbook): WorkbookView {
  const sheets = wb.worksheets.map((ws): SheetView => {
    const cells: CellView[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const style = plain({ font: c.font, fill: c.fill, numFmt: c.numFmt, alignment: c.alignment, border: c.border, protection: c.protection });
        // An empty string and no value are the same empty cell in Excel; exceljs reads an empty
        // shared string as "" but an empty inline string as null.
        const value = c.value === '' ? null : plain(c.value);
        cells.push({ address: c.address, value, style, note: plain(c.note) });
      }),
    );
    const internal = ws as unknown as { _merges: Record<string, unknown>; conditionalFormattings?: unknown };
    return {
      name: ws.name,
      state: ws.state,
      views: plain(ws.views),
      merges: Object.keys(internal._merges).sort(),
      widths: (ws.columns ?? []).map((c) => c.width),
      conditionalFormats: withoutX14Ids(internal.conditionalFormattings),
      cells,
    };
  });
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  const names = model.map((n): [string, string[]] => [n.name, [...n.ranges].sort()]).sort((a, b) => a[0].localeCompare(b[0]) || a[1].join().localeCompare(b[1].join()));
  return { sheets, names };
}

export async function viewOfFile(file: string): Promise<WorkbookView> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return viewOf(wb);
}
