/**
 * The `tablero` argument parser: small, dependency-free, strict. Unknown options and misplaced
 * values are usage errors (exit 2, one Spanish line); `--help` / `-h` anywhere prints the usage.
 *
 * Accepted forms: `--corte 2025-06-30`, `--corte=2025-06-30`, `-o salida.xlsx`, `-o=salida.xlsx`,
 * `--salida salida.xlsx`; `--` ends the options (a file named `-raro.xlsx` can follow it).
 */
import type { ReaderOptions } from '../domain/reader';
import { cutoffOutsideVigencia } from '../app/report';
import type { VigenciaFrom } from '../domain/options';
import type { ReadWorkbook } from '../domain/sheet';
import type { CopyRequest } from '../app/generate';
import { UsageError, type CliIO, type ParsedArgs } from './types';

export const verbs = ['validar', 'generar', 'reporte', 'consolidar', 'devolver', 'informe', 'plantilla', 'aprobar', 'comparar', 'columnas', 'demo'] as const;
export type Verb = (typeof verbs)[number];

export const usage = `Uso: tablero <comando> [opciones]

Comandos:
  validar <archivo.xlsx>... [--corte AAAA-MM-DD] [--json]
      Revisa los libros y lista los hallazgos (errores y advertencias) por hoja.
      Código de salida: 0 sin errores, 1 con errores, 2 entrada inservible o uso incorrecto.
  generar <archivo.xlsx> [--corte AAAA-MM-DD] -o <salida.xlsx> [--force]
      Escribe una copia del libro con las marcas y las hojas Tablero de control, Alertas y
      Observaciones.
  reporte <archivo.xlsx>... [--corte AAAA-MM-DD] [--json]
      Avance de cada meta, dependencia y dimensión al corte (JSON con --json; sin --json,
      un resumen legible).
  consolidar <archivo.xlsx>... [--corte AAAA-MM-DD] -o <consolidado.xlsx> [--force]
      Reúne las hojas de captura de las dependencias en un solo libro con el tablero.
  devolver <archivo.xlsx>... [--corte AAAA-MM-DD] -o <carpeta> [--force]
      Un libro por dependencia con sus observaciones, sus metas rezagadas y por encima de lo programado
      (con columnas para causa, acción, responsable y fecha) y una portada con el plazo.
      Acepta los libros de las dependencias o un consolidado.
  informe <archivo.xlsx>... [--corte AAAA-MM-DD] [--publico] -o <informe.html> [--force]
      Informe trimestral de seguimiento con alertas en una página HTML lista para imprimir en A4
      (o guardar como PDF). --publico: la versión para publicar (Ley 1474 de 2011, art. 74).
  plantilla <plan-accion|hoja-captura|techos> [--vigencia AAAA] -o <archivo.xlsx> [--force]
      Escribe una plantilla en blanco con encabezados, listas desplegables y formatos.
  aprobar <archivo.xlsx> --fecha AAAA-MM-DD --acta <texto> -o <salida.xlsx> [--reemplazar] [--force]
      Guarda en una copia del libro la programación aprobada de cada meta (hoja muy oculta)
      con la fecha y el acta del Consejo de Gobierno, y una hoja «Control de cambios».
      Desde entonces validar revisa los cambios frente al plan aprobado. Un libro ya aprobado
      se rechaza; --reemplazar cambia su aprobación por la nueva.
  comparar <aprobado.xlsx> <actual.xlsx> [--corte AAAA-MM-DD] [--fecha AAAA-MM-DD] [--json]
      Los mismos hallazgos frente al plan aprobado cuando este es otro archivo (el del mes
      pasado). Si ese archivo no guarda la aprobación (no pasó por aprobar), --fecha es la
      fecha en que se aprobó y es obligatoria.
  columnas <archivo.xlsx>... [--json]
      Cómo se leyó cada hoja: tipo, formato, fila de encabezado, bloque de años y, por columna,
      el campo que se leyó de ella (o «sin usar»), y los campos obligatorios que faltan.
      Código de salida: 0 lectura completa, 1 falta algún campo obligatorio, 2 entrada inservible.
  demo [-o <carpeta>] [--force]
      Ejecuta el producto sobre los libros de ejemplo y deja los resultados en la carpeta
      (por omisión ./demo-out).

Opciones:
  --corte AAAA-MM-DD   fecha de corte (por omisión: la del libro o el fin del último trimestre cumplido)
  --vigencia AAAA      año de la vigencia (plantilla; en los demás, el bloque de años que se lee)
  --mapa MAPA.json     corrige la lectura: tipo, fila de encabezado y columna de cada campo por
                       hoja (docs/columnas-y-mapa.md); gana sobre el mapa guardado en el libro
  --incluir-ocultas    lee también las hojas ocultas
  --json               salida JSON para otros programas
  --publico            informe: versión para publicar, sin análisis ni observaciones internas
  -o, --salida RUTA    archivo o carpeta de salida
  --force              reemplaza una salida existente (nunca un archivo de entrada)
  --reemplazar         aprobar: reemplaza la aprobación que ya guarda el libro
  -h, --help           muestra esta ayuda
`;

/** `missingVerb`: no arguments at all — the help goes to stderr with exit code 2 (wrong usage). */
export type ParseResult = { readonly help: true; readonly verb?: string; readonly missingVerb?: true } | ({ readonly help: false } & ParsedArgs);

/** Edit distance of two short words (insertions, deletions, substitutions, swaps of neighbours). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** «¿Quiso decir validar?» for a verb one or two keystrokes away from a real one. */
function suggestion(verb: string): string {
  const w = verb.toLowerCase();
  const best = verbs.map((v) => ({ v, d: distance(w, v) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.min(2, Math.floor(best.v.length / 3)) ? ` ¿Quiso decir ${best.v}?` : '';
}

const valueOptions: Record<string, 'corte' | 'output' | 'vigencia' | 'fecha' | 'acta' | 'mapa'> = {
  '--mapa': 'mapa',
  '--corte': 'corte',
  '--fecha': 'fecha',
  '--acta': 'acta',
  '-o': 'output',
  '--salida': 'output',
  '--output': 'output',
  '--vigencia': 'vigencia',
};
const flagOptions: Record<string, 'json' | 'force' | 'publico' | 'includeHidden' | 'replace'> = {
  '--json': 'json',
  '--force': 'force',
  '-f': 'force',
  '--publico': 'publico',
  '--incluir-ocultas': 'includeHidden',
  '--reemplazar': 'replace',
};

/** Parses `argv` (without `node` and the script). Throws `UsageError` on wrong usage. */
export function parseArgs(argv: readonly string[]): ParseResult {
  if (argv.some((a) => a === '-h' || a === '--help' || a === 'ayuda')) {
    return { help: true, verb: argv.find((a) => !a.startsWith('-')) };
  }
  if (argv.length === 0) return { help: true, missingVerb: true };
  const [verb, ...rest] = argv;
  if (!(verbs as readonly string[]).includes(verb)) {
    throw new UsageError(
      verb.startsWith('-')
        ? `Falta el comando antes de «${verb}». Use: tablero <${verbs.join('|')}> … (tablero --help).`
        : `Comando desconocido «${verb}».${suggestion(verb)} Comandos: ${verbs.join(', ')} (tablero --help).`,
    );
  }
  const files: string[] = [];
  const values: { corte?: string; output?: string; vigencia?: string; fecha?: string; acta?: string; mapa?: string } = {};
  const flags: { json: boolean; force: boolean; publico: boolean; includeHidden?: boolean; replace?: boolean } = { json: false, force: false, publico: false };
  let onlyFiles = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name in valueOptions) {
      const key = valueOptions[name];
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else {
        value = rest[i + 1];
        if (value === undefined || (value.startsWith('-') && value !== '-')) {
          throw new UsageError(`La opción ${name} necesita un valor (tablero --help).`);
        }
        i++;
      }
      if (value === '') throw new UsageError(`La opción ${name} necesita un valor (tablero --help).`);
      if (values[key] !== undefined) throw new UsageError(`La opción ${name} está repetida.`);
      values[key] = value;
      continue;
    }
    if (name in flagOptions && eq < 0) {
      flags[flagOptions[name]] = true;
      continue;
    }
    throw new UsageError(`Opción desconocida «${arg}» para «tablero ${verb}» (tablero --help).`);
  }
  if (values.corte !== undefined) checkIsoDate(values.corte);
  if (values.fecha !== undefined) checkIsoDate(values.fecha, 'de aprobación');
  if (values.vigencia !== undefined && !/^(19|20)\d\d$/.test(values.vigencia)) {
    throw new UsageError(`La vigencia «${values.vigencia}» no es un año válido; use AAAA (por ejemplo 2025).`);
  }
  return { help: false, verb, files, ...values, ...flags };
}

function checkIsoDate(s: string, what = 'de corte'): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const ok =
    m !== null &&
    (() => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const t = new Date(Date.UTC(y, mo - 1, d));
      return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
    })();
  if (!ok) throw new UsageError(`La fecha ${what} «${s}» no es válida; use AAAA-MM-DD (por ejemplo 2025-06-30).`);
}

/** Options a verb does not take are usage errors, so a typo never silently does something else. */
export function allowOnly(
  args: ParsedArgs,
  allowed: { corte?: boolean; json?: boolean; output?: boolean; force?: boolean; vigencia?: boolean; fecha?: boolean; acta?: boolean; publico?: boolean; reading?: boolean; replace?: boolean; mapa?: boolean },
): void {
  const check = (present: boolean, ok: boolean | undefined, name: string) => {
    if (present && !ok) throw new UsageError(`«tablero ${args.verb}» no admite la opción ${name} (tablero --help).`);
  };
  check(args.corte !== undefined, allowed.corte, '--corte');
  check(args.json, allowed.json, '--json');
  check(args.output !== undefined, allowed.output, '-o');
  check(args.force, allowed.force, '--force');
  check(args.vigencia !== undefined, allowed.vigencia || allowed.reading, '--vigencia');
  check(args.fecha !== undefined, allowed.fecha, '--fecha');
  check(args.acta !== undefined, allowed.acta, '--acta');
  check(args.includeHidden === true, allowed.reading, '--incluir-ocultas');
  check(args.mapa !== undefined, allowed.reading || allowed.mapa, '--mapa');
  check(args.publico, allowed.publico, '--publico');
  check(args.replace === true, allowed.replace, '--reemplazar');
}

/**
 * How a reading verb reads the sheets (real-formats.md "Years and the vigencia", "Hidden
 * sheets"): `--vigencia`, the cut-off (its year is the vigencia when nothing else names one) and
 * `--incluir-ocultas`.
 */
export function readingOf(args: ParsedArgs): ReaderOptions {
  return {
    ...(args.vigencia !== undefined ? { vigencia: Number(args.vigencia) } : {}),
    ...(args.corte !== undefined ? { cutoff: args.corte } : {}),
    ...(args.includeHidden ? { includeHidden: true } : {}),
    ...(args.mapping ? { mapping: args.mapping } : {}),
  };
}

/** A cut-off outside the vigencia is a usage error, not a silent T4 (real-formats.md). */
export function checkCutoffInVigencia(cutoff: string | undefined, vigencia: number | undefined, from?: VigenciaFrom, workbook?: ReadWorkbook): void {
  const why = cutoffOutsideVigencia(cutoff, vigencia, from, workbook);
  if (why) throw new UsageError(why);
}

/**
 * The request of a verb that reads workbooks and writes files (`generar`, `consolidar`,
 * `devolver`): it takes `--corte`, `-o` (required), `--force` and the reading options; `usage`
 * says what is missing.
 */
export function writeRequest(args: ParsedArgs, io: CliIO, usage: { readonly files: string; readonly output: string }, oneFile = false): CopyRequest {
  allowOnly(args, { corte: true, output: true, force: true, reading: true });
  if (oneFile ? args.files.length !== 1 : args.files.length === 0) throw new UsageError(usage.files);
  if (!args.output) throw new UsageError(usage.output);
  return { files: args.files, output: args.output, cwd: io.cwd, now: io.now, cutoff: args.corte, force: args.force, reading: readingOf(args) };
}
