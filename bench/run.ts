/**
 * `npm run bench` — how much the engine adds on top of reading the .xlsx with exceljs.
 *
 * Sections run in order; each prints its own table. To add one, write an object implementing
 * `BenchSection` (in this file or in `bench/<name>.ts`) and append it to `sections` below.
 * `npm run bench -- <name>...` runs only the named sections; `BENCH_SIZES=1000,10000` overrides
 * the sizes of the capture-sheet section (bench/capture.ts), `npm run bench -- captura --detalle`
 * adds its per-stage and per-rule breakdown.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { captureSection } from './capture';
import { accumulations, leadingHeaders, openSyntheticSheet, rng, syntheticGoal } from './synthetic';
import { scaleSection } from './scale';
import { excelDoubleSection } from './excel-double';
import { startupSection } from './startup';
import { paneThreadSection } from './pane-thread';
import { formatsSection } from './formats';

// ---------------------------------------------------------------------------------------------
// Extension point

export interface BenchContext {
  /** A temporary folder for this run (removed at the end). */
  readonly tmp: string;
  /** Prints a table (first row = header). */
  table(rows: readonly (readonly string[])[]): void;
  log(line: string): void;
}

export interface BenchSection {
  /** Short id for `npm run bench -- <name>`. */
  readonly name: string;
  readonly title: string;
  run(ctx: BenchContext): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export { rng } from './synthetic';


// ---------------------------------------------------------------------------------------------
// Section: synthetic capture sheets, exceljs read vs engine

const captureHeaders = [
  ...leadingHeaders,
  '% avance', 'Ponderación', 'Apropiación definitiva', 'Compromisos', 'Obligaciones', 'Pagos',
  'Análisis del avance', 'Evidencia', 'Estado de la meta', 'Observaciones OPGI',
];

/** Writes a capture workbook of `goals` rows (title block, 30 columns, a few realistic mistakes). */
export async function writeSyntheticCapture(file: string, goals: number, seed = 2025): Promise<void> {
  const rand = rng(seed + goals);
  const { wb, ws } = openSyntheticSheet(file, 'HC T2', 'Hoja de captura — seguimiento al Plan de Desarrollo', captureHeaders);
  for (let i = 0; i < goals; i++) {
    const g = syntheticGoal(i, rand, accumulations[i % 4]);
    ws.addRow([
      ...g.leadingCells,
      null,
      null,
      g.final,
      g.commitments,
      g.obligations,
      g.payments,
      g.analysis,
      'Informe trimestral y registro fotográfico',
      'Activa',
      null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Add sections here (Excel-double sync counts, 200k-row scale with peak memory, …). */
export const sections: BenchSection[] = [captureSection, formatsSection, startupSection, excelDoubleSection, paneThreadSection, scaleSection];

// ---------------------------------------------------------------------------------------------

function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  console.log(line(rows[0]));
  console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
  for (const r of rows.slice(1)) console.log(line(r));
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-')); // flags (`--detalle`) are the sections'
  const chosen = wanted.length ? sections.filter((s) => wanted.includes(s.name)) : sections;
  if (wanted.length && chosen.length === 0) {
    console.error(`Secciones disponibles: ${sections.map((s) => s.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tablero-bench-'));
  try {
    console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length}\n`);
    for (const s of chosen) {
      console.log(`## ${s.title}\n`);
      await s.run({ tmp, table: printTable, log: (l) => console.log(l) });
      console.log('');
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
