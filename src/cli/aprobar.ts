/**
 * `tablero aprobar <archivo.xlsx> --fecha AAAA-MM-DD --acta <texto> -o <salida.xlsx> [--reemplazar] [--force]`
 * stores the approved plan (the programming of every goal, with the date and the act of the
 * Consejo de Gobierno) in a copy of the workbook; later `validar` runs apply the baseline rules.
 *
 * `tablero comparar <aprobado.xlsx> <actual.xlsx> [--corte AAAA-MM-DD] [--fecha AAAA-MM-DD] [--json]`
 * gives the same findings when the approved version is a separate file (last month's emailed
 * file): its stored baseline, or its goals as approved on `--fecha` (required then: the date is
 * said in every finding, so it is never guessed). Output and exit codes as `validar`.
 */
import * as path from 'node:path';
import { approvedBaseline, compareWorkbooks, describeApproval } from '../app/approve';
import { resolveOptions } from '../app/report';
import { formatDate } from '../domain/format';
import { plural } from './output';
import { allowOnly, checkCutoffInVigencia, readingOf } from './args';
import type { CliDeps } from './deps';
import { findingJson, sheetsJson } from './validar';
import type { ValidarJson } from './validar';
import { formatFileOutcome, styleFor } from './output';
import { writeJson } from './json-out';
import { UsageError, type CliIO, type ParsedArgs } from './types';
import type { IsoDate } from '../domain/dates';
import { listOf } from '../domain/text';

/** The output path as the user can type it again from where they ran the command (quoted when it has spaces or quotes). */
function shellPath(p: string): string {
  return /^[\w./:\\@%+=,-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

export function makeAprobar(deps: CliDeps) {
  return async function aprobar(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { fecha: true, acta: true, output: true, force: true, replace: true, mapa: true });
    const usageLine = 'tablero aprobar <archivo.xlsx> --fecha AAAA-MM-DD --acta <texto> -o <salida.xlsx> [--reemplazar]';
    if (args.files.length !== 1) throw new UsageError(`Indique un libro: ${usageLine}`);
    if (!args.fecha) throw new UsageError(`Falta la fecha de aprobación (--fecha AAAA-MM-DD): ${usageLine}`);
    if (!args.acta || !args.acta.trim()) throw new UsageError(`Falta el acta del Consejo de Gobierno (--acta «Acta 01 de 2025»): ${usageLine}`);
    if (!args.output) throw new UsageError(`Falta el archivo de salida (-o): ${usageLine}`);
    const approvedOn = args.fecha as IsoDate;
    const { baseline: b, replaced } = await deps.approveCopy({
      file: args.files[0],
      output: args.output,
      cwd: io.cwd,
      force: args.force,
      approvedOn,
      act: args.acta.trim(),
      vigencia: Number(approvedOn.slice(0, 4)),
      replace: args.replace === true,
      ...(args.mapping ? { reading: { mapping: args.mapping } } : {}),
    });
    const identified = b.identifiedBy && b.identifiedBy.length > 0 ? ` (cada meta por ${listOf(b.identifiedBy.map((h) => `«${h}»`))})` : '';
    const periods = b.periodKind === 'year' ? `un periodo, el año ${b.vigencia}` : b.periodKind === 'month' ? 'programación por mes' : 'programación por trimestre';
    io.stdout(
      (replaced ? `Se reemplazó la aprobación anterior, ${describeApproval(replaced)}.\n` : '') +
      `Plan aprobado el ${formatDate(b.approvedOn)} (${b.act}): ${plural(b.goals.length, 'meta', 'metas')} de` +
        `${b.from === 'plan-accion' ? 'l plan de acción' : ' las hojas de captura'}${identified}, vigencia ${b.vigencia}, ${periods}; guardadas en ${args.output}.\n` +
        `Registre cada modificación en la hoja «Control de cambios» (fecha, meta, campo, antes, después, justificación, acta u oficio); ` +
        `tablero validar ${shellPath(args.output)} revisa los cambios frente al plan aprobado.\n`,
    );
    return 0;
  };
}

export function makeComparar(deps: CliDeps) {
  return async function comparar(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { corte: true, fecha: true, json: true, reading: true });
    if (args.files.length !== 2) throw new UsageError('Indique dos libros: tablero comparar <aprobado.xlsx> <actual.xlsx> [--corte AAAA-MM-DD] [--json]');
    const [approvedFile, currentFile] = args.files;
    const reading = readingOf(args);
    const approved = (await deps.load(approvedFile, io, undefined, reading)).workbook;
    const current = (await deps.load(currentFile, io, undefined, reading)).workbook;
    const options = resolveOptions({ cutoff: args.corte, ...(reading.vigencia !== undefined ? { vigencia: reading.vigencia } : {}) }, current, io.now);
    checkCutoffInVigencia(args.corte, options.vigencia, options.vigenciaFrom, current);
    const baseline = approvedBaseline({ ...approved, name: path.basename(approvedFile) }, options, args.fecha as IsoDate | undefined);
    if (!baseline) {
      throw new UsageError(
        `«${approvedFile}» no guarda la fecha de su aprobación (no pasó por tablero aprobar): indique con --fecha AAAA-MM-DD ` +
          'el día en que el Consejo de Gobierno aprobó ese plan.',
      );
    }
    if (args.fecha && args.fecha !== baseline.approvedOn) {
      io.stderr(`Aviso: «${approvedFile}» guarda su aprobación del ${formatDate(baseline.approvedOn)}; se usa esa fecha y no la de --fecha.\n`);
    }
    const result = compareWorkbooks(current, baseline, options);
    if (args.json) {
      const json: ValidarJson = {
        files: [{ file: currentFile, sheets: sheetsJson(current, options), findings: result.findings.map(findingJson), errors: result.errors, warnings: result.warnings }],
        errors: result.errors,
        warnings: result.warnings,
      };
      writeJson(json, io.stdout);
    } else {
      io.stdout(
        `Frente al plan aprobado el ${formatDate(baseline.approvedOn)} (${baseline.act}), ${plural(baseline.goals.length, 'meta', 'metas')}:\n` +
          formatFileOutcome({ file: currentFile, workbook: current, findings: result.findings, errors: result.errors, warnings: result.warnings, cutoff: options.cutoff, scope: 'baseline' }, styleFor(deps.colour)),
      );
    }
    return result.errors > 0 ? 1 : 0;
  };
}
