/**
 * The generated sheets described as DATA, host-neutral (architecture.md: "src/sheets/ — the
 * generated sheets described as data, rendered by either host").
 *
 * A `SheetModel` says everything a host needs to draw a sheet: every cell with its value and a
 * named style, merged ranges, conditional formats (traffic lights as expression rules, data
 * bars), column widths, row heights, frozen panes, print setup, internal hyperlinks and a chart
 * description. The renderers (`src/xlsx/render.ts` with exceljs, the office-js one in the
 * add-in) only TRANSLATE the model: no decision about layout, colour, wording or format lives in
 * a renderer.
 *
 * Values:
 * - Every string is a literal text value, never a formula: the model has no formulas at all.
 *   `text: true` marks strings that came from a person's workbook (goal names, analyses) — the
 *   renderers must write them in a way that can never become a formula, even when they start
 *   with `=`, `+`, `-`, `@`, a tab or a carriage return (office-js: number format `@` before the
 *   value; exceljs: a string value, which is always stored as a shared string).
 * - `date: true` says the string is an ISO date (`'2025-06-30'`) to be written as a date cell.
 * - `null` = blank.
 *
 * Number formats (Colombian): money `"$ "#,##0`, percent `0.0 %`, dates `dd/mm/yyyy`. The
 * grouping and decimal marks are the host's locale (a Colombian Excel shows `$ 1.234.567` and
 * `45,5 %`; the PNG check renders with LibreOffice under `LANG=es_CO.UTF-8`).
 *
 * Marker: a generated sheet carries `kind`; the renderer records it in the product's registry
 * (see `src/app/registry.ts`), so regeneration replaces only sheets the product made.
 */
import { columnLetter } from '../domain/grid';
import { fitCell } from '../domain/text';
import type { CellRange } from '../domain/grid';
import type { OriginReading } from '../domain/consolidated';

/** Colour as `RRGGBB`. */
export type Rgb = string;

/** What the product generates (ids are an interface: the registry stores them). */
export type GeneratedKind = 'tablero' | 'alertas' | 'observaciones' | 'consolidado' | 'devolucion';

/** Canonical Spanish name of each generated sheet. */
export const generatedSheetNames: Record<GeneratedKind, string> = {
  tablero: 'Tablero de control',
  alertas: 'Alertas',
  observaciones: 'Observaciones',
  consolidado: 'Consolidado',
  devolucion: 'Devolución',
};

export interface FontStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: Rgb;
  readonly underline?: boolean;
}

export type BorderWeight = 'thin' | 'medium' | 'hair';
export interface BorderSide {
  readonly weight: BorderWeight;
  readonly color: Rgb;
}

export interface CellStyle {
  readonly font?: FontStyle;
  /** Solid background fill. */
  readonly fill?: Rgb;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  readonly indent?: number;
  readonly border?: {
    readonly top?: BorderSide;
    readonly bottom?: BorderSide;
    readonly left?: BorderSide;
    readonly right?: BorderSide;
  };
  /** Excel number format code (locale-neutral form). */
  readonly numberFormat?: string;
}

export type ModelValue = string | number | boolean | null;

export interface ModelCell {
  /** 1-based. */
  readonly row: number;
  readonly col: number;
  readonly value: ModelValue;
  /** `value` is an ISO date string, to be written as a date. */
  readonly date?: true;
  /** `value` is text from a person's workbook: never a formula, whatever it starts with. */
  readonly text?: true;
  /** Name of a style in `SheetModel.styles`. */
  readonly style?: string;
  /** Internal hyperlink to a cell of the workbook. */
  readonly link?: { readonly sheet: string; readonly cell: string };
  /** `value` is an Excel error code (`#REF!`) copied from a person's sheet, kept as an error value. */
  readonly error?: true;
}

export type ConditionalFormat =
  /** Fill (and font colour) where `formula` is true; the formula is relative to the top-left cell of the first range. */
  | {
      readonly kind: 'expression';
      readonly ranges: readonly CellRange[];
      readonly formula: string;
      readonly fill?: Rgb;
      readonly fontColor?: Rgb;
    }
  /** Data bar scaled between fixed `min` and `max`. */
  | {
      readonly kind: 'dataBar';
      readonly ranges: readonly CellRange[];
      readonly color: Rgb;
      readonly min: number;
      readonly max: number;
    };

/**
 * A real Excel chart, described once: the office-js renderer inserts it through the Excel API and
 * the CLI writes it as chart parts of the package (`src/xlsx/chart-parts.ts`), so the tablero looks
 * the same wherever it was made. Its data are ranges of the same sheet.
 */
export interface ChartSpec {
  readonly type: 'clusteredBar';
  readonly title: string;
  /** Category labels (one per bar group). */
  readonly categories: CellRange;
  readonly series: readonly { readonly name: string; readonly values: CellRange; readonly color: Rgb }[];
  /** Where the chart goes (top-left and bottom-right cells). */
  readonly anchor: CellRange;
  readonly axis: { readonly min: number; readonly max: number; readonly numberFormat: string };
  /** First category at the top, as in the table it reads (a ranking); bar charts otherwise start at the bottom. */
  readonly topDown: boolean;
  /** What the chart shows, in words (already placed in the cells under it): for hosts that cannot draw charts and for screen readers. */
  readonly fallbackNote: string;
}

export interface PrintSetup {
  readonly orientation: 'landscape' | 'portrait';
  readonly paper: 'A4';
  /** Pages wide (1 = fit to width); pages tall: 0 = as many as needed. */
  readonly fitToWidth: number;
  readonly fitToHeight: number;
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  readonly repeatRows?: { readonly from: number; readonly to: number };
  readonly area?: CellRange;
  /** Margins in inches. */
  readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number };
  /** Footer text, centred (host codes: &P page, &N pages). */
  readonly footer?: string;
  readonly centerHorizontally?: boolean;
}

export interface SheetModel {
  readonly kind: GeneratedKind;
  /** Preferred name (a free name is chosen when a person's sheet has it). */
  readonly name: string;
  readonly tabColor?: Rgb;
  readonly styles: Readonly<Record<string, CellStyle>>;
  readonly cells: readonly ModelCell[];
  readonly merges: readonly CellRange[];
  /** Widths in characters, index 0 = column A. */
  readonly columnWidths: readonly number[];
  /** Row heights in points, by 1-based row. */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly conditionalFormats: readonly ConditionalFormat[];
  /** Rows / columns frozen at the top / left. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly print: PrintSetup;
  readonly charts: readonly ChartSpec[];
  readonly showGridLines: boolean;
  /** Printed pages start at these rows (manual page breaks above them). */
  readonly pageBreaks: readonly number[];
  /** A consolidated sheet: how each origin sheet of its rows was read, kept in the registry entry that marks it. */
  readonly origins?: readonly OriginReading[];
}

// ---------------------------------------------------------------------------------------------
// Palette, formats and shared styles: the look of every generated sheet, decided here once.

export const formats = {
  money: '"$ "#,##0',
  percent: '0.0 %',
  date: 'dd/mm/yyyy',
  dateTime: 'dd/mm/yyyy hh:mm',
  integer: '#,##0',
  number: '#,##0.00',
  text: '@',
} as const;

export const palette = {
  navy: '1F3864',
  blue: '2F5597',
  lightBlue: 'DDEBF7',
  paleBlue: 'F2F7FC',
  grey: '595959',
  lightGrey: 'F2F2F2',
  midGrey: 'BFBFBF',
  white: 'FFFFFF',
  /** Traffic lights: fills and their dark text. */
  green: 'C6EFCE',
  greenText: '006100',
  yellow: 'FFEB9C',
  yellowText: '7F6000',
  red: 'FFC7CE',
  redText: '9C0006',
  /** Data bars. */
  barPhysical: '4472C4',
  barBudget: 'ED7D31',
  barPlain: '70AD47',
} as const;

const thin = (color: Rgb = palette.midGrey): BorderSide => ({ weight: 'thin', color });
const box = { top: thin(), bottom: thin(), left: thin(), right: thin() };

/** Styles every generated sheet uses; builders may add their own. */
export const baseStyles: Record<string, CellStyle> = {
  entity: { font: { bold: true, size: 12, color: palette.grey } },
  title: { font: { bold: true, size: 18, color: palette.navy }, vertical: 'middle' },
  subtitle: { font: { size: 11, color: palette.grey, italic: true } },
  label: { font: { bold: true, size: 10, color: palette.grey }, horizontal: 'right' },
  info: { font: { size: 10 }, horizontal: 'left' },
  infoDate: { font: { size: 10, bold: true }, horizontal: 'left', numberFormat: formats.date },
  infoDateTime: { font: { size: 10 }, horizontal: 'left', numberFormat: formats.dateTime },
  section: { font: { bold: true, size: 13, color: palette.white }, fill: palette.navy, vertical: 'middle', indent: 1 },
  note: { font: { italic: true, size: 9, color: palette.grey }, wrap: true, vertical: 'top' },
  kpiLabel: { font: { bold: true, size: 9, color: palette.white }, fill: palette.blue, horizontal: 'center', vertical: 'middle', wrap: true, border: box },
  kpiValue: { font: { bold: true, size: 18, color: palette.navy }, fill: palette.paleBlue, horizontal: 'center', vertical: 'middle', border: box, numberFormat: formats.integer },
  kpiPercent: { font: { bold: true, size: 18, color: palette.navy }, fill: palette.paleBlue, horizontal: 'center', vertical: 'middle', border: box, numberFormat: formats.percent },
  kpiText: { font: { bold: true, size: 14, color: palette.navy }, fill: palette.paleBlue, horizontal: 'center', vertical: 'middle', border: box, wrap: true },
  th: { font: { bold: true, size: 10, color: palette.white }, fill: palette.blue, horizontal: 'center', vertical: 'middle', wrap: true, border: box },
  thBlank: { font: { bold: true, size: 10, color: palette.navy }, fill: palette.lightBlue, horizontal: 'center', vertical: 'middle', wrap: true, border: box },
  td: { font: { size: 10 }, vertical: 'top', wrap: true, border: box },
  tdCenter: { font: { size: 10 }, vertical: 'top', horizontal: 'center', wrap: true, border: box },
  tdCode: { font: { size: 10 }, vertical: 'top', horizontal: 'left', border: box, numberFormat: formats.text },
  tdInt: { font: { size: 10 }, vertical: 'top', horizontal: 'right', border: box, numberFormat: formats.integer },
  tdNum: { font: { size: 10 }, vertical: 'top', horizontal: 'right', border: box, numberFormat: formats.number },
  tdPct: { font: { size: 10 }, vertical: 'top', horizontal: 'right', border: box, numberFormat: formats.percent },
  tdMoney: { font: { size: 10 }, vertical: 'top', horizontal: 'right', border: box, numberFormat: formats.money },
  tdDate: { font: { size: 10 }, vertical: 'top', horizontal: 'center', border: box, numberFormat: formats.date },
  tdBlank: { font: { size: 10 }, fill: 'FFFDF0', vertical: 'top', wrap: true, border: box },
  tdLink: { font: { size: 10, color: '0563C1', underline: true }, vertical: 'top', horizontal: 'center', border: box },
  group: { font: { bold: true, size: 11, color: palette.navy }, fill: palette.lightBlue, vertical: 'middle', border: box },
  totalLabel: { font: { bold: true, size: 10 }, fill: palette.lightGrey, border: box },
  totalInt: { font: { bold: true, size: 10 }, fill: palette.lightGrey, horizontal: 'right', border: box, numberFormat: formats.integer },
  totalPct: { font: { bold: true, size: 10 }, fill: palette.lightGrey, horizontal: 'right', border: box, numberFormat: formats.percent },
  totalMoney: { font: { bold: true, size: 10 }, fill: palette.lightGrey, horizontal: 'right', border: box, numberFormat: formats.money },
  totalCenter: { font: { bold: true, size: 10 }, fill: palette.lightGrey, horizontal: 'center', border: box },
  empty: { font: { italic: true, size: 10, color: palette.grey } },
  footer: { font: { italic: true, size: 8, color: palette.grey } },
};

export const defaultPrint: PrintSetup = {
  orientation: 'landscape',
  paper: 'A4',
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 },
  footer: 'Página &P de &N',
  centerHorizontally: true,
};

// ---------------------------------------------------------------------------------------------
// Building a model.

export function range(top: number, left: number, bottom = top, right = left): CellRange {
  return { top, left, bottom, right };
}

/** Traffic-light bands of a percentage figure, as fractions. */
export interface TrafficLight {
  /** At or above: green. */
  readonly green: number;
  /** At or above (and below green): yellow; below: red. */
  readonly yellow: number;
}

export const defaultTrafficLight: TrafficLight = { green: 0.8, yellow: 0.6 };

/**
 * The three expression rules of a traffic light on `ranges`. Only numbers are coloured (a "—"
 * for an undefined ratio stays white); each rule's formula is relative to the first range's
 * top-left cell, as both Excel and office-js read it.
 */
export function trafficLightRules(ranges: readonly CellRange[], t: TrafficLight = defaultTrafficLight): ConditionalFormat[] {
  if (ranges.length === 0) return [];
  const a = `${columnLetter(ranges[0].left)}${ranges[0].top}`;
  const n = (x: number) => String(Number(x.toFixed(6)));
  return [
    { kind: 'expression', ranges, formula: `AND(ISNUMBER(${a}),${a}>=${n(t.green)})`, fill: palette.green, fontColor: palette.greenText },
    { kind: 'expression', ranges, formula: `AND(ISNUMBER(${a}),${a}>=${n(t.yellow)},${a}<${n(t.green)})`, fill: palette.yellow, fontColor: palette.yellowText },
    { kind: 'expression', ranges, formula: `AND(ISNUMBER(${a}),${a}<${n(t.yellow)})`, fill: palette.red, fontColor: palette.redText },
  ];
}

/** Text traffic light: a cell equal to one of the texts gets the colour (ratings, states). */
export function textColourRules(ranges: readonly CellRange[], colours: readonly { text: string; fill: Rgb; font: Rgb }[]): ConditionalFormat[] {
  if (ranges.length === 0) return [];
  const a = `${columnLetter(ranges[0].left)}${ranges[0].top}`;
  return colours.map((c) => ({
    kind: 'expression' as const,
    ranges,
    formula: `${a}="${c.text.replace(/"/g, '""')}"`,
    fill: c.fill,
    fontColor: c.font,
  }));
}

/**
 * Mutable helper the sheet builders use; `build()` returns the immutable model. Keeps styles by
 * name so renderers can group cells of one style (office-js: one format call per range).
 */
/** More than Excel's 16,384 columns: `row * CELL_KEY_COLS + col` is one key per cell. */
const CELL_KEY_COLS = 16_385;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class SheetBuilder {
  /** By `row * CELL_KEY_COLS + col`. */
  private readonly cells = new Map<number, ModelCell>();
  private readonly merges: CellRange[] = [];
  private readonly widths: number[] = [];
  private readonly heights: Record<number, number> = {};
  private readonly cfs: ConditionalFormat[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly styles: Record<string, CellStyle> = { ...baseStyles };
  private freeze?: { rows: number; cols: number };
  private print: PrintSetup = defaultPrint;
  private readonly breaks: number[] = [];
  /** Next free row (1-based) for builders that lay out top to bottom. */
  row = 1;

  constructor(
    readonly kind: GeneratedKind,
    readonly name: string = generatedSheetNames[kind],
    readonly tabColor?: Rgb,
  ) {}

  style(name: string, style: CellStyle): this {
    this.styles[name] = style;
    return this;
  }

  hasStyle(name: string): boolean {
    return name in this.styles;
  }

  /** Sets one cell. `value` undefined = blank (still styled). */
  set(row: number, col: number, value: ModelValue | undefined, style?: string, extra?: Partial<Pick<ModelCell, 'date' | 'text' | 'link' | 'error'>>): this {
    if (style !== undefined && !(style in this.styles)) throw new Error(`Estilo desconocido: ${style}`);
    // Every text the product writes stays within Excel's cell limit (a quoted analysis of pages).
    const v = typeof value === 'string' ? fitCell(value) : (value ?? null);
    // Built field by field (no spreads) under a numeric key: a sheet of observations sets ~100,000 cells.
    const cell: Mutable<ModelCell> = { row, col, value: v };
    if (style) cell.style = style;
    if (extra?.date) cell.date = true;
    if (extra?.text) cell.text = true;
    if (extra?.link) cell.link = extra.link;
    if (extra?.error) cell.error = true;
    this.cells.set(row * CELL_KEY_COLS + col, cell);
    return this;
  }

  /** Text from a person's workbook (goal, analysis): written as text, never as a formula. */
  text(row: number, col: number, value: string | null | undefined, style?: string): this {
    return this.set(row, col, value ?? null, style, value ? { text: true } : {});
  }

  date(row: number, col: number, iso: string | null | undefined, style?: string): this {
    return this.set(row, col, iso ?? null, style, iso ? { date: true } : {});
  }

  /** Merges a range and styles every cell of it (borders must reach the merged edges). */
  merge(top: number, left: number, bottom: number, right: number, value?: ModelValue, style?: string, extra: Partial<Pick<ModelCell, 'date' | 'text' | 'link'>> = {}): this {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) this.set(r, c, value, style, extra);
        else if (style) this.set(r, c, null, style);
      }
    }
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
    return this;
  }

  width(col: number, chars: number): this {
    this.widths[col - 1] = chars;
    return this;
  }

  widthsFrom(col: number, chars: readonly number[]): this {
    chars.forEach((w, i) => this.width(col + i, w));
    return this;
  }

  height(row: number, points: number): this {
    this.heights[row] = points;
    return this;
  }

  conditional(...rules: ConditionalFormat[]): this {
    this.cfs.push(...rules);
    return this;
  }

  chart(spec: ChartSpec): this {
    this.charts.push(spec);
    return this;
  }

  freezeAt(rows: number, cols = 0): this {
    this.freeze = { rows, cols };
    return this;
  }

  /** Starts a new printed page at `row`. */
  pageBreakBefore(row: number): this {
    if (row > 1 && !this.breaks.includes(row)) this.breaks.push(row);
    return this;
  }

  printSetup(p: Partial<PrintSetup>): this {
    this.print = { ...this.print, ...p };
    return this;
  }

  get lastColumn(): number {
    return this.widths.length;
  }

  /**
   * Row heights for wrapped text (no host auto-fits rows of a file it did not lay out): each
   * wrapped text cell needs ⌈length ÷ characters per line⌉ lines, over the width of its merged
   * area; the row takes its tallest cell. Rows with an explicit height keep it when it is taller.
   */
  private fitHeights(cells: readonly ModelCell[]): Record<number, number> {
    const out: Record<number, number> = { ...this.heights };
    // Merged areas by their top-left cell: one lookup per cell, whatever the number of merges.
    const mergeAt = new Map(this.merges.map((r) => [`${r.top}:${r.left}`, r]));
    const widthOf = (c: ModelCell): number => {
      const m = mergeAt.get(`${c.row}:${c.col}`);
      let w = 0;
      for (let col = c.col; col <= (m ? m.right : c.col); col++) w += this.widths[col - 1] ?? 10;
      return w;
    };
    const rowsOf = (c: ModelCell): number => {
      const m = mergeAt.get(`${c.row}:${c.col}`);
      return m ? m.bottom - m.top + 1 : 1;
    };
    for (const c of cells) {
      if (typeof c.value !== 'string' || !c.style) continue;
      const st = this.styles[c.style];
      if (!st?.wrap) continue;
      const size = st.font?.size ?? 10;
      // A column of width w holds about w characters of 11-point text; bold and capitals run wider.
      const perLine = Math.max(1, Math.floor((widthOf(c) - 1) * (10.5 / size) * (st.font?.bold ? 0.92 : 1)));
      const lines = c.value.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
      const needed = Math.ceil((lines * size * 1.32 + 4) / rowsOf(c));
      if (lines > 1 || out[c.row] === undefined) out[c.row] = Math.max(out[c.row] ?? 0, needed, 15);
    }
    return out;
  }

  build(): SheetModel {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const maxRow = cells.reduce((m, c) => Math.max(m, c.row), 1);
    const maxCol = Math.max(this.widths.length, cells.reduce((m, c) => Math.max(m, c.col), 1));
    const widths: number[] = [];
    for (let i = 0; i < maxCol; i++) widths.push(this.widths[i] ?? 10);
    return {
      kind: this.kind,
      name: this.name,
      ...(this.tabColor ? { tabColor: this.tabColor } : {}),
      styles: { ...this.styles },
      cells,
      merges: [...this.merges],
      columnWidths: widths,
      rowHeights: this.fitHeights(cells),
      conditionalFormats: [...this.cfs],
      ...(this.freeze ? { freeze: this.freeze } : {}),
      print: { ...this.print, area: this.print.area ?? range(1, 1, maxRow, maxCol) },
      charts: [...this.charts],
      showGridLines: false,
      pageBreaks: [...this.breaks].sort((a, b) => a - b),
    };
  }
}

/** The cell of a model at (row, col), for tests and renderers. */
export function cellAt(model: SheetModel, row: number, col: number): ModelCell | undefined {
  return model.cells.find((c) => c.row === row && c.col === col);
}

/** Rows of a model as display strings (tests: "is this label there?"). */
export function textOf(model: SheetModel): string[] {
  return model.cells.filter((c) => typeof c.value === 'string').map((c) => c.value as string);
}
