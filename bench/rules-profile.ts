/**
 * `npx tsx bench/rules-profile.ts [sizes]` — where the engine's time goes, stage by stage and rule
 * by rule, on the synthetic capture sheets of `bench/run.ts` (default 1000,10000). CPU time
 * (process.cpuUsage, user + system) and wall time, medians of a few runs; the exceljs load is done
 * once per size (it is not what is profiled here). `npm run bench -- captura --detalle` prints the
 * same breakdown after the bench's table.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gridsOfWorkbook, loadWorkbook } from '../src/xlsx/read';
import { readWorkbook } from '../src/domain/reader';
import { allRules } from '../src/rules/index';
import { analyse } from '../src/app/analyse';
import { resolveOptions, toReportJson } from '../src/app/report';
import { progressModelFrom } from '../src/domain/progress-model';
import { ruleContext } from '../src/app/validate';
import { captureProgress } from '../src/domain/progress-model';
import { runRules } from '../src/rules/run';
import type { WorkbookGrids } from '../src/domain/grid';
import { writeSyntheticCapture } from './run';

export interface Timing {
  readonly cpu: number;
  readonly wall: number;
}

/** Runs `fn`, returning its result and its CPU (user + system) and wall time in ms. */
export function timed<T>(fn: () => T): [T, Timing] {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const r = fn();
  const wall = performance.now() - w0;
  const c = process.cpuUsage(c0);
  return [r, { cpu: (c.user + c.system) / 1000, wall }];
}

function med(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ms = (n: number) => n.toFixed(1).replace('.', ',');

/**
 * Per-stage and per-rule rows `[name, cpu ms, wall ms, cpu µs per goal]` (medians of `runs`) for
 * grids of `goals` goals: the reader, the goals' progress (`captureProgress`), each rule alone,
 * what `runRules` adds to the rules (de-duplication and sort), the progress model from the shared
 * progress, the report JSON, and `analyse` as a whole.
 */
export function profileGrids(grids: WorkbookGrids, goals: number, runs: number): string[][] {
  const samples = new Map<string, Timing[]>();
  const add = (name: string, t: Timing) => {
    const list = samples.get(name) ?? [];
    list.push(t);
    samples.set(name, list);
  };
  for (let k = 0; k < runs; k++) {
    const [workbook, tr] = timed(() => readWorkbook(grids));
    add('lector (readWorkbook)', tr);
    const options = resolveOptions({}, workbook, '2025-07-10');
    const [progress, tp] = timed(() => captureProgress(workbook, options));
    add('metas y avance (captureProgress, una vez)', tp);
    const ctx = ruleContext(workbook, options, progress);
    let sum: Timing = { cpu: 0, wall: 0 };
    for (const rule of allRules) {
      const t = timed(() => rule.check(ctx))[1];
      add(`  regla ${rule.meta.id}`, t);
      sum = { cpu: sum.cpu + t.cpu, wall: sum.wall + t.wall };
    }
    const all = timed(() => runRules(ctx))[1];
    add('runRules: deduplicar y ordenar', { cpu: Math.max(0, all.cpu - sum.cpu), wall: Math.max(0, all.wall - sum.wall) });
    const [model, tm] = timed(() => progressModelFrom(workbook, options, progress));
    add('modelo de avance y agregados (progressModelFrom)', tm);
    add('JSON del reporte (toReportJson)', timed(() => toReportJson(model))[1]);
    add('analyse completo (avance + reglas + modelo)', timed(() => analyse(workbook, options))[1]);
  }
  const rows: string[][] = [];
  for (const [name, ts] of samples) {
    const cpu = med(ts.map((t) => t.cpu));
    rows.push([name, ms(cpu), ms(med(ts.map((t) => t.wall))), ((cpu * 1000) / goals).toFixed(2).replace('.', ',')]);
  }
  return rows;
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tablero-profile-'));
  try {
    for (const n of sizes) {
      const file = path.join(tmp, `captura-${n}.xlsx`);
      await writeSyntheticCapture(file, n);
      const wb = await loadWorkbook(await fs.readFile(file));
      const [grids, tg] = timed(() => gridsOfWorkbook(wb, path.basename(file)));
      console.log(`\n### ${n.toLocaleString('es-CO')} metas (grilla: CPU ${ms(tg.cpu)} ms, reloj ${ms(tg.wall)} ms)\n`);
      const rows = profileGrids(grids, n, n <= 10000 ? 5 : 2);
      const head = ['etapa', 'CPU (ms)', 'reloj (ms)', 'CPU µs/meta'];
      const all = [head, ...rows];
      const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
      for (const r of all) console.log('| ' + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ') + ' |');
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
