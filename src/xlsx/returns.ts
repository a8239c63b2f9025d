/**
 * The .xlsx host of `devolver`: one workbook per unit (PE-P-004 step 4, PE-P-008 step 3),
 * `devolucion-<dependencia>.xlsx`:
 * - «Devolución»: the cover — unit, cut-off, the report deadline, what it holds, what to do;
 * - «Observaciones»: ONLY that unit's findings, each with its file, sheet and cell;
 * - «Alertas»: ONLY that unit's lagging goals (with the blank columns for cause, corrective
 *   action, responsible and commitment date), its goals over 100 % and its unreported goals.
 *
 * The units' files are consolidated in memory exactly as `tablero consolidar` does (same
 * verdicts), and the result is cut apart by unit (`app/returns.ts`). A workbook written by
 * `consolidar` can be given alone instead: its «Consolidado» sheet is read with its origin columns.
 *
 * The folder is created when missing; no file in it is replaced without `force`, and every
 * output is checked before the first is written. The verb (`cli/devolver.ts`) receives this from
 * `cli/main.ts`.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError, OutputError } from '../app/errors';
import { loadWorkbookFile } from '../app/load';
import { generate, localDateTime, prepare, type CopyRequest } from '../app/generate';
import type { ProgressReporter } from '../app/ports';
import { returnFileName, splitReturns } from '../app/returns';
import { cutoffOutsideVigencia } from '../app/report';
import { originsOf } from '../domain/consolidated';
import type { Returns, WrittenReturns } from '../app/returns';
import type { ReadSheet } from '../domain/sheet';
import type { WorkbookGrids } from '../domain/grid';
import type { ProgressModel } from '../domain/progress-model';
import { buildAlertas } from '../sheets/alertas';
import { buildDevolucion } from '../sheets/devolucion';
import { buildObservaciones } from '../sheets/observaciones';
import { consolidateFiles } from './consolidate';
import { generatedSheetNames, xlsxParser } from './generate';
import { productKindOfSheet, readRegistry } from './registry';
import { renderSheets } from './render';
import { checkOutputPath, writeWorkbookAtomic } from './write';

interface Reviewed {
  readonly returns: Returns;
  readonly model: ProgressModel;
  readonly inputs: readonly string[];
  readonly generatedAt: string;
}

/** The consolidated capture sheet of a read workbook and its origins. */
function consolidatedPart(grids: WorkbookGrids, sheets: readonly ReadSheet[], name: string) {
  const parts = sheets.filter((s) => s.name === name);
  const grid = grids.sheets.find((g) => g.name === name);
  if (parts.length === 0 || !grid) throw new InputError(`La hoja «${name}» del consolidado no se pudo leer como hoja de captura.`);
  return { name, sheets: parts, origins: originsOf(grid, parts[0].headerRow) };
}

/** A workbook written by `consolidar`, returned alone: its Consolidado sheet is the data. */
async function reviewConsolidated(file: string, corte: string | undefined, at: Pick<CopyRequest, 'cwd' | 'now' | 'reading'>): Promise<Reviewed | null> {
  const reading = { ...at.reading, ...(corte !== undefined ? { cutoff: corte } : {}) };
  const loaded = await loadWorkbookFile(file, xlsxParser, { cwd: at.cwd, reading });
  const reg = readRegistry(loaded.host);
  const name = loaded.host.worksheets.find((w) => productKindOfSheet(loaded.host, w.name, reg) === 'consolidado')?.name;
  if (!name) return null;
  const generatedAt = localDateTime(at.now);
  const vigencia = reading.vigencia !== undefined ? { vigencia: reading.vigencia } : {};
  const { workbook, options } = prepare(loaded.grids, generatedSheetNames(loaded.host), { cutoff: corte, ...vigencia }, at.now, reading);
  const outside = cutoffOutsideVigencia(corte, options.vigencia, options.vigenciaFrom, workbook);
  if (outside) throw new InputError(outside);
  const g = generate({ workbook, options, workbookName: path.basename(file), generatedAt });
  const returns = splitReturns({
    model: g.model,
    sources: [],
    consolidated: { ...consolidatedPart(loaded.grids, workbook.sheets, name), findings: g.findings },
  });
  return { returns, model: g.model, inputs: [loaded.path], generatedAt };
}

async function review(request: CopyRequest, warn: (message: string) => void): Promise<Reviewed> {
  const { files, cutoff: corte } = request;
  if (files.length === 1) {
    const alone = await reviewConsolidated(files[0], corte, request);
    if (alone) return alone;
  }
  // Each unit's return is its own file's review (and the findings that span files), never a
  // re-reading of the copied rows.
  const run = await consolidateFiles(files, corte, 'Consolidado', request, warn);
  const across = run.review.acrossFiles;
  const returns = splitReturns({
    model: run.review.model,
    sources: run.sources.map((s) => ({ ...s, findings: [...s.findings, ...across.filter((x) => x.file === s.file).map((x) => x.finding)] })),
  });
  return { returns, model: run.review.model, inputs: run.inputs, generatedAt: run.generatedAt };
}

/** The output folder (created when missing; never a file). */
async function outputFolder(out: string, display: string): Promise<void> {
  const st = await fs.stat(out).catch(() => null);
  if (st && !st.isDirectory()) throw new OutputError(`La salida «${display}» es un archivo; indique una carpeta: tablero devolver … -o <carpeta>.`);
  if (!st) {
    try {
      await fs.mkdir(out, { recursive: true });
    } catch (e) {
      throw new OutputError(`No se pudo crear la carpeta «${display}».`, e);
    }
  }
}

/** Unique file names per unit (two units whose names differ only in accents or signs get `-2`). */
function fileNames(units: readonly string[]): string[] {
  const taken = new Set<string>();
  return units.map((u) => {
    const base = returnFileName(u);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = base.replace(/\.xlsx$/, `-${i}.xlsx`);
    taken.add(name);
    return name;
  });
}

/**
 * Writes one return workbook per unit of `request.files` into the folder `request.output`;
 * resolves to what was written. Throws `InputError` / `OutputError` (one Spanish line).
 */
export async function writeReturns(
  request: CopyRequest,
  progress: ProgressReporter & { item(text: string): void },
  warn: (message: string) => void,
): Promise<WrittenReturns> {
  const folder = path.resolve(request.cwd, request.output);
  const r = await review(request, warn);
  const units = r.returns.units;
  const names = fileNames(units.map((u) => u.unit));
  await outputFolder(folder, request.output);
  // Every output is checked before the first is written: a refused one leaves the folder as it was.
  for (const name of names) {
    await checkOutputPath(path.join(folder, name), { force: request.force, inputs: r.inputs, display: path.join(request.output, name) });
  }
  const written: WrittenReturns['units'][number][] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    progress.report('Escribiendo devoluciones', i, units.length);
    progress.item(u.unit);
    const errors = u.rows.filter((x) => x.finding.severity === 'error').length;
    const warnings = u.rows.length - errors;
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Tablero PDM';
    renderSheets(
      wb,
      [
        buildDevolucion({ unit: u.unit, model: u.model, errors, warnings, files: u.files, generatedAt: r.generatedAt }),
        buildObservaciones({ rows: u.rows, workbookName: u.unit, entity: u.model.entity, cutoff: u.model.cutoff, generatedAt: r.generatedAt }),
        buildAlertas({ model: u.model, generatedAt: r.generatedAt }),
      ],
      { generatedAt: r.generatedAt },
    );
    const display = path.join(request.output, names[i]);
    await writeWorkbookAtomic(wb, path.join(folder, names[i]), { force: request.force, inputs: r.inputs, display });
    written.push({ display, unit: u.unit, errors, warnings, rezagadas: u.model.rezagadas.length, overExecuted: u.model.overExecuted.length });
  }
  progress.report('Escribiendo devoluciones', units.length, units.length);
  return { cutoff: r.model.cutoff, deadline: r.model.deadline, units: written, unassigned: r.returns.unassigned.length };
}
