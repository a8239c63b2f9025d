/**
 * The pane's Consolidar (product.md): the .xlsx files the reviewer picks, as bytes, judged and
 * read exactly as `tablero consolidar` judges and reads files on disk — the door check
 * (`guard.ts`), the same refusals (`admit.ts`), the same intake (`ConsolidationIntake`: another
 * vigencia or cut-off, the same file twice, no capture sheet), the same validation and the same
 * consolidated sheet (`consolidate`). Where the command line stops at such a file, the pane lists
 * it with its reason and goes on without it.
 *
 * Host-neutral: the bytes reader is injected (`xlsx/bytes-read.ts` in the pane), and the caller
 * writes the resulting sheet. Loaded on demand (its own chunk), with the engine's generation code.
 */
import type { WorkbookGrids } from '../domain/grid';
import type { ReadWorkbook } from '../domain/sheet';
import { guardXlsxBytes } from './guard';
import { damaged, extensionProblem, recognise } from './admit';
import { ConsolidationIntake, consolidate, reviewSource, type Consolidation, type ConsolidationSource, type LeftOutCode } from './consolidate';
import { localDateTime, prepare } from './generate';
import { productSheetsOf } from './registry';
import { countSeverities } from './validate';
import { UserError, VigenciaNotHeldError } from './errors';
import { paneReading } from './pane';
import { throwIfCancelled, type CancelToken, type ProgressReporter, type WorkbookSettings } from './ports';

/** A file the reviewer picked. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Bytes of an .xlsx (that passed the door check) to grids; throws on a package that is not whole. */
export type BytesReader = (bytes: Uint8Array, name: string) => Promise<WorkbookGrids>;

/** One picked file as the pane lists it. */
export interface PickedFileReport {
  readonly file: string;
  /** Consolidated, or left out with `code` and the Spanish `reason`. */
  readonly admitted: boolean;
  readonly code?: LeftOutCode;
  readonly reason?: string;
  /** What the file says of itself (null when it could not be read or does not say). */
  readonly unit: string | null;
  readonly vigencia: number | null;
  readonly cutoff: string | null;
  /** Capture rows (goal rows) and the findings of its own validation. */
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface PickedConsolidation {
  readonly files: readonly PickedFileReport[];
  /** Null when no file could be consolidated. */
  readonly consolidation: Consolidation | null;
  readonly generatedAt: string;
}

/** What the pane shows once Consolidar ends: each file's line, and the sheet written (null: none). */
export interface ConsolidarOutcome {
  readonly files: readonly PickedFileReport[];
  readonly sheet: string | null;
  /** Rows copied into the sheet. */
  readonly rows: number;
}

/**
 * Consolidar as the composition root supplies it (`excel/wiring.ts`): judges, reads and
 * consolidates `files`, then writes the sheet into the open workbook through the host.
 */
export type ConsolidateInWorkbook = (files: readonly PickedFile[], readBytes: BytesReader, progress: ProgressReporter, cancel: CancelToken) => Promise<ConsolidarOutcome>;

/** What makes two picked files the same file: their bytes. */
async function identityOf(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return `${bytes.byteLength}:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const unread = (file: string, code: LeftOutCode, reason: string): PickedFileReport => ({
  file,
  admitted: false,
  code,
  reason,
  unit: null,
  vigencia: null,
  cutoff: null,
  rows: 0,
  errors: 0,
  warnings: 0,
});

/** The unit, vigencia and cut-off a workbook states (capture sheets first), and its capture rows. */
function factsOf(workbook: ReadWorkbook): Pick<PickedFileReport, 'unit' | 'vigencia' | 'cutoff' | 'rows'> {
  const captures = workbook.sheets.filter((s) => s.kind === 'hoja-captura');
  const ordered = [...captures, ...workbook.sheets.filter((s) => s.kind !== 'hoja-captura')];
  const fromRows = captures.flatMap((s) => s.rows).map((r) => r.cells.unit?.raw).find((u): u is string => typeof u === 'string' && u.trim() !== '');
  return {
    unit: ordered.find((s) => s.title.unit)?.title.unit ?? fromRows?.trim() ?? null,
    vigencia: ordered.find((s) => s.vigencia !== undefined)?.vigencia ?? null,
    cutoff: ordered.find((s) => s.cutoff)?.cutoff ?? null,
    rows: captures.reduce((n, s) => n + s.rows.length, 0),
  };
}

/**
 * Judges, reads and validates each picked file, in order, and consolidates the admitted ones.
 * `settings.cutoff` plays the part of `--corte`. Reports progress per file; stops at `cancel`.
 */
export async function consolidatePicked(
  files: readonly PickedFile[],
  readBytes: BytesReader,
  settings: WorkbookSettings,
  progress: ProgressReporter,
  cancel: CancelToken,
  now: Date = new Date(),
): Promise<PickedConsolidation> {
  if (files.length === 0) throw new UserError('Elija los libros de las dependencias (.xlsx) que quiere consolidar.');
  const generatedAt = localDateTime(now);
  const intake = new ConsolidationIntake(settings.cutoff, now);
  const reports: PickedFileReport[] = [];
  const sources: ConsolidationSource[] = [];
  // The settings read each file as `--vigencia` and `--corte` read it on the command line.
  const reading = paneReading(settings);
  const vigencia = settings.vigencia !== undefined ? { vigencia: settings.vigencia } : {};
  for (const [i, { name, bytes }] of files.entries()) {
    throwIfCancelled(cancel);
    progress.report(`Leyendo «${name}»`, i, files.length);
    const guard = await guardXlsxBytes(bytes, { name });
    if (!guard.ok) {
      reports.push(unread(name, 'unusable', guard.reason));
      continue;
    }
    const wrongKind = extensionProblem(name);
    if (wrongKind) {
      reports.push(unread(name, 'unusable', wrongKind));
      continue;
    }
    const twice = intake.repeated(name, await identityOf(bytes));
    if (twice) {
      reports.push(unread(name, 'duplicate', twice));
      continue;
    }
    let grids: WorkbookGrids;
    try {
      grids = await readBytes(bytes, name);
    } catch (e) {
      reports.push(unread(name, 'unusable', damaged(name, e).message));
      continue;
    }
    try {
      recognise(name, grids, reading);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      reports.push(unread(name, 'unusable', e.message));
      continue;
    }
    throwIfCancelled(cancel);
    let prepared: ReturnType<typeof prepare>;
    try {
      prepared = prepare(grids, productSheetsOf(grids.sheets), { cutoff: intake.cutoff, extraSources: settings.extraSources, ...vigencia }, now, reading, 'pane');
    } catch (e) {
      // The vigencia of Ajustes is not one this file holds: listed with its reason, as another vigencia is.
      if (!(e instanceof VigenciaNotHeldError)) throw e;
      reports.push(unread(name, 'vigencia', e.message));
      continue;
    }
    const workbook = prepared.workbook;
    const facts = factsOf(workbook);
    const verdict = intake.admit({ file: name, workbook, options: prepared.options });
    if (!verdict.admitted) {
      reports.push({ ...facts, file: name, admitted: false, code: verdict.code, reason: verdict.reason, errors: 0, warnings: 0 });
      continue;
    }
    progress.report(`Validando «${name}»`, i, files.length);
    const source = reviewSource(name, workbook, prepared.options);
    sources.push(source);
    const { errors, warnings } = countSeverities(source.findings);
    reports.push({ ...facts, file: name, admitted: true, errors, warnings });
  }
  progress.report('Consolidando', files.length, files.length);
  const consolidation =
    sources.length === 0 ? null : consolidate(sources, { vigencia: intake.vigencia!, cutoff: intake.cutoff!, entity: settings.entity ?? intake.entity, generatedAt });
  return { files: reports, consolidation, generatedAt };
}
