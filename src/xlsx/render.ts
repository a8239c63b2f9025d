/**
 * exceljs renderer of the sheet model (`src/sheets/model.ts`). It TRANSLATES the model — values,
 * named styles, merges, conditional formats, widths, heights, frozen panes, print setup, internal
 * links — and decides nothing about layout.
 *
 * - Strings are written as string values, never as formulas (exceljs only writes a formula for
 *   a `{ formula }` value; a string `"=HYPERLINK(…)"` is a shared string). Cells marked
 *   `text: true` (text from a person's workbook) also get the Text number format `@`, so editing
 *   the cell in Excel (F2, Enter) keeps it text: the file-level equivalent of a quote prefix. After
 *   writing, each such cell is checked to be a string cell (`assertText`).
 * - Charts: exceljs cannot write charts. The caller adds the model's `ChartSpec`s to the finished
 *   package as chart parts (`chart-parts.ts`); the office-js renderer inserts the same charts.
 * - Regeneration replaces a sheet only when the product made it (registry + marker name, see
 *   `src/app/registry.ts`); a person's sheet of the same name is left alone and the new sheet
 *   takes a free name ("Tablero de control (2)").
 * - Generated sheets go first, in the order given, and the first becomes the active tab; every
 *   other sheet is unselected (two selected tabs would group them in Excel).
 */
import ExcelJS from 'exceljs';
import type { CellStyle, ConditionalFormat, ModelCell, SheetModel } from '../sheets/model';
import { quoteSheet, rangeAddress } from '../domain/grid';
import { nextSheetMarker, placeGeneratedSheet } from '../app/registry';
import type { GeneratedEntry, Registry } from '../app/registry';
import { addName, definedNames, productKindOfSheet, readRegistry, removeName, staleMarkers, writeRegistry } from './registry';
import { parts } from '../domain/dates';

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

function fontOf(s: CellStyle): Partial<ExcelJS.Font> | undefined {
  if (!s.font) return undefined;
  const f: Partial<ExcelJS.Font> = { name: 'Calibri', size: s.font.size ?? 10 };
  if (s.font.bold) f.bold = true;
  if (s.font.italic) f.italic = true;
  if (s.font.underline) f.underline = true;
  if (s.font.color) f.color = { argb: argb(s.font.color) };
  return f;
}

function borderOf(s: CellStyle): Partial<ExcelJS.Borders> | undefined {
  if (!s.border) return undefined;
  const out: Partial<ExcelJS.Borders> = {};
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const b = s.border[side];
    if (b) out[side] = { style: b.weight, color: { argb: argb(b.color) } };
  }
  return out;
}

function alignmentOf(s: CellStyle): Partial<ExcelJS.Alignment> | undefined {
  if (!s.horizontal && !s.vertical && !s.wrap && !s.indent) return undefined;
  const a: Partial<ExcelJS.Alignment> = {};
  if (s.horizontal) a.horizontal = s.horizontal;
  if (s.vertical) a.vertical = s.vertical;
  if (s.wrap) a.wrapText = true;
  if (s.indent) a.indent = s.indent;
  return a;
}

function isoToDate(iso: string): Date {
  const { year, month, day } = parts(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * Merges the model's areas. exceljs's `mergeCells` compares each new area with every merge the
 * sheet already has (quadratic: 26,000 lagging goals with merged analysis cells took minutes), so
 * the overlap check is made here once with a set of covered cells, and each area is merged with
 * exceljs's own code against an empty merge index, then added to the sheet's index.
 */
function mergeAll(ws: ExcelJS.Worksheet, merges: readonly { top: number; left: number; bottom: number; right: number }[]): void {
  const covered = new Set<string>();
  const internal = ws as unknown as { _merges: Record<string, unknown> };
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const key = `${r}:${c}`;
        if (covered.has(key)) throw new Error(`combinación superpuesta en «${ws.name}» (fila ${r}, columna ${c})`);
        covered.add(key);
      }
    }
    const all = internal._merges;
    internal._merges = {};
    try {
      ws.mergeCells(m.top, m.left, m.bottom, m.right);
      Object.assign(all, internal._merges);
    } finally {
      internal._merges = all;
    }
  }
}

function writeCell(ws: ExcelJS.Worksheet, c: ModelCell, style: CellStyle | undefined): void {
  const cell = ws.getCell(c.row, c.col);
  if (c.value !== null) {
    if (c.date && typeof c.value === 'string') cell.value = isoToDate(c.value);
    else if (c.error && typeof c.value === 'string') cell.value = { error: c.value } as ExcelJS.CellErrorValue;
    else if (c.link && typeof c.value === 'string') {
      cell.value = { text: c.value, hyperlink: `${quoteSheet(c.link.sheet)}!${c.link.cell}`, tooltip: `Ir a ${c.link.sheet}!${c.link.cell}` };
    } else cell.value = c.value;
  }
  if (style) {
    const font = fontOf(style);
    if (font) cell.font = font;
    if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
    const al = alignmentOf(style);
    if (al) cell.alignment = al;
    const b = borderOf(style);
    if (b) cell.border = b;
    if (style.numberFormat) cell.numFmt = style.numberFormat;
  }
  if (c.text) cell.numFmt = '@';
}

/** Throws when a text cell did not end up as a plain string cell (defence in depth). */
function assertText(ws: ExcelJS.Worksheet, c: ModelCell): void {
  if (typeof c.value !== 'string' || c.date || c.error) return;
  const cell = ws.getCell(c.row, c.col);
  const t = cell.type;
  if (t !== ExcelJS.ValueType.String && t !== ExcelJS.ValueType.Hyperlink && t !== ExcelJS.ValueType.Merge) {
    throw new Error(`La celda ${ws.name}!${cell.address} no quedó como texto.`);
  }
}

function ruleOf(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  if (cf.kind === 'expression') {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } };
    if (cf.fontColor) style.font = { color: { argb: argb(cf.fontColor) } };
    return { type: 'expression', priority, formulae: [cf.formula], style } as ExcelJS.ConditionalFormattingRule;
  }
  return {
    type: 'dataBar',
    priority,
    gradient: false,
    cfvo: [
      { type: 'num', value: cf.min },
      { type: 'num', value: cf.max },
    ],
    color: { argb: argb(cf.color) },
  } as unknown as ExcelJS.ConditionalFormattingRule;
}

/** Draws `model` on a new worksheet `name` (which must be free). */
export function drawSheet(wb: ExcelJS.Workbook, model: SheetModel, name: string): ExcelJS.Worksheet {
  const p = model.print;
  const ws = wb.addWorksheet(name, {
    properties: model.tabColor ? { tabColor: { argb: argb(model.tabColor) } } : {},
    views: [
      model.freeze && (model.freeze.rows > 0 || model.freeze.cols > 0)
        ? {
            state: 'frozen',
            xSplit: model.freeze.cols,
            ySplit: model.freeze.rows,
            showGridLines: model.showGridLines,
            zoomScale: 100,
          }
        : { state: 'normal', showGridLines: model.showGridLines, zoomScale: 100 },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      horizontalCentered: p.centerHorizontally ?? false,
      margins: p.margins,
      ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows.from}:${p.repeatRows.to}` } : {}),
      ...(p.area ? { printArea: rangeAddress(p.area) } : {}),
    },
    headerFooter: p.footer ? { oddFooter: `&C&8${p.footer}`, evenFooter: `&C&8${p.footer}` } : {},
  });
  model.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, h] of Object.entries(model.rowHeights)) ws.getRow(Number(row)).height = h;
  for (const c of model.cells) writeCell(ws, c, c.style ? model.styles[c.style] : undefined);
  mergeAll(ws, model.merges);
  model.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({ ref: cf.ranges.map(rangeAddress).join(' '), rules: [ruleOf(cf, i + 1)] });
  });
  for (const r of model.pageBreaks) ws.getRow(r - 1).addPageBreak();
  for (const c of model.cells) assertText(ws, c);
  return ws;
}

export interface RenderOptions {
  /** ISO date-time of the generation, recorded in the registry. */
  readonly generatedAt: string;
}

export interface RenderedSheet {
  readonly kind: SheetModel['kind'];
  readonly name: string;
  /** True when a previous generated sheet was replaced. */
  readonly replaced: boolean;
}

/**
 * Writes the models into the workbook: replaces the product's own sheets of the same kind and
 * name, never a person's (a free name is taken instead), records them in the registry, puts them
 * first and activates the first.
 */
export function renderSheets(wb: ExcelJS.Workbook, models: readonly SheetModel[], options: RenderOptions): RenderedSheet[] {
  let reg: Registry = readRegistry(wb);
  for (const stale of staleMarkers(wb)) removeName(wb, stale);
  reg = { entries: reg.entries.filter((e) => e.type !== 'hoja' || definedNames(wb).some((n) => n.name === e.ref)) };

  const out: RenderedSheet[] = [];
  const created: ExcelJS.Worksheet[] = [];
  for (const model of models) {
    const existing = wb.worksheets.map((w) => ({ name: w.name, productKind: productKindOfSheet(wb, w.name, reg) }));
    const place = placeGeneratedSheet(model.name, model.kind, existing);
    if (place.replace) {
      const old = wb.getWorksheet(place.name)!;
      const markers = definedNames(wb).filter((n) => n.sheet === old.name && reg.entries.some((e) => e.type === 'hoja' && e.ref === n.name));
      for (const m of markers) removeName(wb, m.name);
      reg = { entries: reg.entries.filter((e) => !(e.type === 'hoja' && markers.some((m) => m.name === e.ref))) };
      wb.removeWorksheet(old.id);
    }
    const ws = drawSheet(wb, model, place.name);
    const marker = nextSheetMarker(definedNames(wb), reg);
    addName(wb, marker, place.name);
    const entry: GeneratedEntry = { type: 'hoja', sheet: place.name, ref: marker, kind: model.kind, generatedAt: options.generatedAt, ...(model.origins ? { origins: model.origins } : {}) };
    reg = { entries: [...reg.entries, entry] };
    created.push(ws);
    out.push({ kind: model.kind, name: place.name, replaced: place.replace });
  }
  writeRegistry(wb, reg);
  orderAndActivate(wb, created);
  return out;
}

/** Generated sheets first (in the given order), then the others as they were; the first is active. */
function orderAndActivate(wb: ExcelJS.Workbook, first: readonly ExcelJS.Worksheet[]): void {
  const rest = wb.worksheets.filter((w) => !first.includes(w));
  [...first, ...rest].forEach((w, i) => {
    (w as unknown as { orderNo: number }).orderNo = i + 1;
    for (const v of w.views ?? []) (v as { tabSelected?: boolean }).tabSelected = false;
  });
  if (first.length) {
    const v = first[0].views?.[0] as { tabSelected?: boolean } | undefined;
    if (v) v.tabSelected = true;
    wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  }
}
