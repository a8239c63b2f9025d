/**
 * Acceptance — product.md "validar --json": the documented shape, exit codes 0 / 1 / 2, Spanish
 * messages with the actual values in Colombian format.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeXlsx } from '../helpers/xlsx';
import { captureSheet, d, planSheet } from '../helpers/sheets';
import { tablero, tempDir } from './harness';

describe('acceptance: tablero validar --json', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    // Row 5: goal 1905021, obligaciones $ 12.000.000 > compromisos $ 9.500.000 (product.md's example).
    await writeXlsx(path.join(dir, 'hc-salud.xlsx'), [
      captureSheet(
        [
          { goalCode: '1905021', budgetFinal: 20_000_000, commitments: 9_500_000, obligations: 12_000_000, payments: 1_000_000 },
          { goalCode: '1905022', goal: 'Otra meta' },
        ],
        { name: 'HC T2' },
      ),
    ]);
    // Only a warning (evidence-required): exit code 0.
    await writeXlsx(path.join(dir, 'solo-advertencia.xlsx'), [captureSheet([{ evidence: null }], { name: 'HC T2' })]);
    await writeXlsx(path.join(dir, 'plan.xlsx'), [planSheet([{ startDate: d('2025-09-15'), endDate: d('2025-06-30') }])]);
    await fs.writeFile(path.join(dir, 'no-es-excel.xlsx'), 'esto no es un libro de Excel');
  });
  afterAll(() => cleanup());

  it('gives exactly the documented shape and exit code 1 with an error', async () => {
    const r = await tablero(['validar', 'hc-salud.xlsx', '--corte', '2025-06-30', '--json'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({
      files: [
        {
          file: 'hc-salud.xlsx',
          sheets: [{ name: 'HC T2', kind: 'hoja-captura', headerRow: 4, dataRows: 2 }],
          findings: [
            {
              rule: 'budget-chain', severity: 'error', sheet: 'HC T2', cell: 'U5', row: 5, goal: '1905021',
              message: expect.stringContaining('Las obligaciones ($ 12.000.000) superan los compromisos ($ 9.500.000)'),
            },
          ],
          errors: 1,
          warnings: 0,
        },
      ],
      errors: 1,
      warnings: 0,
    });
    expect(Object.keys(out.files[0].findings[0])).toEqual(['rule', 'severity', 'sheet', 'cell', 'row', 'goal', 'message']);
    expect(Object.keys(out.files[0])).toEqual(['file', 'sheets', 'findings', 'errors', 'warnings']);
    expect(Object.keys(out)).toEqual(['files', 'errors', 'warnings']);
  });

  it('warnings only → exit code 0', async () => {
    const r = await tablero(['validar', 'solo-advertencia.xlsx', '--corte', '2025-06-30', '--json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.errors, out.warnings]).toEqual([0, 1]);
    expect(out.files[0].findings[0]).toMatchObject({ rule: 'evidence-required', severity: 'warning', cell: 'Z5', row: 5, goal: '1905001' });
  });

  it('dates in messages are dd/mm/aaaa; several files add up', async () => {
    const r = await tablero(['validar', 'hc-salud.xlsx', 'plan.xlsx', '--corte', '2025-06-30', '--json'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual(['hc-salud.xlsx', 'plan.xlsx']);
    const order = out.files[1].findings.find((f: { rule: string }) => f.rule === 'date-order');
    expect(order).toMatchObject({ cell: 'V5', row: 5, goal: '1905001', severity: 'error' });
    expect(order.message).toContain('15/09/2025');
    expect(order.message).toContain('30/06/2025');
    expect(out.errors).toBe(out.files[0].errors + out.files[1].errors);
    expect(out.files[1].sheets).toEqual([
      { name: 'Plan de Acción 2025', kind: 'plan-accion', format: 'Plan de acción, formato PE-F-012', headerRow: 4, dataRows: 1 },
    ]);
  });

  it('an unusable file appears as { file, error } and the exit code is 2', async () => {
    const r = await tablero(['validar', 'no-es-excel.xlsx', '--json'], dir);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.files[0]).toEqual({ file: 'no-es-excel.xlsx', error: expect.any(String) });
    expect(out.files[0].error).not.toMatch(/^\s+at /m);
  });
});
