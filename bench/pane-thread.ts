/**
 * Bench section "panel": JavaScript on the task pane's thread (everything but Excel's own work,
 * which the double times in `stats.excelMs`), and the first-load bundle size.
 *
 * - Validar a 20,000-row capture sheet: the adapter's reading and marking (budget: under 1 s), and
 *   the engine between them, shown apart.
 * - Draw an 8,000-row Observaciones: build the sheet model + render it (budget: under 1 s).
 * Both with the number of `sync()` calls, which must not grow with rows. The bundle size is read
 * from dist/addin (after `npm run build`).
 *
 *   npm run bench -- panel        BENCH_PANE_ROWS=20000 BENCH_OBS_ROWS=8000
 */
import { existsSync } from 'node:fs';
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

export interface PaneFigures {
  readonly label: string;
  readonly rows: number;
  readonly findings: number;
  /** The adapter's JavaScript on the pane's thread (reading + marking, or building + drawing). */
  readonly paneMs: number;
  /** The engine (reader + rules), measured apart: the bench's «captura» section covers it. */
  readonly engineMs: number;
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
  const xl = doubleFromSpecs([spec]);
  const host = hostOn(xl);
  let t = performance.now();
  const grids = await host.readGrids('workbook');
  const read = performance.now() - t;
  t = performance.now();
  const wb = readWorkbook(grids, {});
  const { findings } = validateWorkbook(wb, resolveOptions({ cutoff: '2025-06-30' }, wb, '2025-07-10'));
  const engineMs = performance.now() - t;
  t = performance.now();
  await host.writeMarks(findings);
  const mark = performance.now() - t;
  return { label: 'Leer y marcar (hoja de captura)', rows, findings: findings.length, paneMs: read + mark - xl.stats.excelMs, engineMs, excelMs: xl.stats.excelMs, syncs: xl.stats.syncs };
}

export async function measureObservaciones(rows: number): Promise<PaneFigures> {
  const xl = new ExcelDouble();
  xl.addSheet({ name: 'HC', rows: [['x']] });
  const host = hostOn(xl);
  const findings: Finding[] = Array.from({ length: rows }, (_, i) => ({ rule: 'number', severity: i % 3 ? 'warning' : 'error', sheet: 'HC', cell: `I${5 + i}`, row: 5 + i, goal: `1905${String(i).padStart(3, '0')}`, message: `El valor de la fila ${5 + i} no es un número.` }));
  const t = performance.now();
  const model = buildObservaciones({ rows: findings.map((finding) => ({ finding, linkable: true })), workbookName: 'Libro.xlsx', entity: 'Alcaldía', cutoff: '2025-06-30', generatedAt: '2025-07-10T09:00' });
  await host.renderSheets([model]);
  const total = performance.now() - t;
  return { label: 'Dibujar Observaciones', rows, findings: rows, paneMs: total - xl.stats.excelMs, engineMs: 0, excelMs: xl.stats.excelMs, syncs: xl.stats.syncs };
}

const ms = (n: number) => `${Math.round(n).toLocaleString('es-CO')} ms`;

export const paneThreadSection: BenchSection = {
  name: 'panel',
  title: 'Hilo del panel: JavaScript del complemento (sin el trabajo de Excel) y tamaño de la primera carga',
  async run(ctx: BenchContext) {
    const big = Number(process.env.BENCH_PANE_ROWS ?? 20000);
    const obs = Number(process.env.BENCH_OBS_ROWS ?? 8000);
    const figures = [await measureValidate(1000), await measureValidate(big), await measureObservaciones(1000), await measureObservaciones(obs)];
    const rows = [['operación', 'filas', 'hallazgos', 'adaptador (hilo del panel)', '≤ 1 s', 'motor (aparte)', 'Excel (doble)', 'syncs']];
    for (const f of figures) rows.push([f.label, f.rows.toLocaleString('es-CO'), f.findings.toLocaleString('es-CO'), ms(f.paneMs), f.paneMs <= 1000 ? 'sí' : 'NO', f.engineMs ? ms(f.engineMs) : '—', ms(f.excelMs), String(f.syncs)]);
    ctx.table(rows);
    const dist = path.join(__dirname, '..', 'dist', 'addin');
    if (existsSync(path.join(dist, 'taskpane.html'))) {
      const r = measureBundle(dist);
      ctx.log(`Primera carga del panel (taskpane.html): ${(r.total.gzip / 1024).toFixed(1)} KB con gzip de ${(BUDGET_BYTES / 1024).toFixed(0)} KB (${r.files.map((f) => f.file).join(', ')}).`);
    } else ctx.log('Tamaño de la primera carga: ejecute antes `npm run build` (se mide dist/addin).');
  },
};
