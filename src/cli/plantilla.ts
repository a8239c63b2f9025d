/**
 * `tablero plantilla <plan-accion|hoja-captura|techos> [--vigencia AAAA] -o <archivo.xlsx> [--force]`
 *
 * Writes a blank sheet of the kind (description in `app/templates.ts`, rendering in
 * `xlsx/template.ts`). The vigencia defaults to the current year.
 */
import * as path from 'node:path';
import type { GeneralKind } from '../domain/fields';
import { templateKindLabels, templateKinds, templateSpec } from '../app/templates';
import { allowOnly } from './args';
import type { CliDeps } from './deps';
import { UsageError, type CliIO, type ParsedArgs } from './types';

const syntax = 'tablero plantilla <plan-accion|hoja-captura|techos> [--vigencia AAAA] -o <archivo.xlsx>';

export function makePlantilla(deps: CliDeps) {
  return async function plantilla(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { vigencia: true, output: true, force: true });
    if (args.files.length === 0) throw new UsageError(`Indique el tipo de plantilla: ${syntax}`);
    if (args.files.length > 1) throw new UsageError(`Se esperaba un solo tipo de plantilla y se recibió «${args.files.join(' ')}»: ${syntax}`);
    const kind = args.files[0] as GeneralKind;
    if (!templateKinds.includes(kind)) {
      throw new UsageError(`Tipo de plantilla desconocido «${args.files[0]}»; use plan-accion, hoja-captura o techos.`);
    }
    if (!args.output) throw new UsageError(`Indique el archivo de salida con -o: ${syntax}`);
    if (path.extname(args.output).toLowerCase() !== '.xlsx') throw new UsageError(`La salida «${args.output}» debe terminar en .xlsx.`);
    const vigencia = args.vigencia ? Number(args.vigencia) : io.now.getFullYear();
    const spec = templateSpec(kind, { vigencia });
    const out = path.resolve(io.cwd, args.output);
    await deps.writeTemplate(spec, out, { force: args.force, display: args.output });
    io.stdout(
      `Plantilla «${templateKindLabels[kind]}», vigencia ${vigencia}, escrita en ${args.output} ` +
        `(hoja «${spec.sheetName}», encabezados en la fila ${spec.headerRow}, ${spec.columns.length} columnas, listas desplegables en ` +
        `${spec.columns.filter((c) => c.list).map((c) => c.header).join(', ')}).\n`,
    );
    return 0;
  };
}
