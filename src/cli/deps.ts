/**
 * What the verbs need from the outside world, injected by the composition root (`main.ts`), so
 * that no verb imports the exceljs adapter and tests can run everything in-process.
 */
import type { ApproveOutcome, ApproveRequest } from '../app/approve';
import type { ConsolidatedCopy } from '../app/consolidate';
import type { CopyRequest, GenerarResult } from '../app/generate';
import type { ReadFile } from '../app/load';
import type { ReaderOptions } from '../domain/reader';
import type { FileProgress, ProgressReporter } from '../app/ports';
import type { WrittenReturns } from '../app/returns';
import type { TemplateSpec } from '../app/templates';
import type { ProgressThresholds } from './progress';
import type { CliIO } from './types';

export interface WriteRequest {
  readonly force: boolean;
  /** Files the run reads (the output may never be one of them). */
  readonly inputs?: readonly string[];
  /** Name for messages. */
  readonly display?: string;
}

export interface CliDeps {
  /**
   * Reads and recognises one workbook (streaming: no document model, the grids dropped once
   * recognised); throws `InputError` (one Spanish line) when unusable. `onRows` hears the rows
   * read so far, and once more with `final` at the end. `listAll` (`columnas`): a workbook with
   * no recognised sheet is returned as read (its unknown sheets listed) instead of refused.
   */
  load(file: string, io: CliIO, onRows?: (rows: number, final: boolean) => void, reading?: ReaderOptions, listAll?: boolean): Promise<ReadFile>;
  /** Atomic, never over an input, never over an existing file without `force`. */
  writeFile(out: string, data: Buffer | string, request: WriteRequest): Promise<void>;
  /** Renders a template into a new .xlsx and writes it like `writeFile`. */
  writeTemplate(spec: TemplateSpec, out: string, request: WriteRequest): Promise<void>;
  /** Colour on stdout (a terminal and NO_COLOR unset). */
  readonly colour: boolean;
  /** Folder of the bundled example workbooks. */
  readonly examplesDir: string;
  /** When one file's work is long enough to show progress on stderr (tests make it small). */
  readonly progress?: ProgressThresholds;
  /** `generar`'s copy of one workbook (marks + generated sheets), written like `writeFile`. */
  generateCopy(request: CopyRequest, progress: FileProgress): Promise<GenerarResult>;
  /** `consolidar`'s new workbook; `warn` hears each file left out. */
  consolidateCopy(request: CopyRequest, warn: (message: string) => void): Promise<ConsolidatedCopy>;
  /** `aprobar`'s copy: the workbook with its approved plan stored; returns what was stored. */
  approveCopy(request: ApproveRequest): Promise<ApproveOutcome>;
  /** `devolver`'s workbooks, one per unit, in the folder `request.output`. */
  writeReturns(request: CopyRequest, progress: ProgressReporter & { item(text: string): void }, warn: (message: string) => void): Promise<WrittenReturns>;
}

