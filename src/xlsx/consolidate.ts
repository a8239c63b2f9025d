/**
 * The .xlsx host of `consolidar`: reads and reviews each unit's file on its own (the findings of
 * `validar` and the progress model of `reporte` on that file), copies the rows of its capture
 * sheets into one consolidated capture sheet ("Consolidado", with "Archivo de origen", "Hoja de
 * origen" and "Fila de origen" per row) of a NEW workbook, then adds Tablero de control, Alertas
 * and Observaciones made from those reviews (`app/consolidation-review.ts`) and marks each finding
 * on its copied row. Observaciones lists each file's own findings (with the file, its sheet and
 * cell, to return to the unit) plus the findings that only appear once the files are together
 * (a goal or an activity reported by two files).
 *
 * The `tablero consolidar` verb (`cli/consolidar.ts`) receives it from `cli/main.ts`; `devolver`
 * (`xlsx/returns.ts`) consolidates in memory the same way, then cuts the result apart by unit.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadWorkbookFile } from '../app/load';
import { InputError } from '../app/errors';
import { ConsolidationIntake, consolidate, reviewSource } from '../app/consolidate';
import type { ConsolidatedCopy, Consolidation, ConsolidationSource } from '../app/consolidate';
import { reviewConsolidation, type ConsolidationReview } from '../app/consolidation-review';
import { buildSheets, localDateTime, prepare, summaryOf, type CopyRequest, type Generated } from '../app/generate';
import { cutoffOutsideVigencia, toReportJson } from '../app/report';
import { carryOver } from './carry-over';
import { writeFileAtomic } from './write';
import { renderSheets } from './render';
import { applyGenerated, generatedSheetNames, packageWithCharts } from './generate';
import type { WorkbookParser } from '../app/load';
import type { WorkbookGrids } from '../domain/grid';
import { loadWorkbook } from './read';
import { readGridsStreaming } from './stream-read';
import { readablePackage } from './package';

/**
 * A unit's file as `consolidar` reads it: its grids from the cell scanner `validar` and `reporte`
 * read with — a formula saved with no cached value is `NOT_CALCULATED`, never blank, so the file's
 * verdict and figures are those `validar` and `reporte` give —, exceljs's model only to name the
 * product's own sheets in it.
 */
const scannedParser: WorkbookParser<{ readonly wb: ExcelJS.Workbook; readonly grids: WorkbookGrids }> = {
  parse: async (bytes) => ({ wb: await loadWorkbook(bytes), grids: await readGridsStreaming(readablePackage(bytes), '') }),
  toGrids: (host, name) => ({ ...host.grids, name }),
};

/** A consolidation made in memory: the new workbook, its generation, and the units' own files. */
export interface ConsolidatedRun {
  readonly wb: ExcelJS.Workbook;
  readonly sheetName: string;
  readonly consolidation: Consolidation;
  /** The consolidation's verdicts: each file's own, and the ones that span files. */
  readonly review: ConsolidationReview;
  readonly generation: Generated;
  readonly sources: readonly ConsolidationSource[];
  /** Resolved paths of the inputs (an output may never be one of them). */
  readonly inputs: readonly string[];
  readonly generatedAt: string;
}

/** What makes two files one workbook: their bytes (size and SHA-256), whatever their names. */
async function contentIdentity(file: string): Promise<string> {
  const bytes = await readFile(file);
  return `${bytes.byteLength}:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * Reads and reviews each unit's file on its own (`reviewSource`: what `validar` and `reporte` give
 * on it, with the reading options of the run: `--vigencia`, `--mapa`, `--incluir-ocultas`),
 * copies their capture rows into a new exceljs workbook, and generates Tablero, Alertas and
 * Observaciones from those reviews (`reviewConsolidation`). `consolidar` writes it; `devolver`
 * cuts it apart by unit. `warn` hears each file left out (no capture sheet).
 */
export async function consolidateFiles(
  files: readonly string[],
  corte: string | undefined,
  workbookName: string,
  at: Pick<CopyRequest, 'cwd' | 'now' | 'reading'>,
  warn: (message: string) => void,
): Promise<ConsolidatedRun> {
  const generatedAt = localDateTime(at.now);
  const sources: ConsolidationSource[] = [];
  const inputs: string[] = [];
  const intake = new ConsolidationIntake(corte, at.now);
  const reading = { ...at.reading, ...(corte !== undefined ? { cutoff: corte } : {}) };
  const vigencia = reading.vigencia !== undefined ? { vigencia: reading.vigencia } : {};
  for (const file of files) {
    const loaded = await loadWorkbookFile(file, scannedParser, { cwd: at.cwd, reading });
    // Judged by content, as the pane does: a copy under another name is the same workbook.
    const twice = intake.repeated(file, await contentIdentity(loaded.path));
    if (twice) throw new InputError(twice);
    inputs.push(loaded.path);
    const { workbook, options } = prepare(loaded.grids, generatedSheetNames(loaded.host.wb), { cutoff: intake.cutoff, ...vigencia }, at.now, reading);
    const outside = cutoffOutsideVigencia(corte, options.vigencia, options.vigenciaFrom, workbook);
    if (outside) throw new InputError(outside);
    const verdict = intake.admit({ file, workbook, options });
    if (!verdict.admitted) {
      // A file with nothing to copy is only a warning; another period or a repeated file stops the run.
      if (verdict.code === 'no-capture') {
        warn(verdict.reason);
        continue;
      }
      throw new InputError(verdict.reason);
    }
    sources.push(reviewSource(file, workbook, options));
  }
  if (sources.length === 0) throw new InputError('Ningún archivo tiene una hoja de captura para consolidar.');

  const { cutoff, entity } = intake;
  const c = consolidate(sources, { vigencia: intake.vigencia!, cutoff: cutoff!, entity, generatedAt });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tablero PDM';
  const [placed] = renderSheets(wb, [c.sheet], { generatedAt });
  const review = reviewConsolidation(sources, c, placed.name, sources[0].options);
  const names = { workbookName, generatedAt };
  const generation: Generated = { ...review, report: toReportJson(review.model), sheets: buildSheets(review, names) };
  return { wb, sheetName: placed.name, consolidation: c, review, generation, sources, inputs, generatedAt };
}

/**
 * Writes the consolidated workbook of `request.files` into `request.output`; `warn` hears each
 * file left out (no capture sheet). Throws `InputError` / `OutputError` (one Spanish line).
 */
export async function consolidateCopy(request: CopyRequest, warn: (message: string) => void): Promise<ConsolidatedCopy> {
  const run = await consolidateFiles(request.files, request.cutoff, path.basename(request.output), request, warn);
  const g = run.generation;
  const result = applyGenerated(run.wb, g, summaryOf(g), run.generatedAt);
  const out = path.resolve(request.cwd, request.output);
  // Under an .xlsm name the package gets the macro-enabled content type Excel expects of that name.
  await writeFileAtomic(out, carryOver(await packageWithCharts(run.wb, result, g.sheets), out, request.output), { force: request.force, inputs: run.inputs, display: request.output });
  return { rows: run.consolidation.rows, files: run.consolidation.files.length, sheetName: run.sheetName, result };
}

