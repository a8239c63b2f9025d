/**
 * Ports: what the use cases need from a host (Excel through office-js, or an .xlsx through
 * exceljs). The hosts implement them; app/ and the pane only see these interfaces.
 */
import type { WorkbookGrids } from '../domain/grid';
import type { Finding } from '../domain/finding';
import type { GeneralKind, SheetKind } from '../domain/fields';

/** Progress of long work, for a bar in the pane or on stderr. */
export interface ProgressReporter {
  /** `done` of `total` units of `label` ("Leyendo hojas", "Marcando celdas"). */
  report(label: string, done: number, total: number): void;
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
}
