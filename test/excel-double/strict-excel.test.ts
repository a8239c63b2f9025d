/**
 * What breaks in real Excel and not in a kind double (issue 10): each test runs the adapter over
 * the strict double (CATALOG.md) and failed before the adapter was fixed.
 */
import { ExcelDouble, installExcelDouble, validSheetName } from './index';
import { excelOf as hostExcel, hostOn } from './harness';
import { REGISTRY_NAME, REGISTRY_SHEET, MAX_CELL_CHARS, markEntries } from '../../src/app/registry';
import { detectCapabilities } from '../../src/excel/index';
import { createPaneUseCases } from '../../src/app/pane';
import { registerCommands, type CommandEvent } from '../../src/commands/commands';
import type { Finding } from '../../src/domain/finding';
import { SheetBuilder } from '../../src/sheets/model';
import * as path from 'node:path';
import { fixtureOf } from '../browser/fixture';

const finding = (sheet: string, cell: string, severity: 'error' | 'warning' = 'error'): Finding => ({
  rule: 'number',
  severity,
  sheet,
  cell,
  row: Number(cell.replace(/^[A-Z]+/, '')),
  message: `Valor no válido en ${cell}`,
});

/** Cells that no two fall in one rectangle: B2, D4, F6, … wrapping over 40 columns. */
function scattered(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const col = 2 + 2 * (i % 40);
    const row = 2 + 2 * Math.floor(i / 40);
    let s = '';
    for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    out.push(`${s}${row}`);
  }
  return out;
}

function sheetWith(xl: ExcelDouble, name: string, rows = 20) {
  return xl.addSheet({ name, rows: Array.from({ length: rows }, (_, i) => [`Meta ${i + 1}`, i, 'x']) });
}

function generated(name = 'Tablero de control') {
  const b = new SheetBuilder('tablero', name);
  b.set(1, 1, 'Tablero de control', 'title');
  return b.build();
}

describe('1. the very hidden registry sheet', () => {
  test('the double refuses to delete a very hidden sheet (InvalidOperation; GeneralException on Mac), as Excel does', async () => {
    for (const [platform, code] of [['PC', 'InvalidOperation'], ['Mac', 'GeneralException']] as const) {
      const xl = new ExcelDouble({ platform });
      sheetWith(xl, 'Datos');
      xl.addSheet({ name: 'Oculta', visibility: 'VeryHidden' });
      const del = async (ctx: Excel.RequestContext) => {
        ctx.workbook.worksheets.getItem('Oculta').delete();
        await ctx.sync();
      };
      await expect(hostExcel(xl).run(del)).rejects.toMatchObject({ code });
    }
  });

  test.each(['PC', 'Mac'] as const)('Validar, Validar, Limpiar, Generar, Generar, Limpiar in a row all work (%s)', async (platform) => {
    const xl = new ExcelDouble({ platform });
    sheetWith(xl, 'Datos');
    const host = hostOn(xl);
    await host.writeMarks([finding('Datos', 'B2'), finding('Datos', 'C5', 'warning')]);
    await host.writeMarks([finding('Datos', 'B3')]);
    expect(xl.cell('Datos', 'B3').note).toMatch(/B3/);
    expect(xl.cell('Datos', 'B2').note).toBeUndefined();
    await host.clearMarks();
    await host.renderSheets([generated()]);
    await host.renderSheets([generated()]);
    await host.clearMarks();
    expect(xl.wb.sheets.map((s) => [s.name, s.visibility]).sort()).toEqual([
      ['Datos', 'Visible'],
      ['Tablero de control', 'Visible'],
      [REGISTRY_SHEET, 'VeryHidden'],
    ]);
    expect(xl.wb.names.map((n) => n.name)).toContain(REGISTRY_NAME);
    expect(xl.sheet('Datos').cfs).toEqual([]);
  });
});

describe('2. notes only where the loaded office.js has them', () => {
  test('ExcelApi 1.18 host with a script without NoteCollection: cells coloured, no note, said once', async () => {
    const xl = new ExcelDouble({ apiVersion: '1.18', scriptNotes: false });
    sheetWith(xl, 'Datos');
    const said: string[] = [];
    const host = hostOn(xl, { notify: (m) => said.push(m) });
    expect(host.capabilities().notes).toBe(false);
    await host.writeMarks([finding('Datos', 'B2')]);
    expect(xl.sheet('Datos').cfs).toHaveLength(1);
    expect(xl.cell('Datos', 'B2').note).toBeUndefined();
    expect(said.join(' ')).toMatch(/notas/);
    await host.clearMarks();
    expect(xl.sheet('Datos').cfs).toEqual([]);
  });
});

describe('4. many merged areas', () => {
  test('600 merged rows (Excel returns at most 512 at once) are all read', async () => {
    const xl = new ExcelDouble();
    const rows = Array.from({ length: 600 }, (_, i) => [`Meta ${i}`, null, i]);
    xl.addSheet({ name: 'Datos', rows, merges: rows.map((_, i) => `A${i + 1}:B${i + 1}`) });
    const g = await hostOn(xl).readGrids('workbook');
    expect(g.sheets[0].merges).toHaveLength(600);
    expect(xl.stats.syncs).toBeLessThan(12);
  });

  test('no note on a cell covered by a merged area that starts above and left of every finding', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'Datos', rows: [['Observación'], ['x', 'y', 'z']], merges: ['A1:C8'] });
    const host = hostOn(xl);
    await host.writeMarks([finding('Datos', 'B5'), finding('Datos', 'A2')]);
    expect(xl.cell('Datos', 'B5').note).toBeUndefined();
  });
});

describe('5. address strings Excel refuses', () => {
  test('default strings stay at 256 areas and 4,000 characters', async () => {
    const xl = new ExcelDouble();
    sheetWith(xl, 'Datos', 300);
    await hostOn(xl).writeMarks(scattered(2000).map((c) => finding('Datos', c)));
    const areas = xl.sheet('Datos').cfs.map((c) => c.areas.length);
    expect(areas.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(Math.max(...areas)).toBeLessThanOrEqual(256);
  });

  test('an Excel that answers InvalidArgument to shorter strings: undone, split, marked', async () => {
    const xl = new ExcelDouble();
    sheetWith(xl, 'Datos', 300);
    xl.limits.getRangesChars = 900; // as reported in office-js#5198: refused well under the nominal size
    const cells = scattered(2000);
    await hostOn(xl).writeMarks(cells.map((c) => finding('Datos', c)));
    const cfs = xl.sheet('Datos').cfs;
    expect(cfs.reduce((n, c) => n + c.areas.length, 0)).toBe(2000);
    expect(cfs.every((c) => c.props['custom.rule.formula'])).toBe(true);
    expect(xl.cell('Datos', cells[1999]).note).toMatch(/Valor no válido/);
  });
});

describe('7. the registry under the 32,767-character cell', () => {
  test('6,000 scattered findings: registry rows split under the limit, and the double enforces it', async () => {
    const xl = new ExcelDouble();
    sheetWith(xl, 'Datos', 300);
    await hostOn(xl).writeMarks(scattered(6000).map((c) => finding('Datos', c)));
    const cells = [...xl.values(REGISTRY_SHEET).values()].map(String);
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(markEntries('H', 'error', ['A1', 'B2', 'C3'], 5).map((e) => e.ranges)).toEqual(['A1 B2', 'C3']);
  });
});

describe('10. names and hosts agree', () => {
  test('capabilities are checked under their own requirement sets', () => {
    const only17 = detectCapabilities((_n, v) => Number(v.split('.')[1]) <= 7);
    expect([only17.tabColor, only17.hyperlinks, only17.showGridlines, only17.dataValidation]).toEqual([true, true, false, false]);
    const noCharts = detectCapabilities((_n, v) => v === '1.8');
    expect([noCharts.chartSeries, noCharts.showGridlines]).toEqual([false, true]);
  });

  test('a person\'s own sheet called «Alertas» is read by the pane, as by the CLI', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'Alertas', rows: [['Mis alertas'], ['nota']] });
    const grids = await hostOn(xl).readGrids('workbook');
    const detection = createPaneUseCases(async () => 'x').detect(grids, {});
    expect(detection.unknown).toContain('Alertas');
  });

  test('sheet names: 31 characters, none of : \\ / ? * [ ] (the double refuses a bad rename)', () => {
    expect(validSheetName('a'.repeat(31))).toBe(true);
    expect(['a'.repeat(32), 'a:b', 'a/b', 'a?b', 'a*b', 'a[b', "'ab", ''].some(validSheetName)).toBe(false);
  });
});

describe('6. ribbon errors reach the user', () => {
  test('Validar from the ribbon on a protected sheet opens a dialog with the Spanish message; the event completes after it', async () => {
    // The bundled example (its capture sheet has mistakes), with that sheet protected.
    const example = await fixtureOf(path.join(__dirname, '..', '..', 'examples', 'hoja-captura-T2-2025.xlsx'));
    const xl = new ExcelDouble();
    for (const s of example.sheets) xl.addSheet({ ...s, protected: s.name === 'HC T2' });
    const uninstall = installExcelDouble(xl);
    const opened: string[] = [];
    const log: string[] = [];
    const ui = {
      displayDialogAsync(url: string, _o: unknown, cb: (r: Office.AsyncResult<Office.Dialog>) => void) {
        opened.push(url);
        const handlers: ((a: { message: string; origin: string | undefined }) => void)[] = [];
        const dialog = { close: () => log.push('closed'), addEventHandler: (_t: unknown, h: (a: { message: string; origin: string | undefined }) => void) => void handlers.push(h), messageChild: () => undefined, sendMessage: () => undefined };
        cb({ status: 'succeeded', value: dialog } as unknown as Office.AsyncResult<Office.Dialog>);
        setTimeout(() => handlers.forEach((h) => h({ message: 'cerrar', origin: undefined })), 5);
      },
    } as unknown as Pick<Office.UI, 'displayDialogAsync'>;
    try {
      const handlers = new Map<string, (e: CommandEvent) => void>();
      registerCommands((n, h) => handlers.set(n, h), { ui: () => ui, base: () => 'https://example.org/addin/commands.html' });
      const done = new Promise<void>((resolve) => handlers.get('validar')!({ completed: () => (log.push('completed'), resolve()) }));
      await done;
    } finally {
      uninstall();
    }
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]);
    expect(url.pathname).toBe('/addin/aviso.html');
    expect(url.searchParams.get('m')).toMatch(/protegida/);
    expect(url.searchParams.get('m')).not.toMatch(/AccessDenied|protected sheet/);
    expect(log).toEqual(['closed', 'completed']);
  });
});
