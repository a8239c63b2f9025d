/**
 * Each real mistake said once, in words the unit understands, on the real samples
 * (`../shared/real-layouts/`) and on other instances of their formats built here
 * (`test/helpers/other-instances.ts`):
 *
 * - a línea base the format's authors describe in words (Cundinamarca's product `L.B`: «3 muros
 *   construidos») is no `number` error: the reading says it once for the column;
 * - one Excel error value shown in several columns of a row is one `formula-error` finding on the
 *   cell of a read field, naming every cell — and every one of them is still marked by `generar`;
 *   a `#VALUE!` beside a number typed as text in the row names that cell as the likely cause;
 * - execution reported with nothing programmed up to the cut-off is `over-execution`, on the
 *   executed cell of the period that holds it.
 *
 * The cells expected are read from the inputs themselves (which cells show an error value, which
 * column holds what), never typed here.
 */
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { buildOtherInstances, CUNDINAMARCA_2026, CUNDINAMARCA_SHEET } from '../helpers/other-instances';
import { repoRoot, tablero, tempDir } from '../cli/io';
import type { JsonFinding as Finding } from '../helpers/validar-json';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const maybe = existsSync(samples) ? describe : describe.skip;
const TENJO = path.join(samples, 'tenjo-pdm-seguimiento.xlsx');
const CALI = path.join(samples, 'cali-cuadro1s-plan-accion-T2-2025.xlsx');

interface Validated {
  sheets: { name: string; headerRow: number; dataRows: number; notes?: string[] }[];
  findings: Finding[];
}
interface Column {
  column: string;
  header: string;
  field: string | null;
}

let dir = '';
let cleanup = () => {};
let guasca = '';
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  guasca = (await buildOtherInstances(dir))[CUNDINAMARCA_2026];
}, 60_000);
afterAll(() => cleanup());

/** Today for each input: the samples' data run to the third quarter of 2025; Guasca's to the second of 2026. */
const nowOf = (file: string) => (file === guasca ? new Date(2026, 6, 25) : new Date(2025, 9, 20));

async function validar(file: string): Promise<Validated> {
  const r = await tablero(['validar', file, '--json'], dir, { now: nowOf(file) });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { files: Validated[] }).files[0];
}

async function columns(file: string, sheet: string): Promise<Column[]> {
  const r = await tablero(['columnas', file, '--json'], dir, { now: nowOf(file) });
  expect(r.stderr).toBe('');
  const sheets = (JSON.parse(r.stdout) as { files: { sheets: { name: string; columns: Column[] }[] }[] }).files[0].sheets;
  const s = sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`sin hoja ${sheet}`);
  return s.columns;
}
const letterOf = (cols: readonly Column[], field: string): string => {
  const c = cols.find((x) => x.field === field);
  if (!c) throw new Error(`sin columna de ${field}`);
  return c.column;
};

/** The cells of `sheet` showing an Excel error value, by row (read from the input with exceljs). */
async function errorCellsByRow(file: string, sheet: string): Promise<Map<number, { cell: string; code: string }[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`sin hoja ${sheet}`);
  const out = new Map<number, { cell: string; code: string }[]>();
  ws.eachRow((row, r) =>
    row.eachCell((cell) => {
      const v = cell.value as { error?: string; result?: { error?: string } } | null;
      const code = v && typeof v === 'object' ? (v.error ?? (v.result && typeof v.result === 'object' ? v.result.error : undefined)) : undefined;
      if (code) out.set(r, [...(out.get(r) ?? []), { cell: cell.address, code }]);
    }),
  );
  return out;
}

/** The addresses of `sheet`'s cells that carry a note in the workbook `generar` wrote. */
async function notedCells(file: string, sheet: string): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Set<string>();
  wb.getWorksheet(sheet)?.eachRow((row) => row.eachCell((cell) => void (cell.note ? out.add(cell.address) : undefined)));
  return out;
}

describe('a línea base described in words (Cundinamarca PDM) is how the format is written: no error, one note', () => {
  const cases = () => [
    [TENJO, 'PDM'],
    [guasca, CUNDINAMARCA_SHEET],
  ];

  it.each([['Tenjo (sample)', 0], ['Guasca (other instance)', 1]] as const)('%s', async (_name, k) => {
    if (k === 0 && !existsSync(TENJO)) return;
    const [file, sheet] = cases()[k];
    const cols = await columns(file, sheet);
    const lb = letterOf(cols, 'baseline');
    // The texts the L.B column holds, from the input: what the note must count.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(sheet);
    const header = cols.find((c) => c.field === 'baseline')?.header ?? '';
    const v = await validar(file);
    const s = v.sheets.find((x) => x.name === sheet);
    const texts: number[] = [];
    ws?.getColumn(lb).eachCell((cell, r) => {
      // Words, not a number typed as text nor a "no data" mark (`SD`, `N/A`, `-`: real-formats.md).
      const t = typeof cell.value === 'string' ? cell.value.trim() : '';
      if (t && r > (s?.headerRow ?? Infinity) && !/^[\d.,\s%]+$/.test(t) && !/^(s[./]?d\.?|n\/?a|n\.a\.|n\.?d\.?|-|–)$/i.test(t)) texts.push(r);
    });
    expect(texts.length).toBeGreaterThan(0);
    // No finding on the L.B column at all, and one note for the column naming how many rows.
    expect(v.findings.filter((f) => f.sheet === sheet && f.cell.replace(/\d+$/, '') === lb)).toEqual([]);
    const notes = (s?.notes ?? []).filter((n) => n.includes(`«${header}»`));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`en ${texts.length} ${texts.length === 1 ? 'fila' : 'filas'}`);
    expect(notes[0]).toContain(`fila ${texts[0]}`);
    expect(notes[0]).toContain('no se usa en los cálculos');
  });

  it('a text in a number column the format does not describe in words is still a `number` error', async () => {
    // Guasca's VALOR ESPERADO of the vigencia written as words: the format's authors never do that.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(guasca);
    const ws = wb.getWorksheet(CUNDINAMARCA_SHEET);
    if (!ws) throw new Error('sin hoja');
    const cols = await columns(guasca, CUNDINAMARCA_SHEET);
    const yearGoal = letterOf(cols, 'yearGoal');
    const row = 8;
    ws.getCell(`${yearGoal}${row}`).value = 'una meta';
    const file = path.join(dir, 'guasca-texto-en-valor-esperado.xlsx');
    await wb.xlsx.writeFile(file);
    const v = await validar(file);
    expect(v.findings.filter((f) => f.rule === 'number').map((f) => f.cell)).toEqual([`${yearGoal}${row}`]);
  });
});

describe('one error value across the columns of a row: one finding, every cell named and marked', () => {
  const inputs = () =>
    [
      ['Tenjo (sample)', TENJO, 'PDM'],
      ['Cali (sample)', CALI, 'MEDE01.03.01.P01.F05'],
      ['Guasca (other instance)', guasca, CUNDINAMARCA_SHEET],
    ] as const;

  it.each([0, 1, 2])('input %i', async (k) => {
    const [, file, sheet] = inputs()[k];
    if (!existsSync(file)) return;
    const byRow = await errorCellsByRow(file, sheet);
    const v = await validar(file);
    const cols = await columns(file, sheet);
    const read = new Set(cols.filter((c) => c.field !== null).map((c) => c.column));
    const repeated = [...byRow].filter(([r, cells]) => cells.length > 1 && v.findings.some((f) => f.sheet === sheet && f.row === r && f.rule === 'formula-error'));
    expect(repeated.length).toBeGreaterThan(0);
    const out = path.join(dir, `marcado-${k}.xlsx`);
    const g = await tablero(['generar', file, '-o', out], dir, { now: nowOf(file) });
    expect(g.stderr).toBe('');
    const noted = await notedCells(out, sheet);
    for (const [r, cells] of repeated) {
      const found = v.findings.filter((f) => f.sheet === sheet && f.row === r && f.rule === 'formula-error');
      // One finding per row (the cells show one error value), on a read field's cell.
      expect(found).toHaveLength(1);
      const codes = new Set(cells.map((c) => c.code));
      expect(codes.size).toBe(1);
      const f = found[0];
      expect(cells.map((c) => c.cell)).toContain(f.cell);
      expect(read.has(f.cell.replace(/\d+$/, ''))).toBe(true);
      for (const c of cells) {
        expect({ row: r, named: f.message.includes(`(${c.cell})`) }).toEqual({ row: r, named: true });
        expect({ cell: c.cell, marked: noted.has(c.cell) }).toEqual({ cell: c.cell, marked: true });
      }
    }
  });

  it('a #VALUE! beside a number typed as text names that cell as the likely cause (Tenjo row 6, Guasca row 10)', async () => {
    const cases = [
      [TENJO, 'PDM', 6, '0,15'],
      [guasca, CUNDINAMARCA_SHEET, 10, '0,25'],
    ] as const;
    for (const [file, sheet, row, text] of cases) {
      if (!existsSync(file)) continue;
      const v = await validar(file);
      const asText = v.findings.find((f) => f.sheet === sheet && f.row === row && f.rule === 'number-as-text');
      expect(asText).toBeDefined();
      const f = v.findings.find((x) => x.sheet === sheet && x.row === row && x.rule === 'formula-error');
      expect(f?.message).toContain(`«${text}»`);
      expect(f?.message).toContain(`(${asText?.cell})`);
      expect(f?.message).toContain('Escríbalo como número');
    }
  });
});

maybe('execution with nothing programmed up to the cut-off is over-execution, on the executed cell', () => {
  it.each([
    ['Tenjo row 9 (sample)', 'tenjo', 9, 'executed3'],
    ['Guasca row 27 (other instance)', 'guasca', 27, 'executed2'],
  ] as const)('%s', async (_name, which, row, field) => {
    const file = which === 'tenjo' ? TENJO : guasca;
    const sheet = which === 'tenjo' ? 'PDM' : CUNDINAMARCA_SHEET;
    const cols = await columns(file, sheet);
    const v = await validar(file);
    const over = v.findings.filter((f) => f.sheet === sheet && f.row === row && f.rule === 'over-execution');
    expect(over.map((f) => [f.cell, f.severity])).toEqual([[`${letterOf(cols, field)}${row}`, 'warning']]);
    expect(over[0].message).toContain('sin tener nada programado a la fecha de corte');
  });
});
