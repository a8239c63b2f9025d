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
  /**
   * Other cells of the same row that show the very same problem, which the message names (one
   * cause said once: a formula error repeated across the row's columns). They are marked with the
   * finding like `cell`; not part of the JSON of a finding.
   */
  readonly alsoCells?: readonly string[];
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1 };

/** Sort by sheet, row, column (A1 order), then severity and rule — the order users read them in. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  if (a.row !== b.row) return a.row - b.row;
  const c = compareColumns(a.cell, b.cell);
  if (c !== 0) return c;
  if (a.severity !== b.severity) return severityOrder[a.severity] - severityOrder[b.severity];
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}

/** End of an address's column part: the index where its trailing row digits start. */
function columnEnd(cell: string): number {
  let e = cell.length;
  while (e > 0) {
    const ch = cell.charCodeAt(e - 1);
    if (ch < 48 || ch > 57) break;
    e--;
  }
  return e;
}

/**
 * Column order of two addresses: the shorter column part first, then by its characters ("B" <
 * "AA"). Sorting findings asks it for every pair in a row; it compares in place, no copies.
 */
function compareColumns(a: string, b: string): number {
  const ea = columnEnd(a);
  const eb = columnEnd(b);
  if (ea !== eb) return ea - eb;
  for (let i = 0; i < ea; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
