/**
 * The in-memory workbook behind the Excel double: plain data, no office-js semantics (those are
 * in `api.ts`). Browser-safe: no Node imports.
 */

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Primitive = string | number | boolean;

export interface CellState {
  /** The value Excel shows; `null` = empty. */
  v: Primitive | null;
  /** Error value (`#REF!`), shown as text with valueType Error. */
  error?: string;
  /** A formula the cell holds (the double does not evaluate: `v`/`error` hold its result). */
  formula?: string;
  nf?: string;
  style?: Record<string, unknown>;
  hyperlink?: Record<string, unknown>;
}

export interface CFState {
  id: number;
  type: string;
  areas: Area[];
  priority: number;
  props: Record<string, unknown>;
}

export interface ValidationState {
  area: Area;
  props: Record<string, unknown>;
}

export interface ChartState {
  id: number;
  type: string;
  source: string;
  seriesBy: string;
  props: Record<string, unknown>;
  series: Record<string, unknown>[];
}

export interface SheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<number, CellState>;
  merges: Area[];
  cfs: CFState[];
  notes: Map<string, string>;
  charts: ChartState[];
  validations: ValidationState[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freeze?: { rows: number; cols: number };
  tabColor?: string;
  showGridlines: boolean;
  pageLayout: Record<string, unknown>;
}

export interface NameState {
  name: string;
  sheetId: string;
  address: string;
}

export interface WorkbookState {
  name: string;
  sheets: SheetState[];
  activeId?: string;
  selection?: { sheetId: string; address: string };
  names: NameState[];
  nextId: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function key(row: number, col: number): number {
  return (row - 1) * MAX_COLS + (col - 1);
}

export function unkey(k: number): { row: number; col: number } {
  return { row: Math.floor(k / MAX_COLS) + 1, col: (k % MAX_COLS) + 1 };
}

export function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function areaAddress(a: Area): string {
  if (a.top === 1 && a.bottom === MAX_ROWS && a.left === 1 && a.right === MAX_COLS) return `1:${MAX_ROWS}`;
  if (a.top === 1 && a.bottom === MAX_ROWS) return `${colLetters(a.left)}:${colLetters(a.right)}`;
  if (a.left === 1 && a.right === MAX_COLS) return `${a.top}:${a.bottom}`;
  const p = `${colLetters(a.left)}${a.top}`;
  return a.top === a.bottom && a.left === a.right ? p : `${p}:${colLetters(a.right)}${a.bottom}`;
}

export function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses one area ("B3", "B3:F9", "A:C", "5:5", "$A$1"); undefined when invalid. */
export function parseArea(address: string): Area | undefined {
  const a = address.trim().replace(/\$/g, '');
  let m = /^([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]);
    const c1 = colNumber(m[1]);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? colNumber(m[3]) : c1;
    if (r1 < 1 || r2 < 1 || r1 > MAX_ROWS || r2 > MAX_ROWS || c1 > MAX_COLS || c2 > MAX_COLS) return undefined;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (m) return { top: 1, bottom: MAX_ROWS, left: Math.min(colNumber(m[1]), colNumber(m[2])), right: Math.max(colNumber(m[1]), colNumber(m[2])) };
  m = /^(\d{1,7}):(\d{1,7})$/.exec(a);
  if (m) return { top: Math.min(Number(m[1]), Number(m[2])), bottom: Math.max(Number(m[1]), Number(m[2])), left: 1, right: MAX_COLS };
  return undefined;
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function newSheet(id: string, name: string): SheetState {
  return {
    id,
    name,
    visibility: 'Visible',
    protected: false,
    cells: new Map(),
    merges: [],
    cfs: [],
    notes: new Map(),
    charts: [],
    validations: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    showGridlines: true,
    pageLayout: {},
  };
}

/** Bounding box of the cells with a value (valuesOnly) or with anything. */
export function usedArea(s: SheetState, valuesOnly: boolean): Area | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  // Called on every used-range load of sheets with hundreds of thousands of cells: no object per
  // cell (its garbage would be collected later, on the pane's time in the bench).
  s.cells.forEach((c, k) => {
    if (valuesOnly ? c.v === null && !c.error && !c.formula : c.v === null && !c.error && !c.nf && !c.style) return;
    const row = Math.floor(k / MAX_COLS) + 1;
    const col = (k % MAX_COLS) + 1;
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  });
  return bottom ? { top, left, bottom, right } : undefined;
}

/** A deterministic, comparable picture of the whole workbook ("is it as it was?"). */
export function snapshotOf(wb: WorkbookState): unknown {
  const sortObj = (o: Record<string, unknown> | undefined) => (o ? Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))) : undefined);
  return {
    names: [...wb.names].map((n) => ({ name: n.name, sheet: wb.sheets.find((s) => s.id === n.sheetId)?.name, address: n.address })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      cells: [...s.cells.entries()]
        .filter(([, c]) => c.v !== null || c.error || c.formula || c.nf || c.style || c.hyperlink)
        .sort(([a], [b]) => a - b)
        .map(([k, c]) => {
          const { row, col } = unkey(k);
          return { at: `${colLetters(col)}${row}`, v: c.v, error: c.error, formula: c.formula, nf: c.nf, style: sortObj(c.style), hyperlink: c.hyperlink };
        }),
      merges: s.merges.map(areaAddress).sort(),
      cfs: s.cfs.map((c) => ({ type: c.type, areas: c.areas.map(areaAddress), props: sortObj(c.props) })),
      notes: [...s.notes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      charts: s.charts.map((c) => ({ type: c.type, source: c.source, props: sortObj(c.props), series: c.series })),
      validations: s.validations.map((v) => ({ area: areaAddress(v.area), props: sortObj(v.props) })),
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      freeze: s.freeze,
      tabColor: s.tabColor,
      showGridlines: s.showGridlines,
      pageLayout: sortObj(s.pageLayout),
    })),
  };
}
