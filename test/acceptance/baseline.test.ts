/**
 * Acceptance — issue 11 "Done when", the approved plan: `tablero aprobar` on the example plan de
 * acción; then, as a unit would, change a programmed value of a measured period, register (or
 * not) the change in «Control de cambios», add a goal; `validar` on the edited copy and `comparar`
 * on the two files give the baseline findings (rules.md "Rules against the approved baseline").
 *
 * examples/plan-accion-2025.xlsx, sheet PE-F-012: header rows 6–7, goal 1905021 on rows 8–9
 * (merged), Programado T1 in column N (1.500), the totals row 32 after the last activity.
 * Cut-off 30/06/2025: T1 (ended 31/03/2025) and T2 (30/06/2025) are measured.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { tablero, tempDir } from './harness';
import { ruleIdOf } from '../helpers/generated-sheets';

interface Finding { rule: string; severity: string; sheet: string; cell: string; goal?: string; message: string }
const PLAN = path.resolve(__dirname, '..', '..', 'examples', 'plan-accion-2025.xlsx');
const BASELINE_RULES = ['added-after-approval', 'past-period-changed', 'change-without-justification', 'repeated-modification', 'late-modification'];

async function edit(dir: string, from: string, to: string, f: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, from));
  f(wb);
  await wb.xlsx.writeFile(path.join(dir, to));
}

const t1Lowered = (wb: ExcelJS.Workbook): void => {
  (wb.getWorksheet('PE-F-012') as ExcelJS.Worksheet).getCell('N8').value = 1400;
};
const logRow = (date: Date) => (wb: ExcelJS.Workbook): void => {
  const log = wb.getWorksheet('Control de cambios') as ExcelJS.Worksheet;
  log.getRow(2).values = [date, '1905021', 'Programado T1', 1500, 1400, 'Se trasladaron 100 dosis al segundo semestre', 'Oficio OPGI-2025-041'];
};
const goalAdded = (wb: ExcelJS.Workbook): void => {
  const ws = wb.getWorksheet('PE-F-012') as ExcelJS.Worksheet;
  // Row 32 held the totals; the unit writes a new goal there.
  ws.getRow(32).values = [
    'Dimensión Social', 'Salud y protección social', 1905, 'Salud pública', '1905099', 'Realizar 10 brigadas de salud oral',
    'Brigadas realizadas', 'Número', 'Producto', 'Suma', null, 40, 10, 0, 0, 5, 5, 'Secretaría de Salud', 'Diana Carolina Erazo Muñoz',
    'Atención integral en salud a la primera infancia', '2024520010041', 'Realizar brigadas en los corregimientos',
    new Date(Date.UTC(2025, 6, 1)), new Date(Date.UTC(2025, 11, 15)), 'Recursos propios', 20_000_000, 'No',
  ];
};

async function baselineFindings(dir: string, argv: string[]): Promise<Finding[]> {
  const r = await tablero([...argv, '--corte', '2025-06-30', '--json'], dir);
  expect(r.stderr).toBe('');
  const json = JSON.parse(r.stdout) as { files: { findings: Finding[] }[] };
  return json.files[0].findings.filter((f) => BASELINE_RULES.includes(f.rule));
}
const brief = (fs: Finding[]) => fs.map((f) => [f.rule, f.severity, f.cell, f.goal]);

describe('acceptance: the approved plan and its change log (issue 11)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    const r = await tablero(['aprobar', PLAN, '--fecha', '2025-01-28', '--acta', 'Acta 01 de 2025', '-o', 'aprobado.xlsx'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // 14 goal codes in the example plan (24 activity rows).
    expect(r.stdout).toContain('Plan aprobado el 28/01/2025 (Acta 01 de 2025): 14 metas del plan de acción, vigencia 2025');
  });
  afterAll(() => cleanup());

  it('stores the baseline in a very hidden sheet and adds «Control de cambios»; the approved copy has no baseline finding', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'aprobado.xlsx'));
    expect(wb.getWorksheet('_tablero_pdm_aprobado')?.state).toBe('veryHidden');
    expect((wb.getWorksheet('Control de cambios') as ExcelJS.Worksheet).getRow(1).values).toEqual([
      undefined, 'Fecha', 'Código meta', 'Campo', 'Antes', 'Después', 'Justificación', 'Acta u oficio',
    ]);
    expect(await baselineFindings(dir, ['validar', 'aprobado.xlsx'])).toEqual([]);
    // The product's records are not data sheets: not listed as unrecognised either.
    const v = await tablero(['validar', 'aprobado.xlsx', '--corte', '2025-06-30'], dir);
    expect(v.stdout).toContain('Hojas no reconocidas: Instrucciones\n');
  });

  it('T1 changed without a «Control de cambios» row: past-period-changed and change-without-justification on N8', async () => {
    await edit(dir, 'aprobado.xlsx', 'sin-registro.xlsx', t1Lowered);
    const found = await baselineFindings(dir, ['validar', 'sin-registro.xlsx']);
    expect(brief(found).sort()).toEqual([
      ['change-without-justification', 'error', 'N8', '1905021'],
      // No entry: the change is judged at the cut-off, 30/06/2025, after T1 ended (31/03/2025).
      ['past-period-changed', 'error', 'N8', '1905021'],
    ]);
    expect(found.find((f) => f.rule === 'change-without-justification')!.message).toContain('cambió de 1.500 (plan aprobado) a 1.400');
  });

  it('with the row (10/05/2025): only what the criteria still forbid remains — T1 had already been measured', async () => {
    await edit(dir, 'sin-registro.xlsx', 'con-registro.xlsx', logRow(new Date(Date.UTC(2025, 4, 10))));
    const found = await baselineFindings(dir, ['validar', 'con-registro.xlsx']);
    expect(brief(found)).toEqual([['past-period-changed', 'error', 'N8', '1905021']]);
    expect(found[0].message).toContain('se modificó el 10/05/2025, cuando ese periodo ya había terminado (31/03/2025)');
  });

  it('a goal added after the approval: added-after-approval on its code', async () => {
    await edit(dir, 'aprobado.xlsx', 'meta-nueva.xlsx', goalAdded);
    const found = await baselineFindings(dir, ['validar', 'meta-nueva.xlsx']);
    expect(brief(found)).toEqual([['added-after-approval', 'error', 'E32', '1905099']]);
    expect(found[0].message).toContain('aprobado el 28/01/2025 (Acta 01 de 2025)');
  });

  it('comparar on the two files gives the same findings', async () => {
    await edit(dir, 'con-registro.xlsx', 'todo.xlsx', goalAdded);
    const viaStored = await baselineFindings(dir, ['validar', 'todo.xlsx']);
    const viaFiles = await baselineFindings(dir, ['comparar', 'aprobado.xlsx', 'todo.xlsx']);
    expect(brief(viaStored)).toEqual([
      ['past-period-changed', 'error', 'N8', '1905021'],
      ['added-after-approval', 'error', 'E32', '1905099'],
    ]);
    expect(viaFiles).toEqual(viaStored);
    // The approved version as a plain file (no stored baseline): the example plan itself.
    const r = await tablero(['comparar', PLAN, 'todo.xlsx', '--corte', '2025-06-30', '--fecha', '2025-01-28'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Frente al plan aprobado el 28/01/2025');
    expect(r.stdout).toMatch(/N8 +error +Periodo ya medido reprogramado \(past-period-changed\)/);
    expect(r.stdout).toMatch(/E32 +error +Meta agregada después de aprobado el plan \(added-after-approval\)/);
  });

  it('comparar says it checked the approved plan only, never «listo para enviar» (validar finds errors there)', async () => {
    const r = await tablero(['comparar', 'aprobado.xlsx', PLAN, '--corte', '2025-06-30'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sin diferencias prohibidas frente al plan aprobado; las demás reglas se revisan con tablero validar.');
    expect(r.stdout).not.toContain('listo para enviar');
    const v = await tablero(['validar', PLAN, '--corte', '2025-06-30'], dir);
    expect(v.code).toBe(1);
  });

  it('generar applies the baseline rules too: its Observaciones list what validar finds', async () => {
    const viaValidar = await baselineFindings(dir, ['validar', 'todo.xlsx']);
    const r = await tablero(['generar', 'todo.xlsx', '--corte', '2025-06-30', '-o', 'todo-generado.xlsx'], dir);
    expect(r.stderr).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'todo-generado.xlsx'));
    const obs = wb.getWorksheet('Observaciones') as ExcelJS.Worksheet;
    const header = obs.getSheetValues().findIndex((row) => Array.isArray(row) && row.includes('Regla'));
    const cols = (obs.getRow(header).values as unknown[]).map(String);
    const [cCell, cRule] = [cols.indexOf('Celda'), cols.indexOf('Regla')];
    const listed: string[][] = [];
    obs.eachRow((row, n) => {
      if (n <= header || typeof row.getCell(1).value !== 'number') return; // the findings' rows are numbered (N.º)
      const rule = ruleIdOf(String(row.getCell(cRule).value));
      if (BASELINE_RULES.includes(rule)) listed.push([rule, row.getCell(cCell).text]);
    });
    expect(listed.sort()).toEqual(viaValidar.map((f) => [f.rule, f.cell]).sort());
    expect(listed.length).toBe(2); // past-period-changed N8, added-after-approval E32
    expect(obs.getSheetValues().flat()).toContain('Periodo ya medido reprogramado (past-period-changed)');
    // …and the cell N8 is marked in the copy.
    expect((wb.getWorksheet('PE-F-012') as ExcelJS.Worksheet).getCell('N8').note).toBeTruthy();
  });

  it('aprobar on an approved workbook refuses, and --reemplazar replaces the approval (saying which)', async () => {
    const again = await tablero(['aprobar', 'aprobado.xlsx', '--fecha', '2025-03-15', '--acta', 'Acta 04 de 2025', '-o', 'otra.xlsx'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('El libro ya tiene un plan aprobado el 28/01/2025 (Acta 01 de 2025, 14 metas)');
    expect(again.stderr).toContain('use --reemplazar');
    expect(again.stdout).toBe('');
    const replaced = await tablero(['aprobar', 'aprobado.xlsx', '--fecha', '2025-03-15', '--acta', 'Acta 04 de 2025', '-o', 'otra.xlsx', '--reemplazar'], dir);
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('Se reemplazó la aprobación anterior, el 28/01/2025 (Acta 01 de 2025, 14 metas).');
    expect(replaced.stdout).toContain('Plan aprobado el 15/03/2025 (Acta 04 de 2025)');
    // One baseline sheet, the new one.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'otra.xlsx'));
    expect(wb.worksheets.filter((w) => w.name.startsWith('_tablero_pdm_aprobado')).map((w) => w.name)).toEqual(['_tablero_pdm_aprobado']);
    expect(wb.getWorksheet('_tablero_pdm_aprobado')!.getCell('B3').value).toBe('Acta 04 de 2025');
    // --reemplazar belongs to aprobar only.
    const misuse = await tablero(['validar', 'aprobado.xlsx', '--reemplazar'], dir);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain('no admite la opción --reemplazar');
  });

  it('comparar with an approved file that stores no approval needs --fecha (never a guessed 1 January)', async () => {
    const r = await tablero(['comparar', PLAN, 'todo.xlsx', '--corte', '2025-06-30'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no guarda la fecha de su aprobación');
    expect(r.stderr).toContain('--fecha AAAA-MM-DD');
    // A file that stores it: its own date, even when --fecha says another.
    const s = await tablero(['comparar', 'aprobado.xlsx', 'todo.xlsx', '--corte', '2025-06-30', '--fecha', '2025-02-01'], dir);
    expect(s.code).toBe(1);
    expect(s.stdout).toContain('Frente al plan aprobado el 28/01/2025 (Acta 01 de 2025)');
    expect(s.stderr).toContain('guarda su aprobación del 28/01/2025; se usa esa fecha');
  });
});
