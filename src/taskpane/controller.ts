/**
 * The pane's workflow, host-agnostic: what Validar, Limpiar marcas, Generar, Insertar plantilla
 * and Ajustes do, in which order, with progress, cancellation and Spanish error messages.
 *
 * It takes a `WorkbookHost` (the office-js adapter in Excel, a fake in component tests, the
 * adapter over the Excel double in the browser test) and the app's use cases (`PaneUseCases`,
 * `app/pane.ts`), and gives the components plain async actions (`PaneActions`). No
 * React and no Office here: components get these actions as props.
 */
import { UserError } from '../app/errors';
import { throwIfCancelled, type CancelToken, type NoticeSource, type ProgressReporter, type WorkbookHost, type WorkbookSettings } from '../app/ports';
import { storedMappingOf, type Detection, type PaneSheetKind, type PaneUseCases, type ShowInforme, type ValidationOutcome } from '../app/pane';
import type { Finding, Severity } from '../domain/finding';
import { compareFindings } from '../domain/finding';
import type { FieldId, GeneralKind } from '../domain/fields';
import type { BookReading } from '../app/book';

export type ValidationScope = 'workbook' | 'active';

export interface RunControl {
  readonly progress: ProgressReporter;
  readonly cancel: CancelToken;
}

/** What the components can do: every action is async and throws only `Error`s. */
export interface PaneActions {
  detect(): Promise<Detection>;
  validate(scope: ValidationScope, run: RunControl): Promise<ValidationOutcome>;
  selectFinding(finding: Finding): Promise<void>;
  clearMarks(): Promise<void>;
  /** `unit`: Alertas and Observaciones of that unit only. */
  generate(kind: PaneSheetKind, run: RunControl, unit?: string): Promise<string>;
  insertTemplate(kind: GeneralKind): Promise<string>;
  loadSettings(): Promise<WorkbookSettings>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  ruleTitle(rule: string): string;
  /** Spanish notices from the host (a feature this Excel lacks), each said once. */
  onNotice(listener: (message: string) => void): () => void;
  /** «En este libro»: the reading of the open workbook, with the mapping stored in it. */
  readBook(): Promise<BookReading>;
  /** Gives `field` of `sheet` the column `column` (letter; `null` = back to the guess), stores the mapping in the workbook, reads again. */
  setFieldColumn(sheet: string, field: FieldId, column: string | null): Promise<BookReading>;
  /**
   * «Informe»: builds the quarterly report of the workbook (`publico`: the Ley 1474 version) and
   * shows it in its dialog, ready to print; resolves to what it holds, in Spanish.
   */
  informe(publico: boolean, run: RunControl): Promise<string>;
}

/** «En este libro»'s code (and the zod schema behind it) loads when that tab is first opened. */
const bookChunk = () => import(/* webpackChunkName: "en-este-libro" */ '../app/book.js');

/** `showInforme`: where «Informe» shows its page (the add-in: an Office dialog); without it, «Informe» says it cannot. */
export function createPaneActions(host: WorkbookHost, useCases: PaneUseCases, notices?: NoticeSource, showInforme?: ShowInforme): PaneActions {
  return {
    async detect() {
      const settings = await host.loadSettings();
      const grids = await host.readGrids('workbook');
      return useCases.detect(grids, settings, await storedMappingOf(grids));
    },

    async validate(scope, { progress, cancel }) {
      const settings = await host.loadSettings();
      progress.report('Leyendo hojas', 0, 1);
      const grids = await host.readGrids(scope, progress, cancel);
      throwIfCancelled(cancel);
      progress.report('Revisando reglas', 0, 1);
      // Let the pane paint the step before the (synchronous) engine runs.
      await nextTick();
      const stored = await storedMappingOf(grids);
      const outcome = await useCases.validate(grids, settings, stored);
      throwIfCancelled(cancel);
      progress.report('Marcando celdas', 0, Math.max(outcome.findings.length, 1));
      await host.clearMarks();
      await host.writeMarks(outcome.findings, progress, cancel);
      throwIfCancelled(cancel);
      return outcome;
    },

    selectFinding(finding) {
      return host.selectCell(finding.sheet, finding.cell);
    },

    clearMarks() {
      return host.clearMarks();
    },

    async generate(kind, { progress, cancel }, unit) {
      const settings = await host.loadSettings();
      progress.report('Leyendo hojas', 0, 1);
      const grids = await host.readGrids('workbook', progress, cancel);
      throwIfCancelled(cancel);
      const name = await useCases.generate(kind, grids, settings, progress, cancel, unit, await storedMappingOf(grids));
      throwIfCancelled(cancel);
      return name;
    },

    async insertTemplate(kind) {
      const settings = await host.loadSettings();
      return host.insertTemplate(kind, settings);
    },

    loadSettings() {
      return host.loadSettings();
    },

    saveSettings(settings) {
      return host.saveSettings(settings);
    },

    ruleTitle(rule) {
      return useCases.ruleTitle(rule);
    },

    onNotice(listener) {
      return notices ? notices.subscribe(listener) : () => undefined;
    },

    async readBook() {
      const [settings, grids, { bookReading }] = await Promise.all([host.loadSettings(), host.readGrids('workbook'), bookChunk()]);
      return bookReading(grids, settings, await storedMappingOf(grids));
    },

    async informe(publico, { progress, cancel }) {
      if (!showInforme) throw new UserError('Este panel no puede abrir la ventana del informe. Use «tablero informe» en la línea de comandos.');
      const settings = await host.loadSettings();
      progress.report('Leyendo hojas', 0, 1);
      const grids = await host.readGrids('workbook', progress, cancel);
      throwIfCancelled(cancel);
      progress.report('Preparando el informe', 0, 1);
      await nextTick();
      const { html, summary } = await useCases.informe(grids, settings, publico, await storedMappingOf(grids));
      throwIfCancelled(cancel);
      progress.report('Abriendo la ventana del informe', 0, 1);
      await showInforme(html);
      return summary;
    },

    async setFieldColumn(sheetName, field, column) {
      const [settings, grids, { bookReading, withFieldColumn }] = await Promise.all([host.loadSettings(), host.readGrids('workbook'), bookChunk()]);
      const stored = await storedMappingOf(grids);
      const sheet = bookReading(grids, settings, stored).sheets.find((s) => s.name === sheetName);
      if (!sheet) throw new UserError(`No se encontró la hoja «${sheetName}»: ¿se cambió su nombre? Vuelva a abrir «En este libro».`);
      const mapping = withFieldColumn(stored.mapping, sheet, field, column);
      await host.saveMapping(mapping);
      return bookReading(grids, settings, { mapping });
    },
  };
}

function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// ---------------------------------------------------------------------------------------------
// Grouping of the findings list: severity first (errors, then warnings), then rule.

export interface RuleGroup {
  readonly rule: string;
  readonly findings: readonly Finding[];
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly count: number;
  readonly rules: readonly RuleGroup[];
}

/** Errors before warnings; inside each, rules by count (most first) then id; findings in sheet order. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const bySeverity = new Map<Severity, Map<string, Finding[]>>();
  for (const f of findings) {
    let rules = bySeverity.get(f.severity);
    if (!rules) bySeverity.set(f.severity, (rules = new Map()));
    let list = rules.get(f.rule);
    if (!list) rules.set(f.rule, (list = []));
    list.push(f);
  }
  const out: SeverityGroup[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const rules = bySeverity.get(severity);
    if (!rules) continue;
    const groups = [...rules.entries()]
      .map(([rule, list]) => ({ rule, findings: list.sort(compareFindings) }))
      .sort((a, b) => b.findings.length - a.findings.length || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    out.push({ severity, count: groups.reduce((n, g) => n + g.findings.length, 0), rules: groups });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Errors in plain Spanish. Never a stack trace, never an English Office message.

/**
 * Office error codes (OfficeExtension.Error.code, Office.Error.code) the pane may meet, in the
 * words a municipal liaison understands. Codes are stable across platforms; messages are not.
 */
const officeCodeMessages: Record<string, string> = {
  InvalidOperationInCellEditMode:
    'Excel está editando una celda. Termine la edición (presione Entrar o Esc) y vuelva a intentarlo.',
  AccessDenied:
    'Excel no permitió cambiar el libro: puede que una hoja esté protegida o que el libro esté en modo de solo lectura. Desproteja la hoja (Revisar › Desproteger hoja) o guarde una copia editable.',
  InsertDeleteConflict: 'Excel no pudo insertar o eliminar celdas en esa hoja (¿tiene tablas o celdas combinadas en medio?).',
  ItemNotFound: 'No se encontró la hoja o la celda: puede que se haya renombrado o eliminado. Vuelva a validar.',
  InvalidArgument: 'Excel rechazó un valor de la operación. Vuelva a validar el libro e inténtelo de nuevo.',
  InvalidReference: 'La referencia de la celda ya no es válida: vuelva a validar el libro.',
  RequestPayloadSizeLimitExceeded:
    'El libro es demasiado grande para hacerlo de una vez en Excel. Valide solo la hoja activa o divida el libro.',
  ResponsePayloadSizeLimitExceeded:
    'El libro es demasiado grande para leerlo de una vez en Excel. Valide solo la hoja activa o divida el libro.',
  ApiNotFound: 'Esta versión de Excel no tiene una función que el complemento necesita. Actualice Office o use Excel en la web.',
  NotImplemented: 'Esta versión de Excel no tiene una función que el complemento necesita. Actualice Office o use Excel en la web.',
  Unauthenticated: 'La sesión de Office caducó. Vuelva a iniciar sesión y abra el complemento de nuevo.',
  ServiceNotAvailable: 'Excel no responde en este momento. Espere unos segundos y vuelva a intentarlo.',
  GeneralException: 'Excel no pudo completar la operación. Espere unos segundos y vuelva a intentarlo.',
  ActivityLimitReached: 'Excel llegó a su límite de operaciones por un momento. Espere unos segundos y vuelva a intentarlo.',
  Conflict: 'Otra persona está cambiando el libro al mismo tiempo. Espere un momento y vuelva a intentarlo.',
};

export const genericErrorMessage =
  'No se pudo completar la acción. Vuelva a intentarlo; si el problema sigue, cierre y vuelva a abrir el complemento.';

/**
 * The Spanish sentence the pane shows for any thrown value. The project's user-facing errors
 * (`UserError`: the Excel adapter's, cancellation, the use cases') pass through; Office errors are
 * translated by code; anything else gets a generic sentence. A stack trace or an English message
 * never reaches the user.
 */
export function toUserMessage(error: unknown): string {
  if (error instanceof UserError && error.message.trim()) return clean(error.message);
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && officeCodeMessages[code]) return officeCodeMessages[code];
  }
  return genericErrorMessage;
}

/** One line, no stack: the first line of a message, capped. */
function clean(message: string): string {
  const first = message.split(/\r?\n\s*at\s|\n/)[0].trim();
  return first.length > 400 ? first.slice(0, 399) + '…' : first;
}
