/**
 * Contract: the same workbook read through the xlsx host and through the office-js adapter (over
 * the Excel double) gives the same grid and the same findings.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gridsOfWorkbook } from '../../src/xlsx/read';
import { readWorkbook } from '../../src/domain/reader';
import { validateWorkbook } from '../../src/app/validate';
import { resolveOptions } from '../../src/app/report';
import type { WorkbookGrids } from '../../src/domain/grid';
import { buildXlsx } from '../helpers/xlsx';
import { captureSheet, planSheet, d } from '../helpers/sheets';
import { hostOn } from '../excel-double/harness';
import { doubleFromWorkbook, normalise, workbookOf } from './hosts';

const root = path.resolve(__dirname, '..', '..');

async function bothHosts(bytes: Buffer, apiVersion = '1.18'): Promise<{ xlsx: WorkbookGrids; excel: WorkbookGrids }> {
  const wb = await workbookOf(bytes);
  const xlsx = gridsOfWorkbook(wb, 'libro.xlsx');
  const excel = await hostOn(doubleFromWorkbook(wb, { apiVersion })).readGrids('workbook');
  return { xlsx, excel };
}

function findings(grids: WorkbookGrids) {
  const wb = readWorkbook(grids, {});
  const options = resolveOptions({ cutoff: '2025-06-30' }, wb, '2025-07-10');
  return validateWorkbook(wb, options).findings;
}

const cases: [string, () => Promise<Buffer>][] = [
  ['examples/hoja-captura-T2-2025.xlsx', async () => readFileSync(path.join(root, 'examples', 'hoja-captura-T2-2025.xlsx'))],
  ['examples/plan-accion-2025.xlsx', async () => readFileSync(path.join(root, 'examples', 'plan-accion-2025.xlsx'))],
  ['test/fixtures/hoja-captura-limpia.xlsx', async () => readFileSync(path.join(root, 'test', 'fixtures', 'hoja-captura-limpia.xlsx'))],
  [
    'a capture sheet with errors, text numbers, dates, formulas and merges',
    async () =>
      buildXlsx([
        captureSheet([
          { goalCode: '1905001', executed: ['12,5', 250, null, null] },
          { goalCode: '19050X', executed: [250, { error: '#REF!' }, null, null] },
          { goal: '=HYPERLINK("x")' },
        ]),
        planSheet([{ startDate: d('2025-02-01'), endDate: d('2025-01-01') }]),
      ]),
  ],
];

describe.each(cases)('contract (read, validate): %s', (_name, bytes) => {
  test('the same grid through both hosts', async () => {
    const { xlsx, excel } = await bothHosts(await bytes());
    expect(normalise(excel)).toEqual(normalise(xlsx));
  });

  test('the same findings through both hosts', async () => {
    const { xlsx, excel } = await bothHosts(await bytes());
    const a = findings(xlsx);
    expect(findings(excel)).toEqual(a);
    if (_name.startsWith('a capture sheet')) expect(a.filter((f) => f.severity === 'error').length).toBeGreaterThan(2);
  });

  test('ExcelApi 1.6 (no merged areas reported): still the same values', async () => {
    const { xlsx, excel } = await bothHosts(await bytes(), '1.6');
    expect(normalise(excel).map((s) => s.cells)).toEqual(normalise(xlsx).map((s) => s.cells));
  });
});
