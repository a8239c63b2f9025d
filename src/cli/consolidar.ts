/**
 * `tablero consolidar <a.xlsx> <b.xlsx>… [--corte AAAA-MM-DD] -o <consolidado.xlsx> [--force]`
 *
 * Validates each unit's file, copies the rows of every capture sheet into one consolidated
 * capture sheet ("Consolidado", with "Archivo de origen", "Hoja de origen" and "Fila de origen"
 * per row) of a NEW workbook, then adds Tablero de control, Alertas and Observaciones computed on
 * the consolidated sheet, and marks its cells. Observaciones lists each file's own findings (with
 * the file, its sheet and cell, to return to the unit) plus the findings that only appear once the
 * files are together (e.g. a goal code reported by two files).
 *
 * Exit codes as `generar`: 0 written (findings are reported, not a failure); 2 unusable input,
 * wrong usage, mixed periods, no capture sheet, or an output that may not be written.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { InputError, loadWorkbookFile } from '../app/load';
import { ConsolidationError, consolidate, findingKey } from '../app/consolidate';
import type { Consolidation, ConsolidationSource } from '../app/consolidate';
import type { Generated } from '../app/generate';
import type { ReadWorkbook } from '../domain/sheet';
import type { WorkbookGrids } from '../domain/grid';
import { generate, localDateTime, prepare } from '../app/generate';
import { validateWorkbook } from '../app/validate';
import type { ObservationRow } from '../sheets/observaciones';
import { gridsOfWorkbook } from '../xlsx/read';
import { writeWorkbookAtomic } from '../xlsx/write';
import { renderSheets } from '../xlsx/render';
import { allowOnly } from './args';
import { applyGenerated, generatedSheetNames, reportFailure, summaryLine, summaryOf, xlsxParser } from './generar';
import { plural } from './output';
import { UsageError, type CliIO, type Command, type ParsedArgs } from './types';

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
 */
export async function consolidateFiles(files: readonly string[], corte: string | undefined, workbookName: string, io: CliIO): Promise<ConsolidatedRun> {
  const generatedAt = localDateTime(io.now);
  const sources: ConsolidationSource[] = [];
  const inputs: string[] = [];
  let cutoff: string | undefined = corte;
  let vigencia: number | undefined;
  let entity: string | null = null;
  for (const file of files) {
    const loaded = await loadWorkbookFile(file, xlsxParser, { cwd: io.cwd });
    inputs.push(loaded.path);
    const { workbook, options } = prepare(loaded.grids, generatedSheetNames(loaded.host), { cutoff }, io.now);
    if (!workbook.sheets.some((s) => s.kind === 'hoja-captura')) {
      io.stderr(`tablero: «${file}» no tiene hoja de captura; se omite en el consolidado.\n`);
      continue;
    }
    cutoff ??= options.cutoff; // every file is measured at the same cut-off: the first's
    vigencia ??= options.vigencia;
    entity ??= options.entity ?? null;
    const v = validateWorkbook(workbook, options);
    sources.push({ file, workbook, findings: v.findings });
  }
  if (sources.length === 0) throw new InputError('Ningún archivo tiene una hoja de captura para consolidar.');

  let c: Consolidation;
  try {
    c = consolidate(sources, { vigencia: vigencia!, cutoff: cutoff!, entity, generatedAt });
  } catch (e) {
    if (e instanceof ConsolidationError) throw new InputError(e.message);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tablero PDM';
  const [placed] = renderSheets(wb, [c.sheet], { generatedAt });

  // Read the consolidated sheet back as the engine sees it, then generate on it.
  const grids = gridsOfWorkbook(wb, workbookName);
  const { workbook, options } = prepare(grids, [], { cutoff, vigencia }, io.now);
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

export const consolidar: Command = async (args: ParsedArgs, io: CliIO): Promise<number> => {
  try {
    allowOnly(args, { corte: true, output: true, force: true });
    if (args.files.length === 0) {
      throw new UsageError('Indique los libros de las dependencias: tablero consolidar <a.xlsx> <b.xlsx>… [--corte AAAA-MM-DD] -o <consolidado.xlsx>');
    }
    if (!args.output) throw new UsageError('Falta la salida: tablero consolidar <a.xlsx> <b.xlsx>… -o <consolidado.xlsx>.');
    const run = await consolidateFiles(args.files, args.corte, path.basename(args.output), io);
    const g = run.generation;
    const result = applyGenerated(run.wb, g, summaryOf(g), run.generatedAt);
    await writeWorkbookAtomic(run.wb, path.resolve(io.cwd, args.output), { force: args.force, inputs: run.inputs, display: args.output });
    const c = run.consolidation;
    io.stdout(
      `Consolidadas ${plural(c.rows, 'fila', 'filas')} de ${plural(c.files.length, 'archivo', 'archivos')} en la hoja «${run.sheetName}».\n` +
        summaryLine(args.output, result),
    );
    return 0;
  } catch (e) {
    return reportFailure(e, io);
  }
};

export default consolidar;
