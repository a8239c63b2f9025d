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
import { allowOnly } from './args';
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

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('es-CO')} ${n === 1 ? one : many}`;
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

export const generar: Command = async (args: ParsedArgs, io: CliIO): Promise<number> => {
  try {
    allowOnly(args, { corte: true, output: true, force: true });
    if (args.files.length !== 1) {
      throw new UsageError('Indique un libro: tablero generar <archivo.xlsx> [--corte AAAA-MM-DD] -o <salida.xlsx> [--force]');
    }
    if (!args.output) throw new UsageError('Falta la salida: tablero generar <archivo.xlsx> -o <salida.xlsx> (el libro de entrada nunca se modifica).');
    const file = args.files[0];
    const loaded = await loadWorkbookFile(file, xlsxParser, { cwd: io.cwd });
    const wb = loaded.host;
    const { workbook, options } = prepare(loaded.grids, generatedSheetNames(wb), { cutoff: args.corte }, io.now);
    if (workbook.sheets.length === 0) {
      throw new InputError(`En el archivo «${file}» solo hay hojas generadas por el tablero; genere a partir del libro con el plan de acción o la hoja de captura.`);
    }
    const generatedAt = localDateTime(io.now);
    const g = generate({ workbook, options, workbookName: path.basename(file), generatedAt });
    const result = applyGenerated(wb, g, generatedAt);
    const out = path.resolve(io.cwd, args.output);
    await writeWorkbookAtomic(wb, out, { force: args.force, inputs: [loaded.path], display: args.output });
    io.stdout(summaryLine(args.output, result));
    return 0;
  } catch (e) {
    return reportFailure(e, io);
  }
};

export default generar;
