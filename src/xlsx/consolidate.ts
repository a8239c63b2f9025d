/**
 * The .xlsx host of `consolidar`: validates each unit's file, copies the rows of every capture
 * sheet into one consolidated capture sheet ("Consolidado", with "Archivo de origen", "Hoja de
 * origen" and "Fila de origen" per row) of a NEW workbook, then adds Tablero de control, Alertas
 * and Observaciones computed on the consolidated sheet, and marks its cells. Observaciones lists
 * each file's own findings (with the file, its sheet and cell, to return to the unit) plus the
 * findings that only appear once the files are together (e.g. a goal code reported by two files).
 *
 * The `tablero consolidar` verb (`cli/consolidar.ts`) receives it from `cli/main.ts`.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { loadWorkbookFile } from '../app/load';
import { InputError } from '../app/errors';
import { ConsolidationError, consolidate, findingKey } from '../app/consolidate';
import type { ConsolidatedCopy, ConsolidationSource } from '../app/consolidate';
import { generate, localDateTime, prepare, summaryOf, type CopyRequest } from '../app/generate';
import { validateWorkbook } from '../app/validate';
import type { ObservationRow } from '../sheets/observaciones';
import { gridsOfWorkbook } from './read';
import { writeWorkbookAtomic } from './write';
import { renderSheets } from './render';
import { applyGenerated, generatedSheetNames, xlsxParser } from './generate';

/**
 * Writes the consolidated workbook of `request.files` into `request.output`; `warn` hears each
 * file left out (no capture sheet). Throws `InputError` / `OutputError` (one Spanish line).
 */
export async function consolidateCopy(request: CopyRequest, warn: (message: string) => void): Promise<ConsolidatedCopy> {
  const generatedAt = localDateTime(request.now);
  const sources: ConsolidationSource[] = [];
  const inputs: string[] = [];
  let cutoff: string | undefined = request.cutoff;
  let vigencia: number | undefined;
  let entity: string | null = null;
  for (const file of request.files) {
    const loaded = await loadWorkbookFile(file, xlsxParser, { cwd: request.cwd });
    inputs.push(loaded.path);
    const { workbook, options } = prepare(loaded.grids, generatedSheetNames(loaded.host), { cutoff }, request.now);
    if (!workbook.sheets.some((s) => s.kind === 'hoja-captura')) {
      warn(`«${file}» no tiene hoja de captura; se omite en el consolidado.`);
      continue;
    }
    cutoff ??= options.cutoff; // every file is measured at the same cut-off: the first's
    vigencia ??= options.vigencia;
    entity ??= options.entity ?? null;
    const v = validateWorkbook(workbook, options);
    sources.push({ file, workbook, findings: v.findings });
  }
  if (sources.length === 0) throw new InputError('Ningún archivo tiene una hoja de captura para consolidar.');

  let c;
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
  const grids = gridsOfWorkbook(wb, path.basename(request.output));
  const { workbook, options } = prepare(grids, [], { cutoff, vigencia }, request.now);
  const perFile: ObservationRow[] = sources.flatMap((s) => s.findings.map((finding) => ({ finding, file: s.file, linkable: false })));
  const known = new Set(perFile.map((r) => findingKey(r.finding)));
  const g = generate({
    workbook,
    options,
    workbookName: path.basename(request.output),
    generatedAt,
    extraObservations: perFile,
    keepFinding: (f) => !known.has(findingKey(f)),
  });
  const result = applyGenerated(wb, g, summaryOf(g), generatedAt);
  await writeWorkbookAtomic(wb, path.resolve(request.cwd, request.output), { force: request.force, inputs, display: request.output });
  return { rows: c.rows, files: c.files.length, sheetName: placed.name, result };
}
