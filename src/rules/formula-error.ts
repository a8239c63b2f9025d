import type { RuleMeta } from './types';
import { cellAddress, columnLetter, NOT_CALCULATED } from '../domain/grid';
import { fieldType, type FieldId } from '../domain/fields';
import type { DataRow, ErrorCell, ReadSheet } from '../domain/sheet';
import { report, goalOf, isMergeContinuation, label, ofGoal, quote } from './lib/util';
import { sheetRule } from './lib/sheets';
import { listOf } from '../domain/text';

const errorMeanings: Record<string, string> = {
  '#REF!': 'la fórmula apunta a una celda que ya no existe',
  '#DIV/0!': 'la fórmula divide por cero o por una celda vacía',
  '#VALUE!': 'la fórmula usa un valor del tipo equivocado',
  '#N/A': 'la fórmula no encontró el valor que busca',
  '#NAME?': 'la fórmula usa un nombre o función que Excel no reconoce',
  '#NUM!': 'la fórmula da un número no válido',
  '#NULL!': 'la fórmula usa rangos que no se cruzan',
};

const messages = {
  excelError: (code: string, column: string, goal: string | undefined): string =>
    `La celda ${column}${ofGoal(goal)} muestra el error de Excel ${code}` +
    (errorMeanings[code.toUpperCase()] ? ` (${errorMeanings[code.toUpperCase()]})` : '') +
    `. Corrija la fórmula o escriba el valor.`,
  /** The same error value in several cells of one row: one cause, said once, naming every cell. */
  sameError: (code: string, cells: readonly string[], goal: string | undefined, causes: readonly string[]): string =>
    `Las celdas ${listOf(cells)}${ofGoal(goal)} muestran el mismo error de Excel ${code}` +
    (errorMeanings[code.toUpperCase()] ? ` (${errorMeanings[code.toUpperCase()]})` : '') +
    (causes.length > 0
      ? `. La causa probable está en la misma fila: ${listOf(causes)}. ${causes.length === 1 ? 'Escríbalo como número' : 'Escríbalos como números'} y las fórmulas se calcularán de nuevo; si no, corrija las fórmulas.`
      : `; suele ser una sola causa. Corrija la fórmula o el dato del que dependen, o escriba los valores.`),
  notCalculated: (sheet: string, cells: readonly string[]): string => {
    const shown = cells.slice(0, shownCells).join(', ');
    const more = cells.length > shownCells ? ` y ${cells.length - shownCells} más` : '';
    const one = cells.length === 1;
    return (
      `En la hoja ${quote(sheet)} ${one ? 'la celda' : 'las celdas'} ${shown}${more} ${one ? 'tiene' : 'tienen'} una fórmula sin valor calculado: ` +
      `el libro se guardó con un programa que no calcula las fórmulas, así que ${one ? 'ese valor no se leyó' : 'esos valores no se leyeron'}. ` +
      `Abra el libro en Excel (o LibreOffice) y guárdelo para que se calculen los valores; luego vuelva a revisarlo.`
    );
  },
};


/** A row's cell that holds a number as text, or text where a number goes: what makes a formula show `#VALUE!`. */
function textNumbersOf(sheet: ReadSheet, row: DataRow): string[] {
  const out: string[] = [];
  for (const [field, cell] of Object.entries(row.cells) as [FieldId, NonNullable<DataRow['cells'][FieldId]>][]) {
    const type = fieldType(field);
    if (type !== 'number' && type !== 'magnitude' && type !== 'money' && type !== 'percent') continue;
    if (cell.merged || typeof cell.raw !== 'string') continue;
    // A field the format's authors describe in words (Cundinamarca's L.B «3 parques intervenidos») is text by design.
    if (sheet.describedFields?.includes(field)) continue;
    const p = cell.parsed;
    const what = p.status === 'ok' && p.fromText ? 'un número escrito como texto' : p.status === 'invalid' ? 'un texto donde va un número' : undefined;
    if (what) out.push(`${quote(cell.raw.trim())} en ${quote(label(sheet, field))} (${cellAddress(row.row, cell.col)}), ${what}`);
  }
  return out;
}

/** How many cells the "sin valor calculado" message names before «y N más». */
const shownCells = 5;

const meta: RuleMeta = {
  id: 'formula-error',
  severity: 'error',
  scope: 'cell',
  description: 'La celda muestra un error de Excel (#REF!, #DIV/0!, #N/A…).',
};

/**
 * Every Excel error value shown in a data row, whatever the column — the same value in several
 * columns of one row is one finding (one cause) on the cell of a read field, naming and marking
 * every cell (`alsoCells`); a `#VALUE!` beside a number typed as text in the row names it as the
 * likely cause —; and, once per sheet, the read
 * cells of data rows whose formula has no cached value (`NOT_CALCULATED`: the book was saved by a
 * tool that does not calculate). Those cells are unknown, not blank — no rule reads them as data —
 * and the sheet cannot be trusted until the book is calculated: an error, like an error value.
 */
export const rule = sheetRule(meta, messages, () => true, (sheet, _ctx, out) => {
  const indexOf = new Map(sheet.rows.map((r, i) => [r.row, i]));
  const notCalculated: { row: number; col: number }[] = [];
  // The error values of each row, by error: one value shown in several columns of a row is one cause.
  const groups = new Map<string, ErrorCell[]>();
  for (const e of sheet.errorCells) {
    if (e.code === NOT_CALCULATED) {
      if (e.field) notCalculated.push(e);
      continue;
    }
    const index = indexOf.get(e.row) ?? -1;
    if (index >= 0 && e.field && isMergeContinuation(sheet, index, e.field)) continue;
    const k = `${e.row}\u0000${e.code.toUpperCase()}`;
    const group = groups.get(k);
    if (group) group.push(e);
    else groups.set(k, [e]);
  }
  const headerOf = (e: ErrorCell): string | undefined => (e.field ? label(sheet, e.field) : sheet.unread?.find((u) => u.col === e.col)?.header);
  for (const group of groups.values()) {
    const first = group[0];
    const index = indexOf.get(first.row) ?? -1;
    const row = index >= 0 ? sheet.rows[index] : undefined;
    const goal = row ? goalOf(row) : undefined;
    if (group.length === 1) {
      const header = headerOf(first);
      const column = first.field ? quote(label(sheet, first.field)) : `de la columna ${columnLetter(first.col)}${header ? ` (${quote(header)})` : ''}`;
      out.push(report(meta, { sheet, row: first.row, cell: cellAddress(first.row, first.col), goal, message: messages.excelError(first.code, column, goal) }));
      continue;
    }
    // Said once, on the cell of a field the reading uses (else the first), naming every cell; all are marked.
    const anchor = group.find((e) => e.field !== undefined) ?? first;
    // The read fields' cells first, then the others, each in column order (the same words wherever the columns sit).
    const ordered = [anchor, ...group.filter((e) => e !== anchor).sort((a, b) => Number(!a.field) - Number(!b.field) || a.col - b.col)];
    const named = ordered.map((e) => {
      const header = headerOf(e);
      return header ? `${quote(header)} (${cellAddress(e.row, e.col)})` : cellAddress(e.row, e.col);
    });
    const causes = first.code.toUpperCase() === '#VALUE!' && row ? textNumbersOf(sheet, row) : [];
    out.push(
      report(meta, {
        sheet,
        row: first.row,
        cell: cellAddress(anchor.row, anchor.col),
        goal,
        alsoCells: ordered.slice(1).map((e) => cellAddress(e.row, e.col)),
        message: messages.sameError(first.code, named, goal, causes.length <= 2 ? causes : []),
      }),
    );
  }
  if (notCalculated.length > 0) {
    const first = notCalculated[0];
    const cells = notCalculated.map((e) => cellAddress(e.row, e.col));
    out.push(report(meta, { sheet, row: first.row, cell: cells[0], message: messages.notCalculated(sheet.name, cells) }));
  }
});
