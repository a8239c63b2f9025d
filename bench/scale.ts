/**
 * `npm run bench -- escala` — a 200,000-row consolidated capture sheet through `validar`,
 * `reporte` and `generar`, each run as a CHILD PROCESS of the real CLI (`npm run tablero`'s `scripts/tablero.js`),
 * measuring wall time, CPU time and peak memory (peak resident set size: `/usr/bin/time -v` when present,
 * else the kernel's VmHWM polled from /proc/<pid>/status every 200 ms) and counting the progress
 * lines the child wrote on stderr.
 * Target (issue 5): completes, shows progress on stderr, stays within 1.5 GB.
 *
 * The CLI runs as a person runs it: the supervisor (src/cli/launch.ts) with its worker, whose heap
 * is capped at 1,280 MB. `validar` and `reporte` read streaming (src/xlsx/stream-read.ts).
 * `generar` writes the copy with exceljs's full model up to `GENERAR_MAX_CELLS` and at the package
 * level above it (src/xlsx/large-copy.ts): it is measured on the 200,000-row book (package level)
 * and on a book just under the limit (`BENCH_SCALE_GENERAR_ROWS`, default 14,000 rows: exceljs).
 *
 * `BENCH_SCALE_ROWS=50000` changes the size of the large book.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchSection } from './run';
import { accumulations, leadingHeaders, openSyntheticSheet, rng, syntheticGoal, units } from './synthetic';

const repoRoot = path.resolve(__dirname, '..');
const LIMIT_BYTES = 1.5 * 1024 ** 3;

// ---------------------------------------------------------------------------------------------
// The workbook

const unitFiles = ['hc-salud.xlsx', 'hc-educacion.xlsx', 'hc-infraestructura.xlsx', 'hc-agricultura.xlsx', 'hc-gobierno.xlsx', 'hc-hacienda.xlsx', 'hc-cultura.xlsx', 'hc-transito.xlsx'];
const headers = [
  ...leadingHeaders,
  'Apropiación definitiva', 'Compromisos', 'Obligaciones', 'Pagos',
  'Análisis del avance', 'Evidencia', 'Estado de la meta', 'Archivo de origen', 'Hoja de origen', 'Fila de origen',
];

/**
 * Writes a consolidated capture workbook of `rows` goal rows with exceljs's streaming
 * WorkbookWriter (rows are committed one by one: memory stays flat), eight units, the origin
 * columns of `tablero consolidar`, and ~1 % realistic mistakes.
 */
export async function writeConsolidatedCapture(file: string, rows: number, seed = 2025): Promise<void> {
  const rand = rng(seed);
  const { wb, ws } = openSyntheticSheet(file, 'Consolidado T2', 'Consolidado de hojas de captura — seguimiento al Plan de Desarrollo', headers);
  const perUnit = new Array<number>(units.length).fill(8);
  for (let i = 0; i < rows; i++) {
    const g = syntheticGoal(i, rand, accumulations[Math.floor(i / units.length) % 4], 6);
    perUnit[g.unit]++;
    ws.addRow([
      ...g.leadingCells,
      g.final,
      g.commitments,
      g.obligations,
      g.payments,
      g.analysis,
      'Informe trimestral y registro fotográfico',
      'Activa',
      unitFiles[g.unit],
      'HC T2',
      perUnit[g.unit],
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

// ---------------------------------------------------------------------------------------------
// Measuring a child process

/** The CLI's progress lines on stderr (src/cli/progress.ts). */
const progressLine = /^tablero: (Leyendo|Validando|Calculando|Generando|Escribiendo) /;

export interface ChildFigures {
  readonly code: number | null;
  readonly ms: number;
  /** Peak resident set size in bytes, or null when it could not be measured. */
  readonly peak: number | null;
  /** CPU time (user + system) of the child and its children in ms, from `/usr/bin/time -v`; null without it. */
  readonly cpuMs: number | null;
  readonly how: string;
  readonly stderrLines: string[];
}

function vmHwm(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Runs `node <args>` in `cwd`, measuring wall time, CPU time and peak RSS. */
export function measureNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ChildFigures> {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-v', process.execPath, ...args] : [...args];
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
      // Relay the child's progress lines so a person watching sees it move.
      for (const line of d.split(/[\r\n]+/)) if (progressLine.test(line)) process.stderr.write(`    ${line}\n`);
    });
    let polled: number | null = null;
    const timer = setInterval(() => {
      // Without /usr/bin/time the child is node itself; with it, node is time's child: poll both.
      const v = vmHwm(child.pid!);
      if (v !== null) polled = Math.max(polled ?? 0, v);
    }, 200);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = Date.now() - t0;
      const timeMatch = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      // Under /usr/bin/time the polled pid is `time` itself: only its own report counts.
      const peak = timeMatch ? Number(timeMatch[1]) * 1024 : useTime ? null : polled;
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : null;
      const how = timeMatch ? '/usr/bin/time -v' : !useTime && polled !== null ? '/proc VmHWM' : 'n/d';
      const lines = stderr
        .split(/\r?\n/)
        .filter((l) => l.trim() && !/^\s+\S.*:\s/.test(l) && !/^\s*Command (being timed|exited)/.test(l));
      resolve({ code: timeMatch && /Command exited with non-zero status (\d+)/.test(stderr) ? Number(/non-zero status (\d+)/.exec(stderr)![1]) : code, ms, peak, cpuMs, how, stderrLines: lines });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The section

const gb = (n: number | null) => (n === null ? 'n/d' : `${(n / 1024 ** 3).toFixed(2).replace('.', ',')} GB`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

export const scaleSection: BenchSection = {
  name: 'escala',
  title: 'Escala: hoja de captura consolidada de 200.000 filas (procesos hijos: tiempo, CPU y memoria pico)',
  async run(ctx) {
    const rows = Number(process.env.BENCH_SCALE_ROWS ?? 200_000);
    const generarRows = Number(process.env.BENCH_SCALE_GENERAR_ROWS ?? 14_000);
    const book = async (n: number) => {
      const file = path.join(ctx.tmp, `consolidado-${n}.xlsx`);
      const t = Date.now();
      await writeConsolidatedCapture(file, n);
      const size = (await fs.stat(file)).size;
      ctx.log(`  libro de ${n.toLocaleString('es-CO')} filas escrito en ${secs(Date.now() - t)} (${(size / 1024 ** 2).toFixed(1).replace('.', ',')} MB)`);
      return file;
    };
    const file = await book(rows);
    const small = generarRows !== rows ? await book(generarRows) : file;

    // The CLI as a person runs it: the supervisor (src/cli/launch.ts) and its worker with the bounded heap.
    const cli = [path.join(repoRoot, 'scripts', 'tablero.js')];
    const corte = ['--corte', '2025-06-30'];
    const runs: { verb: string; rows: number; args: string[] }[] = [
      { verb: 'validar', rows, args: ['validar', file, ...corte, '--json'] },
      { verb: 'reporte', rows, args: ['reporte', file, ...corte, '--json'] },
      { verb: 'generar', rows, args: ['generar', file, ...corte, '-o', path.join(ctx.tmp, `tablero-${rows}.xlsx`), '--force'] },
      ...(small !== file ? [{ verb: 'generar', rows: generarRows, args: ['generar', small, ...corte, '-o', path.join(ctx.tmp, `tablero-${generarRows}.xlsx`), '--force'] }] : []),
    ];
    const table: string[][] = [['verbo', 'filas', 'código de salida', 'tiempo', 'CPU', 'memoria pico', '≤ 1,5 GB', 'líneas de progreso', 'medido con']];
    const notes: string[] = [];
    for (const r0 of runs) {
      ctx.log(`  ${r0.verb} (${r0.rows.toLocaleString('es-CO')} filas)…`);
      const r = await measureNode([...cli, ...r0.args], repoRoot, { TABLERO_PROGRESO: '1' }); // progress lines off a terminal, to count them
      table.push([
        r0.verb,
        r0.rows.toLocaleString('es-CO'),
        String(r.code),
        secs(r.ms),
        r.cpuMs === null ? 'n/d' : secs(r.cpuMs),
        gb(r.peak),
        r.peak === null ? 'n/d' : r.peak <= LIMIT_BYTES ? 'sí' : 'NO',
        String(r.stderrLines.filter((l) => progressLine.test(l)).length),
        r.how,
      ]);
      // Not finished normally (exit 2, a crash, out of memory): say why, from the child's stderr.
      const failure = r.stderrLines.find((l) => (/^tablero: /.test(l) && !progressLine.test(l)) || /FATAL ERROR|RangeError|heap out of memory|terminated by signal/.test(l));
      if (failure && r.code !== 0 && r.code !== 1) notes.push(`  ${r0.verb} (${r0.rows.toLocaleString('es-CO')} filas), código ${r.code}: ${failure.trim().slice(0, 300)}`);
    }
    ctx.table(table);
    for (const n of notes) ctx.log(n);
    ctx.log(
      'Código 0/1 = terminó (1: el libro tiene errores de validación, lo esperado en este libro sintético). Tiempo = reloj; ' +
        'CPU = usuario + sistema del proceso y sus hijos (depende menos de la carga de la máquina que el reloj). Memoria pico = RSS máximo del proceso de trabajo ' +
        '(montículo limitado a 1.280 MB). generar copia con el modelo de exceljs hasta 400.000 celdas y, por encima, a nivel de paquete.',
    );
  },
};

export default scaleSection;

if (require.main === module) {
  // Standalone: `npx tsx bench/scale.ts` runs just this section.
  void (async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tablero-escala-'));
    try {
      await scaleSection.run({
        tmp,
        log: (l) => console.log(l),
        table: (rows) => {
          const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
          for (const r of rows) console.log('| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |');
        },
      });
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  })();
}
