/**
 * The pane's Alertas and Observaciones for one unit (Generar's unit picker) are cut as `devolver`
 * cuts a unit's return: the same owners of each finding (`findingOwners`, the split of
 * `splitReturns`) and the same narrowed model (`modelForUnit`), on the bundled example workbooks.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';
import { prepare, generate, unitSheet, type GenerateRequest } from '../../src/app/generate';
import { modelForUnit, splitReturns } from '../../src/app/returns';
import { unitsOf } from '../../src/app/units';
import { nameKey } from '../../src/domain/text';
import type { SheetModel } from '../../src/sheets/model';

const root = path.resolve(__dirname, '..', '..');

async function request(file: string): Promise<GenerateRequest> {
  const grids = gridsOfWorkbook(await loadWorkbook(readFileSync(path.join(root, 'examples', file))), file);
  const { workbook, options } = prepare(grids, [], { cutoff: '2025-06-30' }, '2025-07-10');
  return { workbook, options, workbookName: file, generatedAt: '2025-07-10T09:30' };
}

/** The goal codes written anywhere on a sheet. */
function codesOn(sheet: SheetModel, codes: ReadonlySet<string>): Set<string> {
  return new Set(sheet.cells.map((c) => String(c.value)).filter((v) => codes.has(v)));
}

describe.each(['hoja-captura-T2-2025.xlsx', 'plan-accion-2025.xlsx'])('%s: one unit\'s sheets', (file) => {
  let req: GenerateRequest;
  beforeAll(async () => {
    req = await request(file);
  });

  test('the workbook names several units; the capture sheet has lagging goals to cut', () => {
    expect(unitsOf(req.workbook).length).toBeGreaterThan(2);
    if (file.startsWith('hoja-captura')) expect(generate(req).model.rezagadas.length).toBeGreaterThan(0);
  });

  test('Observaciones of a unit: exactly the findings devolver returns to it, linked to their cells', () => {
    const g = generate(req);
    const split = splitReturns({
      model: g.model,
      sources: [{ file, workbook: req.workbook, findings: g.findings }],
    });
    const allCodes = new Set(g.findings.map((f) => f.goal).filter((c): c is string => !!c));
    for (const unit of unitsOf(req.workbook)) {
      const own = split.units.find((u) => nameKey(u.unit) === nameKey(unit))!;
      const sheet = unitSheet('observaciones', req, unit);
      expect(sheet.kind).toBe('observaciones');
      expect(codesOn(sheet, allCodes)).toEqual(new Set(own.rows.map((r) => r.finding.goal).filter((c): c is string => !!c)));
      // Each of its findings is listed once: the count in the title block is the split's.
      const errors = own.rows.filter((r) => r.finding.severity === 'error').length;
      expect(sheet.cells.some((c) => c.value === String(errors))).toBe(true);
    }
  });

  test('Alertas of a unit: only its lagging goals, with its name in the title', () => {
    const g = generate(req);
    const allCodes = new Set(g.model.goals.map((x) => x.input.code).filter((c): c is string => !!c));
    for (const unit of unitsOf(req.workbook)) {
      const sheet = unitSheet('alertas', req, unit);
      const mine = modelForUnit(g.model, unit);
      const shown = codesOn(sheet, allCodes);
      for (const code of shown) expect(mine.goals.some((x) => x.input.code === code)).toBe(true);
      // Alertas lists lagging goals only where execution is reported (a capture sheet).
      if (g.model.source === 'hoja-captura') for (const r of mine.rezagadas) if (r.input.code) expect(shown.has(r.input.code)).toBe(true);
      expect(sheet.cells.some((c) => typeof c.value === 'string' && c.value.startsWith('Alertas de metas rezagadas') && c.value.endsWith(`— ${unit}`))).toBe(true);
    }
  });
});
