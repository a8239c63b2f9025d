/**
 * DNP's report without its financial sheet (a unit sends only «Detalle seguimiento físico»): the
 * physical follow-up reads as before, and the missing money is said — in `reporte` (text and JSON
 * notes) and on the tablero, whose budget section says there is none instead of a table of zeros
 * (never silent; the same workbook's `reporte` shows «—»).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { tablero, tempDir } from '../cli/io';
import { buildOtherInstances, DNP_2024, DNP_FINANCIAL, DNP_PHYSICAL } from '../helpers/other-instances';
import { plainValue } from '../../src/xlsx/read';

const NOW = { now: new Date(2025, 1, 10) };
const NOTE = `${DNP_PHYSICAL}: Ninguna hoja del libro se reconoció como seguimiento financiero (CUIPO) por código de producto: estas metas no tienen cifras de ejecución presupuestal (apropiación, compromisos, obligaciones, pagos).`;

let dir = '';
let cleanup = () => {};
let whole = '';
let physicalOnly = '';
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('tablero-nofin-'));
  whole = (await buildOtherInstances(dir))[DNP_2024];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(whole);
  const fin = wb.getWorksheet(DNP_FINANCIAL);
  if (!fin) throw new Error('sin hoja financiera');
  wb.removeWorksheet(fin.id);
  physicalOnly = path.join(dir, 'dnp-solo-fisico.xlsx');
  await wb.xlsx.writeFile(physicalOnly);
}, 60_000);
afterAll(() => cleanup());

/** The rows of the tablero's budget section, one string per row (a merged area once). */
async function budgetSection(file: string): Promise<string[]> {
  const out = path.join(dir, `gen-${path.basename(file)}`);
  const r = await tablero(['generar', file, '-o', out, '--force'], dir, NOW);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const rows: string[] = [];
  wb.getWorksheet('Tablero de control')?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((c) => {
      if (c.isMerged && c.master !== c) return;
      const v = plainValue(c.value);
      if (v !== null && typeof v !== 'object') cells.push(String(v));
    });
    rows.push(cells.join(' | '));
  });
  const at = rows.findIndex((r) => r.startsWith('Ejecución presupuestal por programa'));
  expect(at).toBeGreaterThan(0);
  return rows.slice(at + 1, rows.findIndex((r, i) => i > at && r.startsWith('Cumplimiento físico frente')));
}

describe('DNP report without its financial sheet', () => {
  it('reporte says the money is missing, in text and in the JSON notes; the physical figures are read as with it', async () => {
    const text = await tablero(['reporte', physicalOnly], dir, NOW);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`  ${NOTE}\n`);
    expect(text.stdout).toContain('compromisos —, obligaciones —, pagos —');
    const json = JSON.parse((await tablero(['reporte', physicalOnly, '--json'], dir, NOW)).stdout) as { notes: string[]; goals: { code: string; compliance: number | null }[] };
    expect(json.notes).toContain(NOTE);
    const withMoney = JSON.parse((await tablero(['reporte', whole, '--json'], dir, NOW)).stdout) as { notes: string[]; goals: { code: string; compliance: number | null }[] };
    expect(withMoney.notes ?? []).not.toContain(NOTE);
    expect(json.goals.map((g) => [g.code, g.compliance])).toEqual(withMoney.goals.map((g) => [g.code, g.compliance]));
  });

  it('the tablero says there is no budget execution, instead of an apropiación of 0 per program', async () => {
    const rows = await budgetSection(physicalOnly);
    expect(rows.filter((r) => r !== '')).toEqual([
      'Ninguna meta trae apropiación ni ejecución presupuestal (compromisos, obligaciones, pagos): no hay ejecución presupuestal que mostrar.',
    ]);
    // With the financial sheet, the table is there.
    const full = await budgetSection(whole);
    expect(full.some((r) => r.startsWith('Total |'))).toBe(true);
  });

  it('the informe says the same instead of a table of $ 0', async () => {
    const text = async (file: string) => {
      const out = path.join(dir, `informe-${path.basename(file, '.xlsx')}.html`);
      expect((await tablero(['informe', file, '-o', out, '--force'], dir, NOW)).code).toBe(0);
      return (await fs.readFile(out, 'utf8')).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    };
    const without = await text(physicalOnly);
    expect(without).toContain('Ejecución presupuestal por fuente de financiación Ninguna meta trae apropiación ni ejecución presupuestal');
    expect(without).not.toContain('Todas las fuentes $ 0');
    expect(await text(whole)).not.toContain('Ninguna meta trae apropiación');
  });
});
