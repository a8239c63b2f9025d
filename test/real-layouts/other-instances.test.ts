/**
 * Other instances of the four real formats (issue 9, Done when: "the same holds on other instances
 * of these formats that the project does not have"): another organismo's Cali Cuadro 1S of the
 * fourth quarter, another Cundinamarca municipality with the vigencia 2026 filled, another
 * municipality's DNP report of 2024, another municipality's SisPT export — built at test time by
 * `test/helpers/other-instances.ts` from the formats' descriptions, never from the samples' rows.
 * What each must read is written by hand beside the others' golden files, in
 * `test/golden/other-instances/<file>.json`.
 *
 * On each: the data sheets are recognised with their kind and named format; `columnas` maps at
 * least 90 % of the field-carrying columns (the golden list); `reporte` counts the products of the
 * vigencia and gives the hand-checked figures; every planted mistake is reported on its row; error
 * findings on other rows stay under 5 per 100 rows (none, in fact); hidden sheets are listed, never
 * validated nor marked; `generar` (both copy paths) lists exactly `validar`'s findings, and
 * `consolidar` carries the same findings with their origin.
 */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { CliDeps } from '../../src/cli/deps';
import { formatById } from '../../src/domain/formats';
import { generateCopy } from '../../src/xlsx/generate';
import { buildOtherInstances, instanceFiles } from '../helpers/other-instances';
import { repoRoot, tablero, tempDir } from '../cli/io';
import { ruleIdOf } from '../helpers/generated-sheets';
import type { JsonFinding as Finding } from '../helpers/validar-json';

interface Mistake {
  readonly sheet: string;
  readonly row: number;
  readonly rule: string;
}
interface HandCheck {
  readonly code: string;
  readonly accumulation?: string;
  readonly plannedToDate?: number | null;
  readonly executedToDate?: number | null;
  readonly compliance?: number | null;
  readonly progress?: number | null;
  readonly state?: string;
  readonly yearGoal?: number;
  readonly budget?: number;
}
interface Golden {
  readonly now: string;
  readonly sheets: readonly { name: string; kind: string; format: string; headerRow: number; dataRows: number; vigencia?: number }[];
  readonly helpers: readonly string[];
  readonly hidden: readonly string[];
  readonly columns: Readonly<Record<string, readonly (readonly [column: string, header: string, field: string])[]>>;
  readonly report: { readonly cutoff: string; readonly period?: string; readonly goals: number };
  readonly planSummary?: { readonly vigencia: number; readonly goals: number; readonly planGoals: number; readonly amount: number };
  readonly handCheck: readonly HandCheck[];
  readonly planted: readonly Mistake[];
  readonly real: readonly Mistake[];
}

const golden = (file: string): Golden =>
  JSON.parse(readFileSync(path.join(repoRoot, 'test', 'golden', 'other-instances', file.replace(/\.xlsx$/, '.json')), 'utf8')) as Golden;
const nowOf = (g: Golden): Date => {
  const [y, m, d] = g.now.split('-').map(Number);
  return new Date(y, m - 1, d);
};

interface Validated {
  sheets: { name: string; kind: string; format?: string; headerRow: number; dataRows: number }[];
  helpers?: { name: string }[];
  findings: Finding[];
}

let dir = '';
let cleanup = () => {};
let files: Record<string, string> = {};
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  files = await buildOtherInstances(dir);
}, 60_000);
afterAll(() => cleanup());

const runs = new Map<string, Promise<{ code: number; stdout: string; stderr: string }>>();
/** One run of a reading verb per instance (cached: the verbs are read-only). */
function run(verb: string, name: string, extra: string[] = []) {
  const key = [verb, name, ...extra].join(' ');
  let p = runs.get(key);
  if (!p) {
    p = tablero([verb, files[name], ...extra], dir, { now: nowOf(golden(name)) });
    runs.set(key, p);
  }
  return p;
}
async function validar(name: string): Promise<Validated> {
  const r = await run('validar', name, ['--json']);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { files: Validated[] }).files[0];
}
const key = (m: Pick<Mistake, 'sheet' | 'row'>) => `${m.sheet}\u0000${m.row}`;

describe.each(instanceFiles.map((f) => [f]))('%s', (name) => {
  const g = golden(name);

  it('validar: the data sheets are recognised with their kind and named format; helpers and hidden sheets are listed', async () => {
    const v = await validar(name);
    expect(v.sheets.map((s) => ({ name: s.name, kind: s.kind, format: s.format, headerRow: s.headerRow, dataRows: s.dataRows }))).toEqual(
      g.sheets.map((s) => ({ name: s.name, kind: s.kind, format: formatById(s.format)?.name, headerRow: s.headerRow, dataRows: s.dataRows })),
    );
    expect((v.helpers ?? []).map((h) => h.name).sort()).toEqual([...g.helpers].sort());
    const c = await run('columnas', name, ['--json']);
    const read = (JSON.parse(c.stdout) as { files: { sheets: { name: string; vigencia: number | null }[]; hidden?: { name: string }[] }[] }).files[0];
    expect(read.sheets.map((s) => [s.name, s.vigencia])).toEqual(g.sheets.map((s) => [s.name, s.vigencia ?? null]));
    expect((read.hidden ?? []).map((h) => h.name)).toEqual(g.hidden);
    // Nothing is validated on a hidden sheet.
    expect(v.findings.filter((f) => g.hidden.includes(f.sheet))).toEqual([]);
  });

  it.each(g.planted.map((m) => [m.row, m.rule, m] as const))('the planted mistake of row %i is reported (%s)', async (_row, _rule, m) => {
    const v = await validar(name);
    expect(v.findings.filter((f) => f.sheet === m.sheet && f.row === m.row).map((f) => f.rule)).toContain(m.rule);
  });

  it('errors on rows with no planted or real mistake: none (under 5 per 100 rows)', async () => {
    const v = await validar(name);
    for (const m of g.real) expect(v.findings.filter((f) => f.sheet === m.sheet && f.row === m.row).map((f) => f.rule)).toContain(m.rule);
    const rows = v.sheets.reduce((a, s) => a + s.dataRows, 0);
    const known = new Set([...g.planted, ...g.real].map(key));
    const noise = v.findings.filter((f) => f.severity === 'error' && !known.has(key(f)));
    expect(noise).toEqual([]);
    expect((noise.length * 100) / rows).toBeLessThan(5);
  });

  it('columnas: at least 90 % of the field-carrying columns are read as their field', async () => {
    const c = await run('columnas', name, ['--json']);
    expect(c.stderr).toBe('');
    const sheets = (JSON.parse(c.stdout) as { files: { sheets: { name: string; columns: { column: string; header: string; field: string | null }[] }[] }[] }).files[0].sheets;
    for (const [sheet, expected] of Object.entries(g.columns)) {
      const got = sheets.find((s) => s.name === sheet);
      expect(got).toBeDefined();
      const read = new Map((got?.columns ?? []).map((col) => [col.column, col]));
      const hits = expected.filter(([column, header, field]) => read.get(column)?.field === field && read.get(column)?.header === header);
      expect({ sheet, share: hits.length / expected.length >= 0.9 }).toEqual({ sheet, share: true });
      // Today every one of them is read: a regression shows here with its column.
      expect(expected.filter((e) => !hits.includes(e))).toEqual([]);
    }
  });

  it('reporte: the goals of the vigencia and the figures checked by hand', async () => {
    const r = await run('reporte', name, ['--json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      cutoff: string;
      period: string | null;
      goals: (HandCheck & { budget?: { final: number | null } })[];
      planSummary?: { vigencia: number; goals: number; planGoals: number; amount: number };
    };
    expect({ cutoff: report.cutoff, goals: report.goals.length }).toEqual({ cutoff: g.report.cutoff, goals: g.report.goals });
    if (g.report.period !== undefined) expect(report.period).toBe(g.report.period);
    if (g.planSummary) {
      const p = report.planSummary;
      expect(p && { vigencia: p.vigencia, goals: p.goals, planGoals: p.planGoals, amount: p.amount }).toEqual(g.planSummary);
    }
    const close = (a: number | null | undefined, b: number | null) => (b === null ? a === null : a !== null && a !== undefined && Math.abs(a - b) < 1e-9);
    for (const want of g.handCheck) {
      const got = report.goals.find((x) => x.code === want.code);
      expect(got).toBeDefined();
      for (const k of ['accumulation', 'state'] as const) if (want[k] !== undefined) expect({ code: want.code, [k]: got?.[k] }).toEqual({ code: want.code, [k]: want[k] });
      for (const k of ['plannedToDate', 'executedToDate', 'compliance', 'progress', 'yearGoal'] as const) {
        const w = want[k];
        if (w !== undefined) expect({ code: want.code, [k]: close(got?.[k], w) }).toEqual({ code: want.code, [k]: true });
      }
      if (want.budget !== undefined) expect({ code: want.code, budget: got?.budget?.final }).toEqual({ code: want.code, budget: want.budget });
    }
  });

  it.each([['model'], ['package']] as const)('generar (%s path) lists exactly the findings of validar and leaves hidden sheets unmarked', async (how) => {
    const out = path.join(dir, `${how}-${name}`);
    const generate: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, how === 'model' ? Number.MAX_SAFE_INTEGER : 0);
    const r = await tablero(['generar', files[name], '-o', out], dir, { now: nowOf(g), deps: { generateCopy: generate } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const v = await validar(name);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(observaciones(wb, false)).toEqual(v.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort());
    for (const hidden of g.hidden) {
      const ws = wb.getWorksheet(hidden);
      expect(ws?.state).toBe('hidden');
      const notes: string[] = [];
      ws?.eachRow((row) => row.eachCell((cell) => { if (cell.note) notes.push(cell.address); }));
      expect(notes).toEqual([]);
    }
  });

  it('consolidar carries the findings of validar with their origin (a plan indicativo is not consolidated, said plainly)', async () => {
    const out = path.join(dir, `consolidado-${name}`);
    const r = await tablero(['consolidar', files[name], '-o', out], dir, { now: nowOf(g) });
    if (g.sheets.every((s) => s.kind === 'plan-indicativo')) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no tiene hoja de captura');
      return;
    }
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const v = await validar(name);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(observaciones(wb, true)).toEqual(v.findings.map((f) => `${f.sheet}!${f.row} ${f.rule}`).sort());
  });
});

/**
 * Sheet, cell (or origin row) and rule of each finding Observaciones lists (its table starts under
 * "N.º"); a consolidated workbook's table has the origin's file, sheet and row first.
 */
function observaciones(wb: ExcelJS.Workbook, consolidated: boolean): string[] {
  const ws = wb.getWorksheet('Observaciones');
  if (!ws) throw new Error('sin hoja Observaciones');
  const out: string[] = [];
  let header: string[] | undefined;
  ws.eachRow((row) => {
    const first = row.getCell(1).value;
    if (first === 'N.º') {
      header = (row.values as unknown[]).map((x) => String(x ?? ''));
      return;
    }
    if (!header || typeof first !== 'number') return;
    const at = (h: string) => String(row.getCell(header?.indexOf(h) ?? -1).text);
    out.push(`${at('Hoja')}!${at(consolidated ? 'Fila' : 'Celda')} ${ruleIdOf(at('Regla'))}`);
  });
  return out.sort();
}
