/**
 * One workbook holding each quarter's follow-up in its own tab («HC T1», cut at 31/03/2025 in its
 * title block, and «HC T2», cut at 30/06/2025), as units often send it: the same goals twice.
 * Every verb and the pane read ONE of the tabs — the latest, or the one of the cut-off asked for —
 * and the tab read says which was left out; no goal counts twice and the later tab's execution is
 * not reported as ahead of the cut-off. Tabs of different goals (one per unit) are all read,
 * whatever their dates.
 */
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { captureSheet, type CaptureRow } from '../helpers/sheets';
import type { SheetSpec } from '../helpers/xlsx';
import { tempDir, testIO, writeFixture } from '../sheets/fixtures';
import { loadXlsx } from '../helpers/generated-sheets';
import { gridsOfWorkbook } from '../../src/xlsx/read';
import { readPane } from '../../src/app/pane';
import type { ValidarJson } from '../../src/cli/validar';

/** A capture tab whose title block declares `cutoff` (dd/mm/aaaa) in its third row. */
function tab(name: string, cutoff: string, rows: Partial<CaptureRow>[]): SheetSpec {
  const spec = captureSheet(rows, { name });
  const cells = [...spec.rows];
  cells[2] = [`Fecha de corte: ${cutoff}`];
  return { ...spec, rows: cells };
}

const goals = (executedT2: (number | null)[]): Partial<CaptureRow>[] => [
  { goalCode: '1905021', goal: 'Vacunar 6.000 niños', unit: 'Secretaría de Salud', yearGoal: 6000, planned: [1500, 1500, 1500, 1500], executed: [1500, executedT2[0], null, null] },
  { goalCode: '1905031', goal: 'Mantener 12 puntos de salud mental', unit: 'Secretaría de Salud', accumulation: 'Constante', yearGoal: 12, planned: [12, 12, 12, 12], executed: [12, executedT2[1], null, null] },
  { goalCode: '1905044', goal: 'Realizar 40 jornadas rurales', unit: 'Secretaría de Salud', yearGoal: 40, planned: [10, 10, 10, 10], executed: [10, executedT2[2], null, null] },
];

interface ReportJson {
  cutoff: string;
  plan: { goals: number };
  goals: { code: string; executedToDate: number | null }[];
}

async function cli(argv: string[], dir: string): Promise<{ code: number; out: string }> {
  const io = testIO(dir);
  const code = await run(argv, io);
  expect(io.err.join('')).toBe('');
  return { code, out: io.out.join('') };
}

describe('quarter tabs of one plan in one workbook', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await tempDir();
    // T1's tab has T2 blank (not due at its cut-off); T2's tab reports both quarters.
    file = await writeFixture(dir, 'salud-trimestres.xlsx', [tab('HC T1', '31/03/2025', goals([null, null, null])), tab('HC T2', '30/06/2025', goals([1500, 12, 10]))]);
  });

  it('validar reads the latest tab and says the earlier one was left out', async () => {
    const { out } = await cli(['validar', file, '--json'], dir);
    const v = JSON.parse(out) as ValidarJson;
    const f = v.files[0];
    if (!('sheets' in f)) throw new Error(f.error);
    expect(f.sheets.map((s) => s.name)).toEqual(['HC T2']);
    expect(f.sheets[0].notes?.join(' ')).toContain('La hoja «HC T1» (corte 31/03/2025) trae las mismas metas a otro corte');
    expect(f.findings.filter((x) => x.rule === 'future-execution')).toEqual([]);
    expect(f.findings.every((x) => x.sheet === 'HC T2')).toBe(true);
  });

  it('reporte counts each goal once, at the latest tab’s cut-off, and says so beside the figures', async () => {
    const r = JSON.parse((await cli(['reporte', file, '--json'], dir)).out) as ReportJson;
    expect(r.cutoff).toBe('2025-06-30');
    expect(r.plan.goals).toBe(3);
    expect(r.goals.find((g) => g.code === '1905021')?.executedToDate).toBe(3000);
    const text = (await cli(['reporte', file], dir)).out;
    expect(text).toContain('HC T2: Se revisó esta hoja, con fecha de corte 30/06/2025.');
  });

  it('with the earlier cut-off asked for, the earlier tab is read', async () => {
    const r = JSON.parse((await cli(['reporte', file, '--corte', '2025-03-31', '--json'], dir)).out) as ReportJson;
    expect(r.cutoff).toBe('2025-03-31');
    expect(r.plan.goals).toBe(3);
    expect(r.goals.find((g) => g.code === '1905021')?.executedToDate).toBe(1500);
    const v = JSON.parse((await cli(['validar', file, '--corte', '2025-03-31', '--json'], dir)).out) as ValidarJson;
    const f = v.files[0];
    if (!('sheets' in f)) throw new Error(f.error);
    expect(f.sheets.map((s) => s.name)).toEqual(['HC T1']);
    expect(f.sheets[0].notes?.join(' ')).toContain('«HC T2» (corte 30/06/2025)');
  });

  it('the pane reads the same tab', async () => {
    const grids = gridsOfWorkbook(await loadXlsx(file), path.basename(file));
    expect(readPane(grids, {}).sheets.map((s) => s.name)).toEqual(['HC T2']);
    expect(readPane(grids, { cutoff: '2025-03-31' }).sheets.map((s) => s.name)).toEqual(['HC T1']);
  });

  it('tabs of different goals are all read, whatever their dates', async () => {
    const other: Partial<CaptureRow>[] = [
      { goalCode: '2201015', goal: 'Dotar 40 sedes', unit: 'Secretaría de Educación', yearGoal: 40, planned: [10, 10, 10, 10], executed: [10, 10, null, null] },
    ];
    const two = await writeFixture(dir, 'dos-dependencias.xlsx', [tab('Salud', '30/06/2025', goals([1500, 12, 10])), tab('Educación', '31/03/2025', other)]);
    const v = JSON.parse((await cli(['validar', two, '--json'], dir)).out) as ValidarJson;
    const f = v.files[0];
    if (!('sheets' in f)) throw new Error(f.error);
    expect(f.sheets.map((s) => s.name)).toEqual(['Salud', 'Educación']);
    expect(f.sheets.flatMap((s) => s.notes ?? []).join(' ')).not.toContain('trae las mismas metas');
  });

  it('tabs of two units that share a code are both read', async () => {
    const cultura: Partial<CaptureRow>[] = [
      { goalCode: '1905021', goal: 'Vacunar a los gestores culturales', unit: 'Secretaría de Cultura', yearGoal: 40, planned: [10, 10, 10, 10], executed: [10, null, null, null] },
      { goalCode: '3301001', goal: 'Realizar 12 festivales', unit: 'Secretaría de Cultura', yearGoal: 12, planned: [3, 3, 3, 3], executed: [3, null, null, null] },
    ];
    const two = await writeFixture(dir, 'salud-cultura.xlsx', [tab('Salud', '30/06/2025', goals([1500, 12, 10])), tab('Cultura', '31/03/2025', cultura)]);
    const r = JSON.parse((await cli(['reporte', two, '--json'], dir)).out) as ReportJson;
    expect(r.plan.goals).toBe(5);
  });

  it('a consolidation of the tabs keeps no word about the tab it left out', async () => {
    const cons = path.join(dir, 'consolidado-t1.xlsx');
    expect((await cli(['consolidar', file, '--corte', '2025-03-31', '-o', cons], dir)).code).toBe(0);
    const r = JSON.parse((await cli(['reporte', cons, '--corte', '2025-06-30', '--json'], dir)).out) as ReportJson & { notes?: string[] };
    expect(r.plan.goals).toBe(3);
    expect((r.notes ?? []).join(' ')).not.toContain('trae las mismas metas');
  });

  it('a workbook holding a consolidation and a tab of its own at another cut-off reads the consolidation', async () => {
    const cons = path.join(dir, 'consolidado-t2.xlsx');
    expect((await cli(['consolidar', file, '--corte', '2025-06-30', '-o', cons], dir)).code).toBe(0);
    const wb = await loadXlsx(cons);
    const own = wb.addWorksheet('HC T1');
    tab('HC T1', '31/03/2025', goals([null, null, null])).rows.forEach((row, i) => {
      row.forEach((v, j) => {
        if (typeof v === 'string' || typeof v === 'number') own.getCell(i + 1, j + 1).value = v;
      });
    });
    const both = path.join(dir, 'consolidado-mas-pestana.xlsx');
    await wb.xlsx.writeFile(both);
    const text = (await cli(['validar', both, '--corte', '2025-03-31'], dir)).out;
    expect(text).toContain('Se leyó la hoja consolidada «Consolidado»');
    expect(text).not.toContain('trae las mismas metas');
    const r = JSON.parse((await cli(['reporte', both, '--corte', '2025-03-31', '--json'], dir)).out) as ReportJson;
    expect(r.plan.goals).toBe(3);
  });
});
