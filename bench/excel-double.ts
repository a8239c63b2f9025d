/**
 * Bench section "excel": what the office-js adapter costs Excel on a real-size capture sheet,
 * measured through the in-memory Excel double — `sync()` calls (round trips to Excel) and the
 * largest batch payload (request and response JSON) for reading, validating-and-marking and
 * clearing. The contract: syncs do not grow with rows except by payload (one more per ~4 MB), and
 * no batch passes Excel's 5 MB limit.
 *
 *   npx tsx bench/excel-double.ts [rows…]        (standalone)
 *   npm run bench -- excel                       (once listed in bench/run.ts `sections`)
 */
import { performance } from 'node:perf_hooks';
import type { BenchContext, BenchSection } from './run';
import { captureSheet, type CaptureRow } from '../test/helpers/sheets';
import { doubleFromSpecs } from '../test/contract/hosts';
import { hostOn } from '../test/excel-double/harness';
import { readWorkbook } from '../src/domain/reader';
import { validateWorkbook } from '../src/app/validate';
import { resolveOptions } from '../src/app/report';
import type { Finding } from '../src/domain/finding';

export interface ExcelFigures {
  readonly rows: number;
  readonly columns: number;
  readonly read: { syncs: number; maxRequest: number; maxResponse: number; ms: number };
  readonly findings: number;
  readonly mark: { syncs: number; maxRequest: number; maxResponse: number; ms: number };
  readonly clear: { syncs: number; maxRequest: number; maxResponse: number; ms: number };
  readonly synthetic: boolean;
}

/** A capture sheet of `rows` goals with a realistic mix: some wrong values so rules fire. */
function rowsOf(n: number): Partial<CaptureRow>[] {
  const out: Partial<CaptureRow>[] = [];
  for (let i = 0; i < n; i++) {
    const r: Partial<CaptureRow> = { goalCode: `${1900 + (i % 80)}${String(i).padStart(3, '0')}`, goal: `Meta ${i}: mantener la malla vial rural del corregimiento ${i % 17}` };
    if (i % 7 === 3) r.executed = ['doce', 250, null, null];
    if (i % 11 === 5) {
      r.executed = [50, 50, null, null];
      r.executedTotal = 100;
      r.progressDeclared = 10;
      r.analysis = null;
    }
    if (i % 13 === 6) r.obligations = 9_000_000;
    out.push(r);
  }
  return out;
}

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(2).replace('.', ',')} MB`;

/**
 * `synthetic`: instead of the engine's findings, one error and one warning on EVERY data row
 * (2 × rows findings, scattered notes) — the worst case for marking.
 */
export async function measureExcel(rows: number, synthetic = false): Promise<ExcelFigures> {
  const spec = captureSheet(rowsOf(rows));
  const xl = doubleFromSpecs([spec]);
  const host = hostOn(xl);

  let t = performance.now();
  const grids = await host.readGrids('workbook');
  const read = { syncs: xl.stats.syncs, maxRequest: xl.stats.maxRequestBytes, maxResponse: xl.stats.maxResponseBytes, ms: performance.now() - t };

  const wb = readWorkbook(grids, {});
  const findings: Finding[] = synthetic
    ? Array.from({ length: rows }, (_, i): Finding[] => [
        { rule: 'number', severity: 'error', sheet: spec.name, cell: `I${5 + i}`, row: 5 + i, message: `El valor «doce» de la fila ${5 + i} no es un número.` },
        { rule: 'analysis-required', severity: 'warning', sheet: spec.name, cell: `${i % 2 ? 'AA' : 'Z'}${5 + i}`, row: 5 + i, message: 'Escriba el análisis del avance.' },
      ]).flat()
    : validateWorkbook(wb, resolveOptions({ cutoff: '2025-06-30' }, wb, '2025-07-10')).findings;

  xl.resetStats();
  t = performance.now();
  await host.writeMarks(findings);
  const mark = { syncs: xl.stats.syncs, maxRequest: xl.stats.maxRequestBytes, maxResponse: xl.stats.maxResponseBytes, ms: performance.now() - t };

  xl.resetStats();
  t = performance.now();
  await host.clearMarks();
  const clear = { syncs: xl.stats.syncs, maxRequest: xl.stats.maxRequestBytes, maxResponse: xl.stats.maxResponseBytes, ms: performance.now() - t };
  return { rows, columns: spec.rows[3].length, read, findings: findings.length, mark, clear, synthetic };
}

export function figuresTable(all: readonly ExcelFigures[]): string[][] {
  const rows: string[][] = [['filas', 'hallazgos', 'leer: syncs', 'leer: lote máx.', 'marcar: syncs', 'marcar: lote máx.', 'limpiar: syncs', 'limpiar: lote máx.']];
  for (const f of all) {
    rows.push([
      f.rows.toLocaleString('es-CO') + (f.synthetic ? ' (peor caso)' : ''),
      f.findings.toLocaleString('es-CO'),
      String(f.read.syncs),
      mb(Math.max(f.read.maxRequest, f.read.maxResponse)),
      String(f.mark.syncs),
      mb(Math.max(f.mark.maxRequest, f.mark.maxResponse)),
      String(f.clear.syncs),
      mb(Math.max(f.clear.maxRequest, f.clear.maxResponse)),
    ]);
  }
  return rows;
}

export const excelDoubleSection: BenchSection = {
  name: 'excel',
  title: 'Complemento de Excel (doble en memoria): llamadas a sync() y lote más grande',
  async run(ctx: BenchContext) {
    const sizes = (process.env.BENCH_EXCEL_SIZES ?? '1000,5000,20000').split(',').map(Number);
    const all: ExcelFigures[] = [];
    for (const n of sizes) all.push(await measureExcel(n));
    all.push(await measureExcel(sizes[sizes.length - 1], true));
    ctx.table(figuresTable(all));
    ctx.log('Límite de Excel: 5 MB por solicitud o respuesta; el adaptador arma lotes de hasta 4 MB.');
  },
};

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  void (async () => {
    const all: ExcelFigures[] = [];
    const list = sizes.length ? sizes : [1000, 5000, 20000];
    for (const n of list) all.push(await measureExcel(n));
    all.push(await measureExcel(list[list.length - 1], true));
    for (const row of figuresTable(all)) console.log(row.join('\t'));
  })();
}
