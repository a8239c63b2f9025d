/**
 * Workbooks saved by other tools read and write as well as Excel-saved ones. Each real sample and
 * the bundled examples are saved again with python3's openpyxl (`test/fixtures/other-tools/
 * resave.py`): its packages have absolute relationship targets (`/xl/comments/comment1.xml`),
 * its own part names (`xl/comments/comment1.xml`, `xl/drawings/commentsDrawing1.vml`), drawings
 * and VML with other namespace prefixes, inline strings — and, saved with its formulas, no cached
 * values (openpyxl does not calculate).
 *
 * - Saved with the values the original displays: `validar` (findings and readings), `reporte`
 *   (cut-off, vigencia, every goal) and `generar` (its counts) give exactly the original's;
 *   `consolidar` gives the original's observations; `generar`'s output package is consistent
 *   (every relationship's target is there, every part has a content type) and keeps the notes.
 * - Saved with its formulas: `generar` writes a consistent package; no finding appears that the
 *   original does not have but the one «fórmula sin valor calculado» per sheet, and a finding of
 *   the original is missing only on a row where a formula lost its cached value (unknown, never
 *   read as 0 or blank). The DNP report, whose titles are formulas quoting a typed
 *   `Resumen!X1` «2025 - tercer trimestre», is read exactly as the original (cut-off 30/09/2025).
 * - DNP titles whose formulas cannot be worked out: the cut-off comes from the typed title of
 *   `Resumen`, said in a note; with no typed title either, a note says the period is not known.
 *
 * - LibreOffice (where installed; CI installs it) converts `generar`'s output of such a copy.
 *
 * Needs python3 with openpyxl (Debian: python3-openpyxl, in .ci/run): under CI=true a missing one
 * fails with that message; elsewhere these tests are skipped with a warning.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { packageProblems } from '../helpers/package-check';
import { loadXlsx, observations } from '../helpers/generated-sheets';
import { openZip, readPartText } from '../../src/xlsx/zip';
import { parseRels, relIs, relsPathOf, resolveTarget } from '../../src/xlsx/ooxml';
import { readablePackage } from '../../src/xlsx/package';
import { resolveUncalculated } from '../../src/domain/formula-text';
import { NOT_CALCULATED_CELL, type Grid } from '../../src/domain/grid';
import { buildZip } from '../helpers/zip';
import { repoRoot, tablero, tempDir } from '../cli/io';
import { generateCopy } from '../../src/xlsx/generate';
import type { CliDeps } from '../../src/cli/deps';

const samplesDir = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const RESAVE = path.join(repoRoot, 'test', 'fixtures', 'other-tools', 'resave.py');
// The samples' data run to the third quarter (Tenjo, DNP) or name their quarter (Cali: T2 2025).
const NOW = new Date(2025, 9, 20);

const python = spawnSync('python3', ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' });
const haveOpenpyxl = python.status === 0;
if (!haveOpenpyxl) {
  const why = 'other-tools.test.ts: python3 with openpyxl is not installed (Debian: apt-get install python3-openpyxl)';
  if (process.env.CI) throw new Error(`${why}; it is required under CI.`);
  console.warn(`${why}; the tests of workbooks saved by other tools are skipped.`);
}
const haveSamples = existsSync(samplesDir);

interface Source {
  readonly name: string;
  readonly file: string;
  /** Has follow-up: consolidar takes it. */
  readonly followUp: boolean;
}
const sources: Source[] = [
  { name: 'tenjo', file: path.join(samplesDir, 'tenjo-pdm-seguimiento.xlsx'), followUp: true },
  { name: 'dnp', file: path.join(samplesDir, 'dnp-seguimiento-pdt-cajica.xlsx'), followUp: true },
  { name: 'cali', file: path.join(samplesDir, 'cali-cuadro1s-plan-accion-T2-2025.xlsx'), followUp: true },
  { name: 'sispt', file: path.join(samplesDir, 'sispt-plan-indicativo-cajica.xlsx'), followUp: false },
  { name: 'ejemplo-captura', file: path.join(repoRoot, 'examples', 'hoja-captura-T2-2025.xlsx'), followUp: true },
  { name: 'ejemplo-plan', file: path.join(repoRoot, 'examples', 'plan-accion-2025.xlsx'), followUp: false },
];

const DNP_RESUMEN_TITLE = 'Resumen';
const dnpEdits = (resumenToo: boolean) => [
  ['Detalle seguimiento físico', 'U6', '=CONCATENATE("Ejecución PIIP ",TRIM(Resumen!$X$1))'],
  ['Detalle seguimiento financiero', 'T6', '=CONCATENATE("Ejecución CUIPO ",TRIM(Resumen!$X$1))'],
  ...(resumenToo ? [[DNP_RESUMEN_TITLE, 'X1', '=TRIM("2025 - tercer trimestre")']] : []),
];

interface FindingJson {
  rule: string;
  sheet: string;
  cell: string;
  row?: number;
  message: string;
}
interface SheetJson {
  name: string;
  notes?: string[];
}
interface ValidarJson {
  errors: number;
  warnings: number;
  files: { sheets: SheetJson[]; findings: FindingJson[] }[];
}
interface ReporteJson {
  cutoff: string;
  vigencia: number;
  goals: unknown[];
}

const key = (f: FindingJson) => `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;
const isNotCalculated = (f: FindingJson) => f.rule === 'formula-error' && f.message.includes('fórmula sin valor calculado');

const { dir, cleanup } = tempDir('tablero-other-tools-');
/** Output file → sheet → rows holding a formula (as resave.py reports them). */
let formulaRows: Record<string, Record<string, number[]>> = {};

const maybe = haveOpenpyxl && haveSamples ? describe : describe.skip;

beforeAll(() => {
  if (!haveOpenpyxl || !haveSamples) return;
  const jobs = [
    ...sources.flatMap((s) => [
      { src: s.file, out: `${s.name}.valores.xlsx`, mode: 'values' },
      { src: s.file, out: `${s.name}.formulas.xlsx`, mode: 'formulas' },
    ]),
    { src: sources[1].file, out: 'dnp.titulos-complejos.xlsx', mode: 'formulas', edits: dnpEdits(false) },
    { src: sources[1].file, out: 'dnp.sin-titulo.xlsx', mode: 'formulas', edits: dnpEdits(true) },
  ];
  for (const s of sources) copyFileSync(s.file, path.join(dir, `${s.name}.xlsx`));
  writeFileSync(path.join(dir, 'jobs.json'), JSON.stringify(jobs));
  const r = spawnSync('python3', [RESAVE, dir, path.join(dir, 'jobs.json')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`resave.py failed: ${r.stderr}`);
  formulaRows = JSON.parse(r.stdout) as typeof formulaRows;
}, 120_000);
afterAll(cleanup);

async function json<T>(argv: string[]): Promise<T> {
  const r = await tablero(argv, dir, { now: NOW });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}

/** `generar` forced onto the package-level copy (the path of workbooks above `GENERAR_MAX_CELLS`). */
const packageCopy: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, 0);

async function generar(file: string, out: string, large = false): Promise<{ counts: string; bytes: Buffer }> {
  const g = await tablero(['generar', file, '-o', out], dir, { now: NOW, ...(large ? { deps: { generateCopy: packageCopy } } : {}) });
  expect(g.stderr).toBe('');
  expect(g.code).toBe(0);
  const counts = /; ([^;]*error[^;]*advertencias?)/.exec(g.stdout)?.[1] ?? '';
  expect(counts).not.toBe('');
  return { counts, bytes: readFileSync(path.join(dir, out)) };
}

/** The notes (comments) of every worksheet of a package, as `sheet part → refs`, read through its relationships. */
function notesOf(bytes: Buffer): string[] {
  const zip = openZip(bytes);
  const out: string[] = [];
  for (const e of zip.entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    for (const r of parseRels(readPartText(zip, relsPathOf(e.name)))) {
      if (r.external || !relIs(r.type, 'comments')) continue;
      const xml = readPartText(zip, resolveTarget(e.name, r.target)) ?? '';
      for (const m of xml.matchAll(/<comment\s[^>]*ref="([A-Z]+\d+)"/g)) out.push(m[1]);
    }
  }
  return out.sort();
}

maybe('workbooks saved by openpyxl with the values the original displays', () => {
  it.each(sources.map((s) => s.name))('%s: validar, reporte and generar as on the original; generar\'s package is consistent', async (name) => {
    const original = `${name}.xlsx`;
    const copy = `${name}.valores.xlsx`;
    const [a, b] = [await json<ValidarJson>(['validar', original, '--json']), await json<ValidarJson>(['validar', copy, '--json'])];
    expect(b.files[0].findings.map(key).sort()).toEqual(a.files[0].findings.map(key).sort());
    expect(b.files[0].sheets).toEqual(a.files[0].sheets);
    expect([b.errors, b.warnings]).toEqual([a.errors, a.warnings]);

    const [ra, rb] = [await json<ReporteJson>(['reporte', original, '--json']), await json<ReporteJson>(['reporte', copy, '--json'])];
    expect(ra.goals.length).toBeGreaterThan(0);
    expect([rb.cutoff, rb.vigencia, rb.goals]).toEqual([ra.cutoff, ra.vigencia, ra.goals]);

    const ga = await generar(original, `${name}.salida-original.xlsx`);
    const gb = await generar(copy, `${name}.salida-copia.xlsx`);
    expect(gb.counts).toBe(ga.counts);
    expect(packageProblems(gb.bytes)).toEqual([]);
    // The person's notes (Tenjo's A1) are kept, besides the marks generar adds: the same cells as from the original.
    expect(notesOf(gb.bytes)).toEqual(notesOf(ga.bytes));
    // The package-level copy (large workbooks) of the openpyxl package: the same, consistent too.
    const gl = await generar(copy, `${name}.salida-copia-paquete.xlsx`, true);
    expect(gl.counts).toBe(ga.counts);
    expect(packageProblems(gl.bytes)).toEqual([]);
    expect(notesOf(gl.bytes)).toEqual(notesOf(ga.bytes));
  }, 120_000);

  it.each(sources.filter((s) => s.followUp).map((s) => s.name))('%s: consolidar gives the original\'s observations', async (name) => {
    const obs = async (file: string, out: string) => {
      const c = await tablero(['consolidar', file, '-o', out], dir, { now: NOW });
      expect(c.stderr).toBe('');
      expect(c.code).toBe(0);
      expect(packageProblems(readFileSync(path.join(dir, out)))).toEqual([]);
      const wb = await loadXlsx(path.join(dir, out));
      return observations(wb.getWorksheet('Observaciones')!).map((o) => `${o.rule}|${o.sheet}|${o.cell}|${o.message}`).sort();
    };
    const a = await obs(`${name}.xlsx`, `${name}.consolidado-original.xlsx`);
    expect(a.length).toBeGreaterThan(0);
    expect(await obs(`${name}.valores.xlsx`, `${name}.consolidado-copia.xlsx`)).toEqual(a);
  }, 120_000);
});

maybe('workbooks saved by openpyxl with their formulas (no cached values)', () => {
  it.each(sources.map((s) => s.name))('%s: generar writes a consistent package; findings only change where a formula lost its value', async (name) => {
    const copy = `${name}.formulas.xlsx`;
    const g = await generar(copy, `${name}.salida-formulas.xlsx`);
    expect(packageProblems(g.bytes)).toEqual([]);
    const a = (await json<ValidarJson>(['validar', `${name}.xlsx`, '--json'])).files[0].findings;
    const b = (await json<ValidarJson>(['validar', copy, '--json'])).files[0].findings;
    const original = new Set(a.map(key));
    // Nothing new but the one «sin valor calculado» per sheet (no missing report, no 0 read where a value is unknown).
    expect(b.filter((f) => !isNotCalculated(f) && !original.has(key(f))).map(key)).toEqual([]);
    const formulas = formulaRows[copy] ?? {};
    const copied = new Set(b.map(key));
    const lost = a.filter((f) => !copied.has(key(f)));
    expect(lost.filter((f) => !(formulas[f.sheet] ?? []).includes(f.row ?? Number(/\d+$/.exec(f.cell)?.[0])))).toEqual([]);
    if (Object.keys(formulas).length === 0) expect(b.map(key).sort()).toEqual(a.map(key).sort());
  }, 120_000);

  it('DNP: the titles quote a typed «2025 - tercer trimestre»: read exactly as the original (cut-off 30/09/2025)', async () => {
    const a = await json<ValidarJson>(['validar', 'dnp.xlsx', '--json']);
    const b = await json<ValidarJson>(['validar', 'dnp.formulas.xlsx', '--json']);
    expect(b.files[0].findings.map(key).sort()).toEqual(a.files[0].findings.map(key).sort());
    expect(b.files[0].findings.filter((f) => f.rule === 'missing-report')).toEqual([]);
    expect(b.files[0].sheets).toEqual(a.files[0].sheets);
    const r = await json<ReporteJson>(['reporte', 'dnp.formulas.xlsx', '--json']);
    expect(r.cutoff).toBe('2025-09-30');
    expect(r.goals).toEqual((await json<ReporteJson>(['reporte', 'dnp.xlsx', '--json'])).goals);
  }, 60_000);

  it('DNP: titles whose formulas cannot be worked out take the cut-off from Resumen\'s typed title, and say so', async () => {
    const v = await json<ValidarJson>(['validar', 'dnp.titulos-complejos.xlsx', '--json']);
    const note = 'la hoja «Resumen» dice que la ejecución de 2025 llega al trimestre 3: se midió al corte 30/09/2025.';
    for (const s of v.files[0].sheets) expect(s.notes?.some((n) => n.includes(note))).toBe(true);
    const original = new Set((await json<ValidarJson>(['validar', 'dnp.xlsx', '--json'])).files[0].findings.map(key));
    expect(v.files[0].findings.filter((f) => !original.has(key(f)))).toEqual([]);
    expect((await json<ReporteJson>(['reporte', 'dnp.titulos-complejos.xlsx', '--json'])).cutoff).toBe('2025-09-30');
    const text = await tablero(['reporte', 'dnp.titulos-complejos.xlsx'], dir, { now: NOW });
    expect(text.stdout).toContain(note);
  }, 60_000);

  it('DNP: with no typed title either, the output says the period is not known (no silent 31/12)', async () => {
    const note = 'Los títulos de la hoja son fórmulas sin valor calculado (el libro se guardó con un programa que no calcula): no se sabe hasta qué fecha llega la ejecución de 2025.';
    const v = await json<ValidarJson>(['validar', 'dnp.sin-titulo.xlsx', '--json']);
    for (const s of v.files[0].sheets) expect(s.notes?.some((n) => n.startsWith(note))).toBe(true);
    const text = await tablero(['reporte', 'dnp.sin-titulo.xlsx'], dir, { now: NOW });
    expect(text.stdout).toContain(note);
    // A cut-off the user gives is used, and nothing more is said.
    const given = await json<ValidarJson>(['validar', 'dnp.sin-titulo.xlsx', '--corte', '2025-09-30', '--json']);
    expect(given.files[0].sheets.flatMap((s) => s.notes ?? []).filter((n) => n.startsWith(note))).toEqual([]);
    const original = await json<ValidarJson>(['validar', 'dnp.xlsx', '--corte', '2025-09-30', '--json']);
    expect(given.files[0].findings.map(key).sort()).toEqual(original.files[0].findings.map(key).sort());
  }, 60_000);

  // LibreOffice (CI installs it, as for test/sheets/render.test.ts): skipped only where it is not installed.
  const libreoffice = spawnSync('sh', ['-c', 'command -v libreoffice']).status === 0;
  (libreoffice ? it : it.skip)('LibreOffice opens generar\'s output of an openpyxl-saved workbook', async () => {
    const out = path.join(dir, 'lo');
    const profile = path.join(dir, `lo-profile-${process.pid}`);
    for (const name of ['tenjo', 'dnp']) {
      await generar(`${name}.formulas.xlsx`, `${name}.salida-lo.xlsx`);
      const input = path.join(dir, `${name}.salida-lo.xlsx`);
      const r = spawnSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv', '--outdir', out, input], {
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, HOME: dir },
      });
      expect(r.status).toBe(0);
      const csv = path.join(out, `${name}.salida-lo.csv`);
      expect(existsSync(csv)).toBe(true);
      expect(readFileSync(csv, 'utf8').length).toBeGreaterThan(100);
    }
  }, 300_000);
});

describe('what can be known of a formula with no cached value', () => {
  const grid = (name: string, values: Grid['values'], formulas?: Grid['formulas']): Grid => ({ name, values, merges: [], ...(formulas ? { formulas } : {}) });
  const U = NOT_CALCULATED_CELL;

  it('a literal, a reference to a typed cell and texts joined are known; anything else stays unknown', () => {
    const resumen = grid('Resumen', [['2025 - tercer trimestre', null, 7.5, 2025]]);
    const cases: [string, unknown][] = [
      ['CONCATENATE("Ejecución PIIP ",Resumen!$X$1)', undefined], // X1 is outside the row given: blank → "Ejecución PIIP "
      ['CONCATENATE("Ejecución PIIP ",Resumen!$A$1)', 'Ejecución PIIP 2025 - tercer trimestre'],
      ['"Año "&Resumen!D1', 'Año 2025'],
      ['_xlfn.CONCAT("a";"b")', 'ab'],
      ['Resumen!A1', '2025 - tercer trimestre'],
      ["'Resumen'!C1", 7.5],
      ['Resumen!B1', U], // a blank referenced alone: Excel shows 0, not known here
      ['"v"&Resumen!C1', U], // a decimal joined as text depends on Excel's formatting
      ['TRIM(Resumen!A1)', U],
      ['Resumen!A1+1', U],
      ['Otra!A1', U],
      ['B1', 'Ejecución PIIP 2025 - tercer trimestre'], // a reference to another such formula, worked out
    ];
    const values = cases.map(() => U);
    const formulas = cases.map(([f]) => f);
    formulas[formulas.length - 1] = 'B1';
    const sheet = grid('Hoja', [[...values.slice(0, -1), U]], [formulas]);
    // B1 is the second case's cell.
    const [, resolved] = resolveUncalculated({ name: 'x', sheets: [resumen, sheet] }).sheets;
    const got = resolved.values[0] ?? [];
    expect(got[0]).toBe('Ejecución PIIP ');
    for (let j = 1; j < cases.length; j++) expect([cases[j][0], got[j]]).toEqual([cases[j][0], cases[j][1]]);
  });

  it('grids with no uncalculated formula are given back as they are', () => {
    const grids = { name: 'x', sheets: [grid('A', [['t', 1]])] };
    expect(resolveUncalculated(grids)).toBe(grids);
  });
});

describe('the package check of generar\'s output', () => {
  it('names a relationship whose target is missing and a part with no content type', () => {
    const bytes = readablePackage(readFileSync(path.join(repoRoot, 'examples', 'hoja-captura-T2-2025.xlsx')));
    expect(packageProblems(bytes)).toEqual([]);
    const zip = openZip(bytes);
    const parts = zip.entries
      .filter((e) => e.name !== 'xl/worksheets/sheet2.xml' && !e.name.endsWith('/'))
      .map((e) => ({ name: e.name, data: readPartText(zip, e.name) ?? '' }));
    parts.push({ name: 'xl/extra.bin', data: 'x' });
    const problems = packageProblems(buildZip(parts));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('missing xl/worksheets/sheet2.xml'), 'no content type: xl/extra.bin', 'Override of a missing part: xl/worksheets/sheet2.xml']),
    );
  });
});
