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
import { consolidate, findingKey } from '../app/consolidate';
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
  let cutoff: string | undefined = corte;
  let vigencia: number | undefined;
  let entity: string | null = null;
  // The period the files themselves say (title block, settings), and which file said it first.
  let declared: { vigencia?: { value: number; file: string }; cutoff?: { value: string; file: string } } = {};
  const seen = new Map<string, string>(); // real path → file as given
  for (const file of files) {
    const loaded = await loadWorkbookFile(file, xlsxParser, { cwd: at.cwd, ...(at.reading?.mapping ? { reading: { mapping: at.reading.mapping } } : {}) });
    const real = await realpath(loaded.path);
    const twice = seen.get(real);
    if (twice !== undefined) throw new InputError(`«${file}» es el mismo archivo que «${twice}»: cada libro se consolida una sola vez.`);
    seen.set(real, file);
    inputs.push(loaded.path);
    const { workbook, options } = prepare(loaded.grids, generatedSheetNames(loaded.host), { cutoff }, at.now, at.reading?.mapping ? { mapping: at.reading.mapping } : {});
    if (!workbook.sheets.some((s) => s.kind === 'hoja-captura')) {
      warn(`«${file}» no tiene hoja de captura; se omite en el consolidado.`);
      continue;
    }
    // Units of one consolidation report the same vigencia and, unless --corte says which, the same cut-off.
    // The capture sheets' own title block first (the plan de acción beside them may be older).
    const byCapture = [...workbook.sheets].sort((a, b) => Number(b.kind === 'hoja-captura') - Number(a.kind === 'hoja-captura'));
    const ownVigencia = byCapture.find((s) => s.vigencia !== undefined)?.vigencia;
    const ownCutoff = byCapture.find((s) => s.cutoff)?.cutoff;
    if (ownVigencia !== undefined && declared.vigencia && declared.vigencia.value !== ownVigencia) {
      throw new InputError(`«${file}» es de la vigencia ${ownVigencia} y «${declared.vigencia.file}» de la ${declared.vigencia.value}: consolide libros de una misma vigencia.`);
    }
    if (corte === undefined && ownCutoff && declared.cutoff && declared.cutoff.value !== ownCutoff) {
      throw new InputError(
        `«${file}» tiene corte ${dmy(ownCutoff)} y «${declared.cutoff.file}» ${dmy(declared.cutoff.value)}: consolide hojas de un mismo corte, o indique cuál con --corte AAAA-MM-DD.`,
      );
    }
    declared = {
      vigencia: declared.vigencia ?? (ownVigencia !== undefined ? { value: ownVigencia, file } : undefined),
      cutoff: declared.cutoff ?? (ownCutoff ? { value: ownCutoff, file } : undefined),
    };
    cutoff ??= corte ?? ownCutoff ?? options.cutoff; // every file is measured at the same cut-off
    vigencia ??= options.vigencia;
    entity ??= options.entity ?? null;
    const v = validateWorkbook(workbook, options);
    sources.push({ file, workbook, findings: v.findings });
  }
  if (sources.length === 0) throw new InputError('Ningún archivo tiene una hoja de captura para consolidar.');

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

const dmy = (iso: string) => iso.split('-').reverse().join('/');
