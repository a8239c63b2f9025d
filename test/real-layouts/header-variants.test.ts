/**
 * Other instances of the known formats word their headers otherwise (real-formats.md "Header
 * matching, real wording"; issue 9: "build from the FORMAT, never from a sample's rows"). Each real
 * sample of `../shared/real-layouts/` is rewritten by `test/helpers/header-variants.py` with only
 * its header row changed to wordings those formats' other instances use — abbreviations (`Ejec.`,
 * `Prog.`, `No.`, `Cód.`, `Vr.`), singular for plural, little words added or dropped, qualifiers in
 * parentheses, and every quarter wording (`T.1`, `Trimestre II`, `III trimestre`, `1er trimestre`,
 * `PLANEADO T1`, `ENE-MAR`, `Trim. IV`) — and must read exactly as the sample: the same format by
 * name, the same field in every column (`columnas`), the same goals and figures (`reporte`) and
 * the same findings, rule and cell (`validar`).
 *
 * The `zip` variants change the header cells inside the package and nothing else (cached formula
 * values stay), so they are compared with the sample itself; the `openpyxl` variants are saved by
 * openpyxl, as a reviewer generating variants would (formulas lose their cached values), and are
 * compared with the sample saved by openpyxl unchanged.
 *
 * Negative: our own canonical sheets (the capture sheet and the plan de acción) and a plan de
 * acción sharing a real format's generic headers are never read as a real format; a sheet
 * reworded beyond recognition is never «0 metas» with exit 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { examples, repoRoot, tablero, tempDir } from '../cli/io';
import type { JsonFinding as Finding } from '../helpers/validar-json';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const present = existsSync(samples);
const maybe = present ? describe : describe.skip;
const script = path.join(repoRoot, 'test', 'helpers', 'header-variants.py');

type Pairs = readonly (readonly [pattern: string, replacement: string])[];
interface Edit {
  readonly sheet: string;
  readonly row: number;
  readonly replace: Pairs;
}
interface Variant {
  readonly name: string;
  readonly sample: string;
  readonly format: string;
  readonly tool: 'zip' | 'openpyxl';
  readonly edits: readonly Edit[];
}

const SISPT = 'sispt-plan-indicativo-cajica.xlsx';
const DNP = 'dnp-seguimiento-pdt-cajica.xlsx';
const TENJO = 'tenjo-pdm-seguimiento.xlsx';
const CALI = 'cali-cuadro1s-plan-accion-T2-2025.xlsx';
const SISPT_SHEET = 'Plan indicativo - Productos';
const DNP_PHYSICAL = 'Detalle seguimiento físico';
const DNP_FINANCIAL = 'Detalle seguimiento financiero';
const CALI_SHEET = 'MEDE01.03.01.P01.F05';

const roman = ['I', 'II', 'III', 'IV'];
/** One pair per quarter: `T1. PLANEADO 2025` (also `T.4`) → `wording(n)` + the rest of the header. */
const tenjoQuarters = (role: 'PLANEADO' | 'EJECUTADO', wording: (n: number) => string): Pairs =>
  [1, 2, 3, 4].map((n) => [`^T\\.?${n}\\.? ${role} (\\d{4})$`, wording(n).replace('$YEAR', '\\1')] as const);

const variants: readonly Variant[] = [
  // --- SisPT plan indicativo -------------------------------------------------------------------
  {
    name: 'sispt-prog-producto',
    sample: SISPT,
    format: 'Plan indicativo exportado de SisPT (DNP)',
    tool: 'zip',
    edits: [{ sheet: SISPT_SHEET, row: 2, replace: [['^Programación del producto bien o servicio (\\d{4})$', 'Prog. producto \\1']] }],
  },
  {
    name: 'sispt-abreviado',
    sample: SISPT,
    format: 'Plan indicativo exportado de SisPT (DNP)',
    tool: 'zip',
    edits: [
      {
        sheet: SISPT_SHEET,
        row: 2,
        replace: [
          ['^Código de indicador de producto \\(SisPT\\)$', 'Cód. indicador de producto (SisPT)'],
          ['^Código de indicador de producto \\(MGA\\)$', 'Cód. indicador producto (MGA)'],
          ['^Meta del cuatrienio$', 'Meta cuatrienio'],
          ['^Tipo de acumulación$', 'Tipo acumulación'],
          ['^Código del programa \\(MGA\\)$', 'Cód. programa (MGA)'],
          ['^Código del producto \\(MGA\\)$', 'Código producto (MGA)'],
          ['^Unidad de medida$', 'Unidades de medida'],
          ['^Personalización de Indicador de Producto$', 'Personalización del indicador de producto'],
          ['^Programación del producto bien o servicio (\\d{4})$', 'Programación producto bien/servicio \\1'],
        ],
      },
    ],
  },
  // --- DNP seguimiento al PDT ------------------------------------------------------------------
  {
    name: 'dnp-consecutivo-ejec',
    sample: DNP,
    format: 'Informe de seguimiento al PDT (DNP)',
    tool: 'zip',
    edits: [
      {
        sheet: DNP_PHYSICAL,
        row: 7,
        replace: [
          ['^Consecutivos IP', 'Consecutivo IP'],
          ['^Ejecución Física (\\d{4})', 'Ejec. Física \\1'],
        ],
      },
    ],
  },
  {
    // The titles say how far the execution runs (`Resumen`'s, which the group row's formula repeats), in other words.
    name: 'dnp-titulo-3er-trimestre',
    sample: DNP,
    format: 'Informe de seguimiento al PDT (DNP)',
    tool: 'zip',
    edits: [
      { sheet: 'Resumen', row: 1, replace: [['^2025 - tercer trimestre$', '2025 - 3er trimestre']] },
      { sheet: DNP_PHYSICAL, row: 6, replace: [['^Ejecución PIIP 2025 - tercer trimestre$', 'Ejecución PIIP 2025 - 3er trimestre']] },
      { sheet: DNP_FINANCIAL, row: 6, replace: [['^Ejecución CUIPO 2025 - tercer trimestre$', 'Ejecución CUIPO 2025 - 3er trimestre']] },
      { sheet: DNP_PHYSICAL, row: 7, replace: [['^Ejecución Física (\\d{4})', 'Ejec. Física \\1']] },
    ],
  },
  {
    name: 'dnp-titulo-trimestre-iii',
    sample: DNP,
    format: 'Informe de seguimiento al PDT (DNP)',
    tool: 'zip',
    edits: [
      { sheet: 'Resumen', row: 1, replace: [['^2025 - tercer trimestre$', '2025 - Trimestre III']] },
      { sheet: DNP_PHYSICAL, row: 6, replace: [['^Ejecución PIIP 2025 - tercer trimestre$', 'Ejecución PIIP 2025 - Trimestre III']] },
      { sheet: DNP_FINANCIAL, row: 6, replace: [['^Ejecución CUIPO 2025 - tercer trimestre$', 'Ejecución CUIPO 2025 - Trimestre III']] },
    ],
  },
  {
    name: 'dnp-otra-redaccion',
    sample: DNP,
    format: 'Informe de seguimiento al PDT (DNP)',
    tool: 'zip',
    edits: [
      {
        sheet: DNP_PHYSICAL,
        row: 7,
        replace: [
          ['^Consecutivos IP \\(SisPT\\)$', 'No. IP (SisPT)'],
          ['^Programado (\\d{4}) \\(SisPT\\)$', 'Prog. \\1 (SisPT)'],
          ['^Meta del Cuatrenio \\(SisPT\\)$', 'Meta del cuatrienio (SisPT)'],
          ['^Avance físico (\\d{4}) \\(%\\)$', '% Avance físico \\1'],
          ['^Códigos BPIN Asociados$', 'Código BPIN asociado'],
          ['^Ejecución Física (\\d{4}) \\(PIIP\\)$', 'Ejecutado físico \\1 (PIIP)'],
          ['^Explicación del valor', 'Explicación valor'],
          ['^Indicador Producto \\(MGA\\)$', 'Indicador de producto (MGA)'],
        ],
      },
      {
        sheet: DNP_FINANCIAL,
        row: 7,
        replace: [
          ['^Consecutivos IP \\(SisPT\\)$', 'No. IP (SisPT)'],
          ['^Programado (\\d{4})', 'Programación \\1'],
          ['^Compromisos (\\d{4})', 'Compromiso \\1'],
          ['^Obligaciones (\\d{4})', 'Obligación \\1'],
          ['^Pagos (\\d{4})', 'Pago \\1'],
        ],
      },
    ],
  },
  // --- Cundinamarca PDM ------------------------------------------------------------------------
  {
    name: 'tenjo-no-meta-t-punto',
    sample: TENJO,
    format: 'Seguimiento al PDM, formato de Cundinamarca',
    tool: 'zip',
    edits: [
      {
        sheet: 'PDM',
        row: 1,
        replace: [
          ['^COD META PRODUCTO$', 'No. META PRODUCTO'],
          ['^T(\\d)\\. (PLANEADO|EJECUTADO)', 'T.\\1 \\2'],
        ],
      },
    ],
  },
  {
    name: 'tenjo-trimestre-romano',
    sample: TENJO,
    format: 'Seguimiento al PDM, formato de Cundinamarca',
    tool: 'zip',
    edits: [
      {
        sheet: 'PDM',
        row: 1,
        replace: [
          ...tenjoQuarters('PLANEADO', (n) => `Trimestre ${roman[n - 1]} PLANEADO $YEAR`),
          ...tenjoQuarters('EJECUTADO', (n) => `${roman[n - 1]} trimestre ejecutado $YEAR`),
          ['^VALOR ESPERADO (\\d{4})$', 'VR. ESPERADO \\1'],
          ['^META DE PRODUCTO$', 'META PRODUCTO'],
          ['^COD META PRODUCTO$', 'CÓDIGO META DE PRODUCTO'],
        ],
      },
    ],
  },
  {
    name: 'tenjo-trimestre-ordinal',
    sample: TENJO,
    format: 'Seguimiento al PDM, formato de Cundinamarca',
    tool: 'zip',
    edits: [
      {
        sheet: 'PDM',
        row: 1,
        replace: [
          ...tenjoQuarters('PLANEADO', (n) => `${['1er', '2do', 'Tercer', '4to.'][n - 1]} trimestre planeado $YEAR`),
          ...tenjoQuarters('EJECUTADO', (n) => `${['Primer', '2° ', '3er', 'Cuarto'][n - 1]} trimestre ejecutado $YEAR`),
          ['^TENDENCIA\\s+INDICADOR$', 'TENDENCIA'],
          ['^\\s*SOPORTES DE CUMPLIMIENTO', 'SOPORTE DE CUMPLIMIENTO'],
          ['^APROPIACION DEFINITIVA', 'APROPIACIÓN DEFINITIVA'],
          ['^PAGOS (\\d{4})$', 'PAGO \\1'],
          ['^COD META PRODUCTO$', 'N° META PRODUCTO'],
        ],
      },
    ],
  },
  {
    name: 'tenjo-orden-y-meses',
    sample: TENJO,
    format: 'Seguimiento al PDM, formato de Cundinamarca',
    tool: 'zip',
    edits: [
      {
        sheet: 'PDM',
        row: 1,
        replace: [
          ...tenjoQuarters('PLANEADO', (n) => `PROGRAMADO T${n} $YEAR`),
          ...tenjoQuarters('EJECUTADO', (n) => `EJECUTADO ${['ENE-MAR', 'ABR-JUN', 'JUL-SEP', 'OCT-DIC'][n - 1]} $YEAR`),
          ['^RESPONSABLE$', 'Responsables'],
        ],
      },
    ],
  },
  // --- Cali Cuadro 1S --------------------------------------------------------------------------
  {
    name: 'cali-abreviado',
    sample: CALI,
    format: 'Cuadro 1S – Seguimiento al Plan de Acción (Santiago de Cali)',
    tool: 'zip',
    edits: [
      {
        sheet: CALI_SHEET,
        row: 11,
        replace: [
          ['^% de Avance Actividad\\nTrimestre ', '% Avance Actividad Trim. '],
          ['^Ejecución Fisica Trimestre ', 'Ejec. Física T-'],
          ['^Cód Actividad$', 'Código Actividad'],
          ['^Explicación Actividad Trim ', 'Explicación Actividad Trimestre '],
        ],
      },
    ],
  },
  {
    name: 'cali-otra-redaccion',
    sample: CALI,
    format: 'Cuadro 1S – Seguimiento al Plan de Acción (Santiago de Cali)',
    tool: 'zip',
    edits: [
      {
        sheet: CALI_SHEET,
        row: 11,
        replace: [
          ['^Ejecución Fisica Trimestre (\\w+)$', 'Ejecución Física \\1 Trimestre'],
          ['^Cód BPIN$', 'No. BPIN'],
          ['^Cód BP$', 'Código BP'],
          ['^Meta PD$', 'Cód. Meta PD'],
          ['^Fecha Inicio$', 'Fecha de inicio'],
          ['^Nombre Centro Gestor$', 'Nombre del centro gestor'],
          ['^Explicación Producto Trim (\\w+)$', 'Explicación producto trimestre \\1'],
        ],
      },
    ],
  },
  // --- saved by openpyxl, as the reviewer's variants were ---------------------------------------
  {
    name: 'tenjo-openpyxl',
    sample: TENJO,
    format: 'Seguimiento al PDM, formato de Cundinamarca',
    tool: 'openpyxl',
    edits: [
      {
        sheet: 'PDM',
        row: 1,
        replace: [
          ['^COD META PRODUCTO$', 'No. META PRODUCTO'],
          ...tenjoQuarters('PLANEADO', (n) => `T.${n} PLANEADO $YEAR`),
          ...tenjoQuarters('EJECUTADO', (n) => `Trimestre ${roman[n - 1]} EJECUTADO $YEAR`),
        ],
      },
    ],
  },
  {
    name: 'dnp-openpyxl',
    sample: DNP,
    format: 'Informe de seguimiento al PDT (DNP)',
    tool: 'openpyxl',
    edits: [
      {
        sheet: DNP_PHYSICAL,
        row: 7,
        replace: [
          ['^Consecutivos IP \\(SisPT\\)$', 'Consecutivo IP (SisPT)'],
          ['^Ejecución Física (\\d{4}) \\(PIIP\\)$', 'Ejec. Física \\1 (PIIP)'],
        ],
      },
    ],
  },
];

interface Validated {
  sheets: { name: string; kind: string; format?: string; headerRow: number; dataRows: number; vigencia?: number; notes?: string[] }[];
  helpers?: { name: string }[];
  findings: Finding[];
}
interface Columns {
  sheets: { name: string; kind: string; format: { id: string; name: string } | null; columns: { column: string; header: string; field: string | null }[] }[];
}

let dir = '';
let cleanup = () => {};
const built = new Map<string, string>();
interface Rewritten {
  readonly changed: readonly (readonly [before: string, after: string])[];
  /** Patterns that matched no header. */
  readonly unused: readonly string[];
}
const rewritten = new Map<string, Rewritten>();

/** Writes every variant (and the openpyxl-saved samples they are compared with) in one python run. */
function buildVariants(): void {
  const jobs: { src: string; dst: string; tool: string; edits: readonly Edit[] }[] = [];
  for (const v of variants) {
    const dst = path.join(dir, `${v.name}.xlsx`);
    built.set(v.name, dst);
    jobs.push({ src: path.join(samples, v.sample), dst, tool: v.tool, edits: v.edits });
  }
  for (const sample of new Set(variants.filter((v) => v.tool === 'openpyxl').map((v) => v.sample))) {
    const dst = path.join(dir, `openpyxl-${sample}`);
    built.set(`openpyxl:${sample}`, dst);
    jobs.push({ src: path.join(samples, sample), dst, tool: 'openpyxl', edits: [] });
  }
  const spec = path.join(dir, 'jobs.json');
  writeFileSync(spec, JSON.stringify(jobs));
  const out = JSON.parse(execFileSync('python3', [script, spec], { encoding: 'utf8' })) as Rewritten[];
  variants.forEach((v, k) => rewritten.set(v.name, out[k]));
}

const runs = new Map<string, ReturnType<typeof tablero>>();
function run(argv: string[]): ReturnType<typeof tablero> {
  const key = argv.join('\u0000');
  let p = runs.get(key);
  if (!p) {
    p = tablero(argv, dir);
    runs.set(key, p);
  }
  return p;
}
async function json<T>(verb: string, file: string): Promise<T> {
  const r = await run([verb, file, '--json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}
const validar = async (file: string) => (await json<{ files: Validated[] }>('validar', file)).files[0];
const columnas = async (file: string) => (await json<{ files: Columns[] }>('columnas', file)).files[0];
const reporte = (file: string) => json<Record<string, unknown>>('reporte', file);

/** What the variant is compared with: the sample itself, or the sample saved by openpyxl. */
const baseOf = (v: Variant) => (v.tool === 'zip' ? path.join(samples, v.sample) : (built.get(`openpyxl:${v.sample}`) as string));

const findingKeys = (v: Validated) => v.findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`).sort();
const sheetFacts = (v: Validated) => v.sheets.map((s) => ({ name: s.name, kind: s.kind, format: s.format, headerRow: s.headerRow, dataRows: s.dataRows, vigencia: s.vigencia }));
/** Each read sheet's fields by column letter (the header text differs by design). */
const fieldsByColumn = (c: Columns) =>
  c.sheets.map((s) => ({ name: s.name, kind: s.kind, format: s.format?.id ?? null, fields: s.columns.map((x) => `${x.column}=${x.field ?? '-'}`) }));
/**
 * The report's figures: without its words about the plan, and a goal's identity by its values only
 * (`Cód BP BP26005375, …` names the identifying columns by their headers, which the variant rewords).
 */
const figures = (r: Record<string, unknown>) =>
  JSON.parse(
    JSON.stringify(r, (k, x: unknown) =>
      k === 'note' ? undefined : k === 'identity' && typeof x === 'string' ? x.split(', ').map((p) => p.slice(p.lastIndexOf(' ') + 1)) : x,
    ),
  ) as unknown;

maybe('header variants of the real formats read as the samples do', () => {
  beforeAll(() => {
    ({ dir, cleanup } = tempDir('tablero-variants-'));
    buildVariants();
  }, 120_000);
  afterAll(() => cleanup());

  describe.each(variants.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    it('the variant really rewrote the headers it names (every pattern matched a header)', () => {
      const r = rewritten.get(v.name);
      expect(r?.unused).toEqual([]);
      expect(r?.changed.length).toBeGreaterThan(0);
    });

    it('validar: the format is recognised by name, with the same sheets and the same findings (rule and cell)', async () => {
      const [base, got] = await Promise.all([validar(baseOf(v)), validar(built.get(v.name) as string)]);
      expect(got.sheets.map((s) => s.format)).toContain(v.format);
      expect(sheetFacts(got)).toEqual(sheetFacts(base));
      expect((got.helpers ?? []).map((h) => h.name)).toEqual((base.helpers ?? []).map((h) => h.name));
      expect(findingKeys(got)).toEqual(findingKeys(base));
    });

    it('columnas: every column is read as the same field', async () => {
      const [base, got] = await Promise.all([columnas(baseOf(v)), columnas(built.get(v.name) as string)]);
      expect(fieldsByColumn(got)).toEqual(fieldsByColumn(base));
    });

    it('reporte: the same goals and figures', async () => {
      const [base, got] = await Promise.all([reporte(baseOf(v)), reporte(built.get(v.name) as string)]);
      const goals = (r: Record<string, unknown>) => (r.goals as unknown[]).length + ((r.planSummary as { planGoals?: number } | null)?.planGoals ?? 0);
      expect(goals(base)).toBeGreaterThan(0);
      expect(figures(got)).toEqual(figures(base));
    });
  });

  it('a quarter the format cannot read is said, and the cut-off is not taken from the quarters it could', async () => {
    const file = path.join(dir, 'tenjo-trimestres-ilegibles.xlsx');
    const spec = path.join(dir, 'unreadable.json');
    writeFileSync(
      spec,
      JSON.stringify([
        {
          src: path.join(samples, TENJO),
          dst: file,
          tool: 'zip',
          edits: [{ sheet: 'PDM', row: 1, replace: tenjoQuarters('EJECUTADO', (n) => (n >= 3 ? `${n}Q EJECUTADO $YEAR` : `T${n}. EJECUTADO $YEAR`)) }],
        },
      ]),
    );
    execFileSync('python3', [script, spec]);
    const v = await validar(file);
    const pdm = v.sheets.find((s) => s.name === 'PDM');
    expect(pdm?.format).toBe('Seguimiento al PDM, formato de Cundinamarca');
    expect(pdm?.notes?.join('\n')).toMatch(/No se reconocieron las columnas de lo ejecutado de los trimestres 3 y 4 de 2025: no se sabe hasta qué trimestre llega la ejecución/);
    // Read after the vigencia: the cut-off would be the last quarter reported; here it cannot be known, and the report says so.
    const r = await tablero(['reporte', file], dir, { now: new Date(2026, 1, 10) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PDM: No se reconocieron las columnas de lo ejecutado de los trimestres 3 y 4 de 2025/);
  });

  it('our own canonical sheets are never read as one of the real formats', async () => {
    const real = new Set(variants.map((v) => v.format));
    for (const file of [examples.capture, examples.plan]) {
      const v = await validar(file);
      expect(v.sheets.length).toBeGreaterThan(0);
      for (const s of v.sheets) expect(real.has(s.format ?? '')).toBe(false);
      expect(v.sheets.flatMap((s) => s.notes ?? []).join('\n')).not.toMatch(/Se reconoció el formato/);
    }
  });

  it('a sheet reworded beyond recognition is never «0 metas» with exit 0: reporte and informe say what was read', async () => {
    const file = path.join(dir, 'tenjo-irreconocible.xlsx');
    const spec = path.join(dir, 'beyond.json');
    writeFileSync(
      spec,
      JSON.stringify([
        {
          src: path.join(samples, TENJO),
          dst: file,
          tool: 'zip',
          edits: [{ sheet: 'PDM', row: 1, replace: [['^COD META PRODUCTO$', 'Identificador XYZ'], ['EJECUTADO', 'LOGRADO']] }],
        },
      ]),
    );
    execFileSync('python3', [script, spec]);
    const r = await tablero(['reporte', file], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tablero: En la hoja «PDM» \(plan de acción, ningún formato conocido, 45 filas\) de «tenjo-irreconocible\.xlsx» no se encontró ninguna meta que medir/);
    expect(r.stderr).toMatch(/tablero columnas/);
    // informe neither: no page of «0 metas».
    const i = await tablero(['informe', file, '-o', path.join(dir, 'informe-irreconocible.html')], dir);
    expect(i.code).toBe(2);
    expect(i.stderr).toMatch(/no se encontró ninguna meta que medir/);
    expect(existsSync(path.join(dir, 'informe-irreconocible.html'))).toBe(false);
    // generar neither: no copy with a Tablero of «0 metas».
    const g = await tablero(['generar', file, '-o', path.join(dir, 'generado-irreconocible.xlsx')], dir);
    expect(g.code).toBe(2);
    expect(g.stderr).toMatch(/^tablero: En la hoja «PDM» .* no se encontró ninguna meta que medir.*tablero columnas/);
    expect(existsSync(path.join(dir, 'generado-irreconocible.xlsx'))).toBe(false);
  });
});
