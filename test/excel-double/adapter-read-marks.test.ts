/** The office-js adapter through the double: reading, marking, clearing, Excel's faults. */
import { ExcelDouble } from './index';
import { hostOn } from './harness';
import { ExcelHostError, excelMessages } from '../../src/excel/index';
import type { Finding } from '../../src/domain/finding';

function captureSheet(xl: ExcelDouble, rows: number, name = 'Hoja de captura') {
  const data: (string | number)[][] = [['Código meta', 'Meta', 'Programado T1', 'Ejecutado T1', 'Avance', 'Fecha']];
  for (let i = 0; i < rows; i++) data.push([`1905${String(i).padStart(3, '0')}`, `Meta número ${i} de la dependencia`, 10 + (i % 7), i % 11, (i % 100) / 100, 45658 + (i % 300)]);
  return xl.addSheet({ name, rows: data, formats: { E: '0%', F: 'dd/mm/yyyy' } });
}

const finding = (sheet: string, cell: string, severity: 'error' | 'warning' = 'error', message = 'Valor no válido'): Finding => ({
  rule: 'number',
  severity,
  sheet,
  cell,
  row: Number(cell.replace(/^[A-Z]+/, '')),
  message,
});

describe('readGrids', () => {
  test('maps values, errors, blanks, dates and formats; the registry is read like any sheet (as exceljs does)', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({
      name: 'Plan',
      rows: [['Título'], ['Código', 'Valor', 'Fecha'], ['0012', 5, 45658], [{ error: '#REF!' }, '', true], ['#REF!', 1.5, null]],
      formats: { C3: 'dd/mm/yyyy', A3: '@' },
      merges: ['A1:C1'],
    });
    xl.addSheet({ name: '_tablero_pdm', visibility: 'VeryHidden', rows: [['x']] });
    const g = await hostOn(xl).readGrids('workbook');
    expect(g.sheets.map((s) => [s.name, s.visibility])).toEqual([['Plan', 'visible'], ['_tablero_pdm', 'veryHidden']]);
    const s = g.sheets[0];
    expect(s.values[2]).toEqual(['0012', 5, 45658]);
    expect(s.values[3]?.[0]).toEqual({ error: '#REF!' });
    expect(s.values[3]?.[1]).toBeUndefined();
    expect(s.values[3]?.[2]).toBe(true);
    expect(s.values[4]?.[0]).toBe('#REF!'); // text that looks like an error stays text
    expect(s.numberFormats?.[2]?.[2]).toBe('dd/mm/yyyy');
    expect(s.numberFormats?.[2]?.[0]).toBe('@');
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(s.visibility).toBe('visible');
  });

  test('scope "active" reads only the active sheet', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'A', rows: [[1]] });
    xl.addSheet({ name: 'B', rows: [[2]] });
    xl.setActive('B');
    const g = await hostOn(xl).readGrids('active');
    expect(g.sheets.map((s) => s.name)).toEqual(['B']);
  });

  test('sync count does not grow with rows while the data fits a batch; batches stay under 5 MB', async () => {
    const counts: number[] = [];
    for (const rows of [10, 1000, 8000]) {
      const xl = new ExcelDouble();
      captureSheet(xl, rows);
      await hostOn(xl).readGrids('workbook');
      counts.push(xl.stats.syncs);
      expect(xl.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBe(4); // sheets, used ranges, the cells, the merged areas
  });

  test('a big sheet is read in payload-bounded batches (syncs ∝ bytes / 4 MB, not rows)', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 20000);
    const g = await hostOn(xl).readGrids('workbook');
    expect(g.sheets[0].values.length).toBe(20001);
    expect(xl.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(xl.stats.syncs).toBeLessThanOrEqual(6);
  });

  test('a response over the limit is retried in smaller chunks', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 3000);
    xl.faults.payloadLimitBytes = 200_000;
    const g = await hostOn(xl).readGrids('workbook');
    expect(g.sheets[0].values.length).toBe(3001);
    expect(xl.stats.batches.some((b) => b.responseBytes > 200_000)).toBe(true); // the failed one
  });

  test('GeneralException once is retried quietly; twice gives a clear Spanish message', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 5);
    xl.faults.failSyncs = { count: 1 };
    await expect(hostOn(xl).readGrids('workbook')).resolves.toBeDefined();
    xl.faults.failSyncs = { count: 2 };
    // GeneralException says nothing about the cause: not "focus lost", a plain generic message.
    await expect(hostOn(xl).readGrids('workbook')).rejects.toThrow(excelMessages.generic('leer el libro'));
  });

  test('cell-edit mode: waits with delayForCellEdit (1.11+), a clear message below', async () => {
    const xl = new ExcelDouble({ apiVersion: '1.11' });
    captureSheet(xl, 5);
    xl.faults.cellEditMode = true;
    await expect(hostOn(xl).readGrids('workbook')).resolves.toBeDefined();
    expect(xl.stats.delayed).toBe(1);
    const old = new ExcelDouble({ apiVersion: '1.9' });
    captureSheet(old, 5);
    old.faults.cellEditMode = true;
    const err = await hostOn(old).readGrids('workbook').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelHostError);
    expect((err as Error).message).toBe('Excel está en modo de edición de celda: presione Entrar o Esc y vuelva a intentar.');
  });

  test('ExcelApi 1.6 reads without merged areas, never an exception', async () => {
    const xl = new ExcelDouble({ apiVersion: '1.6' });
    xl.addSheet({ name: 'H', rows: [['a', 'b']], merges: ['A2:B2'] });
    const host = hostOn(xl);
    const g = await host.readGrids('workbook');
    expect(g.sheets[0].merges).toEqual([]);
    expect(g.name).toBe('Libro de Excel');
    expect(host.limitations().join(' ')).toMatch(/combinadas/);
  });
});

describe('writeMarks / clearMarks', () => {
  test('colours by overlay, writes notes, and clearing gives the workbook back exactly', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 20);
    xl.sheet('Hoja de captura').notes.set('C3', 'Nota de la persona');
    const cell = xl.sheet('Hoja de captura').cells;
    void cell;
    const before = JSON.stringify(xl.snapshot());
    const host = hostOn(xl);
    await host.writeMarks([
      finding('Hoja de captura', 'C3'),
      finding('Hoja de captura', 'C4'),
      finding('Hoja de captura', 'C5', 'warning', 'Revise'),
      finding('Hoja de captura', 'D9', 'warning', 'Revise'),
      finding('Hoja de captura', 'D9', 'error', 'Mal'),
    ]);
    const s = xl.sheet('Hoja de captura');
    expect(s.cfs.map((c) => [c.props['custom.rule.formula'], c.areas.length])).toEqual(
      expect.arrayContaining([
        ['=ISTEXT("tablero-pdm:error")', 2],
        ['=ISTEXT("tablero-pdm:advertencia")', 1],
      ]),
    );
    expect(xl.cell('Hoja de captura', 'C3').fill).toBeUndefined(); // own fill untouched
    expect(xl.cell('Hoja de captura', 'C3').note).toBe('Tablero PDM\nError — Texto donde va un número (number): Valor no válido\n\nNota anterior:\nNota de la persona');
    expect(xl.cell('Hoja de captura', 'D9').note).toContain('Error — Texto donde va un número (number): Mal');
    expect(xl.cell('Hoja de captura', 'C4').note).toBe('Tablero PDM\nError — Texto donde va un número (number): Valor no válido');
    await host.clearMarks();
    expect(JSON.stringify(xl.snapshot())).toBe(before);
  });

  test('marking twice does not stack; a note the person edited after marking is kept', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 5);
    const host = hostOn(xl);
    await host.writeMarks([finding('Hoja de captura', 'B2')]);
    await host.writeMarks([finding('Hoja de captura', 'B2'), finding('Hoja de captura', 'B3')]);
    expect(xl.sheet('Hoja de captura').cfs).toHaveLength(1);
    xl.sheet('Hoja de captura').notes.set('B3', 'Editada por la persona');
    await host.clearMarks();
    expect(xl.cell('Hoja de captura', 'B2').note).toBeUndefined();
    expect(xl.cell('Hoja de captura', 'B3').note).toBe('Editada por la persona');
    expect(xl.sheet('Hoja de captura').cfs).toHaveLength(0);
  });

  test('a person\'s own conditional formats are never removed', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 5);
    xl.sheet('Hoja de captura').cfs.push({ id: 999, type: 'Custom', areas: [{ top: 2, left: 1, bottom: 6, right: 1 }], priority: 0, props: { 'custom.rule.formula': '=A2>3' } });
    const host = hostOn(xl);
    await host.writeMarks([finding('Hoja de captura', 'A2')]);
    await host.clearMarks();
    expect(xl.sheet('Hoja de captura').cfs.map((c) => c.id)).toEqual([999]);
  });

  test('many findings: address strings ≤ 8,192 characters, batches under 5 MB, syncs constant in rows', async () => {
    const syncs: number[] = [];
    for (const rows of [2000, 20000]) {
      const xl = new ExcelDouble();
      captureSheet(xl, rows);
      const findings: Finding[] = [];
      for (let r = 2; r <= rows + 1; r += 2) findings.push(finding('Hoja de captura', `D${r}`, r % 4 ? 'warning' : 'error'));
      const host = hostOn(xl);
      xl.resetStats();
      await host.writeMarks(findings);
      syncs.push(xl.stats.syncs);
      expect(xl.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
      for (const cf of xl.sheet('Hoja de captura').cfs) expect(cf.areas.map((a) => `D${a.top}`).join(',').length).toBeLessThanOrEqual(8192);
      expect(xl.sheet('Hoja de captura').notes.size).toBe(findings.length);
    }
    expect(syncs[1]).toBeLessThanOrEqual(syncs[0] + 4);
  });

  test('a payload error while marking is retried with smaller batches and completes', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 400);
    const findings: Finding[] = [];
    for (let r = 2; r <= 401; r++) findings.push(finding('Hoja de captura', `B${r}`, 'error', 'x'.repeat(200)));
    xl.faults.payloadLimitBytes = 60_000;
    await hostOn(xl).writeMarks(findings);
    expect(xl.sheet('Hoja de captura').notes.size).toBe(400);
    expect(xl.stats.batches.some((b) => b.requestBytes > 60_000 && b.responseBytes === 0)).toBe(true);
  });

  test('protected sheet: clear Spanish message naming the sheet, nothing written', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 5);
    xl.sheet('Hoja de captura').protected = true;
    const before = JSON.stringify(xl.snapshot());
    await expect(hostOn(xl).writeMarks([finding('Hoja de captura', 'B2')])).rejects.toThrow(
      'La hoja «Hoja de captura» está protegida: desprotéjala (Revisar › Desproteger hoja) y vuelva a intentar.',
    );
    expect(JSON.stringify(xl.snapshot())).toBe(before);
  });

  test('an error at ANY write operation of marking leaves the workbook as it was, with a clear message', async () => {
    const setup = () => {
      const xl = new ExcelDouble();
      captureSheet(xl, 30);
      xl.sheet('Hoja de captura').notes.set('B4', 'Mía');
      return xl;
    };
    const findings = [2, 3, 4, 5, 6, 7].map((r) => finding('Hoja de captura', `B${r}`)).concat([finding('Hoja de captura', 'D9', 'warning')]);
    const probe = setup();
    await hostOn(probe).writeMarks(findings);
    const writes = probe.stats.batches.reduce((n, b) => n + b.writes, 0);
    expect(writes).toBeGreaterThan(10);
    for (let n = 1; n <= writes; n++) {
      const xl = setup();
      const before = JSON.stringify(xl.snapshot());
      xl.faults.failAtOperation = { n, onlyWrites: true, code: 'InvalidOperation', message: 'Focus lost' };
      const err = await hostOn(xl).writeMarks(findings).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ExcelHostError);
      expect((err as Error).message).toMatch(/El libro quedó como estaba\.$/);
      expect(JSON.stringify(xl.snapshot())).toBe(before);
    }
  });

  test('GeneralException half-way (on a sync) also leaves the workbook as it was', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 30);
    const before = JSON.stringify(xl.snapshot());
    const host = hostOn(xl);
    // Let the clear and the preparation pass, then lose focus on the sync that writes the marks.
    xl.faults.failAtOperation = { n: 1, onlyWrites: true, code: 'GeneralException', message: 'The workbook lost focus.' };
    const err = await host.writeMarks([finding('Hoja de captura', 'B2')]).catch((e: unknown) => e);
    expect((err as Error).message).toBe(`${excelMessages.generic('marcar las celdas')} El libro quedó como estaba.`);
    expect(JSON.stringify(xl.snapshot())).toBe(before);
  });

  test('cancelling between batches undoes what was written', async () => {
    const xl = new ExcelDouble();
    captureSheet(xl, 300);
    const before = JSON.stringify(xl.snapshot());
    const findings: Finding[] = [];
    for (let r = 2; r <= 301; r++) findings.push(finding('Hoja de captura', `B${r}`, 'error', 'y'.repeat(300)));
    const cancel = { cancelled: false };
    const progress = { report: (label: string) => void (label === 'Marcando celdas' && (cancel.cancelled = true)) };
    const err = await hostOn(xl, { budget: 20_000 }).writeMarks(findings, progress, cancel).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^Operación cancelada\./);
    expect(JSON.stringify(xl.snapshot())).toBe(before);
  });

  test('ExcelApi 1.6: no notes (said once), one range per rectangle, clear still exact', async () => {
    const xl = new ExcelDouble({ apiVersion: '1.6' });
    captureSheet(xl, 10);
    const before = JSON.stringify(xl.snapshot());
    const said: string[] = [];
    const host = hostOn(xl, { notify: (m) => said.push(m) });
    await host.writeMarks([finding('Hoja de captura', 'B2'), finding('Hoja de captura', 'D5')]);
    await host.writeMarks([finding('Hoja de captura', 'B2')]);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/ExcelApi 1\.18/);
    expect(xl.sheet('Hoja de captura').notes.size).toBe(0);
    expect(xl.sheet('Hoja de captura').cfs).toHaveLength(1);
    await host.clearMarks();
    expect(JSON.stringify(xl.snapshot())).toBe(before);
  });

  test('selectCell activates the sheet and selects the cell; a missing sheet is a Spanish message', async () => {
    const xl = new ExcelDouble();
    xl.addSheet({ name: 'A', rows: [[1]] });
    xl.addSheet({ name: 'B', rows: [[2]] });
    const host = hostOn(xl);
    await host.selectCell('B', 'C7');
    expect(xl.activeSheet).toBe('B');
    expect(xl.selection).toEqual({ sheet: 'B', address: 'C7' });
    await expect(host.selectCell('Z', 'A1')).rejects.toThrow('No se encontró la hoja «Z»');
  });

  test('settings round-trip through the document settings, sanitised', async () => {
    const xl = new ExcelDouble();
    const host = hostOn(xl);
    expect(await host.loadSettings()).toEqual({});
    await host.saveSettings({ entity: 'Alcaldía de Pasto', vigencia: 2025, cutoff: '2025-06-30', lagThreshold: 0.8 });
    expect(xl.savedSettings.size).toBe(1);
    expect(await host.loadSettings()).toEqual({ entity: 'Alcaldía de Pasto', vigencia: 2025, cutoff: '2025-06-30', lagThreshold: 0.8 });
    xl.settings.set('tablero-pdm.ajustes', { vigencia: 'x', cutoff: 'ayer', entity: 3 });
    expect(await host.loadSettings()).toEqual({});
  });
});
