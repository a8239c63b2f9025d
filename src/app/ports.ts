/**
 * Ports: what the use cases need from a host (Excel through office-js, or an .xlsx through
 * exceljs). The hosts implement them; app/ and the pane only see these interfaces.
 */
import { UserError } from './errors';
import type { CellValue, WorkbookGrids } from '../domain/grid';
import type { Finding } from '../domain/finding';
import type { GeneralKind } from '../domain/fields';
import type { WorkbookMapping } from '../domain/mapping';

/** Progress of long work, for a bar in the pane or on stderr. */
export interface ProgressReporter {
  /** `done` of `total` units of `label` ("Leyendo hojas", "Marcando celdas"). */
  report(label: string, done: number, total: number): void;
}

/** The stages of one file's work, as a file host reports them (the command line draws them). */
export interface FileProgress {
  /** Rows of `file` read so far (the streaming reader's `onRows`); `final` when reading ended. */
  rows(file: string, rows: number, final?: boolean): void;
  /** The size of `file` known before reading it (rows counted in its XML): long work or not. */
  size(file: string, rows: number): void;
  /** A stage of the work on `file` after reading ("Validando"); shown when the file is large. */
  phase(label: string, file: string): void;
}

/** Cancellation of long work (the pane's Cancelar button). */
export interface CancelToken {
  readonly cancelled: boolean;
}

/** Settings kept in the workbook (pane) or given as flags (CLI). */
export interface WorkbookSettings {
  entity?: string;
  vigencia?: number;
  /** ISO date. */
  cutoff?: string;
  /** Fraction, default 0.8. */
  lagThreshold?: number;
  extraSources?: string[];
}

export interface WorkbookHost {
  /** Every sheet (or only the active one) as plain grids. */
  readGrids(scope: 'workbook' | 'active', progress?: ProgressReporter, cancel?: CancelToken): Promise<WorkbookGrids>;
  /** Red fill for errors, yellow for warnings, a note with the message — removable exactly. */
  writeMarks(findings: readonly Finding[], progress?: ProgressReporter, cancel?: CancelToken): Promise<void>;
  /** Removes every mark and restores the cells' own fills and notes. */
  clearMarks(): Promise<void>;
  /** Activates the sheet and selects the cell (a click on a finding). */
  selectCell(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<WorkbookSettings>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  insertTemplate(kind: GeneralKind, settings: WorkbookSettings): Promise<string>;
  /** Stores the user's mapping in the workbook (`domain/mapping.ts`), replacing the one there. */
  saveMapping(mapping: WorkbookMapping): Promise<void>;
}

/** Where the host's notices come from (the composition root wires the adapter's `notify`). */
export interface NoticeSource {
  subscribe(listener: (message: string) => void): () => void;
}

/** A notice source that remembers what was said before anyone listened (startup limitations). */
export function createNoticeSource(initial: readonly string[] = []): NoticeSource & { notify(message: string): void } {
  const said: string[] = [...initial];
  const listeners = new Set<(message: string) => void>();
  return {
    notify(message) {
      said.push(message);
      listeners.forEach((l) => l(message));
    },
    subscribe(listener) {
      said.forEach((m) => listener(m));
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The user pressed Cancelar: not an error, the pane says "Operación cancelada". */
export class CancelledError extends UserError {
  constructor() {
    super('Operación cancelada.');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(cancel: CancelToken): void {
  if (cancel.cancelled) throw new CancelledError();
}

/**
 * Cells a host writes in one batch (Aprobar plan, Registrar modificación): a block of plain values
 * from `top`/`left` (1-based), in a sheet it creates when missing.
 */
export interface SheetWrite {
  readonly sheet: string;
  /** Create the sheet when it is missing, with this visibility (else the sheet must exist). */
  readonly create?: 'visible' | 'veryHidden';
  readonly top: number;
  readonly left: number;
  /** Row-major; `null` blanks the cell. Text is kept as text where `formats` says '@'. */
  readonly values: readonly (readonly CellValue[])[];
  /** Number format per column of the block, set before the values (`null`: General). */
  readonly formats?: readonly (string | null)[];
  /** When the sheet is created: its first row is a bold, frozen header. */
  readonly header?: boolean;
}

/** What Aprobar plan and Registrar modificación need of a host. */
export interface ApprovalHost {
  readGrids(scope: 'workbook', progress?: ProgressReporter, cancel?: CancelToken): Promise<WorkbookGrids>;
  loadSettings(): Promise<WorkbookSettings>;
  /** Writes the blocks, in order, in one batch. */
  writeCells(writes: readonly SheetWrite[]): Promise<void>;
}
