/**
 * `consolidar` and `devolver` on the real formats give the verdicts `validar` and `reporte` give
 * on the same file: each unit's file is read and reviewed on its own (its format's reading —
 * Cali's activity rows, Tenjo's year blocks, DNP's joined financial sheet — and its value
 * conventions), never by re-reading the copied rows with the general reader.
 *
 * - On each real sample with follow-up and on the bundled example: the consolidated Observaciones
 *   are exactly `validar --json`'s findings, the consolidation's report is exactly `reporte --json`,
 *   its Alertas list `reporte`'s lagging goals; `devolver`'s returns hold, per unit, exactly those
 *   findings and lagging goals, and together every finding; a goal's observation reaches its own
 *   unit alone (Tenjo's meta 43 names none: «Sin dependencia», not every secretaría).
 * - A sample with no follow-up sheet (SisPT's plan indicativo, the example plan de acción) is
 *   refused with its reason.
 * - Two files of one real format (a copy of Cali's sample made another unit's with exceljs, one of
 *   its activities left as the original's): each file's verdicts, plus the repeated activity — the
 *   one finding only the consolidation sees; the report is `reporte` on both files together.
 * - The reading options reach every file as they reach `validar` and `reporte`: `--vigencia`
 *   (Tenjo's 2024 block), `--incluir-ocultas` (Cali's hidden sheet) and `--mapa` (a layout no
 *   description knows, mapped by hand).
 */
import { existsSync, promises as fs, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { consolidateFiles } from '../../src/xlsx/consolidate';
import { gridsOfWorkbook } from '../../src/xlsx/read';
import { readWorkbook } from '../../src/domain/reader';
import { nameKey } from '../../src/domain/text';
import { alertCodes, loadXlsx, observations, type ObsRow } from '../helpers/generated-sheets';
import { parseArgs, readingOf } from '../../src/cli/args';
import type { FindingJson } from '../../src/cli/validar';
import { loadMappingFile } from '../../src/cli/mapa';
import { unknownLayoutMapping, unknownLayoutWorkbook } from '../helpers/unknown-layout';
import { repoRoot, tablero, tempDir } from './io';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const maybe = existsSync(samples) ? describe : describe.skip;
// The samples' data run to the third quarter (Tenjo, DNP) or name their quarter (Cali: T2 2025).
const NOW = new Date(2025, 9, 20);

interface GoalJson {
  code: string;
  unit: string | null;
  state: string;
  goalType: string | null;
}
interface ReportJson {
  vigencia: number;
  cutoff: string;
  goals: GoalJson[];
}

const key = (f: Pick<FindingJson, 'rule' | 'sheet' | 'cell' | 'message'>) => `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;
const sorted = (xs: string[]) => [...xs].sort();
const lagging = (g: GoalJson) => (g.goalType === null || g.goalType === 'Producto') && ['no-iniciada', 'atrasada', 'no-cumplida'].includes(g.state);

async function json<T>(argv: readonly string[], cwd: string): Promise<T> {
  const r = await tablero([...argv], cwd, { now: NOW });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}

async function validar(files: readonly string[], cwd: string): Promise<FindingJson[]> {
  const v = await json<{ files: { findings: FindingJson[] }[] }>(['validar', ...files, '--json'], cwd);
  return v.files.flatMap((f) => f.findings);
}

/** The returns `devolver` wrote, per unit: its observations and its lagging goals. */
async function returnsIn(folder: string): Promise<Map<string, { obs: ObsRow[]; lagging: string[] }>> {
  const out = new Map<string, { obs: ObsRow[]; lagging: string[] }>();
  for (const name of (await fs.readdir(folder)).sort()) {
    const wb = await loadXlsx(path.join(folder, name));
    const cover = wb.getWorksheet('Devolución')!;
    let unit = '';
    cover.eachRow((row) => {
      const v = row.getCell(1).value ?? row.getCell(2).value;
      if (typeof v === 'string' && v.startsWith('Devolución a la dependencia — ')) unit = v.slice('Devolución a la dependencia — '.length);
    });
    expect(unit).not.toBe('');
    out.set(unit, { obs: observations(wb.getWorksheet('Observaciones')!), lagging: alertCodes(wb.getWorksheet('Alertas')!, 1) });
  }
  return out;
}

/** The unit a goal's return is filed under (`devolver` names a goal without unit «Sin dependencia»). */
const unitOf = (g: GoalJson) => nameKey(g.unit || 'Sin dependencia');

/** The in-process reading of `flags`, as `tablero` gives it to the verbs. */
async function readingOfFlags(flags: readonly string[], cwd: string) {
  const parsed = parseArgs(['consolidar', 'x.xlsx', ...flags]);
  if (parsed.help) throw new Error('help');
  return { corte: parsed.corte, reading: readingOf(parsed.mapa !== undefined ? { ...parsed, mapping: await loadMappingFile(parsed.mapa, cwd) } : parsed) };
}

interface Case {
  /** What only the consolidation sees (left out of the comparison with `validar`). */
  readonly extra?: (o: ObsRow) => boolean;
  /** Reading options given to every verb (`--vigencia`, `--incluir-ocultas`, `--mapa`). */
  readonly flags?: readonly string[];
  /** Where the files are (relative names); a temporary folder when not given. */
  readonly dir?: string;
}

/** Checks one consolidation of `files` against `validar` and `reporte` on the same files. */
async function expectSameVerdicts(files: readonly string[], at: Case = {}) {
  const extra = at.extra ?? (() => false);
  const flags = at.flags ?? [];
  const temp = at.dir ? null : tempDir('tablero-consolidar-real-');
  const dir = at.dir ?? temp!.dir;
  try {
    const findings = await validar([...files, ...flags], dir);
    const report = await json<ReportJson>(['reporte', ...files, ...flags, '--json'], dir);
    expect(report.goals.length).toBeGreaterThan(0);

    // consolidar: its Observaciones are validar's findings (plus what only the consolidation sees).
    const c = await tablero(['consolidar', ...files, ...flags, '-o', 'consolidado.xlsx'], dir, { now: NOW });
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    const wb = await loadXlsx(path.join(dir, 'consolidado.xlsx'));
    const obs = observations(wb.getWorksheet('Observaciones')!);
    expect(sorted(obs.filter((o) => !extra(o)).map(key))).toEqual(sorted(findings.map(key)));
    // … its report is reporte's, goal by goal (states, figures, aggregates) …
    const { corte, reading } = await readingOfFlags(flags, dir);
    const run = await consolidateFiles(files, corte, 'consolidado.xlsx', { cwd: dir, now: NOW, reading }, () => undefined);
    // (`files` and `basis`, which reporte adds over several files, say each file is in the figures.)
    const { files: listed, basis: _basis, ...documented } = report as ReportJson & { files?: { included: boolean }[]; basis?: string };
    if (files.length > 1) expect(listed?.map((f) => f.included)).toEqual(files.map(() => true));
    expect(JSON.parse(JSON.stringify(run.generation.report))).toEqual(documented);
    // … and its Alertas list reporte's lagging goals.
    expect(sorted(alertCodes(wb.getWorksheet('Alertas')!, 1))).toEqual(sorted(report.goals.filter(lagging).map((g) => g.code)));

    // devolver: each unit gets its own findings and lagging goals; together, every finding.
    const d = await tablero(['devolver', ...files, ...flags, '-o', 'devoluciones'], dir, { now: NOW });
    expect(d.stderr).toBe('');
    expect(d.code).toBe(0);
    const returns = await returnsIn(path.join(dir, 'devoluciones'));
    const units = new Set(report.goals.map(unitOf));
    expect(sorted([...returns.keys()].map(nameKey))).toEqual(sorted([...units]));
    const returned = new Set<string>();
    for (const [unit, r] of returns) {
      for (const o of r.obs) {
        returned.add(key(o));
        // A goal's observation goes to the goal's unit alone (a goal naming no unit: «Sin dependencia»).
        const goals = report.goals.filter((g) => g.code === o.goal);
        if (goals.length > 0) expect({ unit, goal: o.goal, ok: goals.some((g) => unitOf(g) === nameKey(unit)) }).toEqual({ unit, goal: o.goal, ok: true });
      }
      expect(sorted(r.lagging)).toEqual(sorted(report.goals.filter((g) => unitOf(g) === nameKey(unit) && lagging(g)).map((g) => g.code)));
    }
    expect(sorted([...returned])).toEqual(sorted([...new Set(obs.map(key))]));
    return { obs, findings, report, returns };
  } finally {
    temp?.cleanup();
  }
}

maybe('consolidar and devolver on the real formats give validar’s and reporte’s verdicts', () => {
  it.each([
    ['Cali Cuadro 1S', path.join(samples, 'cali-cuadro1s-plan-accion-T2-2025.xlsx')],
    ['DNP seguimiento al PDT', path.join(samples, 'dnp-seguimiento-pdt-cajica.xlsx')],
    ['Cundinamarca PDM (Tenjo)', path.join(samples, 'tenjo-pdm-seguimiento.xlsx')],
    ['the bundled example', path.join(repoRoot, 'examples', 'hoja-captura-T2-2025.xlsx')],
  ])('%s', async (_, file) => {
    const { findings, report } = await expectSameVerdicts([file]);
    expect(findings.length).toBeGreaterThan(0);
    expect(report.goals.some(lagging)).toBe(true);
  }, 240_000);

  it.each([
    ['SisPT plan indicativo', path.join(samples, 'sispt-plan-indicativo-cajica.xlsx')],
    ['the example plan de acción', path.join(repoRoot, 'examples', 'plan-accion-2025.xlsx')],
  ])('%s (no follow-up sheet): refused with its reason', async (_, file) => {
    const { dir, cleanup } = tempDir('tablero-consolidar-real-');
    try {
      for (const verb of ['consolidar', 'devolver']) {
        const r = await tablero([verb, file, '-o', 'salida'], dir, { now: NOW });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`«${file}» no tiene hoja de captura`);
      }
    } finally {
      cleanup();
    }
  }, 120_000);

  it('two files of one real format: each file’s verdicts, and the activity both report', async () => {
    const { dir, cleanup } = tempDir('tablero-consolidar-cali-');
    try {
      const original = path.join(samples, 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
      // The copy: another unit's, its projects renumbered — except one activity, left as the original's.
      const wb = await loadXlsx(original);
      const read = readWorkbook(gridsOfWorkbook(wb, 'otra.xlsx'));
      const sheet = read.sheets.find((s) => s.granularity === 'activity')!;
      expect(sheet).toBeDefined();
      const ws = wb.getWorksheet(sheet.name)!;
      const unitCol = sheet.columns.unit!;
      const projectCol = sheet.columns.projectCode!;
      const kept = sheet.rows[sheet.rows.length - 1].row;
      for (const r of sheet.rows) {
        ws.getRow(r.row).getCell(unitCol).value = 'Secretaría de Paz y Cultura Ciudadana';
        const code = ws.getRow(r.row).getCell(projectCol);
        if (r.row !== kept && code.value !== null) code.value = `${String(code.value)}`.split('').reverse().join('');
      }
      const copy = path.join(dir, 'otra-dependencia.xlsx');
      await wb.xlsx.writeFile(copy);

      const across = (o: ObsRow) => o.rule === 'duplicate' && o.file === copy;
      const { obs, returns } = await expectSameVerdicts([original, copy], { extra: across });
      // The one finding only the consolidation sees: the activity kept, on the copy's row, naming where it was first.
      const dup = obs.filter(across);
      expect(dup).toHaveLength(1);
      expect(dup[0]).toMatchObject({ sheet: sheet.name, cell: `${dup[0].cell.replace(/\d+$/, '')}${kept}` });
      expect(dup[0].message).toContain(`ya aparece en «${original}»`);
      // It is returned to the copy's unit only.
      const owners = [...returns].filter(([, r]) => r.obs.some(across)).map(([u]) => u);
      expect(owners).toEqual(['Secretaría de Paz y Cultura Ciudadana']);
    } finally {
      cleanup();
    }
  }, 300_000);

  it('--vigencia: Tenjo read for its 2024 block, as validar and reporte read it', async () => {
    const { report } = await expectSameVerdicts([path.join(samples, 'tenjo-pdm-seguimiento.xlsx')], { flags: ['--vigencia', '2024'] });
    expect(report).toMatchObject({ vigencia: 2024, cutoff: '2024-12-31' });
  }, 240_000);

  it('--incluir-ocultas: Cali with its hidden sheet, as validar reads it', async () => {
    const file = path.join(samples, 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
    const { obs } = await expectSameVerdicts([file], { flags: ['--incluir-ocultas'] });
    const { dir, cleanup } = tempDir('tablero-consolidar-real-');
    try {
      const hidden = (await json<{ files: { hidden?: string[] }[] }>(['validar', file, '--json'], dir)).files[0].hidden ?? [];
      expect(hidden.length).toBeGreaterThan(0);
      // Read on request, «DAP Cuadro 4F» is the format's indicators sheet: listed, never validated (issue 9).
      expect(obs.some((o) => hidden.includes(o.sheet))).toBe(false);
    } finally {
      cleanup();
    }
  }, 240_000);

  it('--mapa: a layout no description knows, mapped by hand, as validar and reporte read it', async () => {
    const { dir, cleanup } = tempDir('tablero-consolidar-mapa-');
    try {
      writeFileSync(path.join(dir, 'renombrada.xlsx'), await unknownLayoutWorkbook(true));
      writeFileSync(path.join(dir, 'mapa.json'), JSON.stringify(unknownLayoutMapping));
      const { report } = await expectSameVerdicts(['renombrada.xlsx'], { flags: ['--mapa', 'mapa.json', '--corte', '2025-06-30'], dir });
      expect(report.goals).toHaveLength(14);
    } finally {
      cleanup();
    }
  }, 240_000);
});
