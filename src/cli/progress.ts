/**
 * Progress on stderr (never on stdout, so `--json` output stays clean).
 *
 * Two kinds of progress:
 * - over several files (`report` / `item`): on a terminal, one bar redrawn in place
 *   (`Validando  [#########.........]  3/5  plan.xlsx`), erased when done; drawn only when
 *   `enabled` (several files), and throttled. Not on a pipe: the per-file results on stdout
 *   already say what was done.
 * - inside ONE large file (`rows` while reading, then `phase`): "Leyendo «x.xlsx»: 120.000
 *   filas…", "Validando «x.xlsx» (200.000 filas)…". Shown only for long work — once the file
 *   passes `minRows` rows or `minMs` of reading — so small files stay silent. On a terminal the
 *   line is redrawn in place. Off a terminal (pipes, CI) nothing is written — stderr then carries
 *   only what went wrong — unless `io.plainProgress` (`TABLERO_PROGRESO=1`) asks for plain lines,
 *   at most one every `everyMs` while reading.
 */
import type { FileProgress, ProgressReporter } from '../app/ports';
import { formatNumber } from '../domain/format';
import { quoted } from '../app/load';
import type { CliIO } from './types';

export interface CliProgress extends ProgressReporter, FileProgress {
  /** Names the item being worked on (shown after the counter). */
  item(text: string): void;
  /** Erases the bar. Call before printing anything else to stderr. */
  done(): void;
}

/** When one file's work counts as long (progress shown): injectable for tests. */
export interface ProgressThresholds {
  /** Rows read. Default 20,000. */
  readonly minRows?: number;
  /** Milliseconds spent reading. Default 2,000. */
  readonly minMs?: number;
  /** Least time between two plain "Leyendo" lines when stderr is not a terminal. Default 2,000. */
  readonly everyMs?: number;
  /** Clock (tests). */
  readonly now?: () => number;
}

const WIDTH = 24;

export function createProgress(io: CliIO, enabled: boolean, thresholds: ProgressThresholds = {}): CliProgress {
  const tty = io.stderrIsTTY;
  const clock = thresholds.now ?? Date.now;
  const minRows = thresholds.minRows ?? 20_000;
  const minMs = thresholds.minMs ?? 2_000;
  const everyMs = thresholds.everyMs ?? 2_000;
  let drawn = false;
  let lastDraw = 0;
  let label = '';
  let done = 0;
  let total = 0;
  let item = '';
  // One large file.
  let current = '';
  let started = 0;
  let large = false;
  let lastLine = -Infinity;
  let read = 0;

  const draw = (force: boolean) => {
    if (!enabled || !tty) return;
    const now = clock();
    if (!force && now - lastDraw < 80) return;
    lastDraw = now;
    const filled = total > 0 ? Math.round((WIDTH * Math.min(done, total)) / total) : 0;
    const bar = '#'.repeat(filled) + '.'.repeat(WIDTH - filled);
    const tail = item.length > 40 ? `…${item.slice(-39)}` : item;
    io.stderr(`\r\u001b[2K${label}  [${bar}]  ${done}/${total}  ${tail}`);
    drawn = true;
  };
  /** One progress line: redrawn in place on a terminal, a plain line elsewhere. */
  const line = (text: string) => {
    if (!tty && !io.plainProgress) return;
    if (tty) {
      io.stderr(`\r\u001b[2Ktablero: ${text}`);
      drawn = true;
    } else io.stderr(`tablero: ${text}\n`);
  };
  const filas = (n: number) => `${formatNumber(n, 0)} ${n === 1 ? 'fila' : 'filas'}`;

  return {
    report(l, d, t) {
      label = l;
      done = d;
      total = t;
      draw(d === 0 || d >= t);
    },
    item(text) {
      item = text;
      draw(true);
    },
    rows(file, n, final = false) {
      const now = clock();
      if (file !== current) {
        current = file;
        started = now;
        large = false;
        lastLine = -Infinity;
      }
      read = n;
      if (!large && (n >= minRows || now - started >= minMs)) large = true;
      if (!large) return;
      if (final) line(`Leyendo ${quoted(file)}: ${filas(n)} leídas.`);
      else if (now - lastLine >= (tty ? 80 : everyMs)) line(`Leyendo ${quoted(file)}: ${filas(n)}…`);
      else return;
      lastLine = now;
    },
    size(file, n) {
      current = file;
      started = clock();
      read = n;
      large = n >= minRows;
    },
    phase(l, file) {
      if (file !== current || !large) return;
      line(`${l} ${quoted(file)} (${filas(read)})…`);
    },
    done() {
      if (drawn && tty) io.stderr('\r\u001b[2K');
      drawn = false;
    },
  };
}
