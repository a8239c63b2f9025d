/**
 * Use case "Generar": read → validate → progress model → the generated sheets as models and the
 * mark plan. Host-neutral: the CLI applies the result with the exceljs adapter, the pane with the
 * office-js one.
 *
 * Sheets the product generated earlier (Tablero, Alertas, Observaciones) and its registry sheet
 * are left out of the reading (`excludeSheets`), so a second run on an output never reads its own
 * tablero as data. A consolidated capture sheet IS data and is read.
 */
import type { WorkbookGrids } from '../domain/grid';
import type { Finding } from '../domain/finding';
import type { EngineOptions } from '../domain/options';
import type { ReadWorkbook } from '../domain/sheet';
import type { ReaderOptions } from '../domain/reader';
import { readMapped } from './mapping';
import { resolveOptions, toReportJson, vigenciaNotInWorkbook } from './report';
import { InputError, VigenciaNotHeldError } from './errors';
import { goalCount, noGoalsReason } from './no-goals';
import type { Report } from './report';
import type { ProgressModel } from '../domain/progress-model';
import { analyse } from './analyse';
import { planMarks } from './marks';
import type { MarkPlan } from './marks';
import { generatedSheetNames, type SheetModel } from '../sheets/model';
import { buildTablero } from '../sheets/tablero';
import { buildAlertas } from '../sheets/alertas';
import { buildObservaciones } from '../sheets/observaciones';
import type { ObservationRow } from '../sheets/observaciones';
import { MAX_SHEET_NAME, UNIT_SHEET_SEPARATOR, supersededNote, throughConsolidated, withoutProductSheets } from './registry';
import { findingOwners, modelForUnit } from './returns';
import { nameKey } from '../domain/text';
import { allRulesWithBaseline } from '../rules/baseline-index';

export interface GenerateRequest {
  readonly workbook: ReadWorkbook;
  readonly options: EngineOptions;
  /** File or workbook name, for titles. */
  readonly workbookName: string;
  /** Local date-time of the run, ISO without zone (`2025-07-10T09:30`). */
  readonly generatedAt: string;
  /** Extra observation rows (consolidation: findings of the units' own files). */
  readonly extraObservations?: readonly ObservationRow[];
  /** Keep a finding in Observaciones (consolidation de-duplication); every finding is still marked. */
  readonly keepFinding?: (f: Finding) => boolean;
  /** How a refusal tells the user to correct the reading: the command line's, or the pane's. */
  readonly advice?: 'cli' | 'pane';
}

export interface Generated {
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  readonly model: ProgressModel;
  /** The `reporte --json` of the same run (the tablero's figures agree with it). */
  readonly report: Report;
  /** Tablero, Alertas, Observaciones — in that order. */
  readonly sheets: readonly SheetModel[];
  readonly marks: MarkPlan;
  /** What the reading left out that the user must be told (`supersededNote`), in Spanish. */
  readonly note?: string;
}

/**
 * Reads grids (leaving out generated sheets) and resolves the run's options; a vigencia asked for
 * that the workbook does not hold is an `InputError` naming the file (`vigenciaNotInWorkbook`, the
 * same check `readWorkbookFile` makes for the verbs that only read). `advice`: how the user
 * changes the vigencia (the command line's flag, or the pane's Ajustes).
 */
export function prepare(
  grids: WorkbookGrids,
  generated: readonly string[],
  partial: Partial<EngineOptions>,
  today: Date | string,
  reading: ReaderOptions = {},
  advice: 'cli' | 'pane' = 'cli',
): { workbook: ReadWorkbook; options: EngineOptions } {
  const options = { ...reading, extraSources: partial.extraSources };
  const workbook = throughConsolidated(readMapped(withoutProductSheets(grids, generated), options, grids.name), grids, options);
  const wrongYear = vigenciaNotInWorkbook(workbook, reading.vigencia, advice);
  if (wrongYear) throw new VigenciaNotHeldError(`${grids.name}: ${wrongYear}`);
  return { workbook, options: resolveOptions(partial, workbook, today) };
}

/** Everything `generate` computes except the sheets: what a large run keeps once the workbook is let go. */
export type Analysed = Omit<Generated, 'sheets' | 'report'> & {
  readonly rows: readonly ObservationRow[];
  readonly sourceSheets: readonly string[];
};

/** Validation, progress model and mark plan; the read workbook is not needed after this. */
export function analyseForGeneration(req: GenerateRequest): Analysed {
  // Every rule, the ones against the approved plan included: `generar`, the pane and `validar`
  // give the same findings on an approved workbook.
  const validation = analyse(req.workbook, req.options, allRulesWithBaseline);
  const keep = req.keepFinding ?? (() => true);
  const findings = validation.findings.filter(keep);
  const model = validation.model;
  // Data rows and not one goal: said, never a board of «0 metas» (as reporte and informe).
  const none = noGoalsReason(req.workbook, goalCount(model), req.advice);
  if (none) throw new InputError(none);
  const note = supersededNote(req.workbook);
  const rows: ObservationRow[] = [...(req.extraObservations ?? []), ...findings.map((finding) => ({ finding, linkable: true }))];
  const errors = rows.filter((r) => r.finding.severity === 'error').length;
  return {
    findings,
    errors,
    warnings: rows.length - errors,
    model,
    marks: planMarks(validation.findings),
    rows,
    sourceSheets: sourceSheetsOf(req.workbook, model),
    ...(note ? { note } : {}),
  };
}

/**
 * The builders of Tablero, Alertas and Observaciones — in that order. One at a time, so a large
 * run can write each sheet and let its model go before building the next.
 */
export function sheetBuilders(a: Analysed, req: Pick<GenerateRequest, 'workbookName' | 'generatedAt'>): (() => SheetModel)[] {
  const model = a.model;
  return [
    () => buildTablero({ model, generatedAt: req.generatedAt, sourceSheets: [...a.sourceSheets] }),
    () => buildAlertas({ model, generatedAt: req.generatedAt }),
    () =>
      buildObservaciones({
        rows: a.rows,
        workbookName: req.workbookName,
        entity: model.entity,
        cutoff: model.cutoff,
        generatedAt: req.generatedAt,
      }),
  ];
}

/** Tablero, Alertas, Observaciones — in that order. */
export function buildSheets(a: Analysed, req: Pick<GenerateRequest, 'workbookName' | 'generatedAt'>): SheetModel[] {
  return sheetBuilders(a, req).map((build) => build());
}

export function generate(req: GenerateRequest): Generated {
  const a = analyseForGeneration(req);
  return { findings: a.findings, errors: a.errors, warnings: a.warnings, model: a.model, report: toReportJson(a.model), sheets: buildSheets(a, req), marks: a.marks, ...(a.note ? { note: a.note } : {}) };
}

/**
 * One unit's Alertas or Observaciones of the open workbook (the pane's unit picker), cut as
 * `devolver` cuts a unit's return: its goals (`modelForUnit`) and the findings it owns
 * (`findingOwners`), linked to their cells.
 */
export function unitSheet(kind: 'alertas' | 'observaciones', req: GenerateRequest, unit: string): SheetModel {
  const a = analyseForGeneration(req);
  const name = unitSheetName(kind, unit, a.model.units.map((u) => u.name));
  if (kind === 'alertas') return { ...buildAlertas({ model: modelForUnit(a.model, unit), generatedAt: req.generatedAt, unit }), name };
  const owners = findingOwners(req);
  const key = nameKey(unit);
  const sheet = buildObservaciones({
    rows: a.rows.filter((r) => owners(r.finding).some((u) => nameKey(u) === key)),
    workbookName: `${req.workbookName} · ${unit}`,
    entity: a.model.entity,
    cutoff: a.model.cutoff,
    generatedAt: req.generatedAt,
  });
  return { ...sheet, name };
}

/** Characters Excel refuses in a sheet name ("Rename a worksheet", CATALOG.md #12). */
const FORBIDDEN_IN_SHEET_NAME = /[:\\/?*[\]]/g;

/**
 * Leading words a reviewer leaves out when naming a unit short («Secretaría de Salud» → «Salud»):
 * dropped only when the full name does not fit.
 */
const GENERIC_UNIT_PREFIX =
  /^(?:(?:sub)?secretar[ií]a|sec\.|departamento administrativo|unidad administrativa especial|direcci[oó]n|oficina(?: asesora)?|gerencia)\s+(?:(?:de|del)\s+)?(?:(?:la|los|las)\s+)?/i;

/**
 * The name of one unit's own Alertas or Observaciones sheet (Generar for one unit), so it never
 * replaces the all-units sheet or another unit's (`placeGeneratedSheet`), within Excel's rules:
 * at most 31 characters, none of `: \ / ? * [ ]`, no apostrophe at either end. «Alertas –
 * Secretaría de Salud»; when too long, without the generic leading words («Observaciones –
 * Salud»), then cut with «…». `units`: every unit of the workbook, so two units whose names meet
 * get a number, always the same for the same unit.
 */
export function unitSheetName(kind: 'alertas' | 'observaciones', unit: string, units: readonly string[] = []): string {
  const base = generatedSheetNames[kind] + UNIT_SHEET_SEPARATOR;
  const short = (u: string): string => {
    const clean = u.replace(FORBIDDEN_IN_SHEET_NAME, '-').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim() || 'sin nombre';
    if (base.length + clean.length <= MAX_SHEET_NAME) return base + clean;
    const name = base + (clean.replace(GENERIC_UNIT_PREFIX, '').trim() || clean);
    return name.length <= MAX_SHEET_NAME ? name : name.slice(0, MAX_SHEET_NAME - 1).trimEnd() + '…';
  };
  const lower = (s: string) => s.toLocaleLowerCase('es');
  const mine = short(unit);
  // In alphabetical order, so a unit's number does not depend on the order the units come in.
  const meeting = [...new Set([...units, unit].map((u) => u.trim()))].filter((u) => lower(short(u)) === lower(mine)).sort((a, b) => a.localeCompare(b, 'es'));
  if (meeting.length <= 1) return mine;
  const suffix = ` (${meeting.indexOf(unit.trim()) + 1})`;
  return mine.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
}

function sourceSheetsOf(workbook: ReadWorkbook, model: ProgressModel): string[] {
  const kind = model.source === 'none' ? null : model.source;
  return workbook.sheets.filter((s) => s.kind === kind || (kind === 'plan-accion' && s.kind === 'techos')).map((s) => s.name).filter((n, i, all) => all.indexOf(n) === i);
}

export { localDateTime } from '../domain/dates';

/** What the summary line says of a generation (kept when the rest of it is let go). */
export interface GenerationSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly source: ProgressModel['source'];
  readonly rezagadas: number;
  readonly cutoff: string;
  readonly vigencia: number;
  /** What the reading left out (`Generated.note`). */
  readonly note?: string;
}

export function summaryOf(g: Pick<Generated, 'errors' | 'warnings' | 'model' | 'note'>): GenerationSummary {
  return {
    errors: g.errors,
    warnings: g.warnings,
    source: g.model.source,
    rezagadas: g.model.rezagadas.length,
    cutoff: g.model.cutoff,
    vigencia: g.model.vigencia,
    ...(g.note ? { note: g.note } : {}),
  };
}

/** A generation written into a workbook: the summary, the sheets placed (final names), the cells marked. */
export interface GenerarResult {
  readonly summary: GenerationSummary;
  readonly sheets: readonly { readonly name: string }[];
  readonly markedCells: number;
}

/** `tablero generar` / `consolidar` as a file host runs them: inputs, output, cut-off. */
export interface CopyRequest {
  /** The input workbooks as typed (relative to `cwd`); `generar` takes one. */
  readonly files: readonly string[];
  /** The output as typed (relative to `cwd`; messages show it so). */
  readonly output: string;
  readonly cwd: string;
  /** "Today" (default cut-off, the generation's date-time). */
  readonly now: Date;
  readonly cutoff?: string;
  /** How to read the sheets: `--vigencia`, `--incluir-ocultas` (the cut-off is `cutoff`). */
  readonly reading?: ReaderOptions;
  /** Replace an existing output (never an input). */
  readonly force: boolean;
}
