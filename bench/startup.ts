/**
 * `npm run bench -- arranque` — the README's command (`npm run tablero`), the installed CLI
 * (`bin/tablero.js`) and a plain exceljs read of the same 20,000-goal capture sheet, each as a
 * person starts it: a new process, from the shell, until it exits. `validar --json` is the job.
 *
 * `npm run tablero` runs the compiled files (scripts/tablero.js rebuilds them first only when a
 * source changed; the bench warms that up once, outside the timings), so it costs the installed
 * CLI plus npm's own start. Goal (issue 12): the README's command within 1.2× of the plain read.
 *
 * Times are CPU (user + system of the process and its children, from /usr/bin/time; wall when it
 * is missing) — on a shared machine wall time swings with the load. Medians of `BENCH_RUNS` (3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchSection } from './run';
import { median, writeSyntheticCapture } from './run';

const repoRoot = path.resolve(__dirname, '..');
const GOALS = 20_000;
const GOAL_RATIO = 1.2;

interface Figures {
  readonly cpu: number | null;
  readonly wall: number;
  readonly code: number | null;
}

/** Runs `cmd args` once, stdout discarded; CPU and wall seconds. */
function timedRun(cmd: string, args: readonly string[]): Figures {
  const useTime = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'TIEMPO %U %S', cmd, ...args], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
    : spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /TIEMPO ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  const code = useTime && r.status !== null && /Command exited with non-zero status (\d+)/.test(r.stderr) ? Number(/non-zero status (\d+)/.exec(r.stderr)![1]) : r.status;
  return { cpu: m ? Number(m[1]) + Number(m[2]) : null, wall, code };
}

const s = (n: number | null) => (n === null ? 'n/d' : `${n.toFixed(2).replace('.', ',')} s`);
const x = (n: number) => `${n.toFixed(2).replace('.', ',')}×`;

export const startupSection: BenchSection = {
  name: 'arranque',
  title: `Arranque: npm run tablero vs CLI instalada vs lectura con exceljs (${GOALS.toLocaleString('es-CO')} metas, procesos nuevos)`,
  async run(ctx) {
    const file = path.join(ctx.tmp, `captura-${GOALS}.xlsx`);
    await writeSyntheticCapture(file, GOALS);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const read = `require('exceljs');new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1]).then(()=>{})`;
    const commands: { label: string; cmd: string; args: string[] }[] = [
      { label: 'exceljs: leer el libro (node -e)', cmd: process.execPath, args: ['-e', read, file] },
      { label: 'node bin/tablero.js validar --json', cmd: process.execPath, args: [path.join(repoRoot, 'bin', 'tablero.js'), 'validar', file, '--json'] },
      { label: 'npm run tablero -- validar --json', cmd: npm, args: ['run', '--silent', 'tablero', '--', 'validar', file, '--json'] },
    ];
    timedRun(npm, ['run', '--silent', 'tablero', '--', 'validar', file, '--json']); // builds dist/ if a source changed
    const runs = Number(process.env.BENCH_RUNS ?? 3);
    const results = commands.map((c) => {
      const rs = Array.from({ length: runs }, () => timedRun(c.cmd, c.args));
      const cpus = rs.map((r) => r.cpu);
      return {
        ...c,
        cpu: cpus.every((v): v is number => v !== null) ? median(cpus) : null,
        wall: median(rs.map((r) => r.wall)),
        code: rs[0].code,
      };
    });
    const base = results[0];
    const ratio = (r: (typeof results)[number]) => (r.cpu !== null && base.cpu !== null ? r.cpu / base.cpu : r.wall / base.wall);
    ctx.table([
      ['proceso', 'código de salida', 'CPU', 'tiempo real', 'razón vs lectura'],
      ...results.map((r) => [r.label, String(r.code), s(r.cpu), s(r.wall), x(ratio(r))]),
    ]);
    const readme = ratio(results[2]);
    ctx.log(
      `Medianas de ${runs} ejecuciones; la razón usa CPU${base.cpu === null ? ' (no disponible: tiempo real)' : ''}. ` +
        `npm run tablero = ${x(readme)} la lectura (meta ≤ ${x(GOAL_RATIO)}: ${readme <= GOAL_RATIO ? 'cumple' : 'NO cumple'}); ` +
        `CLI instalada = ${x(ratio(results[1]))}. validar termina con código 1: el libro sintético trae errores a propósito.`,
    );
  },
};
