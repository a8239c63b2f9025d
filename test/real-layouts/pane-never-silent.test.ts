/**
 * Issue 9, item 9 «Never silent», in the pane: Validar over the office-js adapter (the Excel
 * double) says what the reading could not do, as the command line does — the example's capture
 * sheet renamed and reworded (not read: an error marked on its title row, and the header's note
 * names it), and Cali's Cuadro 1S whose titles name no year (the note asks for the vigencia in
 * Ajustes, and no finding depends on the year).
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createPaneUseCases } from '../../src/app/pane';
import { createPaneActions, type RunControl } from '../../src/taskpane/controller';
import { hostOn } from '../excel-double/harness';
import { doubleFromWorkbook, workbookOf } from '../contract/hosts';
import { examples, repoRoot, tempDir } from '../cli/io';

const cali = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
const maybe = existsSync(cali) ? describe : describe.skip;
const run: RunControl = { progress: { report: () => undefined }, cancel: { cancelled: false } };

async function paneOn(bytes: Buffer) {
  const host = hostOn(doubleFromWorkbook(await workbookOf(bytes)));
  return createPaneActions(host, createPaneUseCases(async () => 'x'));
}

maybe('the pane is never silent either', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir('tablero-pane-silent-')));
  afterAll(() => cleanup());

  it('a capture sheet whose titles are not recognised: an error on its title row, and the note names it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(examples.capture);
    const ws = wb.getWorksheet('HC T2')!;
    ws.name = 'Avances';
    const titles = ['Eje del plan', 'Número de programa', 'Identificador del compromiso', 'Compromiso', 'Área a cargo', 'Forma de sumar', 'Situación inicial', 'Lo esperado en el año', 'Lo previsto'];
    titles.forEach((t, k) => (ws.getCell(7, k + 1).value = t));
    ws.getCell('M7').value = 'Lo logrado';
    const pane = await paneOn(Buffer.from(await wb.xlsx.writeBuffer()));
    const outcome = await pane.validate('workbook', run);
    const mine = outcome.findings.filter((f) => f.sheet === 'Avances');
    expect(mine.map((f) => `${f.rule} ${f.cell} ${f.severity}`)).toEqual(['header-missing A8 error']);
    expect(outcome.detection.note).toContain('La hoja «Avances» parece traer datos pero no se leyó');
    expect(outcome.detection.note).toContain('«En este libro»');
  }, 60_000);

  it('Cali Cuadro 1S with no year in its titles: the note asks for the vigencia in Ajustes; no year-dependent finding', async () => {
    const out = path.join(dir, 'cali-sin-anio.xlsx');
    const script = [
      'import sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'for ws in wb.worksheets:',
      '    for row in ws.iter_rows(min_row=1, max_row=9):',
      '        for c in row:',
      "            if isinstance(c.value, str) and ' 2025' in c.value: c.value = c.value.replace(' 2025', '')",
      'wb.save(sys.argv[2])',
    ].join('\n');
    execFileSync('python3', ['-c', script, cali, out]);
    const pane = await paneOn(readFileSync(out));
    const outcome = await pane.validate('workbook', run);
    expect(outcome.detection.note).toContain('No se encontró la vigencia de la hoja «MEDE01.03.01.P01.F05»');
    expect(outcome.detection.note).toContain('en Ajustes');
    expect(outcome.detection.note).not.toContain('--vigencia');
    expect(outcome.findings.filter((f) => ['activity-overdue', 'missing-report', 'over-execution', 'analysis-required', 'budget-ahead'].includes(f.rule))).toEqual([]);
    expect(outcome.findings.some((f) => f.rule === 'date-order')).toBe(true);
  }, 60_000);
});
