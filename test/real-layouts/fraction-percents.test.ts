/**
 * A percent column written as fractions with no `%` number format (the DNP follow-up's «Avance
 * físico 2024 (%)»: 0.5 for 50 %) is judged by its typical value, not its largest: one product
 * over-executed at 1.5 (150 %, which the DNP's report expects) must not turn the other rows' 1 and
 * 0.5 into 1 % and 0,5 % — which made every clean row a `percent-mismatch` error. A column in points
 * (45 for 45 %) stays in points.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { tablero, tempDir } from '../cli/io';
import { buildOtherInstances, DNP_2024, DNP_HEADER_ROW, DNP_PHYSICAL, dnpProducts } from '../helpers/other-instances';

interface Finding { rule: string; row: number; sheet: string }

const { dir, cleanup } = tempDir('tablero-fractions-');
afterAll(cleanup);

const EXECUTED = 18;
const AVANCE = 19;
/** A product of 2024 whose programming is 1 and whose execution and avance are as built. */
const over = dnpProducts.findIndex((p) => p.years[0] === 1 && p.executed === 1);
const overRow = DNP_HEADER_ROW + 1 + over;

async function variant(name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, DNP_2024));
  edit(wb.getWorksheet(DNP_PHYSICAL)!);
  const out = path.join(dir, name);
  await wb.xlsx.writeFile(out);
  return out;
}

async function findings(file: string): Promise<Finding[]> {
  const r = await tablero(['validar', file, '--json'], dir);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { files: { findings: Finding[] }[] }).files[0].findings;
}

beforeAll(async () => {
  await buildOtherInstances(dir);
}, 60_000);

describe('DNP «Avance físico (%)» as fractions with one product over-executed', () => {
  it('the over-executed product is said on its row; no other row gets a percent-mismatch', async () => {
    expect(over).toBeGreaterThanOrEqual(0);
    const base = await findings(path.join(dir, DNP_2024));
    const file = await variant('sobreejecutada.xlsx', (ws) => {
      ws.getCell(overRow, EXECUTED).value = 1.5;
      ws.getCell(overRow, AVANCE).value = 1.5;
    });
    const found = await findings(file);
    expect(found.filter((f) => f.rule === 'percent-mismatch')).toEqual([]);
    expect(found.filter((f) => f.rule === 'over-execution').map((f) => f.row)).toEqual([overRow]);
    // Everything else is as on the sample without the over-execution.
    const key = (f: Finding) => `${f.rule} ${f.sheet} ${f.row}`;
    expect(found.filter((f) => f.row !== overRow).map(key).sort()).toEqual(base.filter((f) => f.row !== overRow).map(key).sort());
  });

  it('a declared avance that disagrees with the execution is still a percent-mismatch on its row', async () => {
    const file = await variant('avance-errado.xlsx', (ws) => {
      ws.getCell(overRow, EXECUTED).value = 1.5;
      ws.getCell(overRow, AVANCE).value = 1.5;
      ws.getCell(overRow + 1, AVANCE).value = 0.3; // its execution is all of the year's programming
    });
    const found = await findings(file);
    expect(found.filter((f) => f.rule === 'percent-mismatch').map((f) => f.row)).toEqual([overRow + 1]);
  });

  it('the same column in points (100 for 100 %) is read in points', async () => {
    const file = await variant('puntos.xlsx', (ws) => {
      for (let i = 0; i < dnpProducts.length; i++) {
        const c = ws.getCell(DNP_HEADER_ROW + 1 + i, AVANCE);
        if (typeof c.value === 'number') c.value = Math.round(c.value * 1000) / 10;
      }
    });
    const found = await findings(file);
    expect(found.filter((f) => f.rule === 'percent-mismatch')).toEqual([]);
  });
});
