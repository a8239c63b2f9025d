/**
 * An in-memory Excel for tests — the exact office-js subset the adapter (src/excel/) uses, with
 * office-js's load/sync semantics, a count of `sync()` calls, the size of each batch (request and
 * response, as JSON) and injectable faults. Browser-safe (no Node imports): the pane's browser
 * test bundles it and installs it as the global `Excel` / `Office`.
 *
 * @example
 * const xl = new ExcelDouble({ apiVersion: '1.18' });
 * xl.addSheet({ name: 'Hoja de captura', rows: [['Código', 'Meta'], ['1905001', 'Vías']] });
 * installExcelDouble(xl);                 // globalThis.Excel / globalThis.Office
 * // … or pass it explicitly: createExcelHost({ excel: xl.Excel, office: xl.Office })
 * xl.stats.syncs; xl.stats.maxRequestBytes; xl.faults.cellEditMode = true;
 */
import { DialogDouble } from './dialog';
import { EXCEL_LIMITS, NoteCollection, RequestContext, RichApiError, type ExcelLimits, type Host, type Op } from './api';
import { type Area, type CellState, type SheetState, type WorkbookState, colLetters, key, newSheet, parseArea, snapshotOf, unkey } from './state';

export { RichApiError, coerce, EXCEL_LIMITS, validSheetName, type ExcelLimits } from './api';
export type { CellState, SheetState, WorkbookState, Area } from './state';

/** Excel on the web refuses requests and responses above 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface Faults {
  /** The user is typing in a cell: batches fail with InvalidOperationInCellEditMode unless the run asked `delayForCellEdit` (then they wait — counted in `stats.delayed` — and run). */
  cellEditMode?: boolean;
  /** Request or response above this many bytes → RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; nothing of the batch applied. Default 5 MB. */
  payloadLimitBytes?: number;
  /** The Nth operation (1-based, counted across batches from when it is set) fails; earlier operations of its batch stay applied, as in Excel. */
  failAtOperation?: { n: number; code?: string; message?: string; onlyWrites?: boolean };
  /** The next `count` syncs fail before running anything (default GeneralException). */
  failSyncs?: { count: number; code?: string; message?: string };
}

export interface BatchStats {
  readonly ops: number;
  readonly writes: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
}

export interface Stats {
  runs: number;
  syncs: number;
  /** Batches that waited for the user to leave cell-edit mode. */
  delayed: number;
  batches: BatchStats[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Milliseconds spent inside `sync()` — Excel's side; the rest of a run is the pane's own JavaScript. */
  excelMs: number;
  /** The same in the process's CPU time (where Node has it): on a shared machine, wall time also counts waiting for a core. */
  excelCpuMs: number;
  /** The same on `DoubleOptions.threadClock` (the calling thread's own CPU time), when one was given; else 0. */
  excelThreadMs: number;
}

export interface SheetInput {
  name: string;
  /** Row-major from `startRow` / `startCol` (default A1). `{ error }` = error value; `{ formula, result }`. */
  rows?: (string | number | boolean | null | undefined | { error: string } | { formula: string; result?: string | number | boolean })[][];
  startRow?: number;
  startCol?: number;
  merges?: string[];
  /** 'C3' → format, or a column letter → format for every row given. */
  formats?: Record<string, string>;
  /** Cell fills (the person's own), 'B4' → '#FF0000'. */
  fills?: Record<string, string>;
  notes?: Record<string, string>;
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
}

export interface DoubleOptions {
  /** Highest ExcelApi set supported, e.g. '1.6', '1.9', '1.18' (default '1.18'). */
  apiVersion?: string;
  workbookName?: string;
  /** Default 'OfficeOnline'. On 'Mac' some refusals come as GeneralException (office-js#365). */
  platform?: 'OfficeOnline' | 'PC' | 'Mac';
  /**
   * Language of Excel's error messages (default 'es-CO'): `message` and `debugInfo.message` are
   * localised, only `code` is not ("Error handling with the application-specific JavaScript APIs").
   */
  locale?: 'es-CO' | 'en-US';
  /**
   * Does the loaded office.js define notes (default true)? The host may support ExcelApi 1.18 while
   * the script the page loaded (npm @microsoft/office-js 1.1.110) has no `NoteCollection`: then
   * `worksheet.notes` is undefined whatever `isSetSupported` says.
   */
  scriptNotes?: boolean;
  /** DialogApi of this host (default '1.2'): '1.1' has no `Dialog.messageChild` (dialog.ts). */
  dialogApi?: '1.1' | '1.2';
  /** The add-in's origin, for the dialogs' addresses (default: the page's, else https://localhost:3000). */
  hostOrigin?: string;
  /**
   * The calling thread's own CPU time in ms (the bench gives the pane thread's, from the OS): with
   * it, `stats.excelThreadMs` keeps the double's own time on that clock too.
   */
  threadClock?: () => number;
}

/** Excel's messages in Spanish (es-CO Excel), by error code. */
/** CPU time of the process in ms (Node); wall time where there is none (the browser build of the double). */
function cpuMs(): number {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (!p?.cpuUsage) return performance.now();
  const u = p.cpuUsage();
  return (u.user + u.system) / 1000;
}

const SPANISH: Record<string, string> = {
  AccessDenied: 'La celda o el gráfico que intenta cambiar está en una hoja protegida. Para realizar un cambio, desproteja la hoja.',
  ApiNotFound: 'No se encuentra la API que intenta usar. Puede que esté disponible en una versión más reciente de Excel.',
  GeneralException: 'Error interno al procesar la solicitud.',
  InvalidArgument: 'El argumento no es válido, falta o tiene un formato incorrecto.',
  InvalidOperation: 'La operación no está permitida para el objeto actual.',
  InvalidOperationInCellEditMode: 'Excel está en modo de edición de celdas. Para salir del modo de edición, presione ENTRAR o TAB o seleccione otra celda y vuelva a intentarlo.',
  ItemAlreadyExists: 'Ya existe un recurso con el mismo nombre o identificador.',
  ItemNotFound: 'El recurso solicitado no existe.',
  RequestPayloadSizeLimitExceeded: 'El tamaño de la carga de la solicitud superó el límite.',
  ResponsePayloadSizeLimitExceeded: 'El tamaño de la carga de la respuesta superó el límite.',
};

type Batch = (ctx: RequestContext) => Promise<unknown>;

export class ExcelDouble implements Host {
  readonly wb: WorkbookState;
  readonly apiMinor: number;
  readonly platform: 'OfficeOnline' | 'PC' | 'Mac';
  readonly locale: 'es-CO' | 'en-US';
  readonly scriptNotes: boolean;
  private readonly threadClock?: () => number;
  /** Excel's limits (CATALOG.md); a test lowers one to play an Excel that refuses earlier. */
  readonly limits: ExcelLimits = { ...EXCEL_LIMITS };
  readonly faults: Faults = {};
  stats: Stats = ExcelDouble.emptyStats();
  /** Document settings (`Office.context.document.settings`), saved or not. */
  readonly settings = new Map<string, unknown>();
  readonly savedSettings = new Map<string, unknown>();
  /** Office dialogs (`Office.context.ui`, dialog.ts). */
  readonly dialogs: DialogDouble;
  private readonly queues = new WeakMap<RequestContext, Op[]>();
  private opCounter = 0;

  /** What to install as the global `Excel`. */
  readonly Excel: { run: (...args: unknown[]) => Promise<unknown>; RequestContext: typeof RequestContext; NoteCollection?: typeof NoteCollection };
  /** What to install as the global `Office`. */
  readonly Office: {
    context: {
      requirements: { isSetSupported(name: string, version?: string): boolean };
      ui: DialogDouble['ui'];
      document: { settings: { get(name: string): unknown; set(name: string, value: unknown): void; remove(name: string): void; saveAsync(cb?: (r: { status: string; error?: unknown }) => void): void } };
    };
    onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
    HostType: { Excel: string };
  };

  constructor(opts: DoubleOptions = {}) {
    const v = opts.apiVersion ?? '1.18';
    this.apiMinor = Number(v.split('.')[1] ?? 0);
    this.platform = opts.platform ?? 'OfficeOnline';
    this.locale = opts.locale ?? 'es-CO';
    this.scriptNotes = opts.scriptNotes ?? true;
    this.threadClock = opts.threadClock;
    this.wb = { name: opts.workbookName ?? 'Libro1.xlsx', sheets: [], names: [], nextId: 1 };
    const run = (...args: unknown[]) => this.run(args);
    // Like office.js, the namespace carries a class only when the loaded script defines it.
    this.Excel = this.scriptNotes ? { run, RequestContext, NoteCollection } : { run, RequestContext };
    const settings = this.settings;
    const saved = this.savedSettings;
    const info = { host: 'Excel', platform: this.platform };
    const dialogs = (this.dialogs = new DialogDouble({ dialogApi: opts.dialogApi, hostOrigin: opts.hostOrigin }));
    this.Office = {
      context: {
        requirements: {
          isSetSupported: (name, version) =>
            name === 'DialogApi' ? dialogs.supports(version) : name === 'ExcelApi' && (version === undefined || Number(version.split('.')[1] ?? 0) <= this.apiMinor),
        },
        ui: dialogs.ui,
        document: {
          settings: {
            get: (n) => (settings.has(n) ? structuredClone(settings.get(n)) : null),
            set: (n, value) => void settings.set(n, structuredClone(value)),
            remove: (n) => void settings.delete(n),
            saveAsync: (cb) => {
              for (const [k, val] of settings) saved.set(k, structuredClone(val));
              setTimeout(() => cb?.({ status: 'succeeded' }), 0);
            },
          },
        },
      },
      onReady: (cb) => {
        cb?.(info);
        return Promise.resolve(info);
      },
      HostType: { Excel: 'Excel' },
    };
  }

  static emptyStats(): Stats {
    return { runs: 0, syncs: 0, delayed: 0, batches: [], maxRequestBytes: 0, maxResponseBytes: 0, excelMs: 0, excelCpuMs: 0, excelThreadMs: 0 };
  }

  resetStats(): void {
    this.stats = ExcelDouble.emptyStats();
  }

  // --- office-js entry points ------------------------------------------------------------------

  private async run(args: unknown[]): Promise<unknown> {
    const batch = args[args.length - 1] as Batch;
    if (typeof batch !== 'function') throw new TypeError('Excel.run: batch function expected');
    const options = args.length > 1 && typeof args[0] === 'object' && args[0] !== null ? (args[0] as { delayForCellEdit?: boolean }) : {};
    this.stats.runs++;
    // delayForCellEdit is honoured from ExcelApi 1.11: the adapter's assumption, the reference names no set (CATALOG.md row 8).
    const ctx = new RequestContext(this, options.delayForCellEdit === true && this.apiMinor >= 11);
    const result = await batch(ctx);
    if ((this.queues.get(ctx) ?? []).length) await this.sync(ctx); // Excel.run flushes what is left
    return result;
  }

  enqueue(ctx: RequestContext, op: Op): void {
    let q = this.queues.get(ctx);
    if (!q) this.queues.set(ctx, (q = []));
    q.push(op);
  }

  async sync(ctx: RequestContext): Promise<void> {
    const t0 = performance.now();
    const c0 = cpuMs();
    const h0 = this.threadClock?.() ?? 0;
    try {
      await this.syncBatch(ctx);
    } catch (e) {
      throw this.localised(e);
    } finally {
      this.stats.excelMs += performance.now() - t0;
      this.stats.excelCpuMs += cpuMs() - c0;
      if (this.threadClock) this.stats.excelThreadMs += this.threadClock() - h0;
    }
  }

  /** Excel's error as an es-CO Excel gives it: the same code, the message in Spanish. */
  private localised(e: unknown): unknown {
    if (this.locale !== 'es-CO' || !(e instanceof RichApiError)) return e;
    const text = SPANISH[e.code];
    return text ? new RichApiError(e.code, text, e.debugInfo.errorLocation) : e;
  }

  private async syncBatch(ctx: RequestContext): Promise<void> {
    const ops = this.queues.get(ctx) ?? [];
    this.queues.set(ctx, []);
    this.stats.syncs++;
    await Promise.resolve();
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0) + 200;
    const record = (responseBytes: number) => {
      this.stats.batches.push({ ops: ops.length, writes: ops.filter((o) => o.write).length, requestBytes, responseBytes });
      this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, requestBytes);
      this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, responseBytes);
    };
    const fs = this.faults.failSyncs;
    if (fs && fs.count > 0) {
      fs.count--;
      record(0);
      throw new RichApiError(fs.code ?? 'GeneralException', fs.message ?? 'There was an internal error while processing the request.');
    }
    if (this.faults.cellEditMode) {
      if (!ctx.delayForCellEdit) {
        record(0);
        throw new RichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      this.stats.delayed++;
      this.faults.cellEditMode = false; // the user pressed Enter; the batch runs
    }
    const limit = this.faults.payloadLimitBytes ?? PAYLOAD_LIMIT;
    if (requestBytes > limit) {
      record(0);
      throw new RichApiError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
    let responseBytes = 0;
    try {
      for (const op of ops) {
        this.opCounter++;
        const f = this.faults.failAtOperation;
        if (f && (!f.onlyWrites || op.write)) {
          f.n--;
          if (f.n <= 0) {
            this.faults.failAtOperation = undefined;
            throw new RichApiError(f.code ?? 'GeneralException', f.message ?? 'An internal error has occurred.', op.label);
          }
        }
        if (op.minApi !== undefined && op.minApi > this.apiMinor) throw new RichApiError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.', op.label);
        if (op.write && op.sheet) {
          const s = op.sheet();
          if (s?.protected) throw new RichApiError('AccessDenied', 'The cell or chart you\'re trying to change is on a protected sheet. To make a change, unprotect the sheet.', op.label);
        }
        const data = op.run();
        if (data !== undefined) responseBytes += JSON.stringify(data)?.length ?? 0;
      }
    } catch (e) {
      record(responseBytes);
      throw e;
    }
    record(responseBytes);
    if (responseBytes > limit) throw new RichApiError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }

  // --- building and inspecting the workbook ------------------------------------------------------

  addSheet(input: SheetInput): SheetState {
    const s = newSheet(`{${String(this.wb.nextId++).padStart(8, '0')}}`, input.name);
    s.protected = input.protected ?? false;
    s.visibility = input.visibility ?? 'Visible';
    const r0 = input.startRow ?? 1;
    const c0 = input.startCol ?? 1;
    (input.rows ?? []).forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === undefined || v === null || v === '') return;
        const cell: CellState = { v: null };
        if (typeof v === 'object' && 'error' in v) cell.error = v.error;
        else if (typeof v === 'object' && 'formula' in v) {
          cell.formula = v.formula.startsWith('=') ? v.formula : `=${v.formula}`;
          cell.v = v.result ?? null;
        } else cell.v = v;
        s.cells.set(key(r0 + i, c0 + j), cell);
      });
    });
    for (const [addr, fmt] of Object.entries(input.formats ?? {})) {
      if (/^[A-Z]+$/.test(addr)) {
        const col = parseArea(`${addr}1`)!.left;
        (input.rows ?? []).forEach((_r, i) => this.cellOf(s, r0 + i, col).nf = fmt);
      } else {
        const a = parseArea(addr)!;
        for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) this.cellOf(s, r, c).nf = fmt;
      }
    }
    for (const [addr, color] of Object.entries(input.fills ?? {})) {
      const a = parseArea(addr)!;
      const cell = this.cellOf(s, a.top, a.left);
      cell.style = { ...(cell.style ?? {}), 'fill.color': color };
    }
    for (const m of input.merges ?? []) {
      const a = parseArea(m)!;
      s.merges.push(a);
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) s.cells.delete(key(r, c));
    }
    for (const [addr, text] of Object.entries(input.notes ?? {})) s.notes.set(addr, text);
    this.wb.sheets.push(s);
    if (!this.wb.activeId && s.visibility === 'Visible') this.wb.activeId = s.id;
    return s;
  }

  private cellOf(s: SheetState, row: number, col: number): CellState {
    const k = key(row, col);
    let c = s.cells.get(k);
    if (!c) s.cells.set(k, (c = { v: null }));
    return c;
  }

  sheet(name: string): SheetState {
    const s = this.wb.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`Excel double: no sheet ${name}`);
    return s;
  }

  /** One cell as a test reads it. */
  cell(sheet: string, address: string): { value: string | number | boolean | null; error?: string; formula?: string; numberFormat: string; fill?: unknown; note?: string } {
    const s = this.sheet(sheet);
    const a = parseArea(address)!;
    const c = s.cells.get(key(a.top, a.left));
    const at = `${colLetters(a.left)}${a.top}`;
    return { value: c?.v ?? null, error: c?.error, formula: c?.formula, numberFormat: c?.nf ?? 'General', fill: c?.style?.['fill.color'], note: s.notes.get(at) };
  }

  /** Every cell with a value, as 'A1' → value (errors as their text). */
  values(sheet: string): Map<string, string | number | boolean> {
    const out = new Map<string, string | number | boolean>();
    for (const [k, c] of this.sheet(sheet).cells) {
      const { row, col } = unkey(k);
      if (c.error) out.set(`${colLetters(col)}${row}`, c.error);
      else if (c.v !== null) out.set(`${colLetters(col)}${row}`, c.v);
    }
    return out;
  }

  /** Comparable picture of the whole workbook. */
  snapshot(): unknown {
    return snapshotOf(this.wb);
  }

  setActive(sheet: string): void {
    this.wb.activeId = this.sheet(sheet).id;
  }

  get activeSheet(): string | undefined {
    return this.wb.sheets.find((s) => s.id === this.wb.activeId)?.name;
  }

  get selection(): { sheet: string; address: string } | undefined {
    const sel = this.wb.selection;
    if (!sel) return undefined;
    return { sheet: this.wb.sheets.find((s) => s.id === sel.sheetId)?.name ?? '?', address: sel.address };
  }
}

/** Installs the double as the globals `Excel` and `Office` (browser test, or a jest test). Returns an uninstaller. */
export function installExcelDouble(double: ExcelDouble, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
  const before = { Excel: target.Excel, Office: target.Office };
  target.Excel = double.Excel;
  target.Office = double.Office;
  return () => {
    target.Excel = before.Excel;
    target.Office = before.Office;
  };
}

export function areaOf(address: string): Area | undefined {
  return parseArea(address);
}
