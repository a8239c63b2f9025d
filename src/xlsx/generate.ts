/**
 * The .xlsx host of `generar`: writes a COPY of the workbook with the marks on the source cells
 * (red errors, yellow warnings, a note with the message) and the sheets Tablero de control,
 * Alertas and Observaciones. The input is only read (byte-identical afterwards); the source
 * sheets' values are untouched; the output is written to a temporary file and renamed, never over
 * an input, never over an existing file without `force`.
 *
 * It wires this adapter into the host-neutral use case `app/generate.ts`; the `tablero generar`
 * verb (`cli/generar.ts`) receives it from the composition root (`cli/main.ts`).
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { loadWorkbookFile, type WorkbookParser } from '../app/load';
import { cutoffOutsideVigencia } from '../app/report';
import { InputError } from '../app/errors';
import { analyseForGeneration, localDateTime, prepare, sheetBuilders, summaryOf } from '../app/generate';
import type { Analysed, CopyRequest, GenerarResult, Generated, GenerationSummary } from '../app/generate';
import type { MarkPlan } from '../app/marks';
import type { FileProgress } from '../app/ports';
import { REGISTRY_SHEET } from '../app/registry';
import type { WorkbookGrids } from '../domain/grid';
import type { EngineOptions } from '../domain/options';
import type { ReadWorkbook } from '../domain/sheet';
import type { SheetModel } from '../sheets/model';
import { GeneratedStyles, SheetXml } from './sheet-xml';
import { gridsOfWorkbook, loadWorkbook, restoreTypedTexts } from './read';
import { checkOutputPath, writeFileAtomic } from './write';
import { carryOver } from './carry-over';
import { readFile } from 'node:fs/promises';
import { renderSheets } from './render';
import { applyMarks } from './marks';
import { productKindOfSheet, readRegistry } from './registry';
import { countWorkbookSize, readGridsStreaming, type WorkbookSize } from './stream-read';
import { assembleCopy, buildSkeleton, styleCounts, utf8Chunks } from './large-copy';
import { addChartParts, resolveCharts, type ResolvedChart } from './chart-parts';
import { deflatePart, openZip, type DeflatedPart, type ZipSource } from './zip';
import { readablePackage } from './package';

/** The grids of a workbook `xlsxParser` loaded, read by the cell scanner. */
const scanned = new WeakMap<ExcelJS.Workbook, WorkbookGrids>();

/**
 * exceljs's model of a package (what a copy is saved from) and its grids read by the cell scanner,
 * with the texts exceljs decoded twice put back in the model (`restoreTypedTexts`).
 */
async function modelAndGrids(bytes: Buffer): Promise<{ wb: ExcelJS.Workbook; grids: WorkbookGrids }> {
  const wb = await loadWorkbook(bytes);
  const grids = await readGridsStreaming(readablePackage(bytes), '');
  restoreTypedTexts(wb, grids);
  return { wb, grids };
}

/**
 * exceljs's full model for the verbs that write it back (`aprobar`, `devolver`), with the grids
 * read by the cell scanner validar and reporte read with: exceljs's model cannot tell a formula
 * saved with no cached value (unknown) from one whose cached text is empty (blank).
 */
export const xlsxParser: WorkbookParser<ExcelJS.Workbook> = {
  parse: async (bytes) => {
    const { wb, grids } = await modelAndGrids(bytes);
    scanned.set(wb, grids);
    return wb;
  },
  toGrids: (wb, name) => {
    const grids = scanned.get(wb);
    return grids ? { ...grids, name } : gridsOfWorkbook(wb, name);
  },
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

/** Applies a generation to an exceljs workbook: marks first, then the sheets. */
export function applyGenerated(wb: ExcelJS.Workbook, g: Pick<Generated, 'marks' | 'sheets'>, summary: GenerationSummary, generatedAt: string): GenerarResult {
  const marked = applyMarks(wb, g.marks);
  const sheets = renderSheets(wb, g.sheets, { generatedAt });
  return { summary, sheets, markedCells: marked.cells };
}

/** The package of `wb` with the generated sheets' charts as chart parts (`result.sheets[i]` drew `models[i]`). */
export async function packageWithCharts(wb: ExcelJS.Workbook, result: GenerarResult, models: readonly Pick<SheetModel, 'charts' | 'cells'>[]): Promise<Buffer> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return addChartParts(bytes, result.sheets.map((s, i) => ({ sheet: s.name, charts: resolveCharts(models[i]) })));
}

/**
 * From this many cells on (written in the workbook's worksheets), `generar` makes the copy at the
 * package level (`src/xlsx/large-copy/`) instead of through exceljs's full document model.
 * The model costs about 2 KB per cell — measured peak RSS (`npm run bench -- escala`, 30-column
 * consolidated capture sheet): 20,000 rows (≈545,000 cells) 1.3 GB, 35,000 rows 2.5 GB — so above
 * this the 1.5 GB budget would not hold. The package-level copy keeps every cell of the units'
 * sheets byte for byte, reads them streaming and writes the generated sheets row by row.
 */
export const GENERAR_MAX_CELLS = 400_000;

/** The workbook as `generar` holds it: exceljs's full model, or the package-level copy's parts. */
type Host =
  | { readonly kind: 'model'; readonly wb: ExcelJS.Workbook; readonly grids: WorkbookGrids }
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
      // The grids come from the cell scanner validar and reporte read with, whatever the size: exceljs's
      // model cannot tell a formula saved with no cached value from one whose cached text is empty.
      if (!large()) return { kind: 'model', ...(await modelAndGrids(bytes)) };
      const readable = readablePackage(bytes);
      const zip = openZip(readable);
      const grids = await readGridsStreaming(readable, '', { onRows: (n, sheet) => onRows(n, sheet === '') });
      // The registry keeps its cells: its entries say which sheets the product made.
      const skeleton = await buildSkeleton(zip, (sheet) => sheet === REGISTRY_SHEET);
      return { kind: 'package', zip, wb: await loadWorkbook(skeleton), grids };
    },
    toGrids: (host, name) => {
      if (host.kind === 'model') return { ...host.grids, name };
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
async function loadAndRead(
  file: string,
  corte: string | undefined,
  at: Pick<CopyRequest, 'cwd' | 'now' | 'reading'>,
  maxCells: number,
  progress: FileProgress,
): Promise<Read> {
  const reading = { ...at.reading, ...(corte !== undefined ? { cutoff: corte } : {}) };
  let large = false;
  const beforeParse = async (bytes: Buffer) => {
    const size = await sizeOf(bytes);
    large = size !== null && size.cells > maxCells;
    if (size) progress.size(file, size.rows);
    progress.phase('Leyendo', file);
  };
  const parser = hostParser(() => large, (rows, final) => progress.rows(file, rows, final));
  const loaded = await loadWorkbookFile(file, parser, { cwd: at.cwd, beforeParse, reading });
  const host = loaded.host;
  const vigencia = reading.vigencia !== undefined ? { vigencia: reading.vigencia } : {};
  const { workbook, options } = prepare(loaded.grids, generatedSheetNames(host.wb), { cutoff: corte, ...vigencia }, at.now, reading);
  const outside = cutoffOutsideVigencia(corte, options.vigencia, options.vigenciaFrom, workbook);
  if (outside) throw new InputError(outside);
  return { host, inputPath: loaded.path, workbook, options };
}

/** Takes the read workbook out of `read` (it can then go as soon as the caller is done with it). */
function takeWorkbook(read: Read): ReadWorkbook {
  const wb = read.workbook;
  if (!wb) throw new Error('workbook already taken');
  read.workbook = null;
  return wb;
}

interface WrittenSheets {
  readonly summary: GenerationSummary;
  readonly marks: MarkPlan;
  readonly styles: GeneratedStyles;
  /** Each generated sheet: its model without cells (for exceljs), its XML deflated, its links. */
  readonly sheets: readonly { readonly empty: SheetModel; readonly part: DeflatedPart; readonly rels: string | null; readonly charts: readonly ResolvedChart[] }[];
}

/** Builds one generated sheet and writes it to deflated XML; its model is garbage when this returns. */
async function writeSheet(build: () => SheetModel, styles: GeneratedStyles, at: { xfOffset: number; dxfOffset: number; selected: boolean; date1904: boolean }) {
  const model = build();
  const xml = new SheetXml(model);
  const part = await deflatePart(utf8Chunks(xml.xml({ styles, ...at })));
  return { empty: { ...model, cells: [], merges: [], conditionalFormats: [], rowHeights: {}, pageBreaks: [] }, part, rels: xml.relsXml(), charts: resolveCharts(model) };
}

function plan(a: Analysed, names: { workbookName: string; generatedAt: string }) {
  return { summary: summaryOf(a), marks: a.marks, builders: sheetBuilders(a, names) };
}

/**
 * The large path's generation: analyse, then let the read workbook go, then build each sheet,
 * write it to deflated XML and let its model go before the next — only the compressed sheets,
 * the mark plan and the summary outlive this function.
 */
async function writeSheets(read: Read, names: { workbookName: string; generatedAt: string }, host: PackageHost): Promise<WrittenSheets> {
  const zip = host.zip;
  // Dates are written as serials of the workbook's own date system (exceljs read it from the skeleton).
  const date1904 = host.wb.properties.date1904 === true;
  // No variable holds the analysis: only the builders do, and each is dropped once it has run.
  const { summary, marks, builders } = plan(analyseForGeneration({ workbook: takeWorkbook(read), options: read.options, ...names }), names);
  const counts = styleCounts(zip);
  const styles = new GeneratedStyles();
  const sheets: WrittenSheets['sheets'][number][] = [];
  // Each builder is taken out of the list before it runs: once the last has run, nothing refers to
  // the analysis; each model lives only inside `writeSheet`.
  for (let build = builders.shift(); build; build = builders.shift()) {
    sheets.push(await writeSheet(build, styles, { xfOffset: counts.xfs, dxfOffset: counts.dxfs, selected: sheets.length === 0, date1904 }));
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
  const bytes = await assembleCopy(host.zip, skelOut, { kept, notesTouched, generated, generatedStyles: w.styles });
  return { bytes: addChartParts(bytes, result.sheets.map((r, i) => ({ sheet: r.name, charts: w.sheets[i].charts }))), result };
}

/**
 * Writes `generar`'s copy of `request.files[0]` into `request.output`; resolves to what was
 * written. Above `maxCells` the copy is made at the package level. Throws `InputError` /
 * `OutputError` (one Spanish line).
 */
export async function generateCopy(request: CopyRequest, progress: FileProgress, maxCells = GENERAR_MAX_CELLS): Promise<GenerarResult> {
  const file = request.files[0];
  const out = path.resolve(request.cwd, request.output);
  const writeOptions = { force: request.force, display: request.output };
  // An output that may not be written is refused before the long work, not after it.
  await checkOutputPath(out, { ...writeOptions, inputs: [path.resolve(request.cwd, file)] });
  const read = await loadAndRead(file, request.cutoff, request, maxCells, progress);
  const { host, inputPath } = read;
  if (read.workbook?.sheets.length === 0) {
    throw new InputError(`En el archivo «${file}» solo hay hojas generadas por el tablero; genere a partir del libro con el plan de acción o la hoja de captura.`);
  }
  const generatedAt = localDateTime(request.now);
  const names = { workbookName: path.basename(file), generatedAt };
  progress.phase('Generando el tablero de', file);
  if (host.kind === 'model') {
    const analysed = analyseForGeneration({ workbook: takeWorkbook(read), options: read.options, ...names });
    const models = sheetBuilders(analysed, names).map((build) => build());
    const result = applyGenerated(host.wb, { marks: analysed.marks, sheets: models }, summaryOf(analysed), generatedAt);
    progress.phase('Escribiendo la copia de', file);
    // exceljs drops a VBA project: the input's is put back (an .xlsm copy keeps the person's macros).
    const bytes = carryOver(await packageWithCharts(host.wb, result, models), out, request.output, await readFile(inputPath));
    await writeFileAtomic(out, bytes, { ...writeOptions, inputs: [inputPath] });
    return result;
  }
  const written = await writeSheets(read, names, host);
  progress.phase('Escribiendo la copia de', file);
  const copy = await packageCopy(host, written, generatedAt);
  await writeFileAtomic(out, carryOver(copy.bytes, out, request.output), { ...writeOptions, inputs: [inputPath] });
  return copy.result;
}
