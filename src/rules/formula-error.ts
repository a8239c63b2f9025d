import type { RuleMeta } from './types';
import { cellAddress, columnLetter, NOT_CALCULATED } from '../domain/grid';
import { report, goalOf, isMergeContinuation, label, ofGoal, quote } from './lib/util';
import { sheetRule } from './lib/sheets';

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

/** How many cells the "sin valor calculado" message names before «y N más». */
const shownCells = 5;

const meta: RuleMeta = {
  id: 'formula-error',
  severity: 'error',
  scope: 'cell',
  description: 'La celda muestra un error de Excel (#REF!, #DIV/0!, #N/A…).',
};

/**
 * Every Excel error value shown in a data row, whatever the column; and, once per sheet, the read
 * cells of data rows whose formula has no cached value (`NOT_CALCULATED`: the book was saved by a
 * tool that does not calculate). Those cells are unknown, not blank — no rule reads them as data —
 * and the sheet cannot be trusted until the book is calculated: an error, like an error value.
 */
export const rule = sheetRule(meta, messages, () => true, (sheet, _ctx, out) => {
  const indexOf = new Map(sheet.rows.map((r, i) => [r.row, i]));
  const notCalculated: { row: number; col: number }[] = [];
  for (const e of sheet.errorCells) {
    if (e.code === NOT_CALCULATED) {
      if (e.field) notCalculated.push(e);
      continue;
    }
    const index = indexOf.get(e.row) ?? -1;
    const row = index >= 0 ? sheet.rows[index] : undefined;
    if (row && e.field && isMergeContinuation(sheet, index, e.field)) continue;
    const header = e.field ? undefined : sheet.unread?.find((u) => u.col === e.col)?.header;
    const column = e.field ? quote(label(sheet, e.field)) : `de la columna ${columnLetter(e.col)}${header ? ` (${quote(header)})` : ''}`;
    out.push(
      report(meta, {
        sheet,
        row: e.row,
        cell: cellAddress(e.row, e.col),
        goal: row ? goalOf(row) : undefined,
        message: messages.excelError(e.code, column, row ? goalOf(row) : undefined),
      }),
    );
  }
  if (notCalculated.length > 0) {
    const first = notCalculated[0];
    const cells = notCalculated.map((e) => cellAddress(e.row, e.col));
    out.push(report(meta, { sheet, row: first.row, cell: cells[0], message: messages.notCalculated(sheet.name, cells) }));
  }
});
