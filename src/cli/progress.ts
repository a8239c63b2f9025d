/**
 * Progress on stderr (never on stdout, so `--json` output stays clean).
 *
 * - stderr is a terminal: one bar redrawn in place (`Validando  [#########.........]  3/5  plan.xlsx`),
 *   erased when done. Drawn only for several files or long runs (`enabled`), and throttled.
 * - stderr is not a terminal (CI logs, pipes): nothing. Logs stay free of carriage-return noise;
 *   the per-file results on stdout already say what was done.
 */
import type { ProgressReporter } from '../app/ports';
import type { CliIO } from './types';

export interface CliProgress extends ProgressReporter {
  /** Names the item being worked on (shown after the counter). */
  item(text: string): void;
  /** Erases the bar. Call before printing anything else to stderr. */
  done(): void;
}

const silent: CliProgress = { report() {}, item() {}, done() {} };

const WIDTH = 24;

export function createProgress(io: CliIO, enabled: boolean): CliProgress {
  if (!enabled || !io.stderrIsTTY) return silent;
  let drawn = false;
  let lastDraw = 0;
  let label = '';
  let done = 0;
  let total = 0;
  let item = '';
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastDraw < 80) return;
    lastDraw = now;
    const filled = total > 0 ? Math.round((WIDTH * Math.min(done, total)) / total) : 0;
    const bar = '#'.repeat(filled) + '.'.repeat(WIDTH - filled);
    const tail = item.length > 40 ? `…${item.slice(-39)}` : item;
    io.stderr(`\r\u001b[2K${label}  [${bar}]  ${done}/${total}  ${tail}`);
    drawn = true;
  };
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
    done() {
      if (drawn) io.stderr('\r\u001b[2K');
      drawn = false;
    },
  };
}
