/**
 * A generated sheet the person renamed (issue 12, defect 14): the product recognises its sheets by
 * the registry and the defined name that follows the sheet (as Excel moves a name with its sheet),
 * not by their name — so regeneration replaces the renamed sheet instead of leaving it as a stale
 * copy beside a new one. Both copy paths of `generar`, and the Excel host on the double.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { examples, tablero, tempDir } from '../cli/io';
import { generateCopy } from '../../src/xlsx/generate';
import { productKindOfSheet } from '../../src/xlsx/registry';
import { REGISTRY_SHEET } from '../../src/app/registry';
import { ExcelDouble } from '../excel-double/index';
import { hostOn } from '../excel-double/harness';
import { SheetBuilder } from '../../src/sheets/model';

const { dir, cleanup } = tempDir('tablero-renamed-');
afterAll(cleanup);

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** Renames a sheet as Excel does: the workbook's names that point at it follow it. */
function renameLikeExcel(wb: ExcelJS.Workbook, from: string, to: string): void {
  wb.getWorksheet(from)!.name = to;
  const names = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  names.model = names.model.map((n) => ({ ...n, ranges: n.ranges.map((r) => r.replace(`'${from}'!`, `'${to}'!`).replace(new RegExp(`^${from}!`), `'${to}'!`)) }));
}

describe('regeneration after the person renamed a generated sheet', () => {
  test.each([
    ['exceljs model', undefined],
    ['package-level copy', 100],
  ] as const)('%s: the renamed Alertas is replaced (keeping its new name), no stale copy', async (_label, maxCells) => {
    const deps = maxCells ? { deps: { generateCopy: (req: Parameters<typeof generateCopy>[0], p: Parameters<typeof generateCopy>[1]) => generateCopy(req, p, maxCells) } } : {};
    const tag = maxCells ?? 'modelo';
    const one = path.join(dir, `uno-${tag}.xlsx`);
    expect((await tablero(['generar', examples.capture, '-o', one], dir, deps)).code).toBe(0);
    const wb = await load(one);
    renameLikeExcel(wb, 'Alertas', 'Alertas T2 revisadas');
    const renamed = path.join(dir, `renombrada-${tag}.xlsx`);
    writeFileSync(renamed, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(productKindOfSheet(await load(renamed), 'Alertas T2 revisadas')).toBe('alertas');

    const two = path.join(dir, `dos-${tag}.xlsx`);
    const r = await tablero(['generar', renamed, '-o', two], dir, deps);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = await load(two);
    const names = out.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('Alertas'))).toEqual(['Alertas T2 revisadas']);
    expect(productKindOfSheet(out, 'Alertas T2 revisadas')).toBe('alertas');
    expect(names.filter((n) => n.startsWith('Tablero de control'))).toEqual(['Tablero de control']);
    expect(names).toContain(REGISTRY_SHEET);
    expect(out.worksheets.length).toBe(wb.worksheets.length);
  }, 120_000);

  test('Excel host: a renamed generated sheet is replaced, a person\'s sheet named like ours is not', async () => {
    const model = (goal: string) => {
      const b = new SheetBuilder('alertas');
      b.set(1, 1, goal);
      return b.build();
    };
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'Datos', rows: [['x']] });
    const host = hostOn(xl);
    await host.renderSheets([model('primera')]);
    xl.sheet('Alertas').name = 'Mis alertas'; // the name follows the sheet (by id), as in Excel
    xl.addSheet({ name: 'Alertas', rows: [['De una persona']] });
    const again = await host.renderSheets([model('segunda')]);
    expect(again).toEqual([{ kind: 'alertas', name: 'Mis alertas', replaced: true }]);
    expect(xl.cell('Mis alertas', 'A1').value).toBe('segunda');
    expect(xl.cell('Alertas', 'A1').value).toBe('De una persona');
    expect(xl.wb.sheets.map((s) => s.name).filter((n) => /alertas/i.test(n)).sort()).toEqual(['Alertas', 'Mis alertas']);
  });
});
