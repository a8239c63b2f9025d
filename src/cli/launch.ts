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
 * unchanged (the child is told whether stderr is a terminal). Ctrl-C reaches both processes.
 */
import { spawn } from 'node:child_process';

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

/** Runs the CLI in a child process; resolves with the exit code the parent should end with. */
export function launch(options: LaunchOptions): Promise<number> {
  const limit = heapLimitMb();
  const userSetHeap = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-old-space-size'));
  const args = [...(userSetHeap ? [] : [`--max-old-space-size=${limit}`]), ...(options.execArgv ?? []), options.entry, ...(options.argv ?? process.argv.slice(2))];
  const child = spawn(process.execPath, args, {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, TABLERO_STDERR_TTY: process.stderr.isTTY ? '1' : '0' },
  });
  let fatal = false;
  child.stderr.on('data', (chunk: Buffer) => {
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
  const forward = (signal: NodeJS.Signals) => () => {
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
      if (fatal) {
        const mb = limit.toLocaleString('es-CO');
        process.stderr.write(
          `${process.stderr.isTTY ? '\n' : ''}tablero: la memoria no alcanzó para terminar (límite de ${mb} MB). El libro es demasiado grande para esta operación: ` +
            `divídalo (por ejemplo, por dependencia) o aumente el límite con la variable TABLERO_MEMORIA_MB (por ejemplo, TABLERO_MEMORIA_MB=2048).\n`,
        );
        resolve(2);
        return;
      }
      if (signal === 'SIGINT' || signal === 'SIGTERM') {
        resolve(130);
        return;
      }
      resolve(code ?? 2);
    });
  });
}
