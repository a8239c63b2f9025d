/**
 * `npm run bench` — how much the engine adds on top of reading the .xlsx with exceljs.
 *
 * Sections run in order; each prints its own table. To add one, write an object implementing
 * `BenchSection` (in this file or in `bench/<name>.ts`) and append it to `sections` below.
 * `npm run bench -- <name>...` runs only the named sections; `BENCH_SIZES=1000,10000` overrides
 * the sizes of the capture-sheet section (bench/capture.ts), `npm run bench -- captura --detalle`
 * adds its per-stage and per-rule breakdown.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { captureSection } from './capture';
import { scaleSection } from './scale';
import { excelDoubleSection } from './excel-double';

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

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


// ---------------------------------------------------------------------------------------------
// Section: synthetic capture sheets, exceljs read vs engine

const units = ['Secretaría de Salud', 'Secretaría de Educación', 'Secretaría de Infraestructura', 'Secretaría de Agricultura', 'Secretaría de Gobierno', 'Secretaría de Hacienda', 'Secretaría de Cultura', 'Secretaría de Tránsito'];
const dimensions = ['Dimensión Social', 'Dimensión Económica', 'Dimensión Territorial', 'Dimensión Institucional'];
const programs = ['1905', '2201', '2402', '1702', '4502', '3301', '4103', '4599'];
const accs = ['Suma', 'Creciente', 'Constante', 'Decreciente'];
const captureHeaders = [
  'Dimensión', 'Código programa', 'Programa', 'Código meta producto', 'Meta de producto', 'Indicador', 'Unidad de medida',
  'Dependencia', 'Tipo de acumulación', 'Línea base', 'Meta vigencia',
  'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4',
  'Ejecutado T1', 'Ejecutado T2', 'Ejecutado T3', 'Ejecutado T4',
  'Ejecutado acumulado', '% avance', 'Ponderación', 'Apropiación definitiva', 'Compromisos', 'Obligaciones', 'Pagos',
  'Análisis del avance', 'Evidencia', 'Estado de la meta', 'Observaciones OPGI',
];

/** Writes a capture workbook of `goals` rows (title block, 30 columns, a few realistic mistakes). */
export async function writeSyntheticCapture(file: string, goals: number, seed = 2025): Promise<void> {
  const rand = rng(seed + goals);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('HC T2');
  ws.addRow(['ALCALDÍA DE SAN JUAN DE PASTO']).commit();
  ws.addRow(['Hoja de captura — seguimiento al Plan de Desarrollo']).commit();
  ws.addRow(['Vigencia: 2025']).commit();
  ws.addRow(['Fecha de corte: 30/06/2025']).commit();
  ws.addRow([]).commit();
  ws.addRow(captureHeaders).commit();
  for (let i = 0; i < goals; i++) {
    const u = i % units.length;
    const acc = accs[i % 4];
    const m = 10 + Math.floor(rand() * 990);
    let planned: number[];
    let baseline: number | null = null;
    if (acc === 'Suma') {
      const q = Math.floor(m / 4);
      planned = [q, q, q, m - 3 * q];
    } else if (acc === 'Constante') planned = [m, m, m, m];
    else if (acc === 'Creciente') {
      baseline = Math.floor(m / 2);
      planned = [Math.round(m * 0.6), Math.round(m * 0.75), Math.round(m * 0.9), m];
    } else {
      baseline = m * 2;
      planned = [Math.round(m * 1.7), Math.round(m * 1.4), Math.round(m * 1.2), m];
    }
    const factor = 0.5 + rand() * 0.7;
    const e1 = acc === 'Suma' ? Math.round(planned[0] * factor) : Math.round(planned[0] * (acc === 'Decreciente' ? 1.05 : factor));
    const e2 = acc === 'Suma' ? Math.round(planned[1] * factor) : Math.round(planned[1] * (acc === 'Decreciente' ? 1.05 : factor));
    const eTotal = acc === 'Suma' ? e1 + e2 : e2;
    const final = 50_000_000 + Math.floor(rand() * 900) * 1_000_000;
    const commitments = Math.floor(final * (0.3 + rand() * 0.6));
    const obligations = Math.floor(commitments * (0.3 + rand() * 0.6));
    const payments = Math.floor(obligations * (0.5 + rand() * 0.5));
    const mistake = rand();
    ws.addRow([
      dimensions[u % dimensions.length],
      programs[u],
      `Programa ${programs[u]}`,
      `${programs[u]}${String(i).padStart(5, '0')}`,
      `Meta de producto número ${i + 1} de la ${units[u]}`,
      `Indicador ${i + 1}`,
      'Número',
      units[u],
      acc,
      baseline,
      m,
      ...planned,
      e1,
      e2,
      null,
      null,
      mistake < 0.01 ? eTotal + 5 : eTotal,
      null,
      null,
      final,
      mistake > 0.99 ? commitments.toLocaleString('es-CO') : commitments,
      obligations,
      payments,
      mistake > 0.3 ? 'Avance según lo programado; se adjuntan soportes del trimestre.' : null,
      'Informe trimestral y registro fotográfico',
      'Activa',
      null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Add sections here (Excel-double sync counts, 200k-row scale with peak memory, …). */
export const sections: BenchSection[] = [captureSection, excelDoubleSection, scaleSection];

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
