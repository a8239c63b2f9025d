/** The double itself behaves like office-js where the adapter depends on it. */
import { ExcelDouble, RichApiError, coerce, installExcelDouble } from './index';

type Ctx = { workbook: { worksheets: { getItem(n: string): { getRange(a?: string): { values: unknown[][]; load(p: string): unknown; numberFormat: unknown[][] } } } }; sync(): Promise<void> };
const run = (xl: ExcelDouble, f: (ctx: Ctx) => Promise<unknown>, opts?: object) => (opts ? xl.Excel.run(opts, f) : xl.Excel.run(f));

describe('Excel double: load/sync semantics', () => {
  test('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'H', rows: [[1]] });
    await run(xl, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('H').getRange('A1');
      expect(() => r.values).toThrow(/not available/);
      r.load('values');
      expect(() => r.values).toThrow(RichApiError);
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
    });
  });

  test('writes are queued until sync and counted', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'H' });
    await run(xl, async (ctx) => {
      ctx.workbook.worksheets.getItem('H').getRange('A1:B1').values = [['a', 2]];
      expect(xl.cell('H', 'A1').value).toBeNull();
      await ctx.sync();
      expect(xl.cell('H', 'A1').value).toBe('a');
    });
    expect(xl.stats.syncs).toBe(1);
    expect(xl.stats.batches[0].writes).toBe(1);
    expect(xl.stats.batches[0].requestBytes).toBeGreaterThan(0);
  });

  test('Excel.run flushes operations left without a final sync', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'H' });
    await run(xl, async (ctx) => {
      ctx.workbook.worksheets.getItem('H').getRange('A1').values = [['x']];
    });
    expect(xl.cell('H', 'A1').value).toBe('x');
  });

  test('text in a General cell is coerced as Excel does; Text (@) cells keep it verbatim', () => {
    expect(coerce('=HYPERLINK("x")', undefined).formula).toBe('=HYPERLINK("x")');
    expect(coerce('+57 300 123 4567', undefined).formula).toBeDefined();
    expect(coerce('00123', undefined).v).toBe(123);
    expect(coerce('00123', '@').v).toBe('00123');
    expect(coerce('=1+1', '@').v).toBe('=1+1');
    expect(coerce('', undefined).v).toBeNull();
  });

  test('cell-edit mode fails a batch unless the run asked delayForCellEdit (ExcelApi 1.11)', async () => {
    const xl = new ExcelDouble({ apiVersion: '1.11' });
    xl.addSheet({ name: 'H' });
    xl.faults.cellEditMode = true;
    await expect(run(xl, async (ctx) => ctx.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    await run(xl, async (ctx) => ctx.sync(), { delayForCellEdit: true });
    expect(xl.stats.delayed).toBe(1);
  });

  test('a payload over the limit rejects the whole batch; nothing is applied', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'H' });
    xl.faults.payloadLimitBytes = 1000;
    await expect(
      run(xl, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('H');
        ws.getRange('A1').values = [['small']];
        ws.getRange('A2').values = [['x'.repeat(2000)]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(xl.cell('H', 'A1').value).toBeNull();
  });

  test('an error on the Nth operation leaves the earlier operations of the batch applied (as Excel)', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'H' });
    xl.faults.failAtOperation = { n: 2 };
    await expect(
      run(xl, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('H');
        ws.getRange('A1').values = [['one']];
        ws.getRange('A2').values = [['two']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(xl.cell('H', 'A1').value).toBe('one');
    expect(xl.cell('H', 'A2').value).toBeNull();
  });

  test('writing on a protected sheet throws AccessDenied', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'H', protected: true });
    await expect(
      run(xl, async (ctx) => {
        ctx.workbook.worksheets.getItem('H').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('APIs above the configured requirement set fail with ApiNotFound', async () => {
    const xl = new ExcelDouble({ apiVersion: '1.6' });
    xl.addSheet({ name: 'H' });
    expect(xl.Office.context.requirements.isSetSupported('ExcelApi', '1.6')).toBe(true);
    expect(xl.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await expect(
      xl.Excel.run(async (ctx: unknown) => {
        const c = ctx as { workbook: { worksheets: { getItem(n: string): { getRanges(a: string): { format: { fill: { color: string } } } } } }; sync(): Promise<void> };
        c.workbook.worksheets.getItem('H').getRanges('A1,B2').format.fill.color = '#FF0000';
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('installs and uninstalls itself as the globals Excel and Office', () => {
    const xl = new ExcelDouble();
    const target: Record<string, unknown> = {};
    const undo = installExcelDouble(xl, target);
    expect(target.Excel).toBe(xl.Excel);
    expect(target.Office).toBe(xl.Office);
    undo();
    expect(target.Excel).toBeUndefined();
  });
});
