/**
 * The `tablero` process as a person starts it: a small supervisor that runs the command line
 * (`main.ts`) in a child Node process with a BOUNDED heap, and relays its output.
 *
 * Why: Node sizes its heap from the machine's memory (about 4 GB here), and V8 lets garbage pile
 * up far above what a run really keeps alive — `generar` on a 200,000-row workbook keeps about
 * 0.5 GB alive but reached 2.2 GB of RSS before collecting. With the heap capped at
 * `TABLERO_MEMORIA_MB` (1,280 MB unless the person says otherwise) V8 collects sooner and the
 * process stays within the 1.5 GB the product promises. (1,024 MB also holds, but a 200,000-row
 * `validar` then spends 10 s more collecting: 28 s instead of 19 s.)
 *
 * A workbook that truly needs more than the cap makes V8 abort with a native dump. The child's
 * stderr passes through here, so that dump is replaced by one Spanish line — what happened, the
 * limit, what to do — and exit code 2, like any other unusable input. Progress lines pass through
 * unchanged (the child is told whether stderr is a terminal). Ctrl-C reaches both processes: the
 * worker removes the file it was writing and ends with 130 (SIGINT) or 143 (SIGTERM), as shells
 * report signals. A worker killed outright (SIGKILL, the system out of memory) is said in one line,
 * exit 2, and the temporary files it announced over the IPC channel are removed here.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as os from 'node:os';

export const DEFAULT_HEAP_MB = 1280;

/** The child's heap limit in MB: `TABLERO_MEMORIA_MB` when it is a sensible number, else the default. */
export function heapLimitMb(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.TABLERO_MEMORIA_MB);
  return Number.isInteger(v) && v >= 16 ? v : DEFAULT_HEAP_MB;
}

/** Markers of V8's fatal out-of-memory report on stderr. */
const FATAL = /<--- Last few GCs --->|FATAL ERROR:|JavaScript heap out of memory/;

export interface LaunchOptions {
  /** The CLI module to run in the child (`dist/cli/main.js`, or `src/cli/main.ts` with tsx). */
  readonly entry: string;
  /** Node flags the child needs besides the heap limit (`--import tsx` from the sources). */
  readonly execArgv?: readonly string[];
  readonly argv?: readonly string[];
}

/**
 * The heap limit the worker really runs with, in MB: a `--max-old-space-size` the person gave Node
 * (on the command line or in NODE_OPTIONS) wins, then `TABLERO_MEMORIA_MB`, then the default.
 */
export function effectiveHeapMb(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): { mb: number; fromNode: boolean } {
  const given = /--max-old-space-size[= ](\d+)/.exec([...execArgv, env.NODE_OPTIONS ?? ''].join(' '));
  return given ? { mb: Number(given[1]), fromNode: true } : { mb: heapLimitMb(env), fromNode: false };
}

/** The out-of-memory line: the real limit, and a larger one only when the machine has room for it. */
export function outOfMemoryLine(limit: { mb: number; fromNode: boolean }, totalMemMb: number = os.totalmem() / 1024 / 1024): string {
  const es = (n: number) => n.toLocaleString('es-CO');
  const next = Math.max(2048, Math.ceil((limit.mb * 2) / 1024) * 1024);
  const how = limit.fromNode ? `--max-old-space-size=${next} en NODE_OPTIONS` : `TABLERO_MEMORIA_MB=${next}`;
  const advice =
    next <= totalMemMb * 0.75
      ? `divídalo (por ejemplo, por dependencia) o aumente el límite (por ejemplo, ${how})`
      : `divídalo (por ejemplo, por dependencia): este equipo tiene ${es(Math.round(totalMemMb))} MB de memoria y no alcanza para un límite mayor`;
  return `tablero: la memoria no alcanzó para terminar (límite de ${es(limit.mb)} MB). El libro es demasiado grande para esta operación: ${advice}.\n`;
}

/** Exit codes of a run ended by a signal, as shells report them (128 + the signal's number). */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/** Runs the CLI in a child process; resolves with the exit code the parent should end with. */
export function launch(options: LaunchOptions): Promise<number> {
  const limit = effectiveHeapMb();
  const args = [`--max-old-space-size=${limit.mb}`, ...(options.execArgv ?? []), options.entry, ...(options.argv ?? process.argv.slice(2))];
  const child = spawn(process.execPath, args, {
    // The IPC channel: the worker names each temporary file it writes (`xlsx/write.ts`).
    stdio: ['inherit', 'inherit', 'pipe', 'ipc'],
    env: { ...process.env, TABLERO_STDERR_TTY: process.stderr.isTTY ? '1' : '0' },
  });
  const temporary = new Set<string>();
  child.on('message', (m: unknown) => {
    const t = m as { tableroTemporal?: unknown; live?: unknown };
    if (typeof t?.tableroTemporal !== 'string') return;
    if (t.live === true) temporary.add(t.tableroTemporal);
    else temporary.delete(t.tableroTemporal);
  });
  let fatal = false;
  child.stderr!.on('data', (chunk: Buffer) => {
    if (fatal) return;
    const text = chunk.toString('utf8');
    const m = FATAL.exec(text);
    if (!m) {
      process.stderr.write(chunk);
      return;
    }
    fatal = true;
    const before = text.slice(0, m.index).replace(/\n+$/, '');
    if (before.trim()) process.stderr.write(`${before}\n`);
  });
  let signalled: NodeJS.Signals | null = null;
  const forward = (signal: NodeJS.Signals) => () => {
    signalled = signal;
    if (child.exitCode === null) child.kill(signal);
  };
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise((resolve) => {
    child.on('error', (e) => {
      process.stderr.write(`tablero: no se pudo iniciar el proceso de trabajo (${e.message}).\n`);
      resolve(2);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      // A worker that could not clean up (killed, out of memory) leaves no half-written output.
      for (const f of temporary) rmSync(f, { force: true });
      const nl = process.stderr.isTTY ? '\n' : '';
      if (fatal) {
        process.stderr.write(`${nl}${outOfMemoryLine(limit)}`);
        resolve(2);
        return;
      }
      // Asked to stop (Ctrl-C, kill): the exit code names the signal, as shells report it, even when
      // the worker had just finished before the signal reached it (its output is then whole).
      if (signalled) {
        resolve(SIGNAL_EXIT[signalled] ?? 2);
        return;
      }
      if (signal !== null) {
        process.stderr.write(
          `${nl}tablero: el proceso de trabajo terminó de forma inesperada (señal ${signal}) y no escribió ninguna salida; ` +
            `vuelva a intentarlo (si se repite, puede que al equipo le falte memoria).\n`,
        );
        resolve(2);
        return;
      }
      resolve(code ?? 2);
    });
  });
}
