/**
 * The mark PLAN — which cells get which colour and which note — host-neutral, so the exceljs
 * adapter (`src/xlsx/marks.ts`) and the office-js adapter apply the very same plan.
 *
 * Mechanism (workbooks.md "Highlights": clearing must give every cell its own fill and note back
 * exactly):
 *
 * - **Colour = an overlay, not an overwrite.** Each sheet gets at most two conditional formats of
 *   the product's own, one per severity, over the marked cells grouped into rectangles. Their
 *   formula is a constant TRUE that names the product — `ISTEXT("tablero-pdm:error")` /
 *   `ISTEXT("tablero-pdm:advertencia")` — so a host recognises (and removes) exactly its own rules
 *   and never a person's. The cells' own fills are never touched, so there is nothing to restore.
 * - **Notes must be overwritten**, so the original note of every marked cell is stored in the
 *   registry sheet (`app/registry.ts`) and put back on clear. When a cell has several findings,
 *   the note lists them all; a note the cell already had is quoted at the end, so the person
 *   still reads it while the mark is on.
 * - A cell with an error and a warning is red (errors win).
 */
import { cellAddress, parseAddress, type CellRange } from '../domain/grid';
import type { Finding, Severity } from '../domain/finding';
import { compareFindings } from '../domain/finding';
import { MAX_CELL_CHARS, shorten } from '../domain/text';
import { ruleLabel } from '../rules/names';

const MARK_TAG = 'tablero-pdm';
export const markFormulas: Record<Severity, string> = {
  error: `ISTEXT("${MARK_TAG}:error")`,
  warning: `ISTEXT("${MARK_TAG}:advertencia")`,
};
/** Fills of the marks (light red / light yellow, Excel's own "bad" / "neutral" tones). */
export const markFills: Record<Severity, string> = { error: 'FFC7CE', warning: 'FFEB9C' };
export const markFontColors: Record<Severity, string> = { error: '9C0006', warning: '7F6000' };

/** The severity a conditional-format formula marks, or `null` when it is not the product's. */
export function markSeverityOf(formula: string | undefined | null): Severity | null {
  if (!formula) return null;
  const f = formula.replace(/^=/, '').replace(/\s+/g, '');
  if (f === markFormulas.error) return 'error';
  if (f === markFormulas.warning) return 'warning';
  return null;
}

export interface CellNote {
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly severity: Severity;
  /** The note text to write (before quoting an original note, see `noteWithOriginal`). */
  readonly text: string;
}

export interface SheetMarks {
  readonly sheet: string;
  /** Marked cells grouped into rectangles, per severity (a cell is in one severity only). */
  readonly ranges: Readonly<Record<Severity, readonly CellRange[]>>;
  readonly notes: readonly CellNote[];
}

export interface MarkPlan {
  readonly sheets: readonly SheetMarks[];
  readonly cells: number;
}

const severityLabel: Record<Severity, string> = { error: 'Error', warning: 'Advertencia' };

/** Characters of a note's findings: half a cell, so a person's note quoted after them still shows. */
const NOTE_FINDINGS_MAX = 16_000;

/** The note text of one cell's findings (within Excel's limit, leaving room to quote a note). */
function noteText(findings: readonly Finding[]): string {
  const lines = findings.map((f) => `${severityLabel[f.severity]} — ${ruleLabel(f.rule)}: ${f.message}`);
  return shorten(`Tablero PDM\n${lines.join('\n')}`, NOTE_FINDINGS_MAX, ' [nota recortada: vea todos los mensajes en el panel o en la hoja Observaciones]');
}

/**
 * The note written on a marked cell that already had a note: the findings, then the person's note
 * — shortened when both would outgrow Excel's 32,767 characters (the whole note is kept in the
 * registry and comes back with "Limpiar marcas").
 */
export function noteWithOriginal(text: string, originalText: string | null): string {
  if (!originalText || !originalText.trim()) return fitNote(text);
  const head = `${text}\n\nNota anterior:\n`;
  const room = MAX_CELL_CHARS - head.length;
  return fitNote(head + shorten(originalText, room, ' [nota anterior recortada aquí; vuelve completa con «Limpiar marcas»]'));
}

function fitNote(text: string): string {
  return shorten(text, MAX_CELL_CHARS, ' [nota recortada]');
}

/**
 * Groups cells into rectangles: runs of adjacent columns in a row, then runs of rows with the
 * same column span. Deterministic (sorted), so both hosts write identical ranges.
 */
export function groupCells(cells: readonly { row: number; col: number }[]): CellRange[] {
  const keyed = new Map<number, number[]>();
  for (const c of cells) {
    const cols = keyed.get(c.row) ?? [];
    if (!cols.includes(c.col)) cols.push(c.col);
    keyed.set(c.row, cols);
  }
  const runs: CellRange[] = [];
  for (const row of [...keyed.keys()].sort((a, b) => a - b)) {
    const cols = keyed.get(row)!.sort((a, b) => a - b);
    let start = cols[0];
    let prev = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === prev + 1) {
        prev = cols[i];
        continue;
      }
      runs.push({ top: row, bottom: row, left: start, right: prev });
      if (i < cols.length) start = prev = cols[i];
    }
  }
  // Merge vertically: a run continues the rectangle above when it spans the same columns.
  // The open rectangles by "left:right:bottom" (a lookup, not a scan of every rectangle so far).
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  const open = new Map<string, (typeof out)[number]>();
  for (const r of runs) {
    const k = `${r.left}:${r.right}:${r.top - 1}`;
    let rect = open.get(k);
    if (rect) {
      open.delete(k);
      rect.bottom = r.bottom;
    } else out.push((rect = { ...r }));
    open.set(`${r.left}:${r.right}:${r.bottom}`, rect);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The mark plan of a list of findings (any order). Findings whose cell is no A1 address are skipped. */
export function planMarks(findings: readonly Finding[]): MarkPlan {
  // Per sheet, the marked cells by canonical address ("$b$7" and "B7" are one cell), in reading order.
  const bySheet = new Map<string, Map<string, MarkedCell>>();
  for (const f of [...findings].sort(compareFindings)) {
    // A finding that names other cells showing the same problem (`alsoCells`) marks them too.
    for (const address of f.alsoCells ? [f.cell, ...f.alsoCells] : [f.cell]) {
      const at = parseAddress(address);
      if (!at) continue;
      let cells = bySheet.get(f.sheet);
      if (!cells) bySheet.set(f.sheet, (cells = new Map()));
      const key = cellAddress(at.row, at.col);
      const cell = cells.get(key);
      if (cell) {
        if (!cell.findings.includes(f)) cell.findings.push(f);
      } else cells.set(key, { row: at.row, col: at.col, findings: [f] });
    }
  }
  const sheets: SheetMarks[] = [];
  let count = 0;
  for (const sheet of [...bySheet.keys()].sort()) {
    const cells = bySheet.get(sheet)!;
    const errors: { row: number; col: number }[] = [];
    const warnings: { row: number; col: number }[] = [];
    const notes: CellNote[] = [];
    for (const [cell, { row, col, findings: fs }] of cells) {
      const severity: Severity = fs.some((f) => f.severity === 'error') ? 'error' : 'warning';
      (severity === 'error' ? errors : warnings).push({ row, col });
      notes.push({ cell, row, col, severity, text: noteText(fs) });
      count++;
    }
    notes.sort((a, b) => a.row - b.row || a.col - b.col);
    sheets.push({ sheet, ranges: { error: groupCells(errors), warning: groupCells(warnings) }, notes });
  }
  return { sheets, cells: count };
}

interface MarkedCell {
  readonly row: number;
  readonly col: number;
  readonly findings: Finding[];
}
