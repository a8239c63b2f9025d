/**
 * `tablero columnas` and `--mapa` on a layout no description knows (test/helpers/unknown-layout.ts:
 * the example capture sheet, every header renamed, header at row 9, a hidden helper sheet):
 * the general matcher reads most of it and `columnas` shows what it missed; with the mapping the
 * findings and the report are those of the same sheet with its original headers. A mapping
 * stored in the workbook is honoured, `--mapa` wins over it, and every bad mapping is one
 * Spanish line naming what is wrong.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, tablero, tempDir } from '../cli/io';
import { UNKNOWN_SHEET, unknownLayoutMapping, unknownLayoutWorkbook, withStoredMapping } from '../helpers/unknown-layout';

let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('tablero-mapa-'));
  writeFileSync(path.join(dir, 'original.xlsx'), await unknownLayoutWorkbook(false));
  const renamed = await unknownLayoutWorkbook(true);
  writeFileSync(path.join(dir, 'renombrada.xlsx'), renamed);
  writeFileSync(path.join(dir, 'mapa.json'), JSON.stringify(unknownLayoutMapping, null, 2));
  writeFileSync(path.join(dir, 'guardado.xlsx'), await withStoredMapping(renamed, unknownLayoutMapping));
  // A stored mapping that reads the goal's text as its code: --mapa must replace it whole.
  writeFileSync(path.join(dir, 'guardado-malo.xlsx'), await withStoredMapping(renamed, { hojas: { [UNKNOWN_SHEET]: { columnas: { goalCode: 'Descripción de la meta' } } } }));
  writeFileSync(path.join(dir, 'guardado-roto.xlsx'), await withStoredMapping(renamed, null, '{"hojas": {"Avance metas": {"filaEncabezado": "nueve"}}}'));
}, 60000);

afterAll(() => cleanup());

interface Columnas {
  files: { file: string; mapping: string | null; sheets: { name: string; kind: string; format: unknown; headerRows: number[]; dataRows: number; columns: { column: string; header: string; field: string | null; mapped?: boolean }[]; missing: { field: string }[] }[]; hidden: { name: string }[] }[];
}

async function columnas(...args: string[]): Promise<{ code: number; json: Columnas; stderr: string }> {
  const r = await tablero(['columnas', ...args, '--json'], dir);
  return { code: r.code, json: JSON.parse(r.stdout) as Columnas, stderr: r.stderr };
}

type Finding = { rule: string; severity: string; cell: string; goal?: string };
async function findings(...args: string[]): Promise<{ code: number; list: string[] }> {
  const r = await tablero(['validar', ...args, '--corte', '2025-06-30', '--json'], dir);
  expect(r.stderr).toBe('');
  const json = JSON.parse(r.stdout) as { files: { findings: Finding[] }[] };
  return { code: r.code, list: json.files[0].findings.map((f) => `${f.rule} ${f.severity} ${f.cell} ${f.goal ?? ''}`).sort() };
}

describe('tablero columnas on a layout no description knows', () => {
  it('reads it through the general matcher and shows the required fields it missed (exit 1)', async () => {
    const { code, json } = await columnas('renombrada.xlsx');
    expect(code).toBe(1);
    const file = json.files[0];
    expect(file.mapping).toBeNull();
    expect(file.hidden.map((h) => h.name)).toEqual(['Listas']);
    const [sheet] = file.sheets;
    expect(sheet).toMatchObject({ name: UNKNOWN_SHEET, kind: 'hoja-captura', format: null, headerRows: [9, 9], dataRows: 14 });
    expect(sheet.columns.find((c) => c.column === 'C')).toEqual({ column: 'C', header: 'Identificador del compromiso', field: null });
    expect(sheet.columns.some((c) => c.field === 'goalCode')).toBe(false);
    expect(sheet.missing.map((m) => m.field)).toContain('goalCode');
    // Every header column is listed, read or not.
    expect(sheet.columns.map((c) => c.column)).toEqual('ABCDEFGHIJKLMNOPQRSTUVWXY'.split(''));
  });

  it('says it in words too: «sin usar» and the missing fields', async () => {
    const r = await tablero(['columnas', 'renombrada.xlsx'], dir);
    expect(r.stdout).toMatch(/C\s+Identificador del compromiso\s+sin usar/);
    expect(r.stdout).toMatch(/Faltan campos obligatorios: «Código meta producto»/);
    // Text is Spanish: the field ids (what a mapping names) only in the hint that says how to map them.
    expect(r.stdout).toMatch(/--mapa, donde (ese campo se llama|esos campos se llaman) [^;]*goalCode/);
    expect(r.stdout).toMatch(/D\s+Descripción de la meta\s+Meta de producto\n/);
    expect(r.stdout).not.toMatch(/\b(goal|dimension|programCode) — /);
    expect(r.stdout).toMatch(/Hojas ocultas, no leídas: «Listas»/);
  });

  it('with --mapa shows the reading after the mapping (exit 0)', async () => {
    const { code, json } = await columnas('renombrada.xlsx', '--mapa', 'mapa.json');
    expect(code).toBe(0);
    expect(json.files[0].mapping).toBe('archivo');
    const [sheet] = json.files[0].sheets;
    expect(sheet.missing).toEqual([]);
    expect(sheet.columns.find((c) => c.column === 'C')).toMatchObject({ field: 'goalCode', mapped: true });
    expect(sheet.columns.find((c) => c.column === 'Y')).toMatchObject({ header: 'Situación', field: 'goalState', mapped: true });
    expect(sheet.columns.filter((c) => c.field === null)).toEqual([]);
  });
});

describe('--mapa on the reading verbs', () => {
  it('validar: without the mapping the findings differ from the original; with it they are the same', async () => {
    const original = await findings('original.xlsx');
    expect(original.list.length).toBeGreaterThan(5);
    const unmapped = await findings('renombrada.xlsx');
    expect(unmapped.list).not.toEqual(original.list);
    expect(unmapped.list.some((f) => f.startsWith('header-missing'))).toBe(true);
    const mapped = await findings('renombrada.xlsx', '--mapa', 'mapa.json');
    expect(mapped).toEqual(original);
  });

  it('reporte: the same goals, states and figures as the original', async () => {
    const run = async (...args: string[]) => {
      const r = await tablero(['reporte', ...args, '--corte', '2025-06-30', '--json'], dir);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { goals: unknown[]; plan: unknown }).goals;
    };
    const original = await run('original.xlsx');
    expect(original.length).toBe(14);
    expect(await run('renombrada.xlsx', '--mapa', 'mapa.json')).toEqual(original);
  });

  it('generar, consolidar, devolver, informe, comparar and aprobar take it', async () => {
    const out = (n: string) => ['-o', n];
    const runs: [string[], number[]][] = [
      [['generar', 'renombrada.xlsx', '--mapa', 'mapa.json', ...out('g.xlsx')], [0, 1]],
      [['consolidar', 'renombrada.xlsx', '--mapa', 'mapa.json', ...out('c.xlsx')], [0, 1]],
      [['devolver', 'renombrada.xlsx', '--mapa', 'mapa.json', ...out('dev')], [0, 1]],
      [['informe', 'renombrada.xlsx', '--mapa', 'mapa.json', ...out('i.html')], [0]],
      [['comparar', 'guardado.xlsx', 'renombrada.xlsx', '--mapa', 'mapa.json', '--fecha', '2025-02-01', '--json'], [0, 1]],
      [['aprobar', 'renombrada.xlsx', '--mapa', 'mapa.json', '--fecha', '2025-02-01', '--acta', 'Acta 01', ...out('a.xlsx')], [0]],
    ];
    for (const [argv, codes] of runs) {
      const r = await tablero(argv, dir);
      expect({ argv, stderr: r.stderr, ok: codes.includes(r.code) }).toEqual({ argv, stderr: '', ok: true });
    }
    // comparar reads both books with the one mapping: the same goals on both sides.
    const r = await tablero(['comparar', 'guardado.xlsx', 'renombrada.xlsx', '--mapa', 'mapa.json', '--fecha', '2025-02-01', '--json'], dir);
    const cmp = JSON.parse(r.stdout) as { files: { findings: { rule: string }[] }[] };
    expect(cmp.files[0].findings.filter((f) => f.rule === 'added-after-approval')).toEqual([]);
  }, 120000);

  it('plantilla and demo do not read units’ sheets: --mapa is a usage error there', async () => {
    const r = await tablero(['plantilla', 'hoja-captura', '--mapa', 'mapa.json', '-o', 'p.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no admite la opción --mapa/);
  });
});

describe('a bad mapping is one Spanish line naming what is wrong (exit 2)', () => {
  const cases: [string, string, RegExp][] = [
    ['campo desconocido', JSON.stringify({ hojas: { [UNKNOWN_SHEET]: { columnas: { codigoMeta: 'C' } } } }), /hojas › Avance metas › columnas › codigoMeta: no es un campo conocido/],
    ['tipo desconocido', JSON.stringify({ hojas: { [UNKNOWN_SHEET]: { tipo: 'seguimiento' } } }), /hojas › Avance metas › tipo: debe ser uno de: plan-accion, hoja-captura, techos, plan-indicativo/],
    ['clave desconocida', JSON.stringify({ hojas: { [UNKNOWN_SHEET]: { fila: 9 } } }), /hojas › Avance metas: la clave «fila» no se conoce \(se admiten: tipo, filaEncabezado, vigencia, columnas\)/],
    ['sin hojas', JSON.stringify({ [UNKNOWN_SHEET]: {} }), /hojas: debe ser un objeto con una entrada por hoja/],
    ['clave de más', JSON.stringify({ hojas: {}, hoja: {} }), /el mapa: la clave «hoja» no se conoce \(se admiten: hojas\)/],
    ['fila no entera', JSON.stringify({ hojas: { [UNKNOWN_SHEET]: { filaEncabezado: 9.5 } } }), /hojas › Avance metas › filaEncabezado: debe ser un número de fila entero/],
    ['no es JSON', '{"hojas": {\n  "Avance metas": {,\n}}', /no es un JSON válido \(cerca de la línea 2\)/],
    ['columna inexistente', JSON.stringify({ hojas: { [UNKNOWN_SHEET]: { columnas: { goalCode: 'Código del compromiso' } } } }), /no hay ninguna columna «Código del compromiso» en el encabezado \(fila 9\) para «Código meta producto» \(goalCode\)/],
    ['periodo que la hoja no tiene', JSON.stringify({ hojas: { [UNKNOWN_SHEET]: { columnas: { executed5: 'B' } } } }), /en la hoja «Avance metas» los periodos son trimestres \(1 a 4\): executed5 no existe; use executed1 a executed4/],
    ['hoja inexistente', JSON.stringify({ hojas: { 'HC T2': { tipo: 'hoja-captura' } } }), /[Ee]l mapa nombra la hoja «HC T2», que no está en el libro \(hojas: Avance metas, Listas\)/],
    // A letter beyond the sheet's columns: no header and no data there (was read, then «análisis requerido» on it).
    ['columna vacía', JSON.stringify({ hojas: { [UNKNOWN_SHEET]: { columnas: { analysis: 'AZ' } } } }), /en la hoja «Avance metas» la columna AZ está vacía \(sin encabezado ni datos\) para «Análisis del avance» \(analysis\)/],
    // Two fields in one column: one of them would silently have no column.
    ['dos campos en una columna', JSON.stringify({ hojas: { [UNKNOWN_SHEET]: { columnas: { executed1: 'Logro T1', executed4: 'Logro T1' } } } }), /el mapa pone «Ejecutado T1» \(executed1\) y «Ejecutado T4» \(executed4\) en la misma columna \([A-Z]+ «Logro T1»\): cada campo va en su propia columna/],
  ];
  it.each(cases)('%s', async (_name, text, message) => {
    writeFileSync(path.join(dir, 'malo.json'), text);
    for (const verb of [['validar'], ['columnas'], ['reporte', '--json']]) {
      const r = await tablero([...verb, 'renombrada.xlsx', '--mapa', 'malo.json'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+|Error interno/);
    }
  });

  it('a vigencia the sheet has no year block of (Tenjo 2024–2027, mapping 2031), like --vigencia', async () => {
    const tenjo = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'tenjo-pdm-seguimiento.xlsx');
    writeFileSync(path.join(dir, 'vigencia.json'), JSON.stringify({ hojas: { '*': { vigencia: 2031 } } }));
    for (const verb of ['validar', 'reporte', 'columnas']) {
      const r = await tablero([verb, tenjo, '--mapa', 'vigencia.json'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/en la hoja «PDM» el mapa indica la vigencia 2031, pero la hoja trae los años 2024, 2025, 2026 y 2027/);
    }
    writeFileSync(path.join(dir, 'vigencia.json'), JSON.stringify({ hojas: { '*': { vigencia: 2024 } } }));
    const ok = await tablero(['reporte', tenjo, '--mapa', 'vigencia.json'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/vigencia 2024/);
  });

  it('a mapping file that is not there', async () => {
    const r = await tablero(['validar', 'renombrada.xlsx', '--mapa', 'no-existe.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tablero: No se encontró el mapa «no-existe.json».\n');
  });
});

describe('a mapping stored in the workbook', () => {
  it('is honoured by validar and columnas, and they say so', async () => {
    expect(await findings('guardado.xlsx')).toEqual(await findings('original.xlsx'));
    const { code, json } = await columnas('guardado.xlsx');
    expect(code).toBe(0);
    expect(json.files[0].mapping).toBe('libro');
    const text = await tablero(['validar', 'guardado.xlsx', '--corte', '2025-06-30'], dir);
    expect(text.stdout).toMatch(/Se usó el mapa de columnas guardado en el libro \(--mapa lo reemplaza\)/);
    // The mapping's own sheet is neither data nor an unknown sheet.
    expect(text.stdout).not.toMatch(/_tablero_pdm_mapa/);
  });

  it('--mapa wins over it, whole', async () => {
    const stored = await findings('guardado-malo.xlsx');
    expect(stored.list).not.toEqual((await findings('original.xlsx')).list);
    expect(await findings('guardado-malo.xlsx', '--mapa', 'mapa.json')).toEqual(await findings('original.xlsx'));
    expect((await columnas('guardado-malo.xlsx', '--mapa', 'mapa.json')).json.files[0].mapping).toBe('archivo');
  });

  it('a damaged stored mapping is a clear error, not a silent guess', async () => {
    const r = await tablero(['validar', 'guardado-roto.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/El mapa de columnas guardado en «guardado-roto.xlsx» no es válido \(hojas › Avance metas › filaEncabezado: debe ser un número de fila\); corríjalo en el panel \(En este libro\) o indique otro con --mapa\./);
    // …which --mapa replaces.
    expect((await tablero(['validar', 'guardado-roto.xlsx', '--mapa', 'mapa.json'], dir)).code).toBe(1);
  });
});
