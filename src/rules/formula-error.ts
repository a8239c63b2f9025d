import type { RuleMeta } from './types';
import { cellAddress, columnLetter } from '../domain/grid';
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
};

const meta: RuleMeta = {
  id: 'formula-error',
  severity: 'error',
  scope: 'cell',
  description: 'La celda muestra un error de Excel (#REF!, #DIV/0!, #N/A…).',
};

/** Every Excel error value shown in a data row, whatever the column. */
export const rule = sheetRule(meta, messages, () => true, (sheet, _ctx, out) => {
  const indexOf = new Map(sheet.rows.map((r, i) => [r.row, i]));
  for (const e of sheet.errorCells) {
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
});
