/**
 * A focused check of the adapter with office-addin-mock (Microsoft's mock): it answers an unloaded
 * property with the STRING "Error, property was not loaded" instead of throwing. Whatever the mock
 * returns, such strings must never reach the adapter's output or its messages.
 */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock reads `OfficeApp.Outlook` from office-addin-manifest, which jest maps to a
// stub (jest.config.js); give this file the enum it needs without touching the shared stub.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', Outlook: 'outlook' }, OfficeAddinManifest: { readManifestFile: async () => ({}) } }));
import { createExcelHost, type ExcelRuntime, type OfficeRuntime } from './host';
import { ExcelHostError } from './errors';

const LEAK = /property was not loaded|not sync/i;

function mockExcel(sheetExists: boolean) {
  const calls: string[] = [];
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: 'Hoja de captura',
            isNullObject: !sheetExists,
            activate: function () {
              calls.push('activate');
            },
            range: {
              address: 'Hoja de captura!C7',
              select: function () {
                calls.push('select');
              },
            },
            getRange: function (this: { range: unknown }, address: string) {
              calls.push(`getRange:${address}`);
              return this.range;
            },
          },
          getItemOrNullObject: function (this: { sheet: unknown }, name: string) {
            calls.push(`getItemOrNullObject:${name}`);
            return this.sheet;
          },
        },
      },
    },
    run: async function (this: { context: unknown }, ...args: unknown[]) {
      const batch = args[args.length - 1] as (ctx: unknown) => Promise<unknown>;
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data);
  return { excel: mock as unknown as ExcelRuntime, calls, mock };
}

const office = (stored: unknown): OfficeRuntime => ({
  context: {
    requirements: { isSetSupported: () => true },
    document: {
      settings: {
        get: () => stored,
        set: () => undefined,
        remove: () => undefined,
        saveAsync: (cb?: (r: Office.AsyncResult<void>) => void) => cb?.({ status: 'succeeded' } as unknown as Office.AsyncResult<void>),
      } as unknown as Pick<Office.Settings, 'get' | 'set' | 'remove' | 'saveAsync'>,
    },
  },
});

describe('adapter × office-addin-mock', () => {
  test('selectCell activates and selects; the mock\'s "not loaded" strings do not make the sheet look missing', async () => {
    const { excel, calls } = mockExcel(true);
    const host = createExcelHost({ excel, office: office(null), isSetSupported: () => false });
    await expect(host.selectCell('Hoja de captura', 'C7')).resolves.toBeUndefined();
    expect(calls).toEqual(['getItemOrNullObject:Hoja de captura', 'activate', 'getRange:C7', 'select']);
  });

  test('a missing sheet gives one Spanish line, never a mock string', async () => {
    const { excel, mock } = mockExcel(false);
    // The mock only reports isNullObject once it is loaded; load it as a real sync would.
    (mock as unknown as { context: { workbook: { worksheets: { sheet: { load(p: string): void } } } } }).context.workbook.worksheets.sheet.load('isNullObject');
    const host = createExcelHost({ excel, office: office(null), isSetSupported: () => false });
    const err = await host.selectCell('Hoja de captura', 'C7').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelHostError);
    expect((err as Error).message).toBe('No se encontró la hoja «Hoja de captura»: ¿se cambió su nombre o se eliminó?');
    expect((err as Error).message).not.toMatch(LEAK);
  });

  test('settings: a mock string or junk in the document never leaks into the settings', async () => {
    const { excel } = mockExcel(true);
    for (const stored of ['Error, property was not loaded', { entity: 'Error, property was not loaded'.length, vigencia: 'Error, property was not loaded' }, null]) {
      const host = createExcelHost({ excel, office: office(stored), isSetSupported: () => false });
      const s = await host.loadSettings();
      expect(JSON.stringify(s)).not.toMatch(LEAK);
      expect(s).toEqual({});
    }
  });
});
