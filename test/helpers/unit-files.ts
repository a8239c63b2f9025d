/**
 * Units' files for the Consolidar tests (CLI, contract and browser): the bundled example capture
 * sheet cut down to one unit's rows, as a unit's liaison would email it; a variant that says
 * another vigencia; a download cut short; a package that lost a sheet's part.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { buildZip } from './zip';
import { openZip, readPart } from '../../src/xlsx/zip';

export const EXAMPLE_CAPTURE = path.resolve(__dirname, '..', '..', 'examples', 'hoja-captura-T2-2025.xlsx');

/** The example's «HC T2» with only `unit`'s rows (column E), optionally another vigencia and cut-off. */
export async function unitFile(unit: string, period: { vigencia?: number; corte?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE_CAPTURE);
  for (const ws of [...wb.worksheets]) if (ws.name !== 'HC T2') wb.removeWorksheet(ws.id);
  const ws = wb.getWorksheet('HC T2')!;
  const last = ws.rowCount;
  for (let r = last; r >= 9; r--) {
    const v = ws.getCell(r, 5).value;
    if (v !== null && v !== unit) ws.spliceRows(r, 1);
  }
  if (period.vigencia !== undefined) ws.getCell('A4').value = `Vigencia: ${period.vigencia}`;
  if (period.corte !== undefined) ws.getCell('A5').value = `Fecha de corte: ${period.corte}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first 60 % of the file: a download or an email attachment cut short. */
export function cutShort(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * 0.6));
}

/** The same package without one part (e.g. `xl/worksheets/sheet2.xml`): a zip that is whole, a workbook that is not. */
export function withoutPart(bytes: Buffer, part: string): Buffer {
  const zip = openZip(bytes);
  return buildZip(zip.entries.filter((e) => e.name !== part).map((e) => ({ name: e.name, data: readPart(zip, e.name)! })));
}
