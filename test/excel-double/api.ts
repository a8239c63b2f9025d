/**
 * The office-js surface of the Excel double: proxy objects with office-js's load/sync semantics.
 *
 * - Every method call and property write is QUEUED on the request context; nothing touches the
 *   workbook until `context.sync()`, which runs the queue in order.
 * - A property read before `load()` + `sync()` throws `PropertyNotLoaded`, as office-js does.
 *   `isNullObject` of an `…OrNullObject` is known only after a sync that loaded the object.
 * - Loads are answered in queue order (a load after a write in the same batch sees the write).
 * - Only the API subset the adapter (src/excel/) uses exists; anything else is a TypeError.
 *
 * Faults and measurements live in `ExcelDouble` (index.ts). Browser-safe: no Node imports.
 */
import {
  type Area,
  type CellState,
  type CFState,
  type SheetState,
  type WorkbookState,
  MAX_COLS,
  MAX_ROWS,
  areaAddress,
  colLetters,
  intersects,
  key,
  newSheet,
  parseArea,
  quoteName,
  usedArea,
} from './state';

/** An office-js error: `code`, `message`, `debugInfo` as `OfficeExtension.Error` has them. */
export class RichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function notLoaded(prop: string): RichApiError {
  return new RichApiError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** One queued operation. */
export interface Op {
  readonly label: string;
  /** Request bytes (the double's estimate of office-js's wire JSON). */
  readonly bytes: number;
  readonly write: boolean;
  /** Requirement set needed (ExcelApi minor version, e.g. 9 for 1.9). */
  readonly minApi?: number;
  /** The sheet written (for protection). */
  readonly sheet?: () => SheetState | undefined;
  /** Runs the operation; returns the data loaded (for response size), if any. */
  run(): unknown;
}

/** What the proxies need from the double. */
export interface Host {
  readonly wb: WorkbookState;
  readonly apiMinor: number;
  /** Excel's documented (or, where silent, strictest reported) limits; tests may lower them. */
  readonly limits: ExcelLimits;
  /** The platform the double plays (some errors differ: a very hidden sheet on Mac). */
  readonly platform: 'OfficeOnline' | 'PC' | 'Mac';
  /** Does the loaded office.js have notes (`Excel.NoteCollection`)? The npm 1.1.110 copy does not. */
  readonly scriptNotes: boolean;
  enqueue(ctx: RequestContext, op: Op): void;
  sync(ctx: RequestContext): Promise<void>;
}

/** See test/excel-double/CATALOG.md for the source of each number. */
export interface ExcelLimits {
  /** `Worksheet.getRanges`: longest address string accepted. */
  getRangesChars: number;
  /** `Worksheet.getRanges`: most areas accepted. */
  getRangesAreas: number;
  /** `Range.getMergedAreasOrNullObject`: most merged areas it can return. */
  mergedAreas: number;
  /** Characters a cell can hold. */
  cellChars: number;
}

export const EXCEL_LIMITS: Readonly<ExcelLimits> = { getRangesChars: 8192, getRangesAreas: 512, mergedAreas: 512, cellChars: 32767 };

/** Excel sheet names: 1–31 characters, none of `: \\ / ? * [ ]`, not starting or ending with `'`. */
export function validSheetName(n: string): boolean {
  return /^[^:\\/?*[\]]{1,31}$/.test(n) && !n.startsWith("'") && !n.endsWith("'");
}

const OP_BYTES = 120;
const argBytes = (v: unknown) => OP_BYTES + (v === undefined ? 0 : (JSON.stringify(v)?.length ?? 0));

function parsePaths(spec?: string | string[] | { select?: string }): string[][] {
  let list: string[] = [];
  if (typeof spec === 'string') list = spec.split(',');
  else if (Array.isArray(spec)) list = spec;
  else if (spec && typeof spec.select === 'string') list = spec.select.split(',');
  return list.map((p) => p.trim()).filter(Boolean).map((p) => p.split('/').map((x) => x.trim()));
}

export class RequestContext {
  readonly workbook: Workbook;
  /** office-js has it; the adapter does not need it. */
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(
    readonly host: Host,
    readonly delayForCellEdit: boolean,
  ) {
    this.workbook = new Workbook(this);
  }
  sync(): Promise<void> {
    return this.host.sync(this);
  }
}

/** Base of every proxy. */
abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  protected nullState?: boolean;
  constructor(readonly ctx: RequestContext) {}

  protected get host(): Host {
    return this.ctx.host;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  protected queue(label: string, args: unknown, write: boolean, run: () => unknown, minApi?: number, sheet?: () => SheetState | undefined): void {
    this.host.enqueue(this.ctx, { label, bytes: argBytes(args), write, run, minApi, sheet });
  }

  /** For `…OrNullObject` proxies: does the object exist right now? Others throw when missing. */
  protected exists(): boolean {
    return true;
  }

  /** A scalar property's current value in the workbook. */
  protected scalar(prop: string): unknown {
    throw new TypeError(`Excel double: property '${prop}' cannot be loaded on ${this.constructor.name}`);
  }

  /** A navigation property's proxy (for load paths such as `protection/protected`). */
  protected child(prop: string): ClientObject | undefined {
    void prop;
    return undefined;
  }

  /** Runs a load now (inside sync): returns the loaded data. */
  doLoad(paths: string[][]): unknown {
    const there = this.exists();
    this.nullState = !there;
    if (!there) return null;
    const out: Record<string, unknown> = {};
    for (const p of paths) {
      if (p.length === 0) continue;
      const c = this.child(p[0]);
      if (c) out[p[0]] = c.doLoad(p.length > 1 ? [p.slice(1)] : []);
      else {
        const v = this.scalar(p[0]);
        this.loaded.set(p[0], v);
        out[p[0]] = v;
      }
    }
    return out;
  }

  load(spec?: string | string[] | { select?: string }): this {
    const paths = parsePaths(spec);
    this.queue(`${this.constructor.name}.load`, paths, false, () => this.doLoad(paths));
    return this;
  }
}

// ------------------------------------------------------------------------------------------------
// Workbook and worksheets

export class Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  constructor(ctx: RequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NamedItemCollection(ctx);
  }
  get name(): string {
    return this.get('name');
  }
  protected override scalar(prop: string): unknown {
    if (prop === 'name') {
      if (this.host.apiMinor < 7) throw new RichApiError('ApiNotFound', 'The API you are trying to use could not be found.', 'Workbook.name');
      return this.host.wb.name;
    }
    return super.scalar(prop);
  }
}

type SheetRef = { kind: 'name'; name: string; orNull: boolean } | { kind: 'active' } | { kind: 'id'; id: string } | { kind: 'new' };

export class WorksheetCollection extends ClientObject {
  private list?: Worksheet[];
  get items(): Worksheet[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  override doLoad(paths: string[][]): unknown {
    this.list = this.host.wb.sheets.map((s) => new Worksheet(this.ctx, { kind: 'id', id: s.id }));
    const sub = paths.filter((p) => p[0] === 'items').map((p) => p.slice(1));
    return this.list.map((w) => w.doLoad(sub));
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, { kind: 'name', name, orNull: false });
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, { kind: 'name', name, orNull: true });
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, { kind: 'active' });
  }
  add(name?: string): Worksheet {
    const ws = new Worksheet(this.ctx, { kind: 'new' });
    this.queue('WorksheetCollection.add', name, true, () => {
      const wb = this.host.wb;
      const n = name ?? `Hoja${wb.sheets.length + 1}`;
      if (wb.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase())) {
        throw new RichApiError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'WorksheetCollection.add');
      }
      if (!validSheetName(n)) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'WorksheetCollection.add');
      const s = newSheet(`{${String(wb.nextId++).padStart(8, '0')}}`, n);
      wb.sheets.push(s);
      ws.bind(s.id);
    });
    return ws;
  }
}

export class Worksheet extends ClientObject {
  private ref: SheetRef;
  // Navigation objects are made on first use, as office.js does (a proxy per call is cheap there).
  private _protection?: WorksheetProtection;
  private _notes?: NoteCollection;
  private _charts?: ChartCollection;
  private _freezePanes?: WorksheetFreezePanes;
  private _pageLayout?: PageLayout;
  constructor(ctx: RequestContext, ref: SheetRef) {
    super(ctx);
    this.ref = ref;
  }
  get protection(): WorksheetProtection {
    return (this._protection ??= new WorksheetProtection(this.ctx, this));
  }
  /** Undefined when the loaded office.js has no notes (npm @microsoft/office-js 1.1.110). */
  get notes(): NoteCollection | undefined {
    if (!this.ctx.host.scriptNotes) return undefined;
    return (this._notes ??= new NoteCollection(this.ctx, this));
  }
  get charts(): ChartCollection {
    return (this._charts ??= new ChartCollection(this.ctx, this));
  }
  get freezePanes(): WorksheetFreezePanes {
    return (this._freezePanes ??= new WorksheetFreezePanes(this.ctx, this));
  }
  get pageLayout(): PageLayout {
    return (this._pageLayout ??= new PageLayout(this.ctx, this));
  }
  bind(id: string): void {
    this.ref = { kind: 'id', id };
  }
  /** The sheet now, or undefined (OrNullObject / not found). */
  find(): SheetState | undefined {
    const wb = this.host.wb;
    const r = this.ref;
    if (r.kind === 'id') return wb.sheets.find((s) => s.id === r.id);
    if (r.kind === 'active') return wb.sheets.find((s) => s.id === wb.activeId) ?? wb.sheets.find((s) => s.visibility === 'Visible');
    if (r.kind === 'name') {
      const s = wb.sheets.find((x) => x.name.toLowerCase() === r.name.toLowerCase());
      if (s) this.ref = { kind: 'id', id: s.id };
      return s;
    }
    return undefined;
  }
  /** The sheet, or ItemNotFound. */
  state(): SheetState {
    const s = this.find();
    if (!s) throw new RichApiError('ItemNotFound', 'The requested resource doesn\'t exist.', 'Worksheet');
    return s;
  }
  protected override exists(): boolean {
    if (this.ref.kind === 'name' && this.ref.orNull) return !!this.find();
    this.state();
    return true;
  }
  protected override scalar(prop: string): unknown {
    const s = this.state();
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.host.wb.sheets.indexOf(s);
      default:
        return super.scalar(prop);
    }
  }
  protected override child(prop: string): ClientObject | undefined {
    return prop === 'protection' ? this.protection : undefined;
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.queue('Worksheet.name', v, true, () => {
      const s = this.state();
      if (!validSheetName(v)) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Worksheet.name');
      if (this.host.wb.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) throw new RichApiError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'Worksheet.name');
      s.name = v;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.queue('Worksheet.visibility', v, true, () => {
      this.state().visibility = v;
    });
  }
  set position(v: number) {
    this.queue('Worksheet.position', v, true, () => {
      const s = this.state();
      const list = this.host.wb.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
    });
  }
  set tabColor(v: string) {
    this.queue('Worksheet.tabColor', v, true, () => void (this.state().tabColor = v), 7, () => this.find());
  }
  set showGridlines(v: boolean) {
    this.queue('Worksheet.showGridlines', v, true, () => void (this.state().showGridlines = v), 8, () => this.find());
  }
  getRange(address?: string): Range {
    return new Range(this.ctx, this, address === undefined || address === '' ? { kind: 'whole' } : { kind: 'address', address });
  }
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.ctx, this, { kind: 'addresses', address });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this.ctx, this, { kind: 'used', valuesOnly: valuesOnly === true });
  }
  delete(): void {
    this.queue('Worksheet.delete', undefined, true, () => {
      const wb = this.host.wb;
      const s = this.state();
      // office-js#365 ("by design"): a very hidden sheet must be made hidden or visible first.
      if (s.visibility === 'VeryHidden') {
        if (this.host.platform === 'Mac') throw new RichApiError('GeneralException', 'There was an internal error while processing the request.', 'Worksheet.delete');
        throw new RichApiError('InvalidOperation', 'This operation is not permitted for the current object.', 'Worksheet.delete');
      }
      if (wb.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new RichApiError('InvalidOperation', 'This operation is not permitted for the current object.', 'Worksheet.delete');
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      // Names that pointed at the sheet now give #REF! (kept, as Excel keeps them).
      for (const n of wb.names) if (n.sheetId === s.id) n.sheetId = '#REF!';
      if (wb.activeId === s.id) wb.activeId = wb.sheets.find((x) => x.visibility === 'Visible')?.id;
    });
  }
  activate(): void {
    this.queue('Worksheet.activate', undefined, false, () => {
      const s = this.state();
      if (s.visibility !== 'Visible') throw new RichApiError('InvalidOperation', 'This operation is not permitted for the current object.', 'Worksheet.activate');
      this.host.wb.activeId = s.id;
    });
  }
}

export class WorksheetProtection extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly ws: Worksheet,
  ) {
    super(ctx);
  }
  protected override scalar(prop: string): unknown {
    if (prop === 'protected') return this.ws.state().protected;
    return super.scalar(prop);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

// ------------------------------------------------------------------------------------------------
// Ranges

type RangeSpec = { kind: 'whole' } | { kind: 'address'; address: string } | { kind: 'used'; valuesOnly: boolean } | { kind: 'area'; area: Area };

function cellAt(s: SheetState, row: number, col: number, create: true): CellState;
function cellAt(s: SheetState, row: number, col: number, create: false): CellState | undefined;
function cellAt(s: SheetState, row: number, col: number, create: boolean): CellState | undefined {
  const k = key(row, col);
  let c = s.cells.get(k);
  if (!c && create) {
    c = { v: null };
    s.cells.set(k, c);
  }
  return c;
}

const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** What Excel does with a value typed or written into a cell of format `nf`. */
export function coerce(v: unknown, nf: string | undefined): Pick<CellState, 'v' | 'error' | 'formula'> {
  if (v === '' || v === null || v === undefined) return { v: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { v };
  const s = String(v);
  if (nf === '@') return { v: s };
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (/^[=+\-@]/.test(s) && s.length > 1 && !/^[-+]?\d+([.,]\d+)?$/.test(s)) return { v: null, formula: s.startsWith('=') ? s : `=${s}`, error: '#NAME?' };
  if (ERRORS.has(s)) return { v: null, error: s };
  if (/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(s.trim())) return { v: Number(s) };
  if (/^[-+]?\d+(\.\d+)?%$/.test(s.trim())) return { v: Number(s.trim().slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(s.trim())) return { v: s.trim().toLowerCase() === 'true' };
  return { v: s };
}

export class Range extends ClientObject {
  private _format?: RangeFormat;
  private _conditionalFormats?: ConditionalFormatCollection;
  private _dataValidation?: DataValidation;
  constructor(
    ctx: RequestContext,
    readonly ws: Worksheet,
    private readonly spec: RangeSpec,
  ) {
    super(ctx);
  }
  get format(): RangeFormat {
    return (this._format ??= new RangeFormat(this.ctx, this.ws, () => [this.area()]));
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return (this._conditionalFormats ??= new ConditionalFormatCollection(this.ctx, this.ws, () => [this.area()]));
  }
  get dataValidation(): DataValidation {
    return (this._dataValidation ??= new DataValidation(this.ctx, this.ws, () => this.area()));
  }
  /** The area now (throws InvalidArgument for a bad address, ItemNotFound for a null used range). */
  area(): Area {
    const a = this.findArea();
    if (!a) throw new RichApiError('ItemNotFound', "The requested resource doesn't exist.", 'Range');
    return a;
  }
  private findArea(): Area | undefined {
    const s = this.ws.state();
    switch (this.spec.kind) {
      case 'whole':
        return { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
      case 'area':
        return this.spec.area;
      case 'used':
        return usedArea(s, this.spec.valuesOnly);
      case 'address': {
        const a = parseArea(this.spec.address.includes('!') ? this.spec.address.slice(this.spec.address.lastIndexOf('!') + 1) : this.spec.address);
        if (!a) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Worksheet.getRange');
        return a;
      }
    }
  }
  protected override exists(): boolean {
    if (this.spec.kind === 'used') return !!this.findArea();
    this.area();
    return true;
  }
  private cellsCount(): number {
    const a = this.area();
    return (a.bottom - a.top + 1) * (a.right - a.left + 1);
  }
  private grid<T>(f: (c: CellState | undefined, row: number, col: number) => T): T[][] {
    const a = this.area();
    if (this.cellsCount() > 5_000_000) throw new RichApiError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.', 'Range');
    const s = this.ws.state();
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(f(cellAt(s, r, c, false), r, c));
      out.push(row);
    }
    return out;
  }
  protected override scalar(prop: string): unknown {
    const a = this.area();
    switch (prop) {
      case 'address':
        return `${quoteName(this.ws.state().name)}!${areaAddress(a)}`;
      case 'rowCount':
        return a.bottom - a.top + 1;
      case 'columnCount':
        return a.right - a.left + 1;
      case 'rowIndex':
        return a.top - 1;
      case 'columnIndex':
        return a.left - 1;
      case 'values':
        return this.grid((c) => (c?.error ? c.error : c?.v ?? ''));
      case 'numberFormat':
        return this.grid((c) => c?.nf ?? 'General');
      case 'valueTypes':
        return this.grid((c) => (c?.error ? 'Error' : c?.v === null || c?.v === undefined ? 'Empty' : typeof c.v === 'number' ? 'Double' : typeof c.v === 'boolean' ? 'Boolean' : 'String'));
      default:
        return super.scalar(prop);
    }
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.queue('Range.values', v, true, () => this.write(v, 'values'), undefined, () => this.ws.find());
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.queue('Range.numberFormat', v, true, () => this.write(v, 'numberFormat'), undefined, () => this.ws.find());
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  private write(v: unknown[][], what: 'values' | 'numberFormat'): void {
    const a = this.area();
    const s = this.ws.state();
    const rows = a.bottom - a.top + 1;
    const cols = a.right - a.left + 1;
    const scalar = !Array.isArray(v);
    if (!scalar && (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))) {
      throw new RichApiError('InvalidArgument', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.', `Range.${what}`);
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const x = scalar ? v : v[i][j];
        if (x === null || x === undefined) continue; // null leaves the cell as it is
        const c = cellAt(s, a.top + i, a.left + j, true);
        if (what === 'numberFormat') c.nf = String(x) === 'General' ? undefined : String(x);
        else {
          if (typeof x === 'string' && x.length > this.host.limits.cellChars) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Range.values');
          const r = coerce(x, c.nf);
          c.v = r.v;
          c.error = r.error;
          c.formula = r.formula;
        }
      }
    }
  }
  set hyperlink(v: { documentReference?: string; textToDisplay?: string; screenTip?: string; address?: string }) {
    this.queue('Range.hyperlink', v, true, () => {
      const a = this.area();
      cellAt(this.ws.state(), a.top, a.left, true).hyperlink = { ...v };
    }, 7, () => this.ws.find());
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(this.ctx, this.ws, { kind: 'merged', within: () => this.area() });
  }
  merge(across?: boolean): void {
    this.queue('Range.merge', across, true, () => {
      const a = this.area();
      const s = this.ws.state();
      const rows = across ? Array.from({ length: a.bottom - a.top + 1 }, (_, i) => ({ ...a, top: a.top + i, bottom: a.top + i })) : [a];
      for (const m of rows) {
        if (s.merges.some((x) => intersects(x, m))) throw new RichApiError('InvalidOperation', "Can't merge cells that overlap other merged cells.", 'Range.merge');
        for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) { const cell = cellAt(s, r, c, false); if (cell) { cell.v = null; cell.error = undefined; cell.formula = undefined; } }
        if (m.bottom > m.top || m.right > m.left) s.merges.push(m);
      }
    }, undefined, () => this.ws.find());
  }
  select(): void {
    this.queue('Range.select', undefined, false, () => {
      const s = this.ws.state();
      if (this.host.wb.activeId !== s.id) throw new RichApiError('InvalidOperation', 'This operation is not permitted for the current object.', 'Range.select');
      this.host.wb.selection = { sheetId: s.id, address: areaAddress(this.area()) };
    });
  }
}

type AreasSpec = { kind: 'addresses'; address: string } | { kind: 'merged'; within: () => Area };

export class RangeAreas extends ClientObject {
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;
  readonly areas: RangeCollection;
  constructor(
    ctx: RequestContext,
    readonly ws: Worksheet,
    private readonly spec: AreasSpec,
  ) {
    super(ctx);
    this.format = new RangeFormat(ctx, ws, () => this.list(), 9);
    this.conditionalFormats = new ConditionalFormatCollection(ctx, ws, () => this.list(), 9);
    this.areas = new RangeCollection(ctx, ws, () => this.list());
  }
  list(): Area[] {
    if (this.spec.kind === 'merged') {
      if (this.host.apiMinor < 13) throw new RichApiError('ApiNotFound', 'The API you are trying to use could not be found.', 'Range.getMergedAreasOrNullObject');
      const w = this.spec.within();
      // office-js#3611: only merged areas whose top-left cell lies inside the range.
      const found = this.ws.state().merges.filter((m) => m.top >= w.top && m.top <= w.bottom && m.left >= w.left && m.left <= w.right);
      // API reference: more than 512 merged areas and the method fails (error code not documented).
      if (found.length > this.host.limits.mergedAreas) throw new RichApiError('GeneralException', 'There was an internal error while processing the request.', 'Range.getMergedAreasOrNullObject');
      return found;
    }
    if (this.host.apiMinor < 9) throw new RichApiError('ApiNotFound', 'The API you are trying to use could not be found.', 'Worksheet.getRanges');
    const address = this.spec.address;
    // office-js#5198 / office-js-docs-pr#2255: InvalidArgument near 8,192 characters and for some
    // strings of 513 areas; the double refuses either (the stricter reading).
    const limits = this.host.limits;
    if (address.length > limits.getRangesChars || address.split(',').length > limits.getRangesAreas) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Worksheet.getRanges');
    this.ws.state();
    return address.split(',').map((p) => {
      const a = parseArea(p);
      if (!a) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Worksheet.getRanges');
      return a;
    });
  }
  protected override exists(): boolean {
    return this.list().length > 0;
  }
  protected override child(prop: string): ClientObject | undefined {
    return prop === 'areas' ? this.areas : undefined;
  }
  protected override scalar(prop: string): unknown {
    if (prop === 'address') return this.list().map((a) => `${quoteName(this.ws.state().name)}!${areaAddress(a)}`).join(',');
    if (prop === 'areaCount') return this.list().length;
    return super.scalar(prop);
  }
  get address(): string {
    return this.get('address');
  }
}

export class RangeCollection extends ClientObject {
  private list?: Range[];
  constructor(
    ctx: RequestContext,
    private readonly ws: Worksheet,
    private readonly areasNow: () => Area[],
  ) {
    super(ctx);
  }
  get items(): Range[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  override doLoad(paths: string[][]): unknown {
    this.list = this.areasNow().map((area) => new Range(this.ctx, this.ws, { kind: 'area', area }));
    const sub = paths.filter((p) => p[0] === 'items').map((p) => p.slice(1));
    return this.list.map((r) => r.doLoad(sub));
  }
}

// ------------------------------------------------------------------------------------------------
// Formats: every write goes to each cell of each area (as Excel does), under `style`.

function styleWriter(ctx: RequestContext, ws: Worksheet, areas: () => Area[], minApi: number | undefined, path: string) {
  return (prop: string, v: unknown, propMinApi?: number) => {
    ctx.host.enqueue(ctx, {
      label: `${path}.${prop}`,
      bytes: argBytes(v),
      write: true,
      minApi: Math.max(minApi ?? 0, propMinApi ?? 0) || undefined,
      sheet: () => ws.find(),
      run: () => {
        const s = ws.state();
        for (const a of areas()) {
          if (prop === 'columnWidth') {
            for (let c = a.left; c <= a.right; c++) s.columnWidths.set(c, v as number);
            continue;
          }
          if (prop === 'rowHeight') {
            for (let r = a.top; r <= a.bottom; r++) s.rowHeights.set(r, v as number);
            continue;
          }
          if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > 2_000_000) continue; // whole columns: recorded loosely
          for (let r = a.top; r <= a.bottom; r++) {
            for (let c = a.left; c <= a.right; c++) {
              const cell = cellAt(s, r, c, true);
              cell.style = { ...(cell.style ?? {}), [`${path}.${prop}`]: v };
            }
          }
        }
      },
    });
  };
}

export class RangeFormat {
  readonly font: RangeFont;
  readonly fill: RangeFill;
  readonly borders: RangeBorderCollection;
  private readonly w: (prop: string, v: unknown, minApi?: number) => void;
  constructor(ctx: RequestContext, ws: Worksheet, areas: () => Area[], minApi?: number) {
    this.w = styleWriter(ctx, ws, areas, minApi, 'format');
    this.font = new RangeFont(styleWriter(ctx, ws, areas, minApi, 'font'));
    this.fill = new RangeFill(styleWriter(ctx, ws, areas, minApi, 'fill'));
    this.borders = new RangeBorderCollection((index) => styleWriter(ctx, ws, areas, minApi, `border.${index}`));
  }
  set horizontalAlignment(v: string) {
    this.w('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this.w('verticalAlignment', v);
  }
  set wrapText(v: boolean) {
    this.w('wrapText', v);
  }
  set indentLevel(v: number) {
    this.w('indentLevel', v, 9);
  }
  set columnWidth(v: number) {
    this.w('columnWidth', v);
  }
  set rowHeight(v: number) {
    this.w('rowHeight', v);
  }
}

export class RangeFont {
  constructor(private readonly w: (prop: string, v: unknown) => void) {}
  set bold(v: boolean) {
    this.w('bold', v);
  }
  set italic(v: boolean) {
    this.w('italic', v);
  }
  set size(v: number) {
    this.w('size', v);
  }
  set color(v: string) {
    this.w('color', v);
  }
  set underline(v: string) {
    this.w('underline', v);
  }
}

export class RangeFill {
  constructor(private readonly w: (prop: string, v: unknown) => void) {}
  set color(v: string) {
    this.w('color', v);
  }
}

export class RangeBorderCollection {
  constructor(private readonly writer: (index: string) => (prop: string, v: unknown) => void) {}
  getItem(index: string): RangeBorder {
    return new RangeBorder(this.writer(index));
  }
}

export class RangeBorder {
  constructor(private readonly w: (prop: string, v: unknown) => void) {}
  set style(v: string) {
    this.w('style', v);
  }
  set weight(v: string) {
    this.w('weight', v);
  }
  set color(v: string) {
    this.w('color', v);
  }
}

// ------------------------------------------------------------------------------------------------
// Conditional formats

export class ConditionalFormatCollection extends ClientObject {
  private list?: ConditionalFormat[];
  constructor(
    ctx: RequestContext,
    private readonly ws: Worksheet,
    private readonly areas: () => Area[],
    private readonly minApi?: number,
  ) {
    super(ctx);
  }
  get items(): ConditionalFormat[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  override doLoad(paths: string[][]): unknown {
    const within = this.areas();
    const s = this.ws.state();
    this.list = s.cfs.filter((cf) => cf.areas.some((a) => within.some((w) => intersects(a, w)))).map((cf) => new ConditionalFormat(this.ctx, this.ws, () => cf.id));
    const sub = paths.filter((p) => p[0] === 'items').map((p) => p.slice(1));
    return this.list.map((c) => c.doLoad(sub));
  }
  add(type: string): ConditionalFormat {
    let id = -1;
    const cf = new ConditionalFormat(this.ctx, this.ws, () => id);
    this.ctx.host.enqueue(this.ctx, {
      label: 'ConditionalFormatCollection.add',
      bytes: argBytes(type),
      write: true,
      minApi: Math.max(6, this.minApi ?? 0),
      sheet: () => this.ws.find(),
      run: () => {
        if (type !== 'Custom' && type !== 'DataBar') throw new TypeError(`Excel double: conditional format type ${type} not modelled`);
        const s = this.ws.state();
        id = this.ctx.host.wb.nextId++;
        for (const c of s.cfs) c.priority++;
        s.cfs.unshift({ id, type, areas: this.areas().map((a) => ({ ...a })), priority: 0, props: {} });
      },
    });
    return cf;
  }
}

export class ConditionalFormat extends ClientObject {
  readonly custom: CustomConditionalFormat;
  readonly customOrNullObject: CustomConditionalFormat;
  readonly dataBar: DataBarConditionalFormat;
  constructor(
    ctx: RequestContext,
    private readonly ws: Worksheet,
    private readonly id: () => number,
  ) {
    super(ctx);
    this.custom = new CustomConditionalFormat(ctx, this, false);
    this.customOrNullObject = new CustomConditionalFormat(ctx, this, true);
    this.dataBar = new DataBarConditionalFormat((prop, v) => this.setProp(`dataBar.${prop}`, v));
  }
  cf(): CFState {
    const found = this.ws.state().cfs.find((c) => c.id === this.id());
    if (!found) throw new RichApiError('ItemNotFound', "The requested resource doesn't exist.", 'ConditionalFormat');
    return found;
  }
  setProp(path: string, v: unknown): void {
    this.queue(`ConditionalFormat.${path}`, v, true, () => {
      this.cf().props[path] = v;
    }, 6, () => this.ws.find());
  }
  protected override scalar(prop: string): unknown {
    if (prop === 'type') return this.cf().type;
    if (prop === 'priority') return this.cf().priority;
    return super.scalar(prop);
  }
  protected override child(prop: string): ClientObject | undefined {
    return prop === 'customOrNullObject' ? this.customOrNullObject : prop === 'custom' ? this.custom : undefined;
  }
  get type(): string {
    return this.get('type');
  }
  set priority(v: number) {
    this.queue('ConditionalFormat.priority', v, true, () => {
      const s = this.ws.state();
      const me = this.cf();
      const others = s.cfs.filter((c) => c !== me).sort((a, b) => a.priority - b.priority);
      others.splice(Math.max(0, Math.min(v, others.length)), 0, me);
      others.forEach((c, i) => (c.priority = i));
      s.cfs.sort((a, b) => a.priority - b.priority);
    }, 6, () => this.ws.find());
  }
  delete(): void {
    this.queue('ConditionalFormat.delete', undefined, true, () => {
      const s = this.ws.state();
      const me = this.cf();
      s.cfs.splice(s.cfs.indexOf(me), 1);
      s.cfs.forEach((c, i) => (c.priority = i));
    }, 6, () => this.ws.find());
  }
}

export class CustomConditionalFormat extends ClientObject {
  readonly rule: ConditionalFormatRule;
  readonly format: ConditionalRangeFormat;
  constructor(
    ctx: RequestContext,
    private readonly owner: ConditionalFormat,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    this.rule = new ConditionalFormatRule(ctx, owner);
    this.format = new ConditionalRangeFormat((p, v) => owner.setProp(`custom.format.${p}`, v));
  }
  protected override exists(): boolean {
    const isCustom = this.owner.cf().type === 'Custom';
    if (!isCustom && !this.orNull) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'ConditionalFormat.custom');
    return isCustom;
  }
  protected override child(prop: string): ClientObject | undefined {
    return prop === 'rule' ? this.rule : undefined;
  }
}

export class ConditionalFormatRule extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly owner: ConditionalFormat,
  ) {
    super(ctx);
  }
  protected override scalar(prop: string): unknown {
    if (prop === 'formula') return (this.owner.cf().props['custom.rule.formula'] as string | undefined) ?? '';
    return super.scalar(prop);
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.owner.setProp('custom.rule.formula', v);
  }
}

export class ConditionalRangeFormat {
  readonly fill: { color: string };
  readonly font: { color: string };
  constructor(set: (p: string, v: unknown) => void) {
    this.fill = {
      set color(v: string) {
        set('fill.color', v);
      },
    } as { color: string };
    this.font = {
      set color(v: string) {
        set('font.color', v);
      },
    } as { color: string };
  }
}

export class DataBarConditionalFormat {
  readonly positiveFormat: { fillColor: string; gradientFill: boolean };
  constructor(private readonly set: (p: string, v: unknown) => void) {
    this.positiveFormat = {
      set fillColor(v: string) {
        set('positiveFormat.fillColor', v);
      },
      set gradientFill(v: boolean) {
        set('positiveFormat.gradientFill', v);
      },
    } as { fillColor: string; gradientFill: boolean };
  }
  set lowerBoundRule(v: { type: string; formula?: string }) {
    this.set('lowerBoundRule', v);
  }
  set upperBoundRule(v: { type: string; formula?: string }) {
    this.set('upperBoundRule', v);
  }
}

// ------------------------------------------------------------------------------------------------
// Data validation, notes, names, charts, panes, page layout

export class DataValidation {
  constructor(
    private readonly ctx: RequestContext,
    private readonly ws: Worksheet,
    private readonly area: () => Area,
  ) {}
  private set(prop: string, v: unknown): void {
    this.ctx.host.enqueue(this.ctx, {
      label: `DataValidation.${prop}`,
      bytes: argBytes(v),
      write: true,
      minApi: 8,
      sheet: () => this.ws.find(),
      run: () => {
        const s = this.ws.state();
        const a = this.area();
        let dv = s.validations.find((x) => areaAddress(x.area) === areaAddress(a));
        if (!dv) s.validations.push((dv = { area: a, props: {} }));
        dv.props[prop] = v;
      },
    });
  }
  set rule(v: unknown) {
    this.set('rule', v);
  }
  set errorAlert(v: unknown) {
    this.set('errorAlert', v);
  }
  set prompt(v: unknown) {
    this.set('prompt', v);
  }
}

function cellKeyOf(address: string): string {
  const a = parseArea(address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address);
  if (!a || a.top !== a.bottom || a.left !== a.right) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'NoteCollection');
  return `${colLetters(a.left)}${a.top}`;
}

export class NoteCollection extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly ws: Worksheet,
  ) {
    super(ctx);
  }
  getItemOrNullObject(cellAddress: string): Note {
    return new Note(this.ctx, this.ws, cellAddress, true);
  }
  getItem(cellAddress: string): Note {
    return new Note(this.ctx, this.ws, cellAddress, false);
  }
  add(cellAddress: string, content: string): Note {
    const note = new Note(this.ctx, this.ws, cellAddress, false);
    this.queue('NoteCollection.add', [cellAddress, content], true, () => {
      const s = this.ws.state();
      const k = cellKeyOf(cellAddress);
      if (s.notes.has(k)) throw new RichApiError('InvalidArgument', 'The cell already has a note.', 'NoteCollection.add');
      s.notes.set(k, content);
    }, 18, () => this.ws.find());
    return note;
  }
}

export class Note extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly ws: Worksheet,
    private readonly address: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
  }
  private needApi(): void {
    if (this.host.apiMinor < 18) throw new RichApiError('ApiNotFound', 'The API you are trying to use could not be found.', 'Worksheet.notes');
  }
  protected override exists(): boolean {
    this.needApi();
    const there = this.ws.state().notes.has(cellKeyOf(this.address));
    if (!there && !this.orNull) throw new RichApiError('ItemNotFound', "The requested resource doesn't exist.", 'Note');
    return there;
  }
  protected override scalar(prop: string): unknown {
    if (prop === 'content') return this.ws.state().notes.get(cellKeyOf(this.address));
    return super.scalar(prop);
  }
  get content(): string {
    return this.get('content');
  }
  set content(v: string) {
    this.queue('Note.content', v, true, () => {
      this.exists();
      this.ws.state().notes.set(cellKeyOf(this.address), v);
    }, 18, () => this.ws.find());
  }
  delete(): void {
    this.queue('Note.delete', undefined, true, () => {
      this.exists();
      this.ws.state().notes.delete(cellKeyOf(this.address));
    }, 18, () => this.ws.find());
  }
}

export class NamedItemCollection extends ClientObject {
  private list?: NamedItem[];
  get items(): NamedItem[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  override doLoad(paths: string[][]): unknown {
    this.list = this.host.wb.names.map((n) => new NamedItem(this.ctx, n.name));
    const sub = paths.filter((p) => p[0] === 'items').map((p) => p.slice(1));
    return this.list.map((n) => n.doLoad(sub));
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this.ctx, name);
  }
  add(name: string, reference: Range): NamedItem {
    this.queue('NamedItemCollection.add', name, true, () => {
      const wb = this.host.wb;
      if (wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new RichApiError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'NamedItemCollection.add');
      const s = reference.ws.state();
      const a = reference.area();
      wb.names.push({ name, sheetId: s.id, address: `$${colLetters(a.left)}$${a.top}` });
    }, 4);
    return new NamedItem(this.ctx, name);
  }
}

export class NamedItem extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly nameKey: string,
  ) {
    super(ctx);
  }
  private item() {
    const n = this.host.wb.names.find((x) => x.name.toLowerCase() === this.nameKey.toLowerCase());
    if (!n) throw new RichApiError('ItemNotFound', "The requested resource doesn't exist.", 'NamedItem');
    return n;
  }
  protected override scalar(prop: string): unknown {
    const n = this.item();
    if (prop === 'name') return n.name;
    if (prop === 'type') return n.sheetId === '#REF!' ? 'Error' : 'Range';
    if (prop === 'value') {
      const s = this.host.wb.sheets.find((x) => x.id === n.sheetId);
      return s ? `${quoteName(s.name)}!${n.address}` : '#REF!';
    }
    return super.scalar(prop);
  }
  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get value(): unknown {
    return this.get('value');
  }
  delete(): void {
    this.queue('NamedItem.delete', this.nameKey, true, () => {
      const wb = this.host.wb;
      wb.names.splice(wb.names.indexOf(this.item()), 1);
    }, 4);
  }
}

export class ChartCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly ws: Worksheet,
  ) {}
  add(type: string, sourceData: Range, seriesBy?: string): Chart {
    let id = -1;
    this.ctx.host.enqueue(this.ctx, {
      label: 'ChartCollection.add',
      bytes: argBytes([type, seriesBy]),
      write: true,
      sheet: () => this.ws.find(),
      run: () => {
        const s = this.ws.state();
        id = this.ctx.host.wb.nextId++;
        const src = sourceData.area();
        // Excel's default: one series per column of the source.
        const series = Array.from({ length: seriesBy === 'Rows' ? src.bottom - src.top + 1 : src.right - src.left + 1 }, () => ({}));
        s.charts.push({ id, type, source: areaAddress(src), seriesBy: seriesBy ?? 'Auto', props: {}, series });
      },
    });
    return new Chart(this.ctx, this.ws, () => id);
  }
}

export class Chart {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { valueAxis: { minimum: number; maximum: number }; categoryAxis: { reversePlotOrder: boolean; position: string } };
  readonly series: ChartSeriesCollection;
  constructor(
    private readonly ctx: RequestContext,
    private readonly ws: Worksheet,
    private readonly id: () => number,
  ) {
    const set = (p: string, minApi?: number) => (v: unknown) => this.set(p, v, minApi);
    const t = set('title.text');
    const l = set('legend.visible');
    const mn = set('axes.valueAxis.minimum');
    const mx = set('axes.valueAxis.maximum');
    this.title = { set text(v: string) { t(v); } } as { text: string };
    this.legend = { set visible(v: boolean) { l(v); } } as { visible: boolean };
    const rev = set('axes.categoryAxis.reversePlotOrder', 7);
    const pos = set('axes.categoryAxis.position', 8);
    this.axes = {
      valueAxis: { set minimum(v: number) { mn(v); }, set maximum(v: number) { mx(v); } } as { minimum: number; maximum: number },
      categoryAxis: { set reversePlotOrder(v: boolean) { rev(v); }, set position(v: string) { pos(v); } } as { reversePlotOrder: boolean; position: string },
    };
    this.series = new ChartSeriesCollection(ctx, ws, () => this.chart());
  }
  chart() {
    const c = this.ws.state().charts.find((x) => x.id === this.id());
    if (!c) throw new RichApiError('ItemNotFound', "The requested resource doesn't exist.", 'Chart');
    return c;
  }
  private set(path: string, v: unknown, minApi?: number): void {
    this.ctx.host.enqueue(this.ctx, { label: `Chart.${path}`, bytes: argBytes(v), write: true, minApi, sheet: () => this.ws.find(), run: () => void (this.chart().props[path] = v) });
  }
  setPosition(startCell: string, endCell?: string): void {
    this.set('position', [startCell, endCell]);
  }
}

export class ChartSeriesCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly ws: Worksheet,
    private readonly chart: () => { series: Record<string, unknown>[] },
  ) {}
  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.ctx, this.ws, () => {
      const s = this.chart().series[index];
      if (!s) throw new RichApiError('ItemNotFound', "The requested resource doesn't exist.", 'ChartSeriesCollection.getItemAt');
      return s;
    });
  }
  add(name?: string): ChartSeries {
    let created: Record<string, unknown> | undefined;
    this.ctx.host.enqueue(this.ctx, {
      label: 'ChartSeriesCollection.add',
      bytes: argBytes(name),
      write: true,
      minApi: 7,
      sheet: () => this.ws.find(),
      run: () => {
        created = { name };
        this.chart().series.push(created);
      },
    });
    return new ChartSeries(this.ctx, this.ws, () => created!);
  }
}

export class ChartSeries {
  readonly format: { fill: { setSolidColor(color: string): void } };
  constructor(
    private readonly ctx: RequestContext,
    private readonly ws: Worksheet,
    private readonly s: () => Record<string, unknown>,
  ) {
    this.format = { fill: { setSolidColor: (color: string) => this.set('color', color) } };
  }
  private set(p: string, v: unknown, minApi?: number): void {
    this.ctx.host.enqueue(this.ctx, { label: `ChartSeries.${p}`, bytes: argBytes(v), write: true, minApi, sheet: () => this.ws.find(), run: () => void (this.s()[p] = v) });
  }
  set name(v: string) {
    this.set('name', v);
  }
  setValues(source: Range): void {
    this.ctx.host.enqueue(this.ctx, { label: 'ChartSeries.setValues', bytes: OP_BYTES, write: true, minApi: 7, run: () => void (this.s().values = areaAddress(source.area())) });
  }
  setXAxisValues(source: Range): void {
    this.ctx.host.enqueue(this.ctx, { label: 'ChartSeries.setXAxisValues', bytes: OP_BYTES, write: true, minApi: 7, run: () => void (this.s().categories = areaAddress(source.area())) });
  }
}

export class WorksheetFreezePanes {
  constructor(
    private readonly ctx: RequestContext,
    private readonly ws: Worksheet,
  ) {}
  private set(rows: number, cols: number): void {
    this.ctx.host.enqueue(this.ctx, { label: 'WorksheetFreezePanes', bytes: OP_BYTES, write: false, minApi: 7, run: () => void (this.ws.state().freeze = { rows, cols }) });
  }
  freezeRows(count: number): void {
    this.set(count, 0);
  }
  freezeColumns(count: number): void {
    this.set(0, count);
  }
  freezeAt(frozenRange: Range): void {
    this.ctx.host.enqueue(this.ctx, {
      label: 'WorksheetFreezePanes.freezeAt',
      bytes: OP_BYTES,
      write: false,
      minApi: 7,
      run: () => {
        const a = frozenRange.area();
        this.ws.state().freeze = { rows: a.bottom, cols: a.right };
      },
    });
  }
}

export class PageLayout {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };
  constructor(
    private readonly ctx: RequestContext,
    private readonly ws: Worksheet,
  ) {
    const set = (v: unknown) => this.set('centerFooter', v);
    this.headersFooters = { defaultForAllPages: { set centerFooter(v: string) { set(v); } } as { centerFooter: string } };
  }
  private set(p: string, v: unknown): void {
    this.ctx.host.enqueue(this.ctx, { label: `PageLayout.${p}`, bytes: argBytes(v), write: true, minApi: 9, sheet: () => this.ws.find(), run: () => void (this.ws.state().pageLayout[p] = v) });
  }
  set orientation(v: string) { this.set('orientation', v); }
  set paperSize(v: string) { this.set('paperSize', v); }
  set zoom(v: unknown) { this.set('zoom', v); }
  set leftMargin(v: number) { this.set('leftMargin', v); }
  set rightMargin(v: number) { this.set('rightMargin', v); }
  set topMargin(v: number) { this.set('topMargin', v); }
  set bottomMargin(v: number) { this.set('bottomMargin', v); }
  set headerMargin(v: number) { this.set('headerMargin', v); }
  set footerMargin(v: number) { this.set('footerMargin', v); }
  set centerHorizontally(v: boolean) { this.set('centerHorizontally', v); }
  setPrintTitleRows(rows: string): void { this.set('printTitleRows', rows); }
  setPrintArea(area: string): void { this.set('printArea', area); }
}

export { type Area, type SheetState, type WorkbookState };
