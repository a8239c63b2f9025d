/**
 * `tablero consolidar <a.xlsx> <b.xlsx>… [--corte AAAA-MM-DD] -o <consolidado.xlsx> [--force]`
 *
 * Validates each unit's file and writes a NEW workbook with one consolidated capture sheet
 * ("Consolidado") plus Tablero de control, Alertas and Observaciones computed on it (the file
 * host, `CliDeps.consolidateCopy`, does the work; see `xlsx/consolidate.ts`).
 *
 * Exit codes as `generar`: 0 written (findings are reported, not a failure); 2 unusable input,
 * wrong usage, mixed periods, no capture sheet, or an output that may not be written.
 */
import { writeRequest } from './args';
import type { CliDeps } from './deps';
import { reportFailure, summaryLine } from './generar';
import { plural } from './output';
import type { Command } from './types';

export function makeConsolidar(deps: CliDeps): Command {
  return async (args, io) => {
    try {
      const request = writeRequest(args, io, {
        files: 'Indique los libros de las dependencias: tablero consolidar <a.xlsx> <b.xlsx>… [--corte AAAA-MM-DD] -o <consolidado.xlsx>',
        output: 'Falta la salida: tablero consolidar <a.xlsx> <b.xlsx>… -o <consolidado.xlsx>.',
      });
      const c = await deps.consolidateCopy(request, (message) => io.stderr(`tablero: ${message}\n`));
      io.stdout(
        `Consolidadas ${plural(c.rows, 'fila', 'filas')} de ${plural(c.files, 'archivo', 'archivos')} en la hoja «${c.sheetName}».\n` +
          summaryLine(request.output, c.result),
      );
      return 0;
    } catch (e) {
      return reportFailure(e, io);
    }
  };
}
