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
import { analyseForGeneration, sheetBuilders, localDateTime, prepare } from '../app/generate';
import type { Analysed, Generated } from '../app/generate';
import type { ProgressModel } from '../app/report';
import type { MarkPlan } from '../app/marks';
import type { ReadWorkbook } from '../domain/sheet';
import type { EngineOptions } from '../domain/options';
import type { SheetModel } from '../sheets/model';
import { GeneratedStyles, SheetXml } from '../xlsx/sheet-xml';
import { gridsOfWorkbook, loadWorkbook } from '../xlsx/read';
import { OutputError, checkOutputPath, writeFileAtomic, writeWorkbookAtomic } from '../xlsx/write';
import { renderSheets } from '../xlsx/render';
import type { RenderedSheet } from '../xlsx/render';
import { applyMarks } from '../xlsx/marks';
import { productKindOfSheet, readRegistry } from '../xlsx/registry';
import { countWorkbookSize, readGridsStreaming, type WorkbookSize } from '../xlsx/stream-read';
import { assembleCopy, buildSkeleton, styleCounts, utf8Chunks } from '../xlsx/large-copy';
import { deflatePart, openZip, type DeflatedPart, type ZipSource } from '../xlsx/zip';
import { readablePackage } from '../xlsx/package';
import { REGISTRY_SHEET } from '../app/registry';
import type { WorkbookGrids } from '../domain/grid';
import { allowOnly, checkCutoffInVigencia, readingOf } from './args';
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

/** What the summary line says of a generation (kept when the rest of it is let go). */
export interface GenerationSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly source: ProgressModel['source'];
  readonly rezagadas: number;
  readonly cutoff: string;
}

export function summaryOf(g: Pick<Generated, 'errors' | 'warnings' | 'model'>): GenerationSummary {
  return { errors: g.errors, warnings: g.warnings, source: g.model.source, rezagadas: g.model.rezagadas.length, cutoff: g.model.cutoff };
}

export interface GenerarResult {
  readonly summary: GenerationSummary;
  readonly sheets: readonly RenderedSheet[];
  readonly markedCells: number;
}

/** Applies a generation to an exceljs workbook: marks first, then the sheets. */
export function applyGenerated(wb: ExcelJS.Workbook, g: Pick<Generated, 'marks' | 'sheets'>, summary: GenerationSummary, generatedAt: string): GenerarResult {
  const marked = applyMarks(wb, g.marks);
  const sheets = renderSheets(wb, g.sheets, { generatedAt });
  return { summary, sheets, markedCells: marked.cells };
}

export function summaryLine(out: string, r: GenerarResult): string {
  const g = r.summary;
  const names = r.sheets.map((s) => `«${s.name}»`).join(', ');
  return (
    `Escrito ${out}: hojas ${names}; ${plural(g.errors, 'error', 'errores')} y ${plural(g.warnings, 'advertencia', 'advertencias')}` +
    ` (${plural(r.markedCells, 'celda marcada', 'celdas marcadas')})` +
    (g.source === 'hoja-captura'
      ? `; ${plural(g.rezagadas, 'meta rezagada', 'metas rezagadas')} al corte ${g.cutoff.split('-').reverse().join('/')}.\n`
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
 * From this many cells on (written in the workbook's worksheets), `generar` makes the copy at the
 * package level (`src/xlsx/large-copy.ts`) instead of through exceljs's full document model.
 * The model costs about 2 KB per cell — measured peak RSS (`npm run bench -- escala`, 30-column
 * consolidated capture sheet): 20,000 rows (≈545,000 cells) 1.3 GB, 35,000 rows 2.5 GB — so above
 * this the 1.5 GB budget would not hold. The package-level copy keeps every cell of the units'
 * sheets byte for byte, reads them streaming and writes the generated sheets row by row.
 */
export const GENERAR_MAX_CELLS = 400_000;

/** The workbook as `generar` holds it: exceljs's full model, or the package-level copy's parts. */
type Host =
  | { readonly kind: 'model'; readonly wb: ExcelJS.Workbook }
  | { readonly kind: 'package'; readonly zip: ZipSource; readonly wb: ExcelJS.Workbook; grids: WorkbookGrids | null };
type PackageHost = Extract<Host, { kind: 'package' }>;

/** Counts the workbook's rows and cells (streaming over its XML, nothing loaded); null when not countable. */
async function sizeOf(bytes: Buffer): Promise<WorkbookSize | null> {
  try {
    return await countWorkbookSize(bytes);
  } catch {
    return null; // the parser says what is wrong with the file
  }
}

function hostParser(large: () => boolean, onRows: (rows: number, final: boolean) => void): WorkbookParser<Host> {
  return {
    parse: async (bytes) => {
      if (!large()) return { kind: 'model', wb: await loadWorkbook(bytes) };
      const readable = readablePackage(bytes);
      const zip = openZip(readable);
      const grids = await readGridsStreaming(readable, '', { onRows: (n, sheet) => onRows(n, sheet === '') });
      // The registry keeps its cells: its entries say which sheets the product made.
      const skeleton = await buildSkeleton(zip, (sheet) => sheet === REGISTRY_SHEET);
      return { kind: 'package', zip, wb: await loadWorkbook(skeleton), grids };
    },
    toGrids: (host, name) => {
      if (host.kind === 'model') return gridsOfWorkbook(host.wb, name);
      const grids = host.grids;
      host.grids = null; // read once: the grids are out of reach as soon as the sheets are recognised
      if (!grids) throw new Error('grids already taken');
      return { ...grids, name };
    },
  };
}

/** What `loadAndRead` gives: the host and the recognised workbook (let go as soon as it is analysed). */
interface Read {
  readonly host: Host;
  readonly inputPath: string;
  readonly options: EngineOptions;
  workbook: ReadWorkbook | null;
}

/** Loads the workbook and reads its sheets; the grids are out of reach once this returns. */
async function loadAndRead(args: ParsedArgs, file: string, io: CliIO, maxCells: number, progress: CliProgress): Promise<Read> {
  const corte = args.corte;
  const reading = readingOf(args);
  let large = false;
  const beforeParse = async (bytes: Buffer) => {
    const size = await sizeOf(bytes);
    large = size !== null && size.cells > maxCells;
    if (size) progress.size(file, size.rows);
    progress.phase('Leyendo', file);
  };
  const parser = hostParser(() => large, (rows, final) => progress.rows(file, rows, final));
  const loaded = await loadWorkbookFile(file, parser, { cwd: io.cwd, beforeParse, reading });
  const host = loaded.host;
  const vigencia = args.vigencia !== undefined ? { vigencia: Number(args.vigencia) } : {};
  const { workbook, options } = prepare(loaded.grids, generatedSheetNames(host.wb), { cutoff: corte, ...vigencia }, io.now, reading);
  checkCutoffInVigencia(corte, options.vigencia);
  return { host, inputPath: loaded.path, workbook, options };
}

/** Takes the read workbook out of `read` (it can then go as soon as the caller is done with it). */
function takeWorkbook(read: Read): ReadWorkbook {
  const wb = read.workbook;
  if (!wb) throw new Error('workbook already taken');
  read.workbook = null;
  return wb;
}

export interface GenerarOptions {
  /** Default `GENERAR_MAX_CELLS`. */
  readonly maxCells?: number;
}

export function generarWith(opts: GenerarOptions = {}): Command {
  return (args, io) => runGenerar(args, io, opts.maxCells ?? GENERAR_MAX_CELLS);
}

export const generar: Command = generarWith();

interface WrittenSheets {
  readonly summary: GenerationSummary;
  readonly marks: MarkPlan;
  readonly styles: GeneratedStyles;
  /** Each generated sheet: its model without cells (for exceljs), its XML deflated, its links. */
  readonly sheets: readonly { readonly empty: SheetModel; readonly part: DeflatedPart; readonly rels: string | null }[];
}

/** Builds one generated sheet and writes it to deflated XML; its model is garbage when this returns. */
async function writeSheet(build: () => SheetModel, styles: GeneratedStyles, at: { xfOffset: number; dxfOffset: number; selected: boolean }) {
  const model = build();
  const xml = new SheetXml(model);
  const part = await deflatePart(utf8Chunks(xml.xml({ styles, ...at })));
  return { empty: { ...model, cells: [], merges: [], conditionalFormats: [], rowHeights: {}, pageBreaks: [] }, part, rels: xml.relsXml() };
}

function plan(a: Analysed, names: { workbookName: string; generatedAt: string }) {
  return { summary: summaryOf(a), marks: a.marks, builders: sheetBuilders(a, names) };
}

/**
 * The large path's generation: analyse, then let the read workbook go, then build each sheet,
 * write it to deflated XML and let its model go before the next — only the compressed sheets,
 * the mark plan and the summary outlive this function.
 */
async function writeSheets(read: Read, names: { workbookName: string; generatedAt: string }, zip: ZipSource): Promise<WrittenSheets> {
  // No variable holds the analysis: only the builders do, and each is dropped once it has run.
  const { summary, marks, builders } = plan(analyseForGeneration({ workbook: takeWorkbook(read), options: read.options, ...names }), names);
  const counts = styleCounts(zip);
  const styles = new GeneratedStyles();
  const sheets: { empty: SheetModel; part: DeflatedPart; rels: string | null }[] = [];
  // Each builder is taken out of the list before it runs: once the last has run, nothing refers to
  // the analysis; each model lives only inside `writeSheet`.
  for (let build = builders.shift(); build; build = builders.shift()) {
    sheets.push(await writeSheet(build, styles, { xfOffset: counts.xfs, dxfOffset: counts.dxfs, selected: sheets.length === 0 }));
  }
  return { summary, marks, styles, sheets };
}

/**
 * The package-level copy. exceljs only sees the skeleton (every sheet without its cells) with
 * EMPTY generated sheets — which places them, names them, records them and marks the cells — and
 * the sheets written from their models go straight into the copy.
 */
async function packageCopy(host: PackageHost, w: WrittenSheets, generatedAt: string): Promise<{ bytes: Buffer; result: GenerarResult }> {
  const wb = host.wb;
  const before = new Set(wb.worksheets);
  const notesTouched = new Set<string>(w.marks.sheets.filter((s) => s.notes.length > 0).map((s) => s.sheet));
  for (const e of readRegistry(wb).entries) if (e.type === 'nota') notesTouched.add(e.sheet);
  const result = applyGenerated(wb, { marks: w.marks, sheets: w.sheets.map((s) => s.empty) }, w.summary, generatedAt);
  const kept = new Set(wb.worksheets.filter((x) => before.has(x) && x.name !== REGISTRY_SHEET).map((x) => x.name));
  const generated = new Map(result.sheets.map((r, i) => [r.name, w.sheets[i]]));
  const skelOut = openZip(Buffer.from(await wb.xlsx.writeBuffer()));
  return { bytes: await assembleCopy(host.zip, skelOut, { kept, notesTouched, generated, generatedStyles: w.styles }), result };
}

async function runGenerar(args: ParsedArgs, io: CliIO, maxCells: number): Promise<number> {
  // Progress on stderr for a large workbook (generar takes ~1.5 ms a row): one line per stage.
  const progress = createProgress(io, false, { minRows: 5_000 });
  try {
    allowOnly(args, { corte: true, output: true, force: true, reading: true });
    if (args.files.length !== 1) {
      throw new UsageError('Indique un libro: tablero generar <archivo.xlsx> [--corte AAAA-MM-DD] -o <salida.xlsx> [--force]');
    }
    if (!args.output) throw new UsageError('Falta la salida: tablero generar <archivo.xlsx> -o <salida.xlsx> (el libro de entrada nunca se modifica).');
    const file = args.files[0];
    const out = path.resolve(io.cwd, args.output);
    const writeOptions = { force: args.force, display: args.output };
    // An output that may not be written is refused before the long work, not after it.
    await checkOutputPath(out, { ...writeOptions, inputs: [path.resolve(io.cwd, file)] });
    const read = await loadAndRead(args, file, io, maxCells, progress);
    const { host, inputPath } = read;
    if (read.workbook?.sheets.length === 0) {
      throw new InputError(`En el archivo «${file}» solo hay hojas generadas por el tablero; genere a partir del libro con el plan de acción o la hoja de captura.`);
    }
    const generatedAt = localDateTime(io.now);
    const names = { workbookName: path.basename(file), generatedAt };
    progress.phase('Generando el tablero de', file);
    let result: GenerarResult;
    if (host.kind === 'model') {
      const analysed = analyseForGeneration({ workbook: takeWorkbook(read), options: read.options, ...names });
      result = applyGenerated(host.wb, { marks: analysed.marks, sheets: sheetBuilders(analysed, names).map((build) => build()) }, summaryOf(analysed), generatedAt);
      progress.phase('Escribiendo la copia de', file);
      await writeWorkbookAtomic(host.wb, out, { ...writeOptions, inputs: [inputPath] });
    } else {
      const written = await writeSheets(read, names, host.zip);
      progress.phase('Escribiendo la copia de', file);
      const copy = await packageCopy(host, written, generatedAt);
      result = copy.result;
      await writeFileAtomic(out, copy.bytes, { ...writeOptions, inputs: [inputPath] });
    }
    progress.done();
    io.stdout(summaryLine(args.output, result));
    return 0;
  } catch (e) {
    progress.done();
    return reportFailure(e, io);
  }
}

export default generar;
