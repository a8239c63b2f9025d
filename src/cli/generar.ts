/**
 * `tablero generar <archivo.xlsx> [--corte AAAA-MM-DD] -o <salida.xlsx> [--force]`
 *
 * Writes a COPY of the workbook with the marks on the source cells (red errors, yellow warnings,
 * a note with the message) and the sheets Tablero de control, Alertas and Observaciones. The
 * input is only read (byte-identical afterwards); the source sheets' values are untouched; the
 * output is written to a temporary file and renamed, never over an input, never over an existing
 * file without `--force`.
 *
 * Exit codes: 0 the output was written — findings in the workbook do not make `generar` fail,
 * reporting them (marks + Observaciones) is its job; the summary line says how many; 2 unusable
 * input, wrong usage or an output that may not be written (one Spanish line on stderr). `generar`
 * never returns 1: use `validar` to gate on errors.
 *
 * This verb is its own small composition root: it wires the exceljs adapter (`src/xlsx`) into the
 * host-neutral use case `app/generate.ts`, as `main.ts` does for the other verbs.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { InputError, loadWorkbookFile, type WorkbookParser } from '../app/load';
import { generate, localDateTime, prepare } from '../app/generate';
import type { Generated } from '../app/generate';
import { gridsOfWorkbook, loadWorkbook } from '../xlsx/read';
import { OutputError, writeWorkbookAtomic } from '../xlsx/write';
import { renderSheets } from '../xlsx/render';
import type { RenderedSheet } from '../xlsx/render';
import { applyMarks } from '../xlsx/marks';
import { productKindOfSheet, readRegistry } from '../xlsx/registry';
import { countWorkbookSize } from '../xlsx/stream-read';
import { formatNumber } from '../domain/format';
import { allowOnly } from './args';
import { plural } from './output';
import { createProgress, type CliProgress } from './progress';
import { UsageError, type CliIO, type Command, type ParsedArgs } from './types';

export const xlsxParser: WorkbookParser<ExcelJS.Workbook> = {
  parse: (bytes) => loadWorkbook(bytes),
  toGrids: (wb, name) => gridsOfWorkbook(wb, name),
};

/** Names of the sheets the product generated in this workbook, except consolidated data sheets. */
export function generatedSheetNames(wb: ExcelJS.Workbook): string[] {
  const reg = readRegistry(wb);
  return wb.worksheets
    .filter((w) => {
      const k = productKindOfSheet(wb, w.name, reg);
      return k !== null && k !== 'consolidado';
    })
    .map((w) => w.name);
}

export interface GenerarResult {
  readonly generated: Generated;
  readonly sheets: readonly RenderedSheet[];
  readonly markedCells: number;
}

/** Applies a generation to an exceljs workbook: marks first, then the sheets. */
export function applyGenerated(wb: ExcelJS.Workbook, g: Generated, generatedAt: string): GenerarResult {
  const marked = applyMarks(wb, g.marks);
  const sheets = renderSheets(wb, g.sheets, { generatedAt });
  return { generated: g, sheets, markedCells: marked.cells };
}

export function summaryLine(out: string, r: GenerarResult): string {
  const g = r.generated;
  const names = r.sheets.map((s) => `«${s.name}»`).join(', ');
  return (
    `Escrito ${out}: hojas ${names}; ${plural(g.errors, 'error', 'errores')} y ${plural(g.warnings, 'advertencia', 'advertencias')}` +
    ` (${plural(r.markedCells, 'celda marcada', 'celdas marcadas')})` +
    (g.model.source === 'hoja-captura'
      ? `; ${plural(g.model.rezagadas.length, 'meta rezagada', 'metas rezagadas')} al corte ${g.model.cutoff.split('-').reverse().join('/')}.\n`
      : '; sin ejecución reportada: el tablero resume el plan de acción.\n')
  );
}

export function reportFailure(e: unknown, io: CliIO): number {
  if (e instanceof UsageError || e instanceof InputError || e instanceof OutputError) {
    io.stderr(`tablero: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  }
  throw e;
}

/**
 * The largest workbook `generar` takes, in cells written in its worksheets. `generar` writes a
 * COPY of the workbook — the units' own styles, notes and layout kept — so it loads exceljs's
 * full document model, and memory grows faster than the rows (load, marks, the written file).
 * Measured peak RSS (`npm run bench -- escala`, 30-column consolidated capture sheet, ~27 cells a
 * row): 20,000 rows (≈545,000 cells) 1.3 GB; 35,000 rows 2.5 GB; 200,000 rows ran out of memory
 * at 4.3 GB after 28 minutes. Above this limit the run would pass the 1.5 GB budget, so it is
 * refused at once, before loading, with one line; `validar` and `reporte` read such a workbook
 * streaming.
 */
export const GENERAR_MAX_CELLS = 550_000;

/** Checks the workbook's size (streaming over its XML, nothing loaded) against `maxCells`. */
export function sizeGuard(file: string, maxCells: number, onSize?: (rows: number) => void): (bytes: Buffer) => Promise<void> {
  return async (bytes) => {
    let size;
    try {
      size = await countWorkbookSize(bytes);
    } catch {
      return; // not countable: the parser says what is wrong with the file
    }
    if (size.cells <= maxCells) {
      onSize?.(size.rows);
      return;
    }
    const n = (x: number) => formatNumber(x, 0);
    throw new InputError(
      `El libro «${file}» tiene ${n(size.rows)} filas (${n(size.cells)} celdas); «generar» admite por ahora hasta ${n(maxCells)} celdas ` +
        `(unas ${n(Math.floor(maxCells / 30 / 1000) * 1000)} filas de 30 columnas): use «validar» y «reporte», que leen libros de ese tamaño, o genere por dependencia.`,
    );
  };
}

/** Loads the workbook and reads its sheets; the grids are out of reach once this returns. */
async function loadAndRead(file: string, corte: string | undefined, io: CliIO, maxCells: number, progress: CliProgress) {
  const onSize = (rows: number) => {
    progress.size(file, rows);
    progress.phase('Leyendo', file);
  };
  const loaded = await loadWorkbookFile(file, xlsxParser, { cwd: io.cwd, beforeParse: sizeGuard(file, maxCells, onSize) });
  const wb = loaded.host;
  const { workbook, options } = prepare(loaded.grids, generatedSheetNames(wb), { cutoff: corte }, io.now);
  return { wb, inputPath: loaded.path, workbook, options };
}

export interface GenerarOptions {
  /** Default `GENERAR_MAX_CELLS`. */
  readonly maxCells?: number;
}

export function generarWith(opts: GenerarOptions = {}): Command {
  return (args, io) => runGenerar(args, io, opts.maxCells ?? GENERAR_MAX_CELLS);
}

export const generar: Command = generarWith();

async function runGenerar(args: ParsedArgs, io: CliIO, maxCells: number): Promise<number> {
  // Progress on stderr for a large workbook (generar takes ~1.5 ms a row): one line per stage.
  const progress = createProgress(io, false, { minRows: 5_000 });
  try {
    allowOnly(args, { corte: true, output: true, force: true });
    if (args.files.length !== 1) {
      throw new UsageError('Indique un libro: tablero generar <archivo.xlsx> [--corte AAAA-MM-DD] -o <salida.xlsx> [--force]');
    }
    if (!args.output) throw new UsageError('Falta la salida: tablero generar <archivo.xlsx> -o <salida.xlsx> (el libro de entrada nunca se modifica).');
    const file = args.files[0];
    const { wb, inputPath, workbook, options } = await loadAndRead(file, args.corte, io, maxCells, progress);
    if (workbook.sheets.length === 0) {
      throw new InputError(`En el archivo «${file}» solo hay hojas generadas por el tablero; genere a partir del libro con el plan de acción o la hoja de captura.`);
    }
    const generatedAt = localDateTime(io.now);
    progress.phase('Generando el tablero de', file);
    const g = generate({ workbook, options, workbookName: path.basename(file), generatedAt });
    const result = applyGenerated(wb, g, generatedAt);
    const out = path.resolve(io.cwd, args.output);
    progress.phase('Escribiendo la copia de', file);
    await writeWorkbookAtomic(wb, out, { force: args.force, inputs: [inputPath], display: args.output });
    progress.done();
    io.stdout(summaryLine(args.output, result));
    return 0;
  } catch (e) {
    progress.done();
    return reportFailure(e, io);
  }
}

export default generar;
