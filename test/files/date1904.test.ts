/**
 * A workbook saved in the 1904 date system (issue 12, defect 7): the package-level copy of
 * `generar` wrote every generated date as a 1900-system serial, so in Excel the cut-off 30/06/2025
 * showed as 01/07/2029. Both copy paths must give the same dates, the real ones.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { examples, tablero, tempDir } from '../cli/io';
import type { CliDeps } from '../../src/cli/deps';
import { generateCopy } from '../../src/xlsx/generate';

/** `generar` forced onto the package-level copy. */
const packageCopy: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, 0);

const { dir, cleanup } = tempDir('tablero-1904-');
afterAll(cleanup);

/** Every date in the generated sheets, as `sheet!cell=YYYY-MM-DD`. */
async function generatedDates(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.properties.date1904).toBe(true);
  const out: string[] = [];
  for (const name of ['Tablero de control', 'Alertas', 'Observaciones']) {
    wb.getWorksheet(name)?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) out.push(`${name}!${cell.address}=${cell.value.toISOString().slice(0, 10)}`);
      }),
    );
  }
  return out;
}

it('generar on a 1904-date-system workbook writes the same, real dates on both copy paths', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examples.capture);
  wb.properties.date1904 = true; // exceljs converts the existing date cells: they keep their dates
  const input = path.join(dir, 'mac-1904.xlsx');
  await wb.xlsx.writeFile(input);

  const viaModel = path.join(dir, 'modelo.xlsx');
  const viaPackage = path.join(dir, 'paquete.xlsx');
  expect((await tablero(['generar', input, '--corte', '2025-06-30', '-o', viaModel], dir)).code).toBe(0);
  expect((await tablero(['generar', input, '--corte', '2025-06-30', '-o', viaPackage], dir, { deps: { generateCopy: packageCopy } })).code).toBe(0);

  const model = await generatedDates(viaModel);
  const pkg = await generatedDates(viaPackage);
  expect(model.length).toBeGreaterThan(0);
  expect(pkg).toEqual(model);
  expect(pkg.some((d) => d.endsWith('=2025-06-30'))).toBe(true); // the cut-off
  for (const d of pkg) expect(d).not.toMatch(/=2029-/);
}, 60_000);
