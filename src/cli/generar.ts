/**
 * `tablero generar <archivo.xlsx> [--corte AAAA-MM-DD] -o <salida.xlsx> [--force]`
 *
 * Writes a COPY of the workbook with the marks on the source cells and the sheets Tablero de
 * control, Alertas and Observaciones (the file host, `CliDeps.generateCopy`, does the writing:
 * the input is only read, the output never goes over an input or, without `--force`, over an
 * existing file).
 *
 * Exit codes: 0 the output was written — findings in the workbook do not make `generar` fail,
 * reporting them (marks + Observaciones) is its job; the summary line says how many; 2 unusable
 * input, wrong usage or an output that may not be written (one Spanish line on stderr). `generar`
 * never returns 1: use `validar` to gate on errors.
 */
import { UserError } from '../app/errors';
import type { GenerarResult } from '../app/generate';
import { writeRequest } from './args';
import type { CliDeps } from './deps';
import { oneLine, plural } from './output';
import { createProgress } from './progress';
import type { CliIO, Command } from './types';

export function summaryLine(out: string, r: GenerarResult): string {
  const g = r.summary;
  const names = r.sheets.map((s) => `«${s.name}»`).join(', ');
  return (
    `Escrito ${out}: hojas ${names}; ${plural(g.errors, 'error', 'errores')} y ${plural(g.warnings, 'advertencia', 'advertencias')}` +
    ` (${plural(r.markedCells, 'celda marcada', 'celdas marcadas')})` +
    (g.source === 'hoja-captura'
      ? `; ${plural(g.rezagadas, 'meta rezagada', 'metas rezagadas')} al corte ${g.cutoff.split('-').reverse().join('/')}.\n`
      : g.source === 'plan-indicativo'
        ? `; sin ejecución reportada: el tablero resume el plan indicativo (vigencia ${g.vigencia}).\n`
        : '; sin ejecución reportada: el tablero resume el plan de acción.\n') +
    (g.note ? `${g.note}\n` : '')
  );
}

export function reportFailure(e: unknown, io: CliIO): number {
  if (e instanceof UserError) {
    io.stderr(`tablero: ${oneLine(e.message)}\n`);
    return 2;
  }
  throw e;
}

export function makeGenerar(deps: CliDeps): Command {
  return async (args, io) => {
    // Progress on stderr for a large workbook (generar takes ~1.5 ms a row): one line per stage.
    const progress = createProgress(io, false, { minRows: 5_000 });
    try {
      const request = writeRequest(
        args,
        io,
        {
          files: 'Indique un libro: tablero generar <archivo.xlsx> [--corte AAAA-MM-DD] -o <salida.xlsx> [--force]',
          output: 'Falta la salida: tablero generar <archivo.xlsx> -o <salida.xlsx> (el libro de entrada nunca se modifica).',
        },
        true,
      );
      const result = await deps.generateCopy(request, progress);
      progress.done();
      io.stdout(summaryLine(request.output, result));
      return 0;
    } catch (e) {
      progress.done();
      return reportFailure(e, io);
    }
  };
}
