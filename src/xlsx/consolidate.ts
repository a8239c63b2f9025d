/**
 * The .xlsx host of `consolidar`: validates each unit's file, copies the rows of every capture
 * sheet into one consolidated capture sheet ("Consolidado", with "Archivo de origen", "Hoja de
 * origen" and "Fila de origen" per row) of a NEW workbook, then adds Tablero de control, Alertas
 * and Observaciones computed on the consolidated sheet, and marks its cells. Observaciones lists
 * each file's own findings (with the file, its sheet and cell, to return to the unit) plus the
 * findings that only appear once the files are together (e.g. a goal code reported by two files).
 *
 * The `tablero consolidar` verb (`cli/consolidar.ts`) receives it from `cli/main.ts`; `devolver`
 * (`xlsx/returns.ts`) consolidates in memory the same way, then cuts the result apart by unit.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { realpath } from 'node:fs/promises';
import { loadWorkbookFile } from '../app/load';
import { InputError } from '../app/errors';
import { ConsolidationIntake, consolidate, findingKey } from '../app/consolidate';
import type { ConsolidatedCopy, Consolidation, ConsolidationSource } from '../app/consolidate';
import { generate, localDateTime, prepare, summaryOf, type CopyRequest, type Generated } from '../app/generate';
import { validateWorkbook } from '../app/validate';
import type { WorkbookGrids } from '../domain/grid';
import type { ReadWorkbook } from '../domain/sheet';
import type { ObservationRow } from '../sheets/observaciones';
import { gridsOfWorkbook } from './read';
import { writeFileAtomic } from './write';
import { renderSheets } from './render';
import { applyGenerated, generatedSheetNames, packageWithCharts, xlsxParser } from './generate';

/** A consolidation made in memory: the new workbook, its generation, and the units' own files. */
export interface ConsolidatedRun {
  readonly wb: ExcelJS.Workbook;
  readonly sheetName: string;
  readonly consolidation: Consolidation;
  readonly generation: Generated;
  /** The consolidated workbook as the engine read it back, and its grids. */
  readonly workbook: ReadWorkbook;
  readonly grids: WorkbookGrids;
  readonly sources: readonly ConsolidationSource[];
  /** Resolved paths of the inputs (an output may never be one of them). */
  readonly inputs: readonly string[];
  readonly generatedAt: string;
}

/**
 * Validates each unit's file and consolidates their capture sheets into a new exceljs workbook
 * with the generated sheets on it (`consolidar` writes it; `devolver` cuts it apart by unit).
 * `warn` hears each file left out (no capture sheet).
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
  const intake = new ConsolidationIntake(corte);
  for (const file of files) {
    const mapping = at.reading?.mapping ? { mapping: at.reading.mapping } : undefined;
    const loaded = await loadWorkbookFile(file, xlsxParser, { cwd: at.cwd, ...(mapping ? { reading: mapping } : {}) });
    const twice = intake.repeated(file, await realpath(loaded.path));
    if (twice) throw new InputError(twice);
    inputs.push(loaded.path);
    const { workbook, options } = prepare(loaded.grids, generatedSheetNames(loaded.host), { cutoff: intake.cutoff }, at.now, mapping);
    const verdict = intake.admit({ file, workbook, options });
    if (!verdict.admitted) {
      // A file with nothing to copy is only a warning; another period or a repeated file stops the run.
      if (verdict.code === 'no-capture') {
        warn(verdict.reason);
        continue;
      }
      throw new InputError(verdict.reason);
    }
    const v = validateWorkbook(workbook, options);
    sources.push({ file, workbook, findings: v.findings });
  }
  if (sources.length === 0) throw new InputError('Ningún archivo tiene una hoja de captura para consolidar.');

  const { cutoff, vigencia, entity } = intake;
  const c = consolidate(sources, { vigencia: vigencia!, cutoff: cutoff!, entity, generatedAt });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tablero PDM';
  const [placed] = renderSheets(wb, [c.sheet], { generatedAt });

  // Read the consolidated sheet back as the engine sees it, then generate on it.
  const grids = gridsOfWorkbook(wb, workbookName);
  const { workbook, options } = prepare(grids, [], { cutoff, vigencia }, at.now);
  const perFile: ObservationRow[] = sources.flatMap((s) => s.findings.map((finding) => ({ finding, file: s.file, linkable: false })));
  const known = new Set(perFile.map((r) => findingKey(r.finding)));
  const generation = generate({
    workbook,
    options,
    workbookName,
    generatedAt,
    extraObservations: perFile,
    keepFinding: (f) => !known.has(findingKey(f)),
  });
  return { wb, sheetName: placed.name, consolidation: c, generation, workbook, grids, sources, inputs, generatedAt };
}

/**
 * Writes the consolidated workbook of `request.files` into `request.output`; `warn` hears each
 * file left out (no capture sheet). Throws `InputError` / `OutputError` (one Spanish line).
 */
export async function consolidateCopy(request: CopyRequest, warn: (message: string) => void): Promise<ConsolidatedCopy> {
  const run = await consolidateFiles(request.files, request.cutoff, path.basename(request.output), request, warn);
  const g = run.generation;
  const result = applyGenerated(run.wb, g, summaryOf(g), run.generatedAt);
  await writeFileAtomic(path.resolve(request.cwd, request.output), await packageWithCharts(run.wb, result, g.sheets), { force: request.force, inputs: run.inputs, display: request.output });
  return { rows: run.consolidation.rows, files: run.consolidation.files.length, sheetName: run.sheetName, result };
}

