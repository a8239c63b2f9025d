/** Rendering generated sheets and templates through the double. */
import { ExcelDouble } from './index';
import { hostOn } from './harness';
import { SheetBuilder, trafficLightRules, range, formats } from '../../src/sheets/model';
import type { SheetModel } from '../../src/sheets/model';
import { ExcelHostError } from '../../src/excel/index';
import { REGISTRY_SHEET } from '../../src/app/registry';

function model(name?: string, goal = '=HYPERLINK("http://x","y")'): SheetModel {
  const b = new SheetBuilder('tablero', name);
  b.set(1, 1, 'Tablero de control', 'title');
  b.merge(1, 1, 1, 4, 'Tablero de control', 'title');
  b.set(3, 1, 'Meta', 'th').set(3, 2, 'Avance', 'th').set(3, 3, 'Código', 'th').set(3, 4, 'Corte', 'th');
  b.text(4, 1, goal, 'td').set(4, 2, 0.85, 'tdPct').text(4, 3, '00123', 'tdCode').date(4, 4, '2025-06-30', 'tdDate');
  b.text(5, 1, '+57 300 123 4567', 'td').set(5, 2, 0.4, 'tdPct').set(5, 3, '2025', 'td').set(5, 4, null, 'td');
  b.widthsFrom(1, [40, 12, 12, 14]).height(1, 30).freezeAt(3, 0);
  b.conditional(...trafficLightRules([range(4, 2, 5, 2)]));
  b.conditional({ kind: 'dataBar', ranges: [range(4, 2, 5, 2)], color: '4472C4', min: 0, max: 1 });
  b.chart({
    type: 'clusteredBar',
    title: 'Avance por meta',
    categories: range(4, 1, 5, 1),
    series: [{ name: 'Avance', values: range(4, 2, 5, 2), color: '4472C4' }],
    anchor: range(7, 1, 20, 4),
    axis: { min: 0, max: 1, numberFormat: formats.percent },
    topDown: true,
    fallbackNote: 'Gráfico',
  });
  return b.build();
}

describe('renderSheets', () => {
  test('writes values as values (formula-looking text stays text), formats, styles, merges, CFs, panes, chart, registry', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'Datos', rows: [['x']] });
    const host = hostOn(xl);
    const out = await host.renderSheets([model()]);
    expect(out).toEqual([{ kind: 'tablero', name: 'Tablero de control', replaced: false }]);
    const name = 'Tablero de control';
    expect(xl.cell(name, 'A4')).toMatchObject({ value: '=HYPERLINK("http://x","y")', numberFormat: '@' });
    expect(xl.cell(name, 'A4').formula).toBeUndefined();
    expect(xl.cell(name, 'A5')).toMatchObject({ value: '+57 300 123 4567', numberFormat: '@' });
    expect(xl.cell(name, 'C4')).toMatchObject({ value: '00123', numberFormat: '@' });
    expect(xl.cell(name, 'C5')).toMatchObject({ value: '2025' }); // a label that looks like a number stays text
    expect(xl.cell(name, 'B4')).toMatchObject({ value: 0.85, numberFormat: formats.percent });
    expect(xl.cell(name, 'D4')).toMatchObject({ value: 45838, numberFormat: formats.date });
    const s = xl.sheet(name);
    expect(s.merges).toHaveLength(1);
    expect(s.cfs.map((c) => c.type).sort()).toEqual(['Custom', 'Custom', 'Custom', 'DataBar']);
    expect(s.freeze).toEqual({ rows: 3, cols: 0 });
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0].props['title.text']).toBe('Avance por meta');
    // topDown: the first category at the top, the value axis kept below the bars.
    expect(s.charts[0].props['axes.categoryAxis.reversePlotOrder']).toBe(true);
    expect(s.charts[0].props['axes.categoryAxis.position']).toBe('Maximum');
    expect(s.charts[0].series[0]).toMatchObject({ name: 'Avance', values: 'B4:B5', categories: 'A4:A5' });
    expect(s.pageLayout.orientation).toBe('Landscape');
    expect(xl.wb.sheets[0].name).toBe(name);
    expect(xl.activeSheet).toBe(name);
    expect(xl.wb.sheets.some((x) => x.name === REGISTRY_SHEET)).toBe(true);
    expect(xl.wb.names.map((n) => n.name).sort()).toEqual(['_tablero_pdm', '_tablero_pdm_h1']);
  });

  test('regenerating replaces only the product\'s sheet; a person\'s sheet of that name is never touched', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'Tablero de control', rows: [['De una persona']] });
    const host = hostOn(xl);
    const first = await host.renderSheets([model()]);
    expect(first[0].name).toBe('Tablero de control (2)');
    const again = await host.renderSheets([model(undefined, 'Otra meta')]);
    expect(again[0]).toEqual({ kind: 'tablero', name: 'Tablero de control (2)', replaced: true });
    expect(xl.cell('Tablero de control', 'A1').value).toBe('De una persona');
    expect(xl.cell('Tablero de control (2)', 'A4').value).toBe('Otra meta');
    expect(xl.wb.sheets.filter((s) => s.name.startsWith('Tablero')).length).toBe(2);
    expect(xl.wb.sheets.some((s) => s.name.startsWith('_tpdm_'))).toBe(false);
  });

  test('an error at ANY write operation of a regeneration leaves the workbook as it was', async () => {
    const setup = async () => {
      const xl = new ExcelDouble();
      xl.addSheet({ name: 'Datos', rows: [['x']] });
      await hostOn(xl).renderSheets([model()]);
      return xl;
    };
    const probe = await setup();
    probe.resetStats();
    await hostOn(probe).renderSheets([model(undefined, 'Nueva')]);
    const writes = probe.stats.batches.reduce((n, b) => n + b.writes, 0);
    expect(writes).toBeGreaterThan(30);
    for (let n = 1; n <= writes; n++) {
      const xl = await setup();
      const before = JSON.stringify(xl.snapshot());
      xl.faults.failAtOperation = { n, onlyWrites: true, code: 'InvalidOperation', message: 'Focus lost' };
      const err = await hostOn(xl).renderSheets([model(undefined, 'Nueva')]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ExcelHostError);
      expect([n, (err as Error).message]).toEqual([n, expect.stringMatching(/El libro quedó como estaba\.$/)]);
      expect([n, JSON.stringify(xl.snapshot())]).toEqual([n, before]);
    }
  });

  test('ExcelApi 1.6: renders without the newer features, never an exception', async () => {
    const xl = new ExcelDouble({ apiVersion: '1.6' });
    xl.addSheet({ name: 'Datos', rows: [['x']] });
    await hostOn(xl).renderSheets([model()]);
    const s = xl.sheet('Tablero de control');
    expect(xl.cell('Tablero de control', 'A4').value).toBe('=HYPERLINK("http://x","y")');
    expect(s.cfs.length).toBe(4);
    expect(s.freeze).toBeUndefined();
  });

  test('a payload limit while rendering is retried smaller and completes', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'Datos', rows: [['x']] });
    const b = new SheetBuilder('observaciones');
    for (let r = 1; r <= 600; r++) b.text(r, 1, `Observación ${r} `.padEnd(300, '·'), 'td').set(r, 2, r, 'tdInt');
    xl.faults.payloadLimitBytes = 100_000;
    await hostOn(xl).renderSheets([b.build()]);
    expect(xl.cell('Observaciones', 'A600').value).toMatch(/^Observación 600/);
  });
});

describe('insertTemplate', () => {
  test('title block, canonical headers, drop-down lists, formats, frozen header; free name', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'Hoja de captura', rows: [['ya existe']] });
    const host = hostOn(xl);
    const name = await host.insertTemplate('hoja-captura', { entity: 'Alcaldía de Pasto', vigencia: 2025, cutoff: '2025-06-30' });
    expect(name).toBe('Hoja de captura (2)');
    const s = xl.sheet(name);
    expect(xl.cell(name, 'A1').value).toBe('Alcaldía de Pasto');
    expect(s.freeze?.rows).toBeGreaterThan(0);
    expect(s.validations.some((v) => JSON.stringify(v.props.rule ?? '').includes('inCellDropDown'))).toBe(true);
    expect(xl.cell(name, 'B5').value).toBe(45838); // cut-off date as a serial
    expect(xl.activeSheet).toBe(name);
  });

  test('ExcelApi 1.6: template without drop-down lists; protected workbook errors are Spanish', async () => {
    const xl = new ExcelDouble({ apiVersion: '1.6' });
    xl.addSheet({ name: 'X' });
    const name = await hostOn(xl).insertTemplate('techos', {});
    expect(xl.sheet(name).validations).toHaveLength(0);
  });
});
