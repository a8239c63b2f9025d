/** A finding of the validation: one problem on one cell (rules.md). */

export type Severity = 'error' | 'warning';

export interface Finding {
  /** A rule id of rules.md (kept exactly: it is an interface). */
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell to fix (row-level: first cell of the row; sheet-level: header row's first cell). */
  readonly cell: string;
  /** Sheet row number (1-based). */
  readonly row: number;
  /** Goal code, where known. */
  readonly goal?: string;
  /** Spanish message built from the actual values. */
  readonly message: string;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1 };

/** Sort by sheet, row, column (A1 order), then severity and rule — the order users read them in. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  if (a.row !== b.row) return a.row - b.row;
  const ca = a.cell.replace(/\d+$/, '');
  const cb = b.cell.replace(/\d+$/, '');
  if (ca.length !== cb.length) return ca.length - cb.length;
  if (ca !== cb) return ca < cb ? -1 : 1;
  if (a.severity !== b.severity) return severityOrder[a.severity] - severityOrder[b.severity];
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}
