/**
 * `tablero` — composition root of the command line. The only CLI file that imports the exceljs
 * adapter (`src/xlsx`); it wires it into the verbs through `CliDeps`.
 *
 * `run(argv, io)` never throws and never prints a stack trace: unusable input or wrong usage is
 * one Spanish line on stderr and exit code 2; an unexpected bug is one line
 * ("Error interno: …; informe este problema") and exit code 2. With TABLERO_DEBUG=1 the stack of
 * the underlying error is printed as well.
 */
import * as path from 'node:path';
import { readWorkbookFile } from '../app/load';
import { UserError } from '../app/errors';
import { readGridsStreaming } from '../xlsx/stream-read';
import { gridsOfWorkbook, loadWorkbook } from '../xlsx/read';
import { onTemporaryFile, removeTemporaryFiles, writeFileAtomic, writeWorkbookAtomic } from '../xlsx/write';
import { generateCopy } from '../xlsx/generate';
import { consolidateCopy } from '../xlsx/consolidate';
import { writeReturns } from '../xlsx/returns';
import { approveCopy } from '../xlsx/approve';
import { templateWorkbook } from '../xlsx/template';
import { parseArgs, usage } from './args';
import { oneLine } from './output';
import type { CliDeps } from './deps';
import { makeColumnas } from './columnas';
import { makeConsolidar } from './consolidar';
import { loadMappingFile } from './mapa';
import { makeDemo } from './demo';
import { makeDevolver } from './devolver';
import { makeAprobar, makeComparar } from './aprobar';
import { makeGenerar } from './generar';
import { makeInforme } from './informe';
import { makePlantilla } from './plantilla';
import { makeReporte } from './reporte';
import { makeValidar } from './validar';
import type { CliIO, Command, ParsedArgs } from './types';

/** Package root: `src/cli` (tsx, jest) and `dist/cli` (compiled) both sit two levels below it. */
const packageRoot = path.resolve(__dirname, '..', '..');

export function defaultDeps(colour: boolean, overrides: Partial<CliDeps> = {}): CliDeps {
  const base: CliDeps = {
    // validar and reporte only read: the streaming reader (no exceljs document model), the door
    // check of app/guard.ts in front, the grids dropped once the sheets are recognised.
    load: (file, io, onRows, reading, listAll) =>
      readWorkbookFile(
        file,
        async (bytes, name) => {
          try {
            return await readGridsStreaming(bytes, name, { onRows: onRows && ((n, sheet) => onRows(n, sheet === '')) });
          } catch (e) {
            // The last net for an internal failure of the streaming reader (a TypeError) on a
            // package the door check found whole: it is read with the whole reader.
            if (!(e instanceof TypeError)) throw e;
            return gridsOfWorkbook(await loadWorkbook(bytes), name);
          }
        },
        { cwd: io.cwd, ...(reading ? { reading } : {}), ...(listAll ? { listAll } : {}) },
      ),
    writeFile: (out, data, req) => writeFileAtomic(out, data, req),
    writeTemplate: (spec, out, req) => writeWorkbookAtomic(templateWorkbook(spec), out, req),
    generateCopy: (request, progress) => generateCopy(request, progress),
    consolidateCopy,
    writeReturns,
    approveCopy,
    colour,
    examplesDir: path.join(packageRoot, 'examples'),
  };
  return { ...base, ...overrides };
}

function isDebug(): boolean {
  return process.env.TABLERO_DEBUG === '1' || process.env.TABLERO_DEBUG === 'true';
}

/**
 * Runs one `tablero` command in-process. Returns the exit code (0, 1 or 2). `deps` replaces parts
 * of the wiring (tests).
 */
export async function run(argv: readonly string[], io: CliIO, deps?: Partial<CliDeps>): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.help) {
      // `tablero` alone is wrong usage (exit 2, the help on stderr); `tablero --help` is not.
      if (parsed.missingVerb) {
        io.stderr(usage);
        return 2;
      }
      io.stdout(usage);
      return 0;
    }
    const args: ParsedArgs = parsed.mapa !== undefined ? { ...parsed, mapping: await loadMappingFile(parsed.mapa, io.cwd) } : parsed;
    const colour = deps?.colour ?? false;
    const d = defaultDeps(colour, deps);
    const table: Record<string, Command> = {
      validar: makeValidar(d),
      reporte: makeReporte(d),
      plantilla: makePlantilla(d),
      demo: makeDemo(d),
      generar: makeGenerar(d),
      consolidar: makeConsolidar(d),
      devolver: makeDevolver(d),
      aprobar: makeAprobar(d),
      comparar: makeComparar(d),
      informe: makeInforme(d),
      columnas: makeColumnas(d),
    };
    return await table[args.verb](args, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`tablero: ${oneLine(e.message)}\n`);
      if (isDebug() && 'detail' in e && e.detail instanceof Error) io.stderr(`${e.detail.stack ?? e.detail.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`tablero: Error interno: ${oneLine(message) || 'error desconocido'}; informe este problema (con TABLERO_DEBUG=1 se muestra el detalle).\n`);
    if (isDebug() && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return 2;
  }
}

/** The real process's streams. */
export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    // Under the supervisor (`launch.ts`) stderr is a pipe to it; it says whether its own is a terminal.
    stderrIsTTY: Boolean(process.stderr.isTTY) || process.env.TABLERO_STDERR_TTY === '1',
    plainProgress: process.env.TABLERO_PROGRESO === '1',
    cwd: process.cwd(),
    now: new Date(),
  };
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `tablero validar x --json | head` closes stdout early: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  // Interrupted (Ctrl-C, kill): no half-written output stays behind; the exit code names the signal.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      removeTemporaryFiles();
      process.exit(code);
    });
  }
  // Under the supervisor (`launch.ts`): it hears of each temporary file, to remove it should this process be killed outright.
  if (process.send) {
    process.channel?.unref();
    onTemporaryFile((file, live) => process.send?.({ tableroTemporal: file, live }));
  }
  const colour = Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
  process.exitCode = await run(argv, processIO(), { colour });
}

// Entry point of the worker process the supervisor (`launch.ts`) starts from `bin/tablero.js` (which
// `npm run tablero` runs after rebuilding changed sources), and of a direct `tsx src/cli/main.ts …`.
if (require.main === module) {
  void main();
}
