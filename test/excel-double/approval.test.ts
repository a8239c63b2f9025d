/**
 * The pane's Aprobar plan / Registrar modificación through the office-js adapter over the strict
 * Excel double, on the example plan de acción (examples/plan-accion-2025.xlsx: 14 goal codes):
 * what it writes is what `tablero aprobar` writes and what the reader reads back.
 */
import * as path from 'node:path';
import { ExcelDouble } from './index';
import { hostOn } from './harness';
import { fixtureOf } from '../browser/fixture';
import { createApprovalActions } from '../../src/taskpane/approval';
import { readWorkbook } from '../../src/domain/reader';
import { changeLogOf, storedBaseline } from '../../src/domain/baseline';
import { UserError } from '../../src/app/errors';

const PLAN = path.resolve(__dirname, '..', '..', 'examples', 'plan-accion-2025.xlsx');

async function planDouble(): Promise<ExcelDouble> {
  const xl = new ExcelDouble({ apiVersion: '1.18' });
  for (const s of (await fixtureOf(PLAN)).sheets) xl.addSheet(s);
  return xl;
}

async function readBack(xl: ExcelDouble) {
  return readWorkbook(await hostOn(xl).readGrids('workbook'));
}

describe('Aprobar plan / Registrar modificación over the Excel double', () => {
  test('approves into a very hidden sheet (codes kept as text) and adds «Control de cambios»; a second approval needs replace', async () => {
    const xl = await planDouble();
    const approval = createApprovalActions(hostOn(xl));
    expect((await approval.state()).approved).toBeNull();
    expect((await approval.state()).goalsToApprove).toBe(14);
    const r = await approval.approve('2025-01-28', 'Acta 01 de 2025', false);
    expect(r).toEqual({ description: 'el 28/01/2025 (Acta 01 de 2025, 14 metas)', replaced: null });
    expect(xl.sheet('_tablero_pdm_aprobado').visibility).toBe('VeryHidden');
    expect(xl.cell('_tablero_pdm_aprobado', 'A8')).toMatchObject({ value: '1905021', numberFormat: '@' });
    expect(xl.cell('Control de cambios', 'A1').value).toBe('Fecha');
    const b = storedBaseline(await readBack(xl));
    expect(b).toMatchObject({ approvedOn: '2025-01-28', act: 'Acta 01 de 2025', vigencia: 2025, from: 'plan-accion' });
    expect(b?.goals.find((g) => g.code === '1905021')?.planned[0]).toBe(1500);

    const before = JSON.stringify(xl.snapshot());
    const refused = approval.approve('2025-03-15', 'Acta 04 de 2025', false);
    await expect(refused).rejects.toBeInstanceOf(UserError);
    await expect(refused).rejects.toThrow('El libro ya tiene un plan aprobado el 28/01/2025 (Acta 01 de 2025, 14 metas)');
    expect(JSON.stringify(xl.snapshot())).toBe(before);
  });

  test('a replacement is written over the old sheet (Excel cannot delete it) and blanks what the old one used beyond', async () => {
    const xl = await planDouble();
    const approval = createApprovalActions(hostOn(xl));
    await approval.approve('2025-01-28', 'Acta 01 de 2025', false);
    // An older, longer approval: 30 more goal rows and an extra column.
    const extra = Array.from({ length: 30 }, (_, i) => [`X${i}`, 'vieja', '', '', 1, 'No', 1, 1, 1, 1, 'sobra']);
    await hostOn(xl).writeCells([{ sheet: '_tablero_pdm_aprobado', top: 22, left: 1, values: extra }]);
    expect(storedBaseline(await readBack(xl))?.goals.length).toBe(44);
    const id = xl.sheet('_tablero_pdm_aprobado').id;
    const r = await approval.approve('2025-03-15', 'Acta 04 de 2025', true);
    expect(r.replaced).toBe('el 28/01/2025 (Acta 01 de 2025, 44 metas)');
    expect(xl.sheet('_tablero_pdm_aprobado').id).toBe(id);
    expect(xl.sheet('_tablero_pdm_aprobado').visibility).toBe('VeryHidden');
    expect(xl.cell('_tablero_pdm_aprobado', 'A51').value).toBeNull();
    expect(xl.cell('_tablero_pdm_aprobado', 'K30').value).toBeNull();
    const b = storedBaseline(await readBack(xl));
    expect(b).toMatchObject({ approvedOn: '2025-03-15', act: 'Acta 04 de 2025' });
    expect(b?.goals.length).toBe(14);
  });

  test('Registrar modificación appends under a person\'s own «Control de cambios» header, in its columns', async () => {
    const xl = await planDouble();
    xl.addSheet({
      name: 'Control de Cambios',
      rows: [['Registro de modificaciones'], [], ['Código meta', 'Fecha', 'Campo', 'Justificación', 'Antes', 'Después', 'Oficio'], ['1905031', 45700, 'Meta vigencia', 'Ajuste', 12, 14, 'Of. 1']],
      formats: { B4: 'dd/mm/yyyy' },
    });
    const approval = createApprovalActions(hostOn(xl));
    await approval.approve('2025-01-28', 'Acta 01 de 2025', false);
    expect(xl.wb.sheets.map((s) => s.name).filter((n) => /cambios/i.test(n))).toEqual(['Control de Cambios']);
    const state = await approval.state();
    expect(state.changes).toBe(1);
    // «Antes» of a field changed before is the last «Después» recorded for it.
    expect(state.goals.find((g) => g.code === '1905031')?.fields.find((f) => f.field === 'yearGoal')?.before).toBe('14');
    await approval.register({ date: '2025-05-10', goal: '1905021', field: 'Programado T1', before: '1.500', after: '1400', justification: 'Traslado al segundo semestre', act: 'Oficio 041' });
    expect(xl.cell('Control de Cambios', 'A5')).toMatchObject({ value: '1905021', numberFormat: '@' });
    expect(xl.cell('Control de Cambios', 'B5')).toMatchObject({ value: 45787, numberFormat: 'dd/mm/yyyy' });
    expect(['C5', 'D5', 'E5', 'F5', 'G5'].map((c) => xl.cell('Control de Cambios', c).value)).toEqual(['Programado T1', 'Traslado al segundo semestre', 1500, 1400, 'Oficio 041']);
    const log = changeLogOf(await readBack(xl));
    expect(log?.entries[1]).toMatchObject({ row: 5, date: '2025-05-10', goal: '1905021', field: 'planned1', before: '1500', after: '1400', justification: 'Traslado al segundo semestre', act: 'Oficio 041' });
    await expect(approval.register({ date: '2025-05-10', goal: '1905021', field: 'Programado T1', before: '', after: '', justification: '  ', act: '' })).rejects.toThrow('Escriba la justificación');
    // The tipo de acumulación is a field of the form too, shown by its name, and recorded as such.
    const acc = state.goals.find((g) => g.code === '1905021')?.fields.find((f) => f.field === 'accumulation');
    expect(acc?.label).toBe('Tipo de acumulación');
    expect(acc?.before).toMatch(/^(Suma|Creciente|Constante|Decreciente)$/);
    await approval.register({ date: '2025-05-12', goal: '1905021', field: 'Tipo de acumulación', before: acc?.before ?? '', after: 'Creciente', justification: 'Se reporta la cobertura', act: 'Oficio 042' });
    expect(changeLogOf(await readBack(xl))?.entries[2]).toMatchObject({ goal: '1905021', field: 'accumulation', after: 'Creciente' });
  });
});
