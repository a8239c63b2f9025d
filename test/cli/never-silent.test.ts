/**
 * Issue 9, item 9 «Never silent» (real-formats.md): what the product could not read is said in
 * every verb, with how to fix it.
 *
 * - The bundled example's capture sheet renamed and reworded so its header is not recognised:
 *   `validar` is not «listo para enviar» (a `header-missing` error on the sheet, exit 1), `reporte`
 *   says the sheet was not read and why, `columnas` lists its columns and the required fields it
 *   could not find, and a mapping reads it. The example's «Instrucciones» sheet (one column of
 *   text) is not data and stays quiet.
 * - Cali's Cuadro 1S whose titles name no year: the vigencia is not guessed from today — it is
 *   said, with `--vigencia`, and the findings that depend on the year are not produced.
 * - Cali's Cuadro 1S read at a cut-off past its last reported quarter: said once for the sheet.
 * - `validar --json` gives every sheet its vigencia (Cali, SisPT too).
 *
 * Inputs are built here from the bundled example (exceljs) and from the real samples (python3
 * openpyxl, another tool's save), never written over.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { examples, tablero, tempDir } from './io';
import type { JsonFinding as Finding } from '../helpers/validar-json';

const REAL = path.resolve(__dirname, '..', '..', '..', 'shared', 'real-layouts');
const CALI = path.join(REAL, 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
const SISPT = path.join(REAL, 'sispt-plan-indicativo-cajica.xlsx');
const CALI_SHEET = 'MEDE01.03.01.P01.F05';
const UNREAD = 'Avances del semestre';

interface ValidarFile {
  file: string;
  sheets: { name: string; kind: string; vigencia?: number | null; notes?: string[] }[];
  findings: Finding[];
  errors: number;
  warnings: number;
}

/** Column titles of the example's «HC T2» (rows 7–8) in other words no matcher knows. */
const reworded: Readonly<Record<string, string>> = {
  A7: 'Eje del plan',
  B7: 'Número de programa',
  C7: 'Identificador del compromiso',
  D7: 'Compromiso',
  E7: 'Área a cargo',
  F7: 'Forma de sumar',
  G7: 'Situación inicial',
  H7: 'Lo esperado en el año',
  I7: 'Lo previsto',
  M7: 'Lo logrado',
  Q7: 'Logrado a la fecha',
  R7: 'Porción lograda',
  S7: 'Dinero disponible',
  T7: 'Dinero comprometido',
  U7: 'Dinero obligado',
  V7: 'Dinero girado',
  W7: 'Comentario del área',
  X7: 'Soporte',
  Y7: 'Situación',
};
const months = ['Ene-mar', 'Abr-jun', 'Jul-sep', 'Oct-dic'];

/** The example workbook with its capture sheet renamed and reworded (its PE-F-012 is still read). */
async function unrecognisedCapture(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examples.capture);
  const ws = wb.getWorksheet('HC T2')!;
  ws.name = UNREAD;
  for (const [cell, text] of Object.entries(reworded)) ws.getCell(cell).value = text;
  months.forEach((m, k) => {
    ws.getCell(8, 9 + k).value = m;
    ws.getCell(8, 13 + k).value = m;
  });
  const file = path.join(dir, 'hoja-renombrada.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** The example workbook with two required titles of «HC T2» reworded: recognised, without them. */
async function captureMissingColumns(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examples.capture);
  const ws = wb.getWorksheet('HC T2')!;
  ws.getCell('C7').value = 'Identificador';
  ws.getCell('H7').value = 'Lo esperado';
  const file = path.join(dir, 'sin-columnas.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** Runs python3 openpyxl on `src`, saving to `out`: `body` edits `wb`. */
function openpyxl(src: string, out: string, body: string): string {
  const script = ['import sys, openpyxl', 'wb = openpyxl.load_workbook(sys.argv[1])', body, 'wb.save(sys.argv[2])'].join('\n');
  execFileSync('python3', ['-c', script, src, out]);
  return out;
}

/** Cali's sample with the year taken out of its titles («II TRIMESTRE 2025» → «II TRIMESTRE»). */
function caliWithoutYear(dir: string): string {
  return openpyxl(
    CALI,
    path.join(dir, 'cali-sin-anio.xlsx'),
    [
      'for ws in wb.worksheets:',
      '    for row in ws.iter_rows(min_row=1, max_row=9):',
      '        for c in row:',
      "            if isinstance(c.value, str) and ' 2025' in c.value: c.value = c.value.replace(' 2025', '')",
    ].join('\n'),
  );
}

function json<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

/** 4 December 2026, as the reviewer ran it: a guessed year would be 2026. */
const DEC_2026 = new Date(2026, 11, 4);

describe('never silent: a data sheet whose header is not recognised', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('tablero-silent-'));
    file = await unrecognisedCapture(dir);
  });
  afterAll(() => cleanup());

  it('validar: an error on the sheet, never «listo para enviar», exit 1', async () => {
    const text = await tablero(['validar', file], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toMatch(/listo para enviar/);
    expect(text.stdout).toContain(`${UNREAD} (parece traer datos: no se leyó ni se validó)`);
    expect(text.stdout).toMatch(/1 error\b/);
    const out = await tablero(['validar', file, '--json'], dir);
    expect(out.code).toBe(1);
    const f = json<{ files: ValidarFile[] }>(out.stdout).files[0];
    const mine = f.findings.filter((x) => x.sheet === UNREAD);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rule: 'header-missing', severity: 'error', cell: 'A8', row: 8 });
    expect(mine[0].message).toContain('«Código meta producto»');
    expect(mine[0].message).toContain('«Ejecutado (por periodo)»');
    expect(mine[0].message).toContain('--mapa');
    expect(mine[0].message).toContain('docs/columnas-y-mapa.md');
    expect(f.errors).toBe(1);
  });

  it('reporte: says the sheet was not read and why, in the text and the JSON', async () => {
    const text = await tablero(['reporte', file], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`La hoja «${UNREAD}» no se leyó: parece traer datos (14 filas bajo los títulos de la fila 8)`);
    expect(text.stdout).toContain('«Meta vigencia»');
    expect(text.stdout).toContain('--mapa');
    const out = await tablero(['reporte', file, '--json'], dir);
    const gaps = json<{ readingGaps?: { sheet: string; read: boolean; missing: string[] }[] }>(out.stdout).readingGaps;
    expect(gaps).toEqual([expect.objectContaining({ sheet: UNREAD, read: false, missing: ['goalCode', 'goal', 'unit', 'accumulation', 'yearGoal', 'executed'] })]);
  });

  it('columnas: lists its columns and the required fields not found, with the fix; exit 1', async () => {
    const text = await tablero(['columnas', file], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`Hoja «${UNREAD}» — no se leyó`);
    expect(text.stdout).toMatch(/C\s+Identificador del compromiso\s+sin usar/);
    expect(text.stdout).toMatch(/N\s+Lo logrado Abr-jun\s+sin usar/);
    expect(text.stdout).toContain('Faltan campos obligatorios: «Código meta producto», «Meta de producto», «Dependencia», «Tipo de acumulación», «Meta vigencia», «Ejecutado (por periodo)».');
    expect(text.stdout).toContain('docs/columnas-y-mapa.md');
    const out = await tablero(['columnas', file, '--json'], dir);
    const unknown = json<{ files: { unknown: { name: string; data?: { headerRow: number; dataRows: number; columns: { column: string; header: string }[]; missing: { field: string }[] } }[] }[] }>(out.stdout).files[0].unknown;
    const u = unknown.find((x) => x.name === UNREAD)!;
    expect(u.data).toMatchObject({ headerRow: 8, dataRows: 14 });
    expect(u.data!.columns).toHaveLength(25);
    expect(u.data!.columns[2]).toEqual({ column: 'C', header: 'Identificador del compromiso', field: null });
    expect(u.data!.missing.map((m) => m.field)).toEqual(['goalCode', 'goal', 'unit', 'accumulation', 'yearGoal', 'executed']);
  });

  it('a mapping naming its columns reads it: the error is gone', async () => {
    const mapa = path.join(dir, 'mapa.json');
    const columnas = {
      goalCode: 'Identificador del compromiso',
      goal: 'Compromiso',
      unit: 'Área a cargo',
      accumulation: 'Forma de sumar',
      yearGoal: 'Lo esperado en el año',
      planned1: 'I',
      planned2: 'J',
      planned3: 'K',
      planned4: 'L',
      executed1: 'M',
      executed2: 'N',
      executed3: 'O',
      executed4: 'P',
    };
    writeFileSync(mapa, JSON.stringify({ hojas: { [UNREAD]: { tipo: 'hoja-captura', filaEncabezado: 8, columnas } } }));
    const out = await tablero(['validar', file, '--mapa', mapa, '--json'], dir);
    const f = json<{ files: ValidarFile[] }>(out.stdout).files[0];
    expect(f.sheets.map((s) => s.name)).toContain(UNREAD);
    expect(f.findings.filter((x) => x.rule === 'header-missing')).toEqual([]);
  });

  it('alone in its workbook (nothing else recognised): exit 2, one line naming it and the fix', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.removeWorksheet(wb.getWorksheet('PE-F-012')!.id);
    const alone = path.join(dir, 'solo-la-hoja.xlsx');
    await wb.xlsx.writeFile(alone);
    const out = await tablero(['validar', alone], dir);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain(`La hoja «${UNREAD}» parece traer datos pero sus títulos no se reconocieron`);
    expect(out.stderr).toContain('--mapa');
  });

  it('instructions and lists are not data: the example plan workbook stays quiet', async () => {
    const out = await tablero(['validar', examples.plan, '--json'], dir);
    const f = json<{ files: ValidarFile[] }>(out.stdout).files[0];
    expect(f.findings.filter((x) => x.sheet === 'Instrucciones')).toEqual([]);
    const text = await tablero(['validar', examples.plan], dir);
    expect(text.stdout).toContain('Hojas no reconocidas: Instrucciones');
    expect(text.stdout).not.toContain('parece traer datos');
    const cols = await tablero(['columnas', examples.plan, '--json'], dir);
    const unknown = json<{ files: { unknown: { name: string; data?: unknown }[] }[] }>(cols.stdout).files[0].unknown;
    expect(unknown).toEqual([{ name: 'Instrucciones', reason: expect.any(String) }]);
  });

  it('a sheet recognised without required columns: reporte says which', async () => {
    const missing = await captureMissingColumns(dir);
    const text = await tablero(['reporte', missing], dir);
    expect(text.stdout).toContain('En la hoja «HC T2» (hoja de captura) no se encontraron las columnas obligatorias «Código meta producto», «Meta vigencia»');
    const out = await tablero(['reporte', missing, '--json'], dir);
    const gaps = json<{ readingGaps?: { sheet: string; read: boolean; missing: string[] }[] }>(out.stdout).readingGaps;
    expect(gaps).toEqual([expect.objectContaining({ sheet: 'HC T2', read: true, missing: ['goalCode', 'yearGoal'] })]);
  });
});

describe('never silent: the vigencia and the periods of Cali Cuadro 1S', () => {
  let dir: string;
  let cleanup: () => void;
  let noYear: string;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir('tablero-silent-cali-'));
    noYear = caliWithoutYear(dir);
  });
  afterAll(() => cleanup());

  const yearRules = ['activity-overdue', 'missing-report', 'over-execution', 'analysis-required', 'budget-ahead', 'date-vigencia', 'evidence-required', 'future-execution'];

  it('control: the sample itself (titles say 2025) has its year-dependent findings, vigencia 2025 in the JSON', async () => {
    const out = await tablero(['validar', CALI, '--json'], dir, { now: DEC_2026 });
    const f = json<{ files: ValidarFile[] }>(out.stdout).files[0];
    expect(f.sheets.find((s) => s.name === CALI_SHEET)?.vigencia).toBe(2025);
    expect(f.findings.some((x) => x.rule === 'activity-overdue' && x.row === 14)).toBe(true);
  });

  it('titles with no year: the year is not guessed from today; said with --vigencia, no finding that depends on it', async () => {
    const text = await tablero(['validar', noYear], dir, { now: DEC_2026 });
    expect(text.stdout).toContain(`No se encontró la vigencia de la hoja «${CALI_SHEET}»`);
    expect(text.stdout).toContain('Las fechas de las actividades son de 2025');
    expect(text.stdout).toContain('--vigencia 2025');
    const out = await tablero(['validar', noYear, '--json'], dir, { now: DEC_2026 });
    const f = json<{ files: ValidarFile[] }>(out.stdout).files[0];
    const sheet = f.sheets.find((s) => s.name === CALI_SHEET)!;
    expect(sheet.vigencia).toBeNull();
    expect(sheet.notes?.some((n) => n.includes('--vigencia 2025'))).toBe(true);
    expect(f.findings.filter((x) => yearRules.includes(x.rule))).toEqual([]);
    // What does not depend on the year is still checked: the planted date-order and percent-range.
    expect(f.findings.some((x) => x.rule === 'date-order' && x.row === 14)).toBe(true);
    expect(f.findings.some((x) => x.rule === 'percent-range' && x.row === 17)).toBe(true);
    expect(out.code).toBe(1);
    const rep = await tablero(['reporte', noYear], dir, { now: DEC_2026 });
    expect(rep.stdout).toContain(`No se encontró la vigencia de la hoja «${CALI_SHEET}»`);
    const cols = await tablero(['columnas', noYear, '--json'], dir, { now: DEC_2026 });
    const sheet1 = json<{ files: { sheets: { name: string; vigencia: number | null; notes: string[] }[] }[] }>(cols.stdout).files[0].sheets.find((s) => s.name === CALI_SHEET)!;
    expect(sheet1.vigencia).toBeNull();
    expect(sheet1.notes.some((n) => n.includes('--vigencia 2025'))).toBe(true);
  });

  it('with --vigencia 2025 the year-dependent findings come back and the JSON says 2025', async () => {
    const out = await tablero(['validar', noYear, '--vigencia', '2025', '--json'], dir, { now: DEC_2026 });
    const f = json<{ files: ValidarFile[] }>(out.stdout).files[0];
    expect(f.sheets.find((s) => s.name === CALI_SHEET)?.vigencia).toBe(2025);
    expect(f.findings.some((x) => x.rule === 'activity-overdue' && x.row === 14)).toBe(true);
    expect(out.stdout).not.toContain('No se encontró la vigencia');
  });

  it('a cut-off past the last reported quarter is said once for the sheet, in reporte and validar', async () => {
    const note = `Ninguna meta de la hoja «${CALI_SHEET}» reporta ejecución en los trimestres 3 y 4 (la hoja llega hasta el trimestre 2)`;
    const rep = await tablero(['reporte', CALI, '--corte', '2025-12-31'], dir);
    expect(rep.code).toBe(0);
    expect(rep.stdout.split(note)).toHaveLength(2);
    expect(rep.stdout).toContain('use --corte 2025-06-30');
    const json1 = json<{ readingGaps?: { sheet: string; message: string }[] }>((await tablero(['reporte', CALI, '--corte', '2025-12-31', '--json'], dir)).stdout);
    expect(json1.readingGaps?.some((g) => g.sheet === CALI_SHEET && g.message.startsWith(note))).toBe(true);
    const val = await tablero(['validar', CALI, '--corte', '2025-12-31', '--json'], dir);
    const f = json<{ files: ValidarFile[] }>(val.stdout).files[0];
    expect(f.sheets.find((s) => s.name === CALI_SHEET)?.notes?.some((n) => n.startsWith(note))).toBe(true);
    // At the quarter it reports, nothing to say.
    const t2 = await tablero(['reporte', CALI, '--json'], dir);
    expect(json<{ readingGaps?: unknown }>(t2.stdout).readingGaps).toBeUndefined();
  });

  it('validar --json: SisPT and Cali sheets carry their vigencia like the other formats', async () => {
    for (const file of [CALI, SISPT]) {
      const out = await tablero(['validar', file, '--json'], dir);
      const f = json<{ files: ValidarFile[] }>(out.stdout).files[0];
      for (const s of f.sheets) expect(typeof s.vigencia).toBe('number');
    }
  });
});
