/**
 * exceljs side of the marks: applies a mark plan (`src/app/marks.ts`) and removes it exactly.
 *
 * - Colour: one conditional format per sheet and severity, over the plan's grouped ranges, with the
 *   product's self-identifying formula. Cell fills are never touched.
 * - Notes: the original note of every marked cell (exceljs's own note value, `null` when none) is
 *   stored in the registry sheet with the text the product wrote; `clearMarks` puts it back — only
 *   where the note is still the product's text, so a note a person edited after marking is kept.
 * - `applyMarks` clears previous marks first, so marking twice never stacks notes.
 *
 * exceljs has no public way to delete a note; `clearNote` resets the cell's private comment.
 */
import ExcelJS from 'exceljs';
import { markFills, markFontColors, markFormulas, markSeverityOf, noteWithOriginal } from '../app/marks';
import type { MarkPlan } from '../app/marks';
import { markEntries, type NoteEntry, type Registry } from '../app/registry';
import { rangeAddress } from '../domain/grid';
import { readRegistry, writeRegistry } from './registry';
import type { Severity } from '../domain/finding';

/** Plain text of an exceljs note (string or rich-text note). */
export function noteTextOf(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : null;
}

function clearNote(cell: ExcelJS.Cell): void {
  // A loaded cell also keeps the note in its value's model (exceljs copies the loaded model,
  // comment included, and writes it back): both must go, or the note survives the next save.
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  c._comment = undefined;
  if (c._value?.model) delete c._value.model.comment;
}

/** JSON round trip, so what is stored is exactly what can be restored. */
function cloneNote(note: unknown): unknown {
  return note === undefined ? null : (JSON.parse(JSON.stringify(note)) as unknown);
}

function isOurs(cf: ExcelJS.ConditionalFormattingOptions): boolean {
  return cf.rules.length > 0 && cf.rules.every((r) => markSeverityOf((r as { formulae?: string[] }).formulae?.[0]) !== null);
}

export interface MarkResult {
  readonly cells: number;
  readonly sheets: number;
}

/** Marks the cells of `plan` (clearing earlier marks first). Sheets the workbook lacks are skipped. */
export function applyMarks(wb: ExcelJS.Workbook, plan: MarkPlan): MarkResult {
  clearMarks(wb);
  const reg = readRegistry(wb);
  const entries = [...reg.entries];
  let cells = 0;
  let sheets = 0;
  for (const sm of plan.sheets) {
    const ws = wb.getWorksheet(sm.sheet);
    if (!ws) continue;
    sheets++;
    for (const severity of ['error', 'warning'] as Severity[]) {
      const ranges = sm.ranges[severity];
      if (ranges.length === 0) continue;
      const ref = ranges.map(rangeAddress).join(' ');
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: 'expression',
            priority: 1,
            formulae: [markFormulas[severity]],
            style: {
              fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${markFills[severity]}` } },
              font: { color: { argb: `FF${markFontColors[severity]}` } },
            },
          } as ExcelJS.ConditionalFormattingRule,
        ],
      });
      entries.push(...markEntries(sm.sheet, severity, ranges.map(rangeAddress)));
    }
    for (const n of sm.notes) {
      const cell = ws.getCell(n.row, n.col);
      if (cell.isMerged && cell.master !== cell) continue; // a note on a covered cell would be invisible
      const original = cloneNote(cell.note);
      const text = noteWithOriginal(n.text, noteTextOf(original));
      cell.note = text;
      entries.push({ type: 'nota', sheet: sm.sheet, cell: n.cell, original, mark: text });
      cells++;
    }
  }
  writeRegistry(wb, { entries });
  return { cells, sheets };
}

/** Removes every product mark and gives each cell its own note back. Returns the cells restored. */
export function clearMarks(wb: ExcelJS.Workbook): number {
  for (const ws of wb.worksheets) {
    const cfs = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    if (cfs?.some(isOurs)) ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !isOurs(cf));
  }
  const reg: Registry = readRegistry(wb);
  let restored = 0;
  for (const e of reg.entries) {
    if (e.type !== 'nota') continue;
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    const cell = ws.getCell(e.cell);
    if (noteTextOf(cell.note) !== (e as NoteEntry).mark) continue; // a person changed it: keep theirs
    if (e.original === null || e.original === undefined) clearNote(cell);
    else cell.note = e.original as ExcelJS.Comment | string;
    restored++;
  }
  if (reg.entries.some((e) => e.type !== 'hoja')) writeRegistry(wb, { entries: reg.entries.filter((e) => e.type === 'hoja') });
  return restored;
}
