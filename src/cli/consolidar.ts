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
import { allowOnly } from './args';
import type { CliDeps } from './deps';
import { reportFailure, summaryLine } from './generar';
import { plural } from './output';
import { UsageError, type Command } from './types';

export function makeConsolidar(deps: CliDeps): Command {
  return async (args, io) => {
    try {
      allowOnly(args, { corte: true, output: true, force: true });
      if (args.files.length === 0) {
        throw new UsageError('Indique los libros de las dependencias: tablero consolidar <a.xlsx> <b.xlsx>… [--corte AAAA-MM-DD] -o <consolidado.xlsx>');
      }
      if (!args.output) throw new UsageError('Falta la salida: tablero consolidar <a.xlsx> <b.xlsx>… -o <consolidado.xlsx>.');
      const c = await deps.consolidateCopy(
        { files: args.files, output: args.output, cwd: io.cwd, now: io.now, cutoff: args.corte, force: args.force },
        (message) => io.stderr(`tablero: ${message}\n`),
      );
      io.stdout(
        `Consolidadas ${plural(c.rows, 'fila', 'filas')} de ${plural(c.files, 'archivo', 'archivos')} en la hoja «${c.sheetName}».\n` +
          summaryLine(args.output, c.result),
      );
      return 0;
    } catch (e) {
      return reportFailure(e, io);
    }
  };
}
