/**
 * `tablero informe <archivo.xlsx>... [--corte AAAA-MM-DD] [--publico] -o <informe.html> [--force]`
 *
 * The quarterly follow-up report with alerts (PE-P-004 step 6) as one self-contained HTML page,
 * A4 and print-ready: the browser's «Guardar como PDF» gives the document to present to the
 * mayor's team. `--publico` writes the version the entity publishes on its website (Ley 1474 de
 * 2011, art. 74): the plan without analyses, findings or internal notes.
 *
 * Several files are reported as one plan, as `reporte` does (`app/report-files.ts`: the files of
 * another vigencia or cut-off, and a plan indicativo with no execution, listed apart). Exit codes:
 * 0 written; 2 unusable input, wrong usage or an output that may not be written.
 */
import * as path from 'node:path';
import { InputError } from '../app/errors';
import { selectReportFiles } from '../app/report-files';
import { goalCount, noGoalsReason } from '../app/no-goals';
import { informeOf, informeSummary } from '../app/informe';
import { localDateTime } from '../app/generate';
import { allowOnly, checkCutoffInVigencia } from './args';
import type { CliDeps } from './deps';
import { givenPeriod, included, readReportInputs } from './reporte';
import { createProgress } from './progress';
import { UsageError, type CliIO, type ParsedArgs } from './types';

export function makeInforme(deps: CliDeps) {
  return async function informe(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { corte: true, output: true, force: true, publico: true, reading: true });
    if (args.files.length === 0) throw new UsageError('Indique al menos un libro: tablero informe <archivo.xlsx>... [--corte AAAA-MM-DD] [--publico] -o <informe.html>');
    if (!args.output) throw new UsageError('Falta la salida: tablero informe <archivo.xlsx>... -o <informe.html>.');
    if (!/\.html?$/i.test(args.output)) throw new UsageError(`La salida «${args.output}» debe ser una página .html (por ejemplo -o informe.html).`);
    const progress = createProgress(io, args.files.length > 1, deps.progress);
    const read = await readReportInputs(deps, args, io, progress);
    if (!read) return 2;
    const selection = selectReportFiles(read, givenPeriod(args), io.now);
    const { workbook, options } = selection;
    if (workbook.sheets.length === 0) throw new InputError('Los libros no tienen hojas de plan de acción ni de captura para el informe.');
    checkCutoffInVigencia(args.corte, options.vigencia, options.vigenciaFrom, workbook);
    const names = included(selection, args.files).map((f) => path.basename(f));
    const { html, data } = informeOf(workbook, options, names, { publico: args.publico, generatedAt: localDateTime(io.now) }, selection);
    // Data rows and not one goal: said, never an informe of «0 metas» (as reporte).
    const m = data.model;
    const none = noGoalsReason(workbook, goalCount(m));
    if (none) throw new InputError(none);
    const inputs = args.files.map((f) => path.resolve(io.cwd, f));
    await deps.writeFile(path.resolve(io.cwd, args.output), html, { force: args.force, inputs, display: args.output });
    const summary = informeSummary(data, args.publico);
    io.stdout(args.publico ? `Escrito ${args.output}: ${summary}.\n` : `Escrito ${args.output}: ${summary}; ábralo en el navegador e imprímalo o guárdelo como PDF (A4).\n`);
    return 0;
  };
}
