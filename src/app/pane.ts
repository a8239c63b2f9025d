/**
 * The app's use cases as the pane needs them (`PaneUseCases`): read → resolve options → validate,
 * the "what is in this workbook" line, and the generated sheets. Host-agnostic: it knows the
 * engine (domain, rules, app, sheets), never Office. The composition roots (`taskpane/index.tsx`,
 * `commands/commands.ts`) give it the host's sheet writer (`excel/wiring.ts`).
 */
import { throwIfCancelled, type CancelToken, type ProgressReporter, type WorkbookSettings } from './ports';
import type { WorkbookGrids } from '../domain/grid';
import type { SheetKind } from '../domain/fields';
import type { Finding } from '../domain/finding';
import type { EngineOptions } from '../domain/options';
import type { ReadSheet, ReadWorkbook } from '../domain/sheet';
import { readWorkbook } from '../domain/reader';
import { storedMappingText, type WorkbookMapping } from '../domain/mapping';
import { withoutProductSheets } from './registry';
import { UserError } from './errors';
import type { GeneratedKind } from '../sheets/model';
import { goalCodeOf } from '../domain/goals';
import { cutoffPeriod, periodLabel } from '../domain/periods';
import { todayIso } from '../domain/dates';
import { resolveOptions } from './report';
import { validateWorkbook } from './validate';
import { ruleById } from '../rules/index';

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
  /** All rules on the grids. Pure: marks are written by the controller through the host. */
  validate(grids: WorkbookGrids, settings: WorkbookSettings, stored?: StoredMapping): ValidationOutcome;
  /** Builds one generated sheet and writes it into the workbook; resolves to the sheet's name. */
  generate(kind: PaneSheetKind, grids: WorkbookGrids, settings: WorkbookSettings, progress: ProgressReporter, cancel: CancelToken, stored?: StoredMapping): Promise<string>;
  /** Short Spanish title of a rule id, for the group headings (falls back to the id). */
  ruleTitle(rule: string): string;
}

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

/** The pane's reading of the grids, with the workbook's mapping when it has one. */
export function readPane(grids: WorkbookGrids, settings: WorkbookSettings, mapping?: WorkbookMapping): ReadWorkbook {
  return readWorkbook(withoutProductSheets(grids), { extraSources: settings.extraSources, ...(mapping ? { mapping } : {}) });
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('es-CO')} ${n === 1 ? one : many}`;
}

function distinctGoals(sheet: ReadSheet): number {
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

export function detectWorkbook(workbook: ReadWorkbook, options: EngineOptions): Detection {
  const sheets: DetectedSheet[] = workbook.sheets
    .filter((s) => s.visibility === 'visible')
    .map((s) => ({ name: s.name, kind: s.kind, summary: summarizeSheet(s, options) }));
  return { sheets, unknown: workbook.unknown.map((u) => u.name).filter((n) => !n.startsWith('_')) };
}

/** The heading of a rule's group: the rule's own `meta.title` (falls back to the id). */
export function ruleTitle(rule: string): string {
  return ruleById(rule)?.meta.title ?? rule;
}

export function createPaneUseCases(generateSheet: GenerateSheet): PaneUseCases {
  return {
    detect(grids, settings, stored) {
      const workbook = readPane(grids, settings, stored?.mapping);
      return detectWorkbook(workbook, engineOptions(settings, workbook));
    },

    validate(grids, settings, stored): ValidationOutcome {
      const workbook = readPane(grids, settings, stored?.mapping);
      const options = engineOptions(settings, workbook);
      const result = validateWorkbook(workbook, options);
      const problems = [...(stored?.problem ? [stored.problem] : []), ...(workbook.mappingProblems ?? [])];
      return {
        findings: result.findings,
        errors: result.errors,
        warnings: result.warnings,
        detection: detectWorkbook(workbook, options),
        ...(problems.length > 0 ? { mappingProblems: problems } : {}),
      };
    },

    async generate(kind, grids, settings, progress, cancel, stored) {
      const workbook = readPane(grids, settings, stored?.mapping);
      if (workbook.sheets.length === 0) {
        throw new UserError('No hay en el libro una hoja de plan de acción ni de captura con la cual generar. Inserte una plantilla o abra el libro de la dependencia.');
      }
      const options = engineOptions(settings, workbook);
      throwIfCancelled(cancel);
      return generateSheet(kind, workbook, options, progress, cancel);
    },

    ruleTitle,
  };
}
