/**
 * Several files reported as one plan (`tablero reporte`, `tablero informe`: the reviewer's view
 * over the units' sheets). Which files enter the figures is judged as a consolidation judges them
 * (`ConsolidationIntake`, app/consolidate.ts), never by the first file's cut-off in silence:
 *
 * - the report's vigencia and cut-off are `--vigencia` / `--corte` when given, else those of the
 *   first file that states them (its title block, or the last period a past vigencia reports);
 *   `basis` says which;
 * - a file of another vigencia or cut-off, or one that does not hold the vigencia asked for
 *   (`VigenciaNotHeldError` at reading), is left out of the figures and listed with its reason;
 * - a file with only a plan indicativo (no execution, no plan de acción) among files that have
 *   them is listed as such with its own plan summary apart — pooled, the progress model would
 *   ignore it;
 * - if every file is left out, there is no report: an `InputError` with the reasons (exit 2).
 *
 * With one file nothing is judged: the report is that file's, as always.
 */
import * as path from 'node:path';
import type { IsoDate } from '../domain/dates';
import type { EngineOptions } from '../domain/options';
import type { ReadSheet, ReadWorkbook } from '../domain/sheet';
import { formatDate } from '../domain/format';
import { termLabel, vigenciaReasons } from '../domain/plan-note';
import { ConsolidationIntake } from './consolidate';
import { InputError } from './errors';
import { noGoalsReason } from './no-goals';
import { buildReport, resolveOptions, vigenciaNotInWorkbook, type Report, type ReportFileEntry } from './report';

/** A file read for the report, or one that does not hold the vigencia asked for (its reason). */
export type ReportInput = { readonly file: string; readonly workbook: ReadWorkbook } | { readonly file: string; readonly notHeld: string };

export interface ReportSelection {
  /** The files in the figures, pooled (`mergeWorkbooks`). */
  readonly workbook: ReadWorkbook;
  readonly options: EngineOptions;
  /** Every file given, in order; empty for one file. */
  readonly files: readonly ReportFileEntry[];
  /** How the vigencia and cut-off were chosen, in Spanish; null for one file. */
  readonly basis: string | null;
}

/** Pools the sheets of several workbooks into one, renaming clashing sheet names ("HC T2 (salud.xlsx)"). */
export function mergeWorkbooks(books: readonly { file: string; workbook: ReadWorkbook }[]): ReadWorkbook {
  if (books.length === 1) return books[0].workbook;
  const count = new Map<string, number>();
  for (const b of books) for (const s of b.workbook.sheets) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  const sheets: ReadSheet[] = [];
  for (const b of books) {
    for (const s of b.workbook.sheets) {
      sheets.push(count.get(s.name)! > 1 ? { ...s, name: `${s.name} (${path.basename(b.file)})` } : s);
    }
  }
  return {
    name: books.map((b) => path.basename(b.file)).join(', '),
    sheets,
    unknown: books.flatMap((b) => b.workbook.unknown),
  };
}

/** A workbook whose only plan is a plan indicativo: nothing executed, nothing to pool with execution. */
function planIndicativoOnly(workbook: ReadWorkbook): boolean {
  return !workbook.sheets.some((s) => s.kind === 'hoja-captura' || s.kind === 'plan-accion') && workbook.sheets.some((s) => s.kind === 'plan-indicativo');
}

/**
 * The files that enter one report, its workbook and options, and every file's line (see the
 * module's doc). `given`: `--corte` / `--vigencia`.
 */
export function selectReportFiles(inputs: readonly ReportInput[], given: { cutoff?: IsoDate; vigencia?: number }, today: IsoDate | Date): ReportSelection {
  const partial = { ...(given.cutoff !== undefined ? { cutoff: given.cutoff } : {}), ...(given.vigencia !== undefined ? { vigencia: given.vigencia } : {}) };
  if (inputs.length === 1 && 'workbook' in inputs[0]) {
    const { workbook } = inputs[0];
    return { workbook, options: resolveOptions(partial, workbook, today), files: [], basis: null };
  }
  const read = inputs.filter((i): i is Extract<ReportInput, { workbook: ReadWorkbook }> => 'workbook' in i);
  const apart = read.some((b) => !planIndicativoOnly(b.workbook));
  const intake = new ConsolidationIntake(given.cutoff, today, 'reportar');
  const leftOut = new Map<ReportInput, { code: 'vigencia' | 'cutoff' | 'plan-only'; reason: string }>();
  for (const i of inputs) if ('notHeld' in i) leftOut.set(i, { code: 'vigencia', reason: i.notHeld });
  const admitted: { file: string; workbook: ReadWorkbook }[] = [];
  for (const b of read) {
    if (apart && planIndicativoOnly(b.workbook)) {
      leftOut.set(b, { code: 'plan-only', reason: '' }); // worded below, with its summary
      continue;
    }
    const verdict = intake.samePeriod({ file: path.basename(b.file), workbook: b.workbook, options: resolveOptions(partial, b.workbook, today) });
    if (verdict.admitted) admitted.push(b);
    else leftOut.set(b, { code: verdict.code === 'vigencia' ? 'vigencia' : 'cutoff', reason: verdict.reason });
  }
  if (admitted.length === 0) {
    throw new InputError(`Ningún archivo entra en las cifras: ${[...leftOut.values()].map((x) => x.reason).join(' ')}`);
  }
  const workbook = mergeWorkbooks(admitted);
  const options = resolveOptions(partial, workbook, today);
  const files = inputs.map((i): ReportFileEntry => {
    const file = path.basename(i.file);
    const out = leftOut.get(i);
    if (!('workbook' in i)) return { file, included: false, leftOut: 'vigencia', reason: i.notHeld, vigencia: null, cutoff: null, planSummary: null };
    const own = intake.periodOf(i.workbook);
    const facts = { vigencia: own.vigencia ?? null, cutoff: own.cutoff ?? null };
    if (!out) return { file, included: true, leftOut: null, reason: null, ...facts, planSummary: null };
    if (out.code !== 'plan-only') return { file, included: false, leftOut: out.code, reason: out.reason, ...facts, planSummary: null };
    // A plan indicativo apart: summarised for the report's vigencia when its term holds it.
    const year = vigenciaNotInWorkbook(i.workbook, options.vigencia) ? undefined : options.vigencia;
    const s = buildReport(i.workbook, resolveOptions(year !== undefined ? { vigencia: year } : {}, i.workbook, today)).planSummary;
    const reason = `«${file}» trae solo el plan indicativo${s ? ` ${termLabel(s.years)}` : ''}, sin ejecución: no entra en las cifras de avance; su resumen${s ? ` de la vigencia ${s.vigencia}` : ''} va aparte.`;
    return { file, included: false, leftOut: 'plan-only', reason, vigencia: s?.vigencia ?? null, cutoff: null, planSummary: s };
  });
  return { workbook, options, files, basis: basisOf(options, given, intake.setBy) };
}

/** «Vigencia 2025 y corte 30/06/2025: los de «cali.xlsx», el primer archivo que los indica; …». */
function basisOf(options: EngineOptions, given: { cutoff?: IsoDate; vigencia?: number }, setBy: { vigencia?: string; cutoff?: string }): string {
  const period = `Vigencia ${options.vigencia} y corte ${formatDate(options.cutoff)}`;
  const rest =
    given.cutoff !== undefined
      ? 'todos los archivos se miden a ese corte y los de otra vigencia quedan por fuera de las cifras'
      : 'los archivos de otra vigencia o de otro corte quedan por fuera de las cifras';
  if (given.vigencia === undefined && given.cutoff === undefined && setBy.vigencia && setBy.vigencia === setBy.cutoff) {
    return `${period}: los de «${setBy.vigencia}», el primer archivo que los indica; ${rest}.`;
  }
  const vigencia =
    given.vigencia !== undefined ? 'la indicada con --vigencia' : setBy.vigencia ? `la de «${setBy.vigencia}», el primer archivo que la indica` : vigenciaReasons[options.vigenciaFrom ?? 'today'];
  const cutoff = given.cutoff !== undefined ? 'el indicado con --corte' : setBy.cutoff ? `el de «${setBy.cutoff}», el primer archivo que lo indica` : 'el del último periodo cerrado';
  return `Vigencia ${options.vigencia} (${vigencia}) y corte ${formatDate(options.cutoff)} (${cutoff}): ${rest}.`;
}

/** The report of a selection: the documented `reporte --json`, plus `files` and `basis` when several files were given. */
export function reportOfSelection(selection: ReportSelection): Report {
  const report = buildReport(selection.workbook, selection.options);
  const planGoals = report.planSummary ? Math.max(report.planSummary.goals, report.planSummary.planGoals) : 0;
  const none = noGoalsReason(selection.workbook, report.goals.length + report.plan.goals + planGoals + (report.gestion?.goals ?? 0));
  if (none) throw new InputError(none);
  return selection.files.length > 0 ? { ...report, files: selection.files, basis: selection.basis } : report;
}

