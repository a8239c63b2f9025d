/**
 * The `formatos` section of `npm run bench`: the real formats at a department's scale, against the
 * capture sheet of the same number of rows.
 *
 * - A SisPT plan indicativo export scaled to 2,000 products (a department's plan) and a Cali
 *   Cuadro 1S scaled to 20,000 activities, built here from the format: the title and header rows
 *   of the real samples (`../shared/real-layouts/`) and their data rows repeated with new codes
 *   (each SisPT product its own `IP-n`; each Cali project its own `Cód BP`, three activities per
 *   product), values as the format writes them (Cali's `'1.95'` text included) and texts stored as
 *   the sample stores them (Cali's in the shared-strings table, as Excel and LibreOffice save it;
 *   SisPT's inline). Nothing big is committed.
 * - The synthetic capture sheet of `writeSyntheticCapture` with as many rows.
 *
 * Each file goes through what `validar` does: the streaming read of the package into grids, the
 * reader (kind, format, columns, every cell parsed) and the rules with the goals' progress. Printed
 * per row, CPU time (medians of a few runs): the reading (package → read sheets) and the reading
 * plus the rules, and the reading's ratio to the capture sheet's (target ≤ 1.3×), per row and per
 * non-blank cell (these rows hold 40–42 cells against the capture sheet's 24).
 */
import ExcelJS from 'exceljs';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readGridsStreaming } from '../src/xlsx/stream-read';
import { openZip } from '../src/xlsx/zip';
import { readWorkbook } from '../src/domain/reader';
import { analyse } from '../src/app/analyse';
import { resolveOptions } from '../src/app/report';
import type { BenchSection } from './run';
import { median, writeSyntheticCapture } from './run';

const samples = path.resolve(__dirname, '..', '..', 'shared', 'real-layouts');
const TARGET = 1.3;
const RUNS = Number(process.env.BENCH_RUNS_FORMATOS ?? 3);

type Cell = ExcelJS.CellValue;

/** The sample's rows 1..last as plain values (formulas as their cached results). */
async function sampleRows(file: string, sheet: string): Promise<{ rows: Cell[][]; formats: (string | undefined)[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`bench: no está la hoja ${sheet} en ${file}`);
  const rows: Cell[][] = [];
  const formats: (string | undefined)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const values: Cell[] = [];
    const fmts: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      values[c - 1] = v !== null && typeof v === 'object' && 'result' in v ? ((v as { result?: Cell }).result ?? null) : v;
      fmts[c - 1] = cell.numFmt;
    });
    rows[r - 1] = values;
    formats[r - 1] = fmts;
  });
  return { rows, formats };
}

/**
 * Writes `n` data rows under the sample's `headerRows` first rows, cycling the sample's data rows
 * and letting `vary` give each new row its own codes.
 */
async function scaled(
  out: string,
  source: string,
  sheet: string,
  headerRows: number,
  n: number,
  vary: (row: Cell[], i: number) => Cell[],
): Promise<void> {
  const { rows, formats } = await sampleRows(source, sheet);
  const data = rows.slice(headerRows).filter((r) => r && r.some((v) => v !== null && v !== undefined && v !== ''));
  // Texts stored as the sample stores them: Cali's file (saved by LibreOffice, as Excel would) keeps
  // them in the shared-strings table, each cell holding an index; SisPT's export writes them inline.
  const useSharedStrings = openZip(await fs.readFile(source)).byName.has('xl/sharedStrings.xml');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings });
  const ws = wb.addWorksheet(sheet);
  for (let r = 0; r < headerRows; r++) ws.addRow(rows[r] ?? []).commit();
  for (let i = 0; i < n; i++) {
    const k = i % data.length;
    const row = ws.addRow(vary([...data[k]], i));
    (formats[headerRows + k] ?? []).forEach((f, c) => {
      if (f) row.getCell(c + 1).numFmt = f;
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** Column (0-based) of a header in a header row. */
function colOf(rows: Cell[][], headerRow: number, header: RegExp): number {
  const k = (rows[headerRow - 1] ?? []).findIndex((v) => typeof v === 'string' && header.test(v.replace(/\s+/g, ' ').trim()));
  if (k < 0) throw new Error(`bench: no se encontró la columna ${String(header)}`);
  return k;
}

interface Cost {
  readonly rows: number;
  /** Non-blank cells of the data sheets' grids. */
  readonly cells: number;
  readonly bytes: number;
  /** Median CPU ms: package → grids (streaming XML), grids → read sheets (the engine's reader), both, both + rules. */
  readonly grid: number;
  readonly reader: number;
  readonly reading: number;
  readonly all: number;
  readonly findings: number;
}

/** Median CPU ms of the streaming read + reader, and of that plus the rules (validar's work). */
async function cost(file: string): Promise<Cost> {
  const bytes = await fs.readFile(file);
  const grid: number[] = [];
  const reader: number[] = [];
  const all: number[] = [];
  let rows = 0;
  let cells = 0;
  let findings = 0;
  const ms = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  for (let k = 0; k < RUNS; k++) {
    const c0 = process.cpuUsage();
    const grids = await readGridsStreaming(bytes, path.basename(file));
    const c1 = process.cpuUsage(c0);
    const workbook = readWorkbook(grids);
    const c2 = process.cpuUsage(c0);
    const result = analyse(workbook, resolveOptions({}, workbook, '2025-07-10'));
    const c3 = process.cpuUsage(c0);
    grid.push(ms(c1));
    reader.push(ms(c2) - ms(c1));
    all.push(ms(c3));
    rows = workbook.sheets.reduce((a, s) => a + s.rows.length, 0);
    const data = new Set(workbook.sheets.map((s) => s.name));
    cells = grids.sheets.filter((g) => data.has(g.name)).reduce((a, g) => a + g.values.reduce((b, r) => b + (r ? r.filter((v) => v !== null && v !== undefined).length : 0), 0), 0);
    findings = result.findings.length;
  }
  const g = median(grid);
  const r = median(reader);
  return { rows, cells, bytes: bytes.length, grid: g, reader: r, reading: g + r, all: median(all), findings };
}

const us = (ms: number, rows: number) => ((ms * 1000) / Math.max(rows, 1)).toFixed(1).replace('.', ',');
const x = (r: number) => `${r.toFixed(2).replace('.', ',')}×`;

export const formatsSection: BenchSection = {
  name: 'formatos',
  title: 'Formatos reales a escala: SisPT (2.000 productos) y Cali Cuadro 1S (20.000 actividades) frente a la hoja de captura',
  async run(ctx) {
    const sispt = path.join(samples, 'sispt-plan-indicativo-cajica.xlsx');
    const cali = path.join(samples, 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
    if (!existsSync(sispt) || !existsSync(cali)) {
      ctx.log(`(sin las muestras de ${samples}: sección omitida)`);
      return;
    }
    const sisptRows = (await sampleRows(sispt, 'Plan indicativo - Productos')).rows;
    const sisptCode = colOf(sisptRows, 2, /^Código de indicador de producto \(SisPT\)$/);
    const caliRows = (await sampleRows(cali, 'MEDE01.03.01.P01.F05')).rows;
    const caliBp = colOf(caliRows, 11, /^Cód BP$/);
    const caliActivity = colOf(caliRows, 11, /^Cód Actividad$/);

    const cases: { label: string; file: string; build: () => Promise<void>; rows: number }[] = [
      {
        label: 'SisPT plan indicativo',
        file: path.join(ctx.tmp, 'sispt-2000.xlsx'),
        rows: 2_000,
        build: () =>
          scaled(path.join(ctx.tmp, 'sispt-2000.xlsx'), sispt, 'Plan indicativo - Productos', 2, 2_000, (row, i) => {
            row[sisptCode] = `IP-${i + 1}`;
            return row;
          }),
      },
      {
        label: 'Cali Cuadro 1S (actividades)',
        file: path.join(ctx.tmp, 'cali-20000.xlsx'),
        rows: 20_000,
        build: () =>
          scaled(path.join(ctx.tmp, 'cali-20000.xlsx'), cali, 'MEDE01.03.01.P01.F05', 11, 20_000, (row, i) => {
            row[caliBp] = `BP${String(26_000_000 + Math.floor(i / 3))}`;
            row[caliActivity] = `${Math.floor(i / 3)}.${(i % 3) + 1}`;
            return row;
          }),
      },
    ];
    const table: string[][] = [
      ['libro', 'filas', 'celdas/fila', 'hallazgos', 'XML µs/fila', 'motor µs/fila', 'lectura µs/fila', '+ reglas µs/fila', 'lectura µs/celda', 'lectura ÷ captura (fila)', 'lectura ÷ captura (celda)', 'motor ÷ captura (fila)', `meta por fila ≤ ${x(TARGET)}`],
    ];
    for (const c of cases) {
      await c.build();
      const capture = path.join(ctx.tmp, `captura-${c.rows}.xlsx`);
      await writeSyntheticCapture(capture, c.rows);
      const f = await cost(c.file);
      const h = await cost(capture);
      if (f.rows !== c.rows) throw new Error(`bench: ${c.label} leyó ${f.rows} filas, no ${c.rows}`);
      const ratio = f.reading / f.rows / (h.reading / h.rows);
      const engine = f.reader / f.rows / (h.reader / h.rows);
      const perCell = f.reading / f.cells / (h.reading / h.cells);
      const row = (label: string, r: Cost, verdict: string[]) => [
        label,
        r.rows.toLocaleString('es-CO'),
        (r.cells / r.rows).toFixed(0),
        r.findings.toLocaleString('es-CO'),
        us(r.grid, r.rows),
        us(r.reader, r.rows),
        us(r.reading, r.rows),
        us(r.all, r.rows),
        us(r.reading, r.cells),
        ...verdict,
      ];
      table.push(row(c.label, f, [x(ratio), x(perCell), x(engine), ratio <= TARGET ? 'cumple' : 'NO cumple']));
      table.push(row(`  hoja de captura, ${c.rows.toLocaleString('es-CO')} filas`, h, ['1,00×', '1,00×', '1,00×', '']));
    }
    ctx.table(table);
    ctx.log(
      `Tiempo de CPU, mediana de ${RUNS} corridas. XML = paquete → cuadrículas (lector en streaming); motor = cuadrículas → hojas leídas ` +
        '(formato, columnas, cada celda interpretada); lectura = ambos; + reglas = lo que hace validar.',
    );
  },
};
