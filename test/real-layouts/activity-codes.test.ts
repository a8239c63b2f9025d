/**
 * One mistake, one finding, on a sheet of one row per activity (Cali's Cuadro 1S): a project's
 * BPIN is written again on each of its activities' rows, so a wrong BPIN is said once — on the
 * project's first row — and every cell that repeats it is marked, with its note. On the Cali T4
 * instance (test/helpers/other-instances.ts), product 61030020001's three activity rows get a
 * 12-digit BPIN.
 */
import * as path from 'node:path';
import { tablero } from '../cli/io';
import { caliRow, otherInstancesInTempDir, withCell, CALI_HEADER_ROW, CALI_T4, CALI_T4_SHEET } from '../helpers/other-instances';
import type { JsonFinding } from '../helpers/validar-json';
import { viewOfFile } from '../helpers/workbook-view';

const built = otherInstancesInTempDir('tablero-activity-codes-');

const NOW = { now: new Date(2026, 0, 20) };
const rows = [caliRow(2, 0), caliRow(2, 1), caliRow(2, 2)];

it('a wrong BPIN repeated on a project’s activity rows is one finding, and every repetition is marked', async () => {
  const dir = built.dir;
  let file = built.files[CALI_T4];
  for (const r of rows) file = await withCell(file, CALI_T4_SHEET, CALI_HEADER_ROW, 'Cód. BPIN', r, 202476001011);
  const v = await tablero(['validar', file, '--json'], dir, NOW);
  expect(v.stderr).toBe('');
  const found = (JSON.parse(v.stdout) as { files: { findings: JsonFinding[] }[] }).files[0].findings.filter((f) => f.rule === 'code-format' && rows.includes(f.row));
  expect(found).toHaveLength(1);
  expect(found[0].row).toBe(rows[0]);
  expect(found[0].message).toContain('El código BPIN «202476001011» no tiene el formato esperado');
  const col0 = found[0].cell.replace(/\d+$/, '');
  expect(found[0].message).toContain(`Se repite en las celdas ${col0}${rows[1]} y ${col0}${rows[2]} (actividades del mismo proyecto).`);

  const out = path.join(dir, 'cali-generado.xlsx');
  expect((await tablero(['generar', file, '-o', out], dir, NOW)).code).toBe(0);
  const sheet = (await viewOfFile(out)).sheets.find((s) => s.name === CALI_T4_SHEET);
  const col = found[0].cell.replace(/\d+$/, '');
  for (const r of rows) expect(JSON.stringify(sheet?.cells.find((c) => c.address === `${col}${r}`)?.note ?? null)).toContain('202476001011');
}, 60_000);
