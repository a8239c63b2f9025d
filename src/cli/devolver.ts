/**
 * `tablero devolver <a.xlsx> <b.xlsx>… [--corte AAAA-MM-DD] -o <carpeta> [--force]`
 * `tablero devolver <consolidado.xlsx> [--corte AAAA-MM-DD] -o <carpeta> [--force]`
 *
 * One workbook per unit (PE-P-004 step 4, PE-P-008 step 3), `devolucion-<dependencia>.xlsx`:
 * - «Devolución»: the cover — unit, cut-off, the report deadline, what it holds, what to do;
 * - «Observaciones»: ONLY that unit's findings, each with its file, sheet and cell;
 * - «Alertas»: ONLY that unit's lagging goals (with the blank columns for cause, corrective
 *   action, responsible and commitment date), its goals over 100 % and its unreported goals.
 *
 * The units' files are consolidated in memory exactly as `tablero consolidar` does (same
 * verdicts), and the result is cut apart by unit (`app/returns.ts`). A workbook written by
 * `consolidar` can be given alone instead: its «Consolidado» sheet is read with its origin columns.
 *
 * The folder is created when missing; no file in it is replaced without `--force`, and every
 * output is checked before the first is written. Exit codes as `consolidar`.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError, loadWorkbookFile } from '../app/load';
import { generate, localDateTime, prepare } from '../app/generate';
import { originsOf, returnFileName, splitReturns } from '../app/returns';
import type { Returns } from '../app/returns';
import type { ReadSheet } from '../domain/sheet';
import type { WorkbookGrids } from '../domain/grid';
import type { ProgressModel } from '../app/report';
import { buildAlertas } from '../sheets/alertas';
import { buildDevolucion } from '../sheets/devolucion';
import { buildObservaciones } from '../sheets/observaciones';
import { productKindOfSheet, readRegistry } from '../xlsx/registry';
import { renderSheets } from '../xlsx/render';
import { OutputError, checkOutputPath, writeWorkbookAtomic } from '../xlsx/write';
import { allowOnly } from './args';
import { consolidateFiles } from './consolidar';
import { generatedSheetNames, reportFailure, xlsxParser } from './generar';
import { plural } from './output';
import { createProgress } from './progress';
import { UsageError, type CliIO, type Command, type ParsedArgs } from './types';

interface Reviewed {
  readonly returns: Returns;
  readonly model: ProgressModel;
  readonly inputs: readonly string[];
  readonly generatedAt: string;
}

/** The consolidated capture sheet of a read workbook and its origins. */
function consolidatedPart(grids: WorkbookGrids, sheets: readonly ReadSheet[], name: string) {
  const sheet = sheets.find((s) => s.name === name);
  const grid = grids.sheets.find((g) => g.name === name);
  if (!sheet || !grid) throw new InputError(`La hoja «${name}» del consolidado no se pudo leer como hoja de captura.`);
  return { sheet, origins: originsOf(grid, sheet.headerRow) };
}

/** A workbook written by `consolidar`, returned alone: its Consolidado sheet is the data. */
async function reviewConsolidated(file: string, corte: string | undefined, io: CliIO): Promise<Reviewed | null> {
  const loaded = await loadWorkbookFile(file, xlsxParser, { cwd: io.cwd });
  const reg = readRegistry(loaded.host);
  const name = loaded.host.worksheets.find((w) => productKindOfSheet(loaded.host, w.name, reg) === 'consolidado')?.name;
  if (!name) return null;
  const generatedAt = localDateTime(io.now);
  const { workbook, options } = prepare(loaded.grids, generatedSheetNames(loaded.host), { cutoff: corte }, io.now);
  const g = generate({ workbook, options, workbookName: path.basename(file), generatedAt });
  const returns = splitReturns({
    model: g.model,
    sources: [],
    consolidated: consolidatedPart(loaded.grids, workbook.sheets, name),
    consolidatedFindings: g.findings,
  });
  return { returns, model: g.model, inputs: [loaded.path], generatedAt };
}

async function review(files: readonly string[], corte: string | undefined, io: CliIO): Promise<Reviewed> {
  if (files.length === 1) {
    const alone = await reviewConsolidated(files[0], corte, io);
    if (alone) return alone;
  }
  const run = await consolidateFiles(files, corte, 'Consolidado', io);
  const g = run.generation;
  const returns = splitReturns({
    model: g.model,
    sources: run.sources,
    consolidated: consolidatedPart(run.grids, run.workbook.sheets, run.sheetName),
    consolidatedFindings: g.findings,
  });
  return { returns, model: g.model, inputs: run.inputs, generatedAt: run.generatedAt };
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

export const devolver: Command = async (args: ParsedArgs, io: CliIO): Promise<number> => {
  const progress = createProgress(io, true);
  try {
    allowOnly(args, { corte: true, output: true, force: true });
    if (args.files.length === 0) {
      throw new UsageError('Indique los libros de las dependencias (o un consolidado): tablero devolver <a.xlsx> <b.xlsx>… -o <carpeta>');
    }
    if (!args.output) throw new UsageError('Falta la carpeta de salida: tablero devolver <a.xlsx> <b.xlsx>… -o <carpeta>.');
    const folder = path.resolve(io.cwd, args.output);
    const r = await review(args.files, args.corte, io);
    const units = r.returns.units;
    const names = fileNames(units.map((u) => u.unit));
    await outputFolder(folder, args.output);
    // Every output is checked before the first is written: a refused one leaves the folder as it was.
    for (const name of names) {
      await checkOutputPath(path.join(folder, name), { force: args.force, inputs: r.inputs, display: path.join(args.output, name) });
    }
    const lines: string[] = [];
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
      const display = path.join(args.output, names[i]);
      await writeWorkbookAtomic(wb, path.join(folder, names[i]), { force: args.force, inputs: r.inputs, display });
      lines.push(
        `  ${display}  ${u.unit}: ${plural(errors, 'error', 'errores')}, ${plural(warnings, 'advertencia', 'advertencias')}, ` +
          `${plural(u.model.rezagadas.length, 'meta rezagada', 'metas rezagadas')}, ${plural(u.model.sobreejecutadas.length, 'meta', 'metas')} sobre el 100 %.\n`,
      );
    }
    progress.report('Escribiendo devoluciones', units.length, units.length);
    progress.done();
    const unassigned = r.returns.unassigned.length;
    io.stdout(
      `Devoluciones al corte ${r.model.cutoff.split('-').reverse().join('/')}: ${plural(units.length, 'dependencia', 'dependencias')}` +
        (r.model.deadline ? `, plazo de respuesta ${r.model.deadline.split('-').reverse().join('/')}` : '') +
        '.\n' +
        lines.join('') +
        (unassigned ? `Sin dependencia: ${plural(unassigned, 'observación', 'observaciones')} del propio consolidado (quedan en sus Observaciones).\n` : ''),
    );
    return 0;
  } catch (e) {
    progress.done();
    return reportFailure(e, io);
  }
};

export default devolver;
