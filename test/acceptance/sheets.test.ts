/**
 * Acceptance — issue 3 "Done when": `tablero generar` writes the Tablero de control and Alertas;
 * every unit is in the tablero with its figures; the figures agree with `reporte --json` for the
 * same file and cut-off; the lagging goals of the cut-off are in Alertas; from the third quarter
 * the cumulative matrix exists (progress.md "What is generated").
 *
 * Workbook (capture sheet "HC 2025" + a plan de acción with one goal that nobody reported).
 * Per goal, hand-computed from progress.md:
 *
 * | code | unit | type | at T2 (30/06/2025) | at T3 (30/09/2025) |
 * |---|---|---|---|---|
 * | 1905001 | Salud | suma M 10, P 5,5,0,0, E 4,4 | p 10 e 8 → 0,8 / 0,8 al día | p 10 e 8 → al día |
 * | 1905002 | Salud | suma M 10, P 5,5,0,0, no report | p 10 → 0 / 0 no iniciada | no iniciada |
 * | 1905003 | Salud | creciente LB 40 M 100, P 55,70,85,100, E 52,61 | (61−40)/(70−40) = 0,7; 21/60 = 0,35 atrasada | T3 blank: not reported → no iniciada |
 * | 2201001 | Educación | suma M 10, P 5,5,0,0, E 6,6 | 1,2 / 1,2 sobreejecutada | sobreejecutada |
 * | 2201002 | Educación | decreciente LB 20 M 10, P 18,16,13,10, E 19,17 | (20−17)/(20−16) = 0,75; 3/10 = 0,3 atrasada | T3 blank → no iniciada |
 * | 4599001 | Gobierno | constante M 10, P 10 ×4, E 10,10 | 1 / 1 al día (a level is kept until T4) | T3 blank → no iniciada |
 *
 * Units at T2 (equal weights, capped at 100 %; budget 8 M ÷ 10 M per goal):
 * - Secretaría de Gobierno: 1 goal, compliance 1, progress 1, budget 0,8, Sobresaliente → rank 1
 * - Secretaría de Educación: 2 goals, (1 + 0,75) ÷ 2 = 0,875, (1 + 0,3) ÷ 2 = 0,65, 0,8, Sobresaliente → rank 2
 * - Secretaría de Salud: 3 goals, (0,8 + 0 + 0,7) ÷ 3 = 0,5, (0,8 + 0 + 0,35) ÷ 3 = 0,38333…, 0,8, Bajo → rank 3
 * Plan: 6 goals, (0,8 + 0 + 0,7 + 1 + 0,75 + 1) ÷ 6 = 0,708333… Satisfactorio; (0,8 + 0 + 0,35 + 1 + 0,3 + 1) ÷ 6 = 0,575.
 * Rezagadas at T2: 1905002 (no iniciada), 1905003, 2201002 (atrasadas). Above what was due: 2201001
 * (12 of 10). Blank due periods (missing-report): 1905002 (T1, T2).
 * Plan goal 2201009 (P 250 in T1 and T2) is absent from the capture sheet: "sin reporte".
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { writeXlsx } from '../helpers/xlsx';
import { planSheet } from '../helpers/sheets';
import { ruleIdOf } from '../helpers/generated-sheets';
import { captureSpec, tablero, tempDir } from './harness';
import type { Goal, JReport } from './harness';

const SALUD = 'Secretaría de Salud';
const EDU = 'Secretaría de Educación';
const GOB = 'Secretaría de Gobierno';

// prettier-ignore
const goals: Goal[] = [
  { code: '1905001', unit: SALUD, acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [4, 4] },
  { code: '1905002', unit: SALUD, acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [], analysis: 'Proceso contractual en curso', evidence: null },
  { code: '1905003', unit: SALUD, acc: 'Creciente', lb: 40, m: 100, p: [55, 70, 85, 100], e: [52, 61] },
  { code: '2201001', unit: EDU, program: '2201', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [6, 6], analysis: 'Mayor demanda de cupos' },
  { code: '2201002', unit: EDU, program: '2201', acc: 'Decreciente', lb: 20, m: 10, p: [18, 16, 13, 10], e: [19, 17] },
  { code: '4599001', unit: GOB, program: '4599', acc: 'Constante', m: 10, p: [10, 10, 10, 10], e: [10, 10] },
];

type Cell = ExcelJS.CellValue;

function plain(v: Cell): unknown {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (v && typeof v === 'object' && 'text' in v) return (v as { text: string }).text;
  return v;
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= 14; c++) row.push(plain(ws.getCell(r, c).value));
    out.push(row);
  }
  return out;
}

function findRow(rows: unknown[][], pred: (r: unknown[]) => boolean, from = 0): number {
  for (let i = from; i < rows.length; i++) if (pred(rows[i])) return i;
  return -1;
}

describe('acceptance: generated Tablero and Alertas agree with reporte', () => {
  let dir: string;
  let cleanup: () => void;
  const books = new Map<string, ExcelJS.Workbook>();
  const reports = new Map<string, JReport>();

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    await writeXlsx(path.join(dir, 'seguimiento.xlsx'), [
      captureSpec(goals),
      planSheet([{ goalCode: '2201009', goal: 'Dotar 12 bibliotecas escolares', programCode: '2201', program: 'Calidad educativa', unit: EDU }]),
    ]);
    for (const [cutoff, out] of [['2025-06-30', 't2.xlsx'], ['2025-09-30', 't3.xlsx']]) {
      const g = await tablero(['generar', 'seguimiento.xlsx', '--corte', cutoff, '-o', out], dir);
      expect(g.stderr).not.toMatch(/Error interno/);
      expect(g.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, out));
      books.set(cutoff, wb);
      const r = await tablero(['reporte', 'seguimiento.xlsx', '--corte', cutoff, '--json'], dir);
      expect(r.code).toBe(0);
      reports.set(cutoff, JSON.parse(r.stdout) as JReport);
    }
  });
  afterAll(() => cleanup());

  it('writes the three sheets next to the source sheets', () => {
    const names = (books.get('2025-06-30') as ExcelJS.Workbook).worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['HC 2025', 'Plan de Acción 2025', 'Tablero de control', 'Alertas', 'Observaciones']));
  });

  it('reporte gives the hand-computed unit figures', () => {
    const rep = reports.get('2025-06-30') as JReport;
    expect(rep.units.map((u) => [u.rank, u.name, u.goals, u.rating])).toEqual([
      [1, GOB, 1, 'Sobresaliente'], [2, EDU, 2, 'Sobresaliente'], [3, SALUD, 3, 'Bajo'],
    ]);
    expect(rep.units.map((u) => u.compliance)).toEqual([1, 0.875, 0.5]);
    expect(rep.units[2].progress).toBeCloseTo(1.15 / 3, 10);
    expect(rep.plan.compliance).toBeCloseTo(4.25 / 6, 10);
    expect(rep.plan.progress).toBeCloseTo(0.575, 10);
  });

  it('every unit is in the tablero\'s ranking with the same figures as reporte --json', () => {
    const ws = (books.get('2025-06-30') as ExcelJS.Workbook).getWorksheet('Tablero de control') as ExcelJS.Worksheet;
    const rows = rowsOf(ws);
    const title = findRow(rows, (r) => r[0] === 'Ranking de gestión por dependencia');
    expect(title).toBeGreaterThan(0);
    const rep = reports.get('2025-06-30') as JReport;
    // Table: A rank, B unit, C goals, D compliance, E progress, F budget execution, G rating.
    const table = rows.slice(title + 2, title + 2 + rep.units.length);
    expect(table.map((r) => [r[0], r[1], r[2], r[6]])).toEqual(rep.units.map((u) => [u.rank, u.name, u.goals, u.rating]));
    table.forEach((r, i) => {
      const u = rep.units[i];
      expect(r[3] as number).toBeCloseTo(u.compliance as number, 12);
      expect(r[4] as number).toBeCloseTo(u.progress as number, 12);
      expect(r[5] as number).toBeCloseTo(u.budgetExecution as number, 12);
    });
    // Hand figures: Salud 0,5 / 0,3833… / 0,8
    expect(table[2][3]).toBeCloseTo(0.5, 12);
    expect(table[2][4]).toBeCloseTo(1.15 / 3, 12);
    expect(table[2][5]).toBeCloseTo(0.8, 12);
  });

  it('the plan row and KPI band agree with reporte (plan compliance 0,7083…, progress 0,575)', () => {
    const ws = (books.get('2025-06-30') as ExcelJS.Workbook).getWorksheet('Tablero de control') as ExcelJS.Worksheet;
    const rows = rowsOf(ws);
    const total = findRow(rows, (r) => r[1] === 'Total plan');
    expect(total).toBeGreaterThan(0);
    expect([rows[total][2], rows[total][6]]).toEqual([6, 'Satisfactorio']);
    expect(rows[total][3] as number).toBeCloseTo(4.25 / 6, 12);
    expect(rows[total][4] as number).toBeCloseTo(0.575, 12);
    expect(rows[total][5] as number).toBeCloseTo(0.8, 12);
  });

  it('the title block gives the cut-off and the report deadline (30/06/2025 → 15/07/2025)', () => {
    const ws = (books.get('2025-06-30') as ExcelJS.Workbook).getWorksheet('Tablero de control') as ExcelJS.Worksheet;
    const rows = rowsOf(ws).slice(0, 8);
    const flat = rows.flat();
    const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    const after = (label: string) => {
      const i = flat.findIndex((v) => typeof v === 'string' && v.startsWith(label));
      return iso(flat.slice(i + 1).find((v) => v !== null && v !== undefined && v !== flat[i]));
    };
    expect(after('Fecha de corte')).toBe('2025-06-30');
    expect(after('Plazo de reporte')).toBe('2025-07-15');
    expect(String(rows[1][0])).toContain('Tablero de control — Plan de Acción 2025');
  });

  it('Alertas: the lagging goals of the cut-off, grouped by unit; goals over 100 %; the plan goal with no report', () => {
    const ws = (books.get('2025-06-30') as ExcelJS.Workbook).getWorksheet('Alertas') as ExcelJS.Worksheet;
    const rows = rowsOf(ws);
    const s1 = findRow(rows, (r) => typeof r[0] === 'string' && r[0].startsWith('1. Matriz de metas rezagadas'));
    const s2 = findRow(rows, (r) => typeof r[0] === 'string' && r[0].startsWith('2. Por encima de lo programado al corte'));
    const s3 = findRow(rows, (r) => typeof r[0] === 'string' && r[0].startsWith('3. Periodos vencidos sin reporte'));
    const s4 = findRow(rows, (r) => typeof r[0] === 'string' && r[0].startsWith('4. Metas del plan de acción sin reporte'));
    expect([s1 > 0, s2 > s1, s3 > s2, s4 > s3]).toEqual([true, true, true, true]);
    const codes = (from: number, to: number) =>
      rows.slice(from, to).map((r) => r[0]).filter((v): v is string => typeof v === 'string' && /^\d{7}$/.test(v));
    // Groups sorted by unit name: Educación (2201002), then Salud (1905002, 1905003).
    expect(codes(s1, s2)).toEqual(['2201002', '1905002', '1905003']);
    const header = rows[s1 + 1];
    expect(header.slice(9, 13)).toEqual(['Causa del rezago', 'Acción correctiva', 'Responsable', 'Fecha de compromiso']);
    const r3 = rows.find((r) => r[0] === '1905003') as unknown[];
    // planned 70, executed 61, compliance 0,7, gap 70 − 61 = 9, Atrasada; blank columns for the unit
    expect([r3[3], r3[4], r3[6], r3[7], r3[9], r3[10], r3[11], r3[12]]).toEqual([70, 61, 9, 'Atrasada', null, null, null, null]);
    expect(r3[5] as number).toBeCloseTo(0.7, 12);
    expect(codes(s2, s3)).toEqual(['2201001']);
    // 1905002: T1 and T2 programmed (5, 5) and blank.
    expect(codes(s3, s4)).toEqual(['1905002']);
    expect(rows[s3][0]).toBe('3. Periodos vencidos sin reporte en la hoja de captura: 1 meta');
    expect((rows.find((r) => r[0] === '1905002' && rows.indexOf(r) > s3) as unknown[])[4]).toBe('T1, T2');
    expect(codes(s4, rows.length)).toEqual(['2201009']);
    expect(rows.some((r) => typeof r[0] === 'string' && r[0].startsWith('5. Matriz acumulada'))).toBe(false); // only from T3
  });

  it('from T3 on, the cumulative matrix gives each lagging goal\'s state at T1, T2 and T3', () => {
    const ws = (books.get('2025-09-30') as ExcelJS.Workbook).getWorksheet('Alertas') as ExcelJS.Worksheet;
    const rows = rowsOf(ws);
    const s4 = findRow(rows, (r) => typeof r[0] === 'string' && r[0].startsWith('5. Matriz acumulada'));
    expect(s4).toBeGreaterThan(0);
    expect(rows[s4 + 1].slice(4, 8)).toEqual(['Estado al corte T1', 'Estado al corte T2', 'Estado al corte T3', 'Cortes en rezago']);
    const matrix = rows.slice(s4 + 2).filter((r) => typeof r[0] === 'string' && /^\d{7}$/.test(r[0] as string));
    // The workbook has no T3 report: for the level types the blank T3 is not carried forward in silence.
    // 2201002 decreciente: T1 (20−19)/(20−18) = 0,5 atrasada; T2 0,75 atrasada; T3 blank → no iniciada
    // 4599001 constante: T1 and T2 10 of 10 → al día (a level is kept until T4); T3 blank → no iniciada
    // 1905002: due from T1, never reported → no iniciada ×3
    // 1905003 creciente LB 40: T1 (52−40)/(55−40) = 0,8 al día; T2 0,7 atrasada; T3 blank → no iniciada
    expect(matrix.map((r) => [r[0], r[4], r[5], r[6], r[7]])).toEqual([
      ['2201002', 'Atrasada', 'Atrasada', 'No iniciada', '3 de 3'],
      ['4599001', 'Al día', 'Al día', 'No iniciada', '1 de 3'],
      ['1905002', 'No iniciada', 'No iniciada', 'No iniciada', '3 de 3'],
      ['1905003', 'Al día', 'Atrasada', 'No iniciada', '2 de 3'],
    ]);
  });

  it('Observaciones lists every finding of validar, sorted by sheet and row, each with a link to its cell', async () => {
    const v = await tablero(['validar', 'seguimiento.xlsx', '--corte', '2025-06-30', '--json'], dir);
    const findings = JSON.parse(v.stdout).files[0].findings as { rule: string; sheet: string; cell: string; row: number; goal?: string }[];
    expect(findings.length).toBeGreaterThan(0);
    const ws = (books.get('2025-06-30') as ExcelJS.Workbook).getWorksheet('Observaciones') as ExcelJS.Worksheet;
    const rows = rowsOf(ws);
    const header = findRow(rows, (r) => r[0] === 'N.º');
    // A N.º | B Hoja | C Celda | D Fila | E Meta | F Severidad | G Regla | H Observación
    const listed = rows.slice(header + 1, header + 1 + findings.length);
    const key = (f: { sheet: string; cell: string; row: number; rule: string }) => `${f.sheet}|${f.cell}|${f.row}|${f.rule}`;
    expect(listed.map((r) => `${r[1]}|${r[2]}|${r[3]}|${ruleIdOf(String(r[6]))}`).sort()).toEqual(findings.map(key).sort());
    // Sorted by sheet, then row.
    const order = listed.map((r) => [String(r[1]), Number(r[3])] as const);
    for (let i = 1; i < order.length; i++) {
      const [s0, r0] = order[i - 1];
      const [s1, r1] = order[i];
      expect(s0 < s1 || (s0 === s1 && r0 <= r1)).toBe(true);
    }
    // Each cell is a working internal link to 'Sheet'!Cell.
    for (let i = 0; i < listed.length; i++) {
      const cell = ws.getCell(header + 2 + i, 3);
      const link = (cell.value as { hyperlink?: string }).hyperlink ?? cell.hyperlink;
      expect(String(link)).toContain(`!${listed[i][2]}`);
      expect(String(link)).toContain(String(listed[i][1]));
    }
    expect(rows.flat()).toContain('Severidad');
  });

  it('goal text from the workbook stays a value (a goal named =HYPERLINK(...) is text)', async () => {
    const evil = [{ ...goals[1], goal: '=HYPERLINK("http://x","clic")' }];
    await writeXlsx(path.join(dir, 'raro.xlsx'), [captureSpec(evil)]);
    const g = await tablero(['generar', 'raro.xlsx', '--corte', '2025-06-30', '-o', 'raro-out.xlsx'], dir);
    expect(g.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'raro-out.xlsx'));
    const ws = wb.getWorksheet('Alertas') as ExcelJS.Worksheet;
    let found = false;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula) throw new Error(`fórmula en ${c.address}`);
        if (c.value === '=HYPERLINK("http://x","clic")') found = true;
      }),
    );
    expect(found).toBe(true);
  });
});
