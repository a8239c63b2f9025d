/**
 * `tablero demo [-o <carpeta>] [--force]` — the product on the bundled example workbooks
 * (`examples/*.xlsx`), results in a folder (default `./demo-out`).
 *
 * For each example it writes `<ejemplo>.validacion.json` (what `validar --json` prints) and
 * `<ejemplo>.reporte.json` (what `reporte --json` prints) and, when this build has the `generar`
 * verb, `<ejemplo>.tablero.xlsx` (the copy with marks, Tablero, Alertas and Observaciones).
 * Existing results are not replaced without `--force`; the examples are never written.
 * Exit code 0 when everything was written (the examples contain deliberate mistakes, so their
 * findings are not a failure of the demo).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../app/report';
import { allowOnly } from './args';
import type { CliDeps } from './deps';
import { makeGenerar } from './generar';
import { countsLine, describeSheet, styleFor } from './output';
import { createProgress } from './progress';
import { UsageError, type CliIO, type ParsedArgs } from './types';
import { findingJson, sheetsJson, validateLoaded, type ValidarJson } from './validar';

const DEFAULT_DEMO_DIR = 'demo-out';

export function makeDemo(deps: CliDeps) {
  const generar = makeGenerar(deps);
  return async function demo(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { output: true, force: true });
    if (args.files.length) throw new UsageError(`«tablero demo» no recibe archivos; use: tablero demo [-o <carpeta>]`);
    const style = styleFor(deps.colour);
    const display = (p: string) => {
      const rel = path.relative(io.cwd, p);
      return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
    };

    let examples: string[];
    try {
      examples = (await fs.readdir(deps.examplesDir)).filter((f) => f.toLowerCase().endsWith('.xlsx') && !f.startsWith('~$')).sort();
    } catch {
      examples = [];
    }
    if (examples.length === 0) throw new UsageError(`No se encontraron los libros de ejemplo en «${display(deps.examplesDir)}».`);
    const inputs = examples.map((e) => path.join(deps.examplesDir, e));

    const folder = path.resolve(io.cwd, args.output ?? DEFAULT_DEMO_DIR);
    const folderShown = args.output ?? DEFAULT_DEMO_DIR;
    if (path.resolve(folder) === path.resolve(deps.examplesDir)) {
      throw new UsageError(`La carpeta «${folderShown}» es la de los ejemplos; el tablero nunca escribe sobre sus entradas. Indique otra con -o.`);
    }
    const st = await fs.stat(folder).catch(() => null);
    if (st && !st.isDirectory()) throw new UsageError(`«${folderShown}» existe y no es una carpeta; indique otra con -o.`);
    if (!st) {
      try {
        await fs.mkdir(folder, { recursive: true });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why =
          code === 'EACCES' || code === 'EPERM'
            ? 'permiso denegado'
            : code === 'ENOTDIR' || code === 'EEXIST'
              ? 'una parte de la ruta es un archivo, no una carpeta'
              : code === 'EROFS'
                ? 'el disco es de solo lectura'
                : code === 'ENOSPC'
                  ? 'no queda espacio en el disco'
                  : (code ?? 'error del sistema');
        throw new UsageError(`No se pudo crear la carpeta «${folderShown}»: ${why}; indique otra con -o.`);
      }
    }
    // The results are named under the folder as the person typed it (absolute stays absolute).
    const shownOut = (p: string) => path.join(folderShown, path.basename(p));

    const targets = examples.map((e) => {
      const base = e.replace(/\.xlsx$/i, '');
      return {
        example: e,
        input: path.join(deps.examplesDir, e),
        validation: path.join(folder, `${base}.validacion.json`),
        report: path.join(folder, `${base}.reporte.json`),
        tablero: path.join(folder, `${base}.tablero.xlsx`),
      };
    });
    if (!args.force) {
      const existing: string[] = [];
      for (const t of targets) {
        for (const p of [t.validation, t.report, t.tablero]) {
          if (p && (await fs.stat(p).catch(() => null))) existing.push(path.basename(p));
        }
      }
      if (existing.length) {
        throw new UsageError(`La carpeta «${folderShown}» ya tiene resultados de una demostración anterior (${existing[0]}${existing.length > 1 ? ', …' : ''}); use --force para reemplazarlos u otra carpeta con -o.`);
      }
    }

    io.stdout(style.bold(`Demostración de Tablero PDM con los libros de ejemplo (${display(deps.examplesDir)})`) + '\n\n');
    const written: string[] = [];
    const progress = createProgress(io, true);
    let totalErrors = 0;
    let totalWarnings = 0;
    try {
      for (let i = 0; i < targets.length; i++) {
        const t = targets[i];
        const shown = display(t.input);
        progress.item(t.example);
        progress.report('Procesando', i, targets.length);
        const loaded = await deps.load(t.input, io);
        const v = validateLoaded(shown, loaded.workbook, undefined, io);
        totalErrors += v.errors;
        totalWarnings += v.warnings;
        const validation: ValidarJson = {
          files: [{ file: shown, sheets: sheetsJson(v.workbook, v.options), findings: v.findings.map(findingJson), errors: v.errors, warnings: v.warnings }],
          errors: v.errors,
          warnings: v.warnings,
        };
        await deps.writeFile(t.validation, JSON.stringify(validation, null, 2) + '\n', { force: args.force, inputs, display: shownOut(t.validation) });
        written.push(t.validation);
        const report = buildReport(loaded.workbook, v.options);
        await deps.writeFile(t.report, JSON.stringify(report, null, 2) + '\n', { force: args.force, inputs, display: shownOut(t.report) });
        written.push(t.report);
        progress.done();
        io.stdout(`${style.bold(t.example)}\n  ${v.workbook.sheets.map(describeSheet).join('; ')}\n  ${countsLine(v.errors, v.warnings, style)}\n`);
        const code = await generar({ verb: 'generar', files: [shown], output: shownOut(t.tablero), force: args.force, json: false, publico: false }, io);
        if (code === 2) return 2;
        written.push(t.tablero);
        io.stdout('\n');
      }
    } finally {
      progress.done();
    }
    io.stdout(style.bold(`Escrito en ${folderShown}:`) + '\n' + written.map((w) => `  ${shownOut(w)}`).join('\n') + '\n\n');
    io.stdout(
      `Los ejemplos traen errores a propósito (${countsLine(totalErrors, totalWarnings).replace(/\.$/, '')}). ` +
        `Pruebe: npm run tablero -- validar ${display(inputs[inputs.length - 1])}\n`,
    );
    return 0;
  };
}
