/**
 * `tablero informe <archivo.xlsx>... [--corte AAAA-MM-DD] [--publico] -o <informe.html> [--force]`
 *
 * The quarterly follow-up report with alerts (PE-P-004 step 6) as one self-contained HTML page,
 * A4 and print-ready: the browser's «Guardar como PDF» gives the document to present to the
 * mayor's team. `--publico` writes the version the entity publishes on its website (Ley 1474 de
 * 2011, art. 74): the plan without analyses, findings or internal notes.
 *
 * Several files are reported as one plan, as `reporte` does (the units' sheets pooled). Exit codes:
 * 0 written; 2 unusable input, wrong usage or an output that may not be written.
 */
import * as path from 'node:path';
import { InputError } from '../app/errors';
import { resolveOptions } from '../app/report';
import { informeOf, informeSummary } from '../app/informe';
import { localDateTime } from '../app/generate';
import type { ReadWorkbook } from '../domain/sheet';
import { allowOnly, readingOf } from './args';
import type { CliDeps } from './deps';
import { mergeWorkbooks } from './reporte';
import { createProgress } from './progress';
import { UsageError, type CliIO, type ParsedArgs } from './types';

export function makeInforme(deps: CliDeps) {
  return async function informe(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { corte: true, output: true, force: true, publico: true, reading: true });
    if (args.files.length === 0) throw new UsageError('Indique al menos un libro: tablero informe <archivo.xlsx>... [--corte AAAA-MM-DD] [--publico] -o <informe.html>');
    if (!args.output) throw new UsageError('Falta la salida: tablero informe <archivo.xlsx>... -o <informe.html>.');
    if (!/\.html?$/i.test(args.output)) throw new UsageError(`La salida «${args.output}» debe ser una página .html (por ejemplo -o informe.html).`);
    const progress = createProgress(io, args.files.length > 1, deps.progress);
    const books: { file: string; workbook: ReadWorkbook }[] = [];
    const inputs: string[] = [];
    try {
      for (let i = 0; i < args.files.length; i++) {
        const file = args.files[i];
        progress.item(file);
        progress.report('Leyendo', i, args.files.length);
        const read = await deps.load(file, io, (n, final) => progress.rows(file, n, final), readingOf(args));
        books.push({ file, workbook: read.workbook });
        inputs.push(path.resolve(io.cwd, file));
      }
    } finally {
      progress.done();
    }
    const workbook = mergeWorkbooks(books);
    if (workbook.sheets.length === 0) throw new InputError('Los libros no tienen hojas de plan de acción ni de captura para el informe.');
    const options = resolveOptions({ cutoff: args.corte }, workbook, io.now);
    const { html, data } = informeOf(workbook, options, books.map((b) => path.basename(b.file)), { publico: args.publico, generatedAt: localDateTime(io.now) });
    await deps.writeFile(path.resolve(io.cwd, args.output), html, { force: args.force, inputs, display: args.output });
    const summary = informeSummary(data, args.publico);
    io.stdout(args.publico ? `Escrito ${args.output}: ${summary}.\n` : `Escrito ${args.output}: ${summary}; ábralo en el navegador e imprímalo o guárdelo como PDF (A4).\n`);
    return 0;
  };
}
