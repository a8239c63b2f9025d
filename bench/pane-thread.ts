/**
 * Bench section "panel": JavaScript on the task pane's thread (everything but Excel's own work,
 * which the double times in `stats`), and the first-load bundle size.
 *
 * Judged in the CPU time of the pane's own thread — this process's main thread, read from the OS
 * (`/proc/self/task/<pid>/schedstat` on Linux) — minus the double's share of it: the issue's budget
 * is main-thread JavaScript, and on the shared machine the wall clock also counts the time spent
 * waiting for a core. The process's CPU time (`process.cpuUsage`) is printed beside it: it also
 * counts V8's helper threads (parallel garbage collection, compilation), which run off the main
 * thread in a browser too, so it errs on the high side (up to twice the thread's time here). Where
 * the OS gives no thread clock the verdict falls back to the process's CPU time.
 *
 * - Validar a 20,000-row capture sheet: the adapter's reading and marking, the engine (reader +
 *   rules) between them, and their sum — all of it runs on the pane's thread (budget: the sum under 1 s).
 * - Draw an 8,000-row Observaciones: build the sheet model + render it (budget: under 1 s).
 * Both with the number of `sync()` calls, which must not grow with rows. Each size runs three
 * times from a collected heap (the double's own set-up garbage is not the pane's) and the median
 * is shown. The bundle size is read from dist/addin (after `npm run build`).
 *
 *   npm run bench -- panel        BENCH_PANE_ROWS=20000 BENCH_OBS_ROWS=8000
 */
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchContext, BenchSection } from './run';
import { captureSheet, type CaptureRow } from '../test/helpers/sheets';
import { doubleFromSpecs } from '../test/contract/hosts';
import { hostOn } from '../test/excel-double/harness';
import { ExcelDouble } from '../test/excel-double/index';
import { readWorkbook } from '../src/domain/reader';
import { validateWorkbook } from '../src/app/validate';
import { resolveOptions } from '../src/app/report';
import { buildObservaciones } from '../src/sheets/observaciones';
import type { Finding } from '../src/domain/finding';
import { BUDGET_BYTES, measureBundle } from '../scripts/bundle-size';
import { gcFunction } from './capture';

const gc = gcFunction();

/** Milliseconds of one clock: the pane thread's CPU, the process's CPU. */
interface Clocks {
  readonly thread: number;
  readonly process: number;
}

export interface PaneFigures {
  readonly label: string;
  readonly rows: number;
  readonly findings: number;
  /** The adapter's JavaScript on the pane's thread (reading + marking, or building + drawing), CPU ms without the double's. */
  readonly pane: Clocks;
  /** The engine (reader + rules), CPU ms; the bench's «captura» section covers it in depth. */
  readonly engine: Clocks;
  /** Adapter + engine, wall-clock ms (without the double's time in `sync()`). */
  readonly wallMs: number;
  readonly excelMs: number;
  readonly syncs: number;
}

function captureRows(n: number): Partial<CaptureRow>[] {
  return Array.from({ length: n }, (_, i) => {
    const r: Partial<CaptureRow> = { goalCode: `${1900 + (i % 80)}${String(i).padStart(3, '0')}`, goal: `Meta ${i} de la dependencia` };
    if (i % 7 === 3) r.executed = ['doce', 250, null, null];
    if (i % 13 === 6) r.obligations = 9_000_000;
    return r;
  });
}

export async function measureValidate(rows: number): Promise<PaneFigures> {
  const spec = captureSheet(captureRows(rows));
  const xl = doubleFromSpecs([spec], { threadClock: threadCpuMs });
  const host = hostOn(xl);
  gc?.();
  const w0 = performance.now();
  let c = clocks();
  const grids = await host.readGrids('workbook');
  const read = since(c);
  c = clocks();
  const wb = readWorkbook(grids, {});
  const { findings } = validateWorkbook(wb, resolveOptions({ cutoff: '2025-06-30' }, wb, '2025-07-10'));
  const engine = since(c);
  c = clocks();
  await host.writeMarks(findings);
  const mark = since(c);
  const wallMs = performance.now() - w0 - xl.stats.excelMs;
  const pane = { thread: read.thread + mark.thread - xl.stats.excelThreadMs, process: read.process + mark.process - xl.stats.excelCpuMs };
  return { label: 'Leer y marcar (hoja de captura)', rows, findings: findings.length, pane, engine, wallMs, excelMs: xl.stats.excelMs, syncs: xl.stats.syncs };
}

export async function measureObservaciones(rows: number): Promise<PaneFigures> {
  const xl = new ExcelDouble({ threadClock: threadCpuMs });
  xl.addSheet({ name: 'HC', rows: [['x']] });
  const host = hostOn(xl);
  const findings: Finding[] = Array.from({ length: rows }, (_, i) => ({ rule: 'number', severity: i % 3 ? 'warning' : 'error', sheet: 'HC', cell: `I${5 + i}`, row: 5 + i, goal: `1905${String(i).padStart(3, '0')}`, message: `El valor de la fila ${5 + i} no es un número.` }));
  gc?.();
  const w0 = performance.now();
  const c0 = clocks();
  const model = buildObservaciones({ rows: findings.map((finding) => ({ finding, linkable: true })), workbookName: 'Libro.xlsx', entity: 'Alcaldía', cutoff: '2025-06-30', generatedAt: '2025-07-10T09:00' });
  await host.renderSheets([model]);
  const all = since(c0);
  const pane = { thread: all.thread - xl.stats.excelThreadMs, process: all.process - xl.stats.excelCpuMs };
  const wallMs = performance.now() - w0 - xl.stats.excelMs;
  return { label: 'Dibujar Observaciones', rows, findings: rows, pane, engine: { thread: 0, process: 0 }, wallMs, excelMs: xl.stats.excelMs, syncs: xl.stats.syncs };
}

/** CPU time of this process (every thread), ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const threadStat = `/proc/self/task/${process.pid}/schedstat`;
/** Is there a clock of the main thread alone (Linux)? */
const hasThreadClock = (() => {
  try {
    return Number.isFinite(Number(readFileSync(threadStat, 'utf8').split(' ')[0]));
  } catch {
    return false;
  }
})();

/**
 * CPU time of this process's main thread — the pane's thread in the bench — in ms: the first field
 * of its schedstat (nanoseconds on the CPU). Without it, the process's CPU time.
 */
export function threadCpuMs(): number {
  return hasThreadClock ? Number(readFileSync(threadStat, 'utf8').split(' ')[0]) / 1e6 : cpuMs();
}

function clocks(): Clocks {
  return { thread: threadCpuMs(), process: cpuMs() };
}

function since(c: Clocks): Clocks {
  const now = clocks();
  return { thread: now.thread - c.thread, process: now.process - c.process };
}

const ms = (n: number) => `${Math.round(n).toLocaleString('es-CO')} ms`;

/** The median run (by the pane thread's total) of `runs` measurements. */
async function medianOf(runs: number, measure: () => Promise<PaneFigures>): Promise<PaneFigures> {
  const all: PaneFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await measure());
  all.sort((a, b) => a.pane.thread + a.engine.thread - (b.pane.thread + b.engine.thread));
  return all[Math.floor(all.length / 2)];
}

export const paneThreadSection: BenchSection = {
  name: 'panel',
  title: 'Hilo del panel: JavaScript del complemento (sin el trabajo de Excel) y tamaño de la primera carga',
  async run(ctx: BenchContext) {
    const big = Number(process.env.BENCH_PANE_ROWS ?? 20000);
    const obs = Number(process.env.BENCH_OBS_ROWS ?? 8000);
    const figures = [
      await measureValidate(1000),
      await medianOf(3, () => measureValidate(big)),
      await measureObservaciones(1000),
      await medianOf(3, () => measureObservaciones(obs)),
    ];
    const clock = hasThreadClock ? 'CPU del hilo' : 'CPU del proceso';
    const rows = [['operación', 'filas', 'hallazgos', `adaptador (${clock})`, `motor (${clock})`, `hilo del panel (${clock})`, '≤ 1 s', 'proceso (CPU, con los hilos de V8)', 'hilo del panel (reloj)', 'Excel (doble, reloj)', 'syncs']];
    for (const f of figures) {
      const total = f.pane.thread + f.engine.thread;
      rows.push([
        f.label,
        f.rows.toLocaleString('es-CO'),
        f.findings.toLocaleString('es-CO'),
        ms(f.pane.thread),
        f.engine.thread ? ms(f.engine.thread) : '—',
        ms(total),
        total <= 1000 ? 'sí' : 'NO',
        ms(f.pane.process + f.engine.process),
        ms(f.wallMs),
        ms(f.excelMs),
        String(f.syncs),
      ]);
    }
    ctx.table(rows);
    ctx.log(
      `Carga media de la máquina al terminar: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (${os.cpus().length} núcleos); mediana de 3 corridas en los tamaños grandes. ` +
        (hasThreadClock
          ? 'CPU del hilo = tiempo de CPU del hilo principal (el del panel), del sistema operativo, menos el del doble dentro de sync(); proceso = todos los hilos, también la recolección de basura y la compilación en paralelo de V8.'
          : 'Sin reloj del hilo en este sistema: la meta se mide en CPU del proceso (todos los hilos), que cuenta de más.'),
    );
    const dist = path.join(__dirname, '..', 'dist', 'addin');
    if (existsSync(path.join(dist, 'taskpane.html'))) {
      const r = measureBundle(dist);
      ctx.log(`Primera carga del panel (taskpane.html): ${(r.total.gzip / 1024).toFixed(1)} KB con gzip, tope ${(BUDGET_BYTES / 1024).toFixed(0)} KB (${r.files.map((f) => f.file).join(', ')}).`);
    } else ctx.log('Tamaño de la primera carga: ejecute antes `npm run build` (se mide dist/addin).');
  },
};
