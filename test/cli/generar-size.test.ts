/**
 * Workbook size and `generar`: above `GENERAR_MAX_CELLS` it makes the copy at the package level
 * (`src/xlsx/large-copy.ts`) instead of refusing — the output is written, the units' cells are
 * the input's bytes — and the supervisor (`src/cli/launch.ts`) runs every command with a bounded
 * heap, turning an out-of-memory abort into one Spanish line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { examples, expectOneCleanLine, repoRoot, tablero, tempDir } from './io';
import { GENERAR_MAX_CELLS, generateCopy } from '../../src/xlsx/generate';
import { DEFAULT_HEAP_MB, heapLimitMb } from '../../src/cli/launch';
import { countWorkbookSize } from '../../src/xlsx/stream-read';
import { openZip, readPartText } from '../../src/xlsx/zip';
import { buildXlsx } from '../helpers/xlsx';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Runs `npm run tablero`'s entry (supervisor + worker) as a person would. */
function tableroProcess(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'tablero.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('generar: large workbooks', () => {
  it('above the cell limit writes the copy at the package level: exit 0, the data sheet byte for byte', async () => {
    const out = path.join(dir, 'salida.xlsx');
    const r = await tablero(['generar', examples.capture, '-o', out], dir, { deps: { generateCopy: (request, progress) => generateCopy(request, progress, 100) } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Escrito .*salida\.xlsx: hojas «Tablero de control», «Alertas», «Observaciones»/);
    const input = openZip(readFileSync(examples.capture));
    const output = openZip(readFileSync(out));
    const sheetData = (xml: string | null) => /<sheetData>[\s\S]*<\/sheetData>/.exec(xml ?? '')?.[0];
    const inputSheets = input.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).map((e) => sheetData(readPartText(input, e.name)));
    const outputSheets = output.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).map((e) => sheetData(readPartText(output, e.name)));
    for (const s of inputSheets) expect(outputSheets).toContain(s);
  }, 60_000);

  it('the bundled examples are well within the default limit (they take the exceljs path)', async () => {
    for (const f of [examples.plan, examples.capture]) {
      const size = await countWorkbookSize(readFileSync(f));
      expect(size.cells).toBeGreaterThan(0);
      expect(size.cells).toBeLessThan(GENERAR_MAX_CELLS / 10);
    }
  });

  it('countWorkbookSize counts the rows and cells written in every worksheet', async () => {
    const bytes = await buildXlsx([
      { name: 'A', rows: [['a', 1, 2], ['b', null, 3], [], ['c']] },
      { name: 'B', rows: Array.from({ length: 5000 }, (_, i) => [`fila ${i}`, i]) },
    ]);
    expect(await countWorkbookSize(bytes)).toEqual({ rows: 3 + 5000, cells: 6 + 10_000 });
  });
});

describe('the tablero process: bounded heap', () => {
  it('the heap limit is 1,280 MB unless TABLERO_MEMORIA_MB gives a sensible number', () => {
    expect(DEFAULT_HEAP_MB).toBe(1280);
    expect(heapLimitMb({})).toBe(1280);
    expect(heapLimitMb({ TABLERO_MEMORIA_MB: '2048' })).toBe(2048);
    expect(heapLimitMb({ TABLERO_MEMORIA_MB: 'mucho' })).toBe(1280);
    expect(heapLimitMb({ TABLERO_MEMORIA_MB: '4' })).toBe(1280);
  });

  it('runs a command through the supervisor with the same output and exit code', async () => {
    const r = tableroProcess(['validar', examples.capture, '--corte', '2025-06-30', '--json']);
    const inProcess = await tablero(['validar', examples.capture, '--corte', '2025-06-30', '--json'], repoRoot);
    expect(r.status).toBe(inProcess.code);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(inProcess.stdout));
  }, 120_000);

  it('running out of memory gives one Spanish line with the limit and exit 2, never V8\'s dump', () => {
    const out = path.join(dir, 'sin-memoria.xlsx');
    const r = tableroProcess(['generar', examples.capture, '-o', out], { TABLERO_MEMORIA_MB: '16' });
    expect(r.status).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toMatch(/^tablero: la memoria no alcanzó para terminar \(límite de 16 MB\).*TABLERO_MEMORIA_MB=2048/);
    expect(r.stderr).not.toMatch(/FATAL|<---|heap out of memory|0x[0-9a-f]{6}/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
