/**
 * `tablero devolver <a.xlsx> <b.xlsx>… [--corte AAAA-MM-DD] -o <carpeta> [--force]`
 * `tablero devolver <consolidado.xlsx> [--corte AAAA-MM-DD] -o <carpeta> [--force]`
 *
 * One workbook per unit, `devolucion-<dependencia>.xlsx` (cover, its Observaciones, its Alertas),
 * written by the file host (`CliDeps.writeReturns`, see `xlsx/returns.ts`). The folder is
 * created when missing; no file in it is replaced without `--force`. Exit codes as `consolidar`.
 */
import { writeRequest } from './args';
import type { CliDeps } from './deps';
import { reportFailure } from './generar';
import { plural } from './output';
import { createProgress } from './progress';
import type { Command } from './types';

export function makeDevolver(deps: CliDeps): Command {
  return async (args, io) => {
    const progress = createProgress(io, true);
    try {
      const request = writeRequest(args, io, {
        files: 'Indique los libros de las dependencias (o un consolidado): tablero devolver <a.xlsx> <b.xlsx>… -o <carpeta>',
        output: 'Falta la carpeta de salida: tablero devolver <a.xlsx> <b.xlsx>… -o <carpeta>.',
      });
      const r = await deps.writeReturns(request, progress, (message) => io.stderr(`tablero: ${message}\n`));
      progress.done();
      const lines = r.units.map(
        (u) =>
          `  ${u.display}  ${u.unit}: ${plural(u.errors, 'error', 'errores')}, ${plural(u.warnings, 'advertencia', 'advertencias')}, ` +
          `${plural(u.rezagadas, 'meta rezagada', 'metas rezagadas')}, ${plural(u.overExecuted, 'meta', 'metas')} por encima de lo programado.\n`,
      );
      io.stdout(
        `Devoluciones al corte ${r.cutoff.split('-').reverse().join('/')}: ${plural(r.units.length, 'dependencia', 'dependencias')}` +
          (r.deadline ? `, plazo de respuesta ${r.deadline.split('-').reverse().join('/')}` : '') +
          '.\n' +
          lines.join('') +
          (r.unassigned ? `Sin dependencia: ${plural(r.unassigned, 'observación', 'observaciones')} del propio consolidado (quedan en sus Observaciones).\n` : ''),
      );
      return 0;
    } catch (e) {
      progress.done();
      return reportFailure(e, io);
    }
  };
}
