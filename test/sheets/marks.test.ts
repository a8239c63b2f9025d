import ExcelJS from 'exceljs';
import { buildXlsx } from '../helpers/xlsx';
import { captureCell } from '../helpers/sheets';
import { captureWorkbook } from './fixtures';
import { gridsOfWorkbook } from '../../src/xlsx/read';
import { readWorkbook } from '../../src/domain/reader';
import { resolveOptions } from '../../src/app/report';
import { validateWorkbook } from '../../src/app/validate';
import { groupCells, markSeverityOf, planMarks } from '../../src/app/marks';
import { parseAddress } from '../../src/domain/grid';
import { applyMarks, clearMarks } from '../../src/xlsx/marks';
import { REGISTRY_SHEET, placeGeneratedSheet } from '../../src/app/registry';
import type { Finding } from '../../src/domain/finding';

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

/** Everything a person may have set on the cells: value, fill, font, note, number format. */
function snapshot(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      cells[c.address] = JSON.parse(JSON.stringify({ v: c.value, fill: c.fill ?? null, font: c.font ?? null, note: c.note ?? null, fmt: c.numFmt ?? null }));
    }),
  );
  const cfs = JSON.parse(JSON.stringify((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings));
  return { cells, cfs };
}

describe('marks on the source cells', () => {
  it('clearing restores every fill, note and value exactly (mark → save → reload → clear → save → reload)', async () => {
    const original = new ExcelJS.Workbook();
    await original.xlsx.load((await buildXlsx(captureWorkbook())) as unknown as ArrayBuffer);
    const ws = original.getWorksheet('HC T2')!;
    const payments = captureCell('payments', 5); // GOB-01: payments > obligations → budget-chain error
    const analysis = captureCell('analysis', 1); // a cell that gets no finding
    ws.getCell(payments).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
    ws.getCell(payments).note = 'Nota de la dependencia: pagos confirmados con Tesorería.';
    ws.getCell(analysis).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    ws.getCell(analysis).note = { texts: [{ font: { bold: true }, text: 'Ana: ' }, { text: 'revisar con el enlace' }] } as unknown as ExcelJS.Comment;
    ws.addConditionalFormatting({ ref: 'A5:A10', rules: [{ type: 'expression', priority: 1, formulae: ['LEN(A5)>10'], style: { font: { italic: true } } }] });
    const start = await reload(original);
    const before = snapshot(start.getWorksheet('HC T2')!);

    const read = readWorkbook(gridsOfWorkbook(start, 'x.xlsx'));
    const findings = validateWorkbook(read, resolveOptions({ cutoff: '2025-06-30' }, read, '2025-07-10')).findings;
    const onPayments = findings.filter((f) => f.cell === payments);
    expect(onPayments.map((f) => f.rule)).toContain('budget-chain');
    const plan = planMarks(findings);
    const result = applyMarks(start, plan);
    expect(result.cells).toBe(plan.cells);

    const marked = await reload(start);
    const mws = marked.getWorksheet('HC T2')!;
    expect(String(mws.getCell(payments).note)).toMatch(/^Tablero PDM\nError — Cadena presupuestal no cuadra \(budget-chain\): /);
    expect(String(mws.getCell(payments).note)).toContain('Nota anterior:\nNota de la dependencia');
    const cfs = (mws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    const errorCf = cfs.find((cf) => markSeverityOf(cf.rules[0].formulae?.[0]) === 'error')!;
    expect(errorCf.ref.split(' ')).toContain(payments);
    // The cell's own fill is never touched: the colour is an overlay.
    expect(mws.getCell(payments).fill).toEqual(before.cells[payments] && (before.cells[payments] as { fill: unknown }).fill);
    expect(marked.getWorksheet(REGISTRY_SHEET)!.state).toBe('veryHidden');

    expect(clearMarks(marked)).toBe(plan.cells);
    const cleared = await reload(marked);
    expect(snapshot(cleared.getWorksheet('HC T2')!)).toEqual(before);
    expect(cleared.getWorksheet(REGISTRY_SHEET)).toBeUndefined();
  });

  it('marking twice does not stack notes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsx(captureWorkbook())) as unknown as ArrayBuffer);
    const f: Finding = { rule: 'required', severity: 'error', sheet: 'HC T2', cell: 'B5', row: 5, message: 'Falta la meta.' };
    applyMarks(wb, planMarks([f]));
    applyMarks(wb, planMarks([f]));
    expect(wb.getWorksheet('HC T2')!.getCell('B5').note).toBe('Tablero PDM\nError — Celda obligatoria vacía (required): Falta la meta.');
    clearMarks(wb);
    expect(wb.getWorksheet('HC T2')!.getCell('B5').note).toBeUndefined();
  });
});

describe('mark plan (host-neutral)', () => {
  const f = (cell: string, severity: 'error' | 'warning', rule = 'number'): Finding => ({
    rule, severity, sheet: 'HC', cell, row: parseAddress(cell)!.row, message: `m ${cell}`,
  });

  it('groups cells into rectangles and gives errors precedence over warnings', () => {
    const plan = planMarks([f('B2', 'error'), f('C2', 'error'), f('B3', 'error'), f('C3', 'error'), f('E9', 'warning'), f('E9', 'error', 'date'), f('F9', 'warning')]);
    const s = plan.sheets[0];
    expect(s.ranges.error).toEqual([
      { top: 2, left: 2, bottom: 3, right: 3 },
      { top: 9, left: 5, bottom: 9, right: 5 },
    ]);
    expect(s.ranges.warning).toEqual([{ top: 9, left: 6, bottom: 9, right: 6 }]);
    expect(s.notes.find((n) => n.cell === 'E9')!.text).toBe('Tablero PDM\nError — Fecha no válida (date): m E9\nAdvertencia — Texto donde va un número (number): m E9');
    expect(plan.cells).toBe(6);
  });

  it('groups a ragged set deterministically', () => {
    expect(groupCells([{ row: 1, col: 1 }, { row: 1, col: 3 }, { row: 2, col: 1 }])).toEqual([
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 3, bottom: 1, right: 3 },
    ]);
  });

  it('recognises only its own conditional formats', () => {
    expect(markSeverityOf('=ISTEXT("tablero-pdm:error")')).toBe('error');
    expect(markSeverityOf('ISTEXT("tablero-pdm:advertencia")')).toBe('warning');
    expect(markSeverityOf('TRUE')).toBeNull();
  });
});

describe('placing a generated sheet', () => {
  it("takes a free name instead of a person's sheet and replaces its own", () => {
    expect(placeGeneratedSheet('Alertas', 'alertas', [])).toEqual({ name: 'Alertas', replace: false });
    expect(placeGeneratedSheet('Alertas', 'alertas', [{ name: 'alertas', productKind: null }])).toEqual({ name: 'Alertas (2)', replace: false });
    expect(
      placeGeneratedSheet('Alertas', 'alertas', [
        { name: 'Alertas', productKind: null },
        { name: 'Alertas (2)', productKind: 'alertas' },
      ]),
    ).toEqual({ name: 'Alertas (2)', replace: true });
    expect(placeGeneratedSheet('Alertas', 'alertas', [{ name: 'Alertas', productKind: 'tablero' }])).toEqual({ name: 'Alertas (2)', replace: false });
  });
});
