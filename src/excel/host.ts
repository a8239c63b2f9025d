/**
 * The office-js host: `WorkbookHost` (src/app/ports.ts) over Excel — the ONLY code in the product
 * that calls `Excel.run` (the modules it delegates to receive the request context and queue
 * operations; they never run their own batch). Every error leaves as an `ExcelHostError` whose
 * message is one Spanish line.
 *
 * Wiring (composition root):
 *   const host = createExcelHost();                   // real Excel: globals Excel and Office
 *   const host = createExcelHost({ excel: double.Excel, office: double.Office }); // tests
 * Outside the port: `renderSheets(models)` for generated sheets, `applyMarkPlan(plan)`,
 * `limitations()` (Spanish notes on what this Excel cannot do, shown once).
 *
 * Lazy loading: what only one action needs (drawing generated sheets, templates, the settings'
 * zod schema) is imported inside that action with `await import(...)`, so the pane's first load
 * stays small; see `lazyChunks` and README «Rendimiento» (the 200 KB budget is tested).
 */
import type { ApprovalHost, CancelToken, ProgressReporter, SheetWrite, WorkbookHost, WorkbookSettings } from '../app/ports';
import type { WorkbookGrids } from '../domain/grid';
import type { Finding } from '../domain/finding';
import type { GeneralKind } from '../domain/fields';
import type { WorkbookMapping } from '../domain/mapping';
import type { SheetModel } from '../sheets/model';
import type { MarkPlan } from '../app/marks';
import { detectCapabilities, limitationsOf, officeIsSetSupported, scriptHasIn, type Capabilities, type IsSetSupported } from './capabilities';
import { DEFAULT_BATCH_BUDGET, isNull } from './batch';
import { ExcelHostError, isTransientError, toExcelHostError } from './errors';
import { readGrids } from './read';
import type { MarkOutcome } from './marks';
import type { RenderedSheet } from './render';

/** What the adapter needs of the `Excel` global: `run`, with or without run options. */
export interface ExcelRuntime {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** What the adapter needs of the `Office` global: requirement sets, document settings and dialogs. */
export interface OfficeRuntime {
  readonly context: {
    readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly document?: { readonly settings?: Pick<Office.Settings, 'get' | 'set' | 'remove' | 'saveAsync'> };
    /** Dialogs (the «Informe» window, `informe-dialog.ts`). */
    readonly ui?: Pick<Office.UI, 'displayDialogAsync'>;
  };
}

export interface ExcelHostOptions {
  /** Default: the global `Excel` at call time. */
  readonly excel?: ExcelRuntime;
  /** Default: the global `Office` at call time. */
  readonly office?: OfficeRuntime;
  /** Override the detected requirement sets (tests). */
  readonly isSetSupported?: IsSetSupported;
  /** Bytes per batch (default 4 MB, under Excel's 5 MB limit). */
  readonly budget?: number;
  /** Longest address string per multi-area range (default 8,192). */
  readonly maxAddressChars?: number;
  /** Spanish notices (a feature this Excel lacks), each said once. */
  readonly notify?: (message: string) => void;
}

export const SETTINGS_KEY = 'tablero-pdm.ajustes';

export class ExcelWorkbookHost implements WorkbookHost, ApprovalHost {
  private readonly opts: ExcelHostOptions;
  private caps?: Capabilities;
  private budget: number;
  private readonly said = new Set<string>();

  constructor(opts: ExcelHostOptions = {}) {
    this.opts = opts;
    this.budget = opts.budget ?? DEFAULT_BATCH_BUDGET;
  }

  /** Requirement sets of this Excel, detected once. */
  capabilities(): Capabilities {
    if (!this.caps) {
      const office = this.office();
      const check: IsSetSupported =
        this.opts.isSetSupported ??
        (office?.context.requirements ? (n, v) => office.context.requirements!.isSetSupported(n, v) : officeIsSetSupported());
      this.caps = detectCapabilities(check, scriptHasIn(this.opts.excel ?? (globalThis as { Excel?: unknown }).Excel));
    }
    return this.caps;
  }

  /** Spanish notes on what this Excel cannot do, for the pane to show once. */
  limitations(): string[] {
    return limitationsOf(this.capabilities());
  }

  private excel(): ExcelRuntime {
    const excel = this.opts.excel ?? (globalThis as { Excel?: ExcelRuntime }).Excel;
    if (!excel || typeof excel.run !== 'function') throw new ExcelHostError('unsupported', 'Este panel solo funciona dentro de Excel.');
    return excel;
  }

  private office(): OfficeRuntime | undefined {
    return this.opts.office ?? (globalThis as { Office?: OfficeRuntime }).Office;
  }

  private notice(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.opts.notify?.(message);
  }

  /** One `Excel.run` (waiting out cell-edit mode where supported); errors become Spanish. */
  private async run<T>(action: string, batch: (ctx: Excel.RequestContext) => Promise<T>, retryTransient = false): Promise<T> {
    const excel = this.excel();
    const once = () => (this.capabilities().delayForCellEdit ? excel.run({ delayForCellEdit: true }, batch) : excel.run(batch));
    try {
      return await once();
    } catch (e) {
      if (retryTransient && isTransientError(e)) {
        try {
          return await once();
        } catch (e2) {
          throw toExcelHostError(e2, { action });
        }
      }
      throw toExcelHostError(e, { action });
    }
  }

  readGrids(scope: 'workbook' | 'active', progress?: ProgressReporter, cancel?: CancelToken): Promise<WorkbookGrids> {
    return this.run(
      'leer el libro',
      async (ctx) => {
        const o = { caps: this.capabilities(), budget: this.budget, progress, cancel };
        const grids = await readGrids(ctx, scope, o);
        this.budget = o.budget;
        return grids;
      },
      true,
    );
  }

  async writeMarks(findings: readonly Finding[], progress?: ProgressReporter, cancel?: CancelToken): Promise<void> {
    const { planMarks } = await lazyChunks.planMarks();
    await this.applyMarkPlan(planMarks(findings), progress, cancel);
  }

  /** Applies a mark plan (`app/marks.ts`); says once when notes are not available. */
  async applyMarkPlan(plan: MarkPlan, progress?: ProgressReporter, cancel?: CancelToken): Promise<MarkOutcome> {
    const { writeMarksIn } = await lazyChunks.marks();
    const outcome = await this.run('marcar las celdas', async (ctx) => {
      const o = { caps: this.capabilities(), budget: this.budget, maxAddressChars: this.opts.maxAddressChars, progress, cancel };
      const r = await writeMarksIn(ctx, plan, o);
      this.budget = o.budget;
      return r;
    });
    outcome.notices.forEach((n) => this.notice(n));
    return outcome;
  }

  async clearMarks(): Promise<void> {
    const { clearMarksIn } = await lazyChunks.marks();
    await this.run('quitar las marcas', (ctx) => clearMarksIn(ctx, { caps: this.capabilities(), budget: this.budget }));
  }

  /** Draws generated sheets (tablero, alertas, observaciones) atomically; the first is activated. */
  async renderSheets(models: readonly SheetModel[], progress?: ProgressReporter, cancel?: CancelToken, generatedAt = localIsoNow()): Promise<RenderedSheet[]> {
    const { renderSheetsIn } = await lazyChunks.render();
    return this.run('generar las hojas', (ctx) => renderSheetsIn(ctx, models, { caps: this.capabilities(), budget: this.budget, generatedAt, progress, cancel }));
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run('seleccionar la celda', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('name');
      await ctx.sync();
      if (isNull(ws)) throw new ExcelHostError('not-found', `No se encontró la hoja «${sheet}»: ¿se cambió su nombre o se eliminó?`);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  async loadSettings(): Promise<WorkbookSettings> {
    const settings = this.office()?.context.document?.settings;
    if (!settings) return {};
    try {
      const v = settings.get(SETTINGS_KEY) as unknown;
      return (await lazyChunks.settings()).parseSettings(v);
    } catch {
      return {};
    }
  }

  async saveSettings(next: WorkbookSettings): Promise<void> {
    const settings = this.office()?.context.document?.settings;
    if (!settings) throw new ExcelHostError('unsupported', 'Esta versión de Excel no permite guardar ajustes en el libro.');
    settings.set(SETTINGS_KEY, (await lazyChunks.settings()).parseSettings(next));
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result: Office.AsyncResult<void>) => {
        if (String(result.status) === 'failed') reject(new ExcelHostError('generic', 'No se pudieron guardar los ajustes en el libro; vuelva a intentar.', undefined, result.error));
        else resolve();
      });
    });
  }

  /** Aprobar plan, Registrar modificación: blocks of values in one batch (`excel/cells.ts`). */
  async writeCells(writes: readonly SheetWrite[]): Promise<void> {
    const { writeCellsIn } = await lazyChunks.cells();
    await this.run('escribir en el libro', (ctx) => writeCellsIn(ctx, writes, this.capabilities()));
  }

  async insertTemplate(kind: GeneralKind, settings: WorkbookSettings): Promise<string> {
    const [{ templateSpec }, { insertTemplateIn }] = await Promise.all([lazyChunks.templates(), lazyChunks.template()]);
    const spec = templateSpec(kind, settings);
    return this.run('insertar la plantilla', (ctx) => insertTemplateIn(ctx, spec, this.capabilities(), this.budget));
  }

  async saveMapping(mapping: WorkbookMapping): Promise<void> {
    const { writeMappingIn } = await lazyChunks.mapping();
    await this.run('guardar el mapa de columnas', (ctx) => writeMappingIn(ctx, mapping));
  }
}

/**
 * Code loaded on demand (one webpack chunk each, named after what it is for). To keep a new
 * action's code out of the first load, add it here (or `await import()` it inside the action) —
 * never import it statically from a module the pane loads at start; a type-only import is free.
 * The engine's side of the same table is `paneChunks` (app/pane.ts); docs/architecture.md,
 * «Carga diferida».
 */
export const lazyChunks = {
  /** Validar and Limpiar marcas: writing and clearing marks, and the plan of the marks (the same chunk as the rules, `paneChunks.validate`). */
  marks: () => import(/* webpackChunkName: "validar" */ './marks.js'),
  planMarks: () => import(/* webpackChunkName: "validar" */ '../app/marks.js'),
  render: () => import(/* webpackChunkName: "generar" */ './render.js'),
  template: () => import(/* webpackChunkName: "plantillas" */ './template.js'),
  templates: () => import(/* webpackChunkName: "plantillas" */ '../app/templates.js'),
  /** Reading and saving the settings (zod; at open too). Not "ajustes", the settings form: the ribbon page has no React. */
  settings: () => import(/* webpackChunkName: "ajustes-libro" */ '../app/settings.js'),
  cells: () => import(/* webpackChunkName: "aprobacion" */ './cells.js'),
  mapping: () => import(/* webpackChunkName: "en-este-libro" */ './mapping.js'),
};

/** Local date-time without zone, `2025-07-10T09:30`. */
export function localIsoNow(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function createExcelHost(opts: ExcelHostOptions = {}): ExcelWorkbookHost {
  return new ExcelWorkbookHost(opts);
}
