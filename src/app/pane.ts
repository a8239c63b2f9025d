/**
 * The app's use cases as the pane needs them (`PaneUseCases`): read → resolve options → validate,
 * the "what is in this workbook" line, and the generated sheets. Host-agnostic: it knows the
 * engine (domain, rules, app, sheets), never Office. The add-in's composition root
 * (`taskpane/compose.ts`) gives it the host's sheet writer (`excel/wiring.ts`).
 */
import { throwIfCancelled, type CancelToken, type ProgressReporter, type WorkbookSettings } from './ports';
import type { WorkbookGrids } from '../domain/grid';
import type { SheetKind } from '../domain/fields';
import type { Finding } from '../domain/finding';
import type { EngineOptions } from '../domain/options';
import type { ReadSheet, ReadWorkbook } from '../domain/sheet';
import { readWorkbook, type ReaderOptions } from '../domain/reader';
import { storedMappingText, type WorkbookMapping } from '../domain/mapping';
import { supersededNote, throughConsolidated, withoutProductSheets } from './registry';
import { UserError } from './errors';
import { goalCount, noGoalsReason } from './no-goals';
import type { GeneratedKind } from '../sheets/model';
import { goalCodeOf, distinctGoalCount } from '../domain/goal-code';
import { cutoffPeriod, periodLabel } from '../domain/periods';
import { localDateTime, todayIso } from '../domain/dates';
import { resolveOptions, vigenciaNotInWorkbook } from './run-options';
import { unitsOf } from './units';

/** The sheets the pane's Generar buttons write (the consolidated and return sheets are the command line's). */
export type PaneSheetKind = Extract<GeneratedKind, 'tablero' | 'alertas' | 'observaciones'>;

/** One recognised sheet, as the header line says it ("PE-F-012 — plan de acción, 124 filas"). */
export interface DetectedSheet {
  readonly name: string;
  readonly kind: SheetKind;
  /** Spanish summary of the sheet. */
  readonly summary: string;
}

export interface Detection {
  readonly sheets: readonly DetectedSheet[];
  /** Names of sheets that were not recognised (shown as a quiet line). */
  readonly unknown: readonly string[];
  /** The units the rows name (Generar's unit picker for Alertas and Observaciones). */
  readonly units?: readonly string[];
  /** Said when the workbook is read through its consolidated sheet (`supersededNote`). */
  readonly note?: string;
}

export interface ValidationOutcome {
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  readonly detection: Detection;
  /** What of the mapping stored in the workbook could not be applied, in Spanish («En este libro» fixes it). */
  readonly mappingProblems?: readonly string[];
}

/**
 * The mapping stored in the workbook (`domain/mapping.ts`), checked by the zod schema of
 * `app/mapping.ts`; `problem` when it is damaged (the sheets are then read without it).
 */
export interface StoredMapping {
  readonly mapping?: WorkbookMapping;
  readonly problem?: string;
}

/**
 * Reads and checks the mapping stored in `grids`. The schema (zod) loads only when there is one,
 * so the pane's first load does not carry it.
 */
export async function storedMappingOf(grids: WorkbookGrids): Promise<StoredMapping> {
  const text = storedMappingText(grids);
  if (text === undefined) return {};
  const { parseMappingText } = await import(/* webpackChunkName: "mapa" */ './mapping.js');
  const r = parseMappingText(text);
  if (r.ok) return { mapping: r.mapping };
  return { problem: `El mapa de columnas guardado en el libro no es válido (${r.problem}): se leyó sin él. Corríjalo en «Libro» › «En este libro».` };
}

/** The app's use cases, as the pane needs them (wired in `createPaneUseCases` below). */
export interface PaneUseCases {
  /** What the workbook holds, without validating it. `stored`: the workbook's mapping (`storedMappingOf`). */
  detect(grids: WorkbookGrids, settings: WorkbookSettings, stored?: StoredMapping): Detection;
  /** All rules on the grids (their code is loaded on the first call). Marks are written by the controller through the host. */
  validate(grids: WorkbookGrids, settings: WorkbookSettings, stored?: StoredMapping): Promise<ValidationOutcome>;
  /**
   * Builds one generated sheet and writes it into the workbook; resolves to the sheet's name.
   * `unit` limits Alertas and Observaciones to that unit (as `devolver` does).
   */
  generate(kind: PaneSheetKind, grids: WorkbookGrids, settings: WorkbookSettings, progress: ProgressReporter, cancel: CancelToken, unit?: string, stored?: StoredMapping): Promise<string>;
  /**
   * «Informe»: the quarterly report's page of the open workbook — the same page as `tablero
   * informe` (`app/informe.ts`), with the settings' cut-off; `publico`: the Ley 1474 art. 74 version.
   */
  informe(grids: WorkbookGrids, settings: WorkbookSettings, publico: boolean, stored?: StoredMapping): Promise<InformeOutcome>;
  /** Short Spanish title of a rule id, for the group headings of a validation's findings (falls back to the id). */
  ruleTitle(rule: string): string;
}

export interface InformeOutcome {
  readonly html: string;
  /** «informe de seguimiento al corte 30/06/2025 (38 metas, 5 rezagadas)». */
  readonly summary: string;
}

/** Shows an informe's page to the user (the add-in: an Office dialog, `excel/informe-dialog.ts`). */
export type ShowInforme = (html: string) => Promise<void>;

/**
 * Builds and writes one generated sheet (the sheets engine + the host's renderer), resolving to
 * the sheet's name. Supplied by the composition root, which owns the host.
 */
export type GenerateSheet = (
  kind: PaneSheetKind,
  workbook: ReadWorkbook,
  options: EngineOptions,
  progress: ProgressReporter,
  cancel: CancelToken,
  unit?: string,
) => Promise<string>;

/** Settings saved in the workbook → the engine's options, defaults filled from the sheets. */
export function engineOptions(settings: WorkbookSettings, workbook: ReadWorkbook, today: Date = new Date()): EngineOptions {
  const partial: Partial<EngineOptions> = {
    ...(settings.cutoff ? { cutoff: settings.cutoff } : {}),
    ...(settings.vigencia !== undefined ? { vigencia: settings.vigencia } : {}),
    ...(settings.lagThreshold !== undefined ? { lagThreshold: settings.lagThreshold } : {}),
    ...(settings.entity ? { entity: settings.entity } : {}),
    ...(settings.extraSources ? { extraSources: settings.extraSources } : {}),
  };
  return resolveOptions(partial, workbook, todayIso(today));
}

/**
 * What the settings saved in the workbook ask of the reader — the same options `--vigencia` and
 * `--corte` give the command line (`cli/args.ts` `readingOf`): a multi-year sheet is read in the
 * vigencia's block, and a cut-off's year names the vigencia when nothing else does.
 */
export function paneReading(settings: WorkbookSettings): ReaderOptions {
  return {
    ...(settings.extraSources ? { extraSources: settings.extraSources } : {}),
    ...(settings.vigencia !== undefined ? { vigencia: settings.vigencia } : {}),
    ...(settings.cutoff ? { cutoff: settings.cutoff } : {}),
  };
}

/** The pane's reading of the grids (the settings' vigencia and cut-off), with the workbook's mapping when it has one. */
export function readPane(grids: WorkbookGrids, settings: WorkbookSettings, mapping?: WorkbookMapping): ReadWorkbook {
  const reading = paneReading(settings);
  return throughConsolidated(readWorkbook(withoutProductSheets(grids), { ...reading, ...(mapping ? { mapping } : {}) }), grids, reading);
}

/**
 * `readPane` for an action (Validar, Generar, Informe): a vigencia of Ajustes the workbook does not
 * hold is refused in one line, as `--vigencia` is on the command line (`vigenciaNotInWorkbook`),
 * never read as another year's figures.
 */
function readPaneFor(grids: WorkbookGrids, settings: WorkbookSettings, mapping?: WorkbookMapping): ReadWorkbook {
  const workbook = readPane(grids, settings, mapping);
  const wrongYear = vigenciaNotInWorkbook(workbook, settings.vigencia, 'pane');
  if (wrongYear) throw new UserError(wrongYear);
  return workbook;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('es-CO')} ${n === 1 ? one : many}`;
}

function distinctGoals(sheet: ReadSheet): number {
  const products = distinctGoalCount(sheet);
  if (products !== undefined) return products;
  const codes = new Set<string>();
  let withoutCode = 0;
  for (const row of sheet.rows) {
    const code = goalCodeOf(row);
    if (code) codes.add(code);
    else withoutCode++;
  }
  return codes.size + withoutCode;
}

/** "PE-F-012 — plan de acción, 124 filas", "Hoja de captura T2, 38 metas", "Techos presupuestales, 12 programas". */
export function summarizeSheet(sheet: ReadSheet, options: EngineOptions): string {
  switch (sheet.kind) {
    case 'plan-accion':
      return `PE-F-012 — plan de acción, ${count(sheet.rows.length, 'fila', 'filas')}`;
    case 'hoja-captura': {
      const c = cutoffPeriod(options.cutoff, sheet.vigencia ?? options.vigencia, sheet.periodKind);
      const period = c > 0 ? ` ${periodLabel(c, sheet.periodKind)}` : '';
      return `Hoja de captura${period}, ${count(distinctGoals(sheet), 'meta', 'metas')}`;
    }
    case 'techos':
      return `Techos presupuestales, ${count(sheet.rows.length, 'fila', 'filas')}`;
    case 'plan-indicativo':
      return `Plan indicativo, ${count(distinctGoals(sheet), 'meta', 'metas')}`;
  }
}

/** The detection with `extra` added to its note. */
function withNote(d: Detection, extra: string | undefined): Detection {
  if (!extra) return d;
  return { ...d, note: d.note ? `${d.note} ${extra}` : extra };
}

export function detectWorkbook(workbook: ReadWorkbook, options: EngineOptions): Detection {
  const sheets: DetectedSheet[] = workbook.sheets
    .filter((s) => s.visibility === 'visible')
    .map((s) => ({ name: s.name, kind: s.kind, summary: summarizeSheet(s, options) }));
  const note = supersededNote(workbook);
  return { sheets, unknown: workbook.unknown.map((u) => u.name).filter((n) => !n.startsWith('_')), units: unitsOf(workbook), ...(note ? { note } : {}) };
}

/**
 * The engine's parts that only an action needs, each fetched on first use as a chunk of its own
 * (webpack splits at `import()`; the CLI and jest just load the module). The pane's first load
 * (scripts/bundle-size.ts, 200 KB gzipped) holds only what opening the pane needs: the reader and
 * the «what is in this workbook» line. A new pane action adds its entry here (or its own
 * `import()` inside the action) — never a static import of its use case in this file, the
 * controller or a component that renders at open. docs/architecture.md, «Carga diferida».
 */
export const paneChunks = {
  /** Validar: the rule catalog and the progress the rules share. */
  validate: async () => {
    const [{ validateWorkbook }, { ruleName }, { paneReadingNote }] = await Promise.all([
      import(/* webpackChunkName: "validar" */ './validate.js'),
      import(/* webpackChunkName: "validar" */ '../rules/names.js'),
      import(/* webpackChunkName: "validar" */ './reading-gaps.js'),
    ]);
    return { validateWorkbook, ruleTitle: ruleName, readingNote: paneReadingNote };
  },
  /** Informe: the progress model and the report's page builder. */
  informe: () => import(/* webpackChunkName: "informe" */ './informe.js'),
  /** Validar and Generar on an approved workbook: the rules against the approved plan (only such a workbook needs them). */
  approved: () => import(/* webpackChunkName: "aprobacion" */ '../rules/baseline-index.js'),
};

export function createPaneUseCases(generateSheet: GenerateSheet): PaneUseCases {
  /** Rule names (`rules/names.ts`), known once Validar's chunk has loaded (a validation ran before any heading is drawn). */
  let titleOf: ((rule: string) => string) | undefined;
  return {
    detect(grids, settings, stored) {
      // The pane is up and has read the workbook: Validar is the next click, fetch its code now.
      void paneChunks.validate().catch(() => undefined);
      const workbook = readPane(grids, settings, stored?.mapping);
      return detectWorkbook(workbook, engineOptions(settings, workbook));
    },

    async validate(grids, settings, stored): Promise<ValidationOutcome> {
      const { validateWorkbook, ruleTitle, readingNote } = await paneChunks.validate();
      const workbook = readPaneFor(grids, settings, stored?.mapping);
      const options = engineOptions(settings, workbook);
      // An approved workbook (the plan stored by Aprobar plan / tablero aprobar): every rule and
      // those against the approved plan, as `tablero validar` applies them.
      const approved = workbook.baselineGrid || workbook.baseline ? await paneChunks.approved() : null;
      titleOf = ruleTitle;
      const result = approved ? validateWorkbook(workbook, options, approved.allRulesWithBaseline) : validateWorkbook(workbook, options);
      const problems = [...(stored?.problem ? [stored.problem] : []), ...(workbook.mappingProblems ?? [])];
      return {
        findings: result.findings,
        errors: result.errors,
        warnings: result.warnings,
        // What the reading could not do (a data sheet not read, a year nothing named, a cut-off past the last report) is said with the result (real-formats.md «Never silent»).
        detection: withNote(detectWorkbook(workbook, options), readingNote(workbook, options)),
        ...(problems.length > 0 ? { mappingProblems: problems } : {}),
      };
    },

    async generate(kind, grids, settings, progress, cancel, unit, stored) {
      const workbook = readPaneFor(grids, settings, stored?.mapping);
      if (workbook.sheets.length === 0) {
        throw new UserError('No hay en el libro una hoja de plan de acción ni de captura con la cual generar. Inserte una plantilla o abra el libro de la dependencia.');
      }
      const options = engineOptions(settings, workbook);
      throwIfCancelled(cancel);
      return generateSheet(kind, workbook, options, progress, cancel, unit);
    },

    async informe(grids, settings, publico, stored) {
      const { informeOf, informeSummary } = await paneChunks.informe();
      const workbook = readPaneFor(grids, settings, stored?.mapping);
      if (workbook.sheets.length === 0) {
        throw new UserError('No hay en el libro una hoja de plan de acción ni de captura para el informe. Abra el libro de la dependencia o el consolidado.');
      }
      const { html, data } = informeOf(workbook, engineOptions(settings, workbook), [workbook.name], { publico, generatedAt: localDateTime(new Date()) });
      // Data rows and not one goal: said, never an informe of «0 metas» (as `tablero informe`).
      const none = noGoalsReason(workbook, goalCount(data.model), 'pane');
      if (none) throw new UserError(none);
      return { html, summary: informeSummary(data, publico) };
    },

    ruleTitle(rule) {
      return titleOf?.(rule) ?? rule;
    },
  };
}
