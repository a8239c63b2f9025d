/**
 * `generar` needs exceljs's full document model (it writes a copy of the workbook), which cannot
 * hold a 200,000-row sheet within 1.5 GB: above `GENERAR_MAX_CELLS` it refuses at once — before
 * loading — with one Spanish line naming the size and the limit, exit 2, nothing written.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { examples, expectOneCleanLine, tablero, tempDir } from './io';
import { GENERAR_MAX_CELLS, generarWith } from '../../src/cli/generar';
import { countWorkbookSize } from '../../src/xlsx/stream-read';
import { buildXlsx } from '../helpers/xlsx';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('generar: workbooks too large for it', () => {
  it('refuses above the cell limit before loading: one line with size and limit, exit 2, no output', async () => {
    const out = path.join(dir, 'salida.xlsx');
    const r = await tablero(['generar', examples.capture, '-o', out], dir, { deps: { generar: generarWith({ maxCells: 100 }) } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toMatch(/^tablero: El libro «.*hoja-captura-T2-2025\.xlsx» tiene \d[\d.]* filas \(\d[\d.]* celdas\); «generar» admite por ahora hasta 100 celdas .*use «validar» y «reporte»/);
    expect(existsSync(out)).toBe(false);
  });

  it('the bundled examples are well within the default limit', async () => {
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
