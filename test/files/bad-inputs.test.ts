/**
 * Bad files through the real command line (`run(argv, io)`): every unusable input is exit code 2,
 * ONE Spanish line on stderr, no stack trace, nothing written — for validar, reporte and generar.
 * And the inputs are never modified, and no output ever lands on an input.
 *
 * The byte-level checks themselves are unit-tested in src/app/guard.test.ts; this file proves
 * they are wired in front of exceljs on the CLI's path.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { examples, expectOneCleanLine, tablero, tempDir } from '../cli/io';
import { buildZip, cfbFile, zipBomb } from '../helpers/zip';

const sha256 = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

let dir: string;
let cleanup: () => void;

/** Re-saves the clean capture fixture after `edit` (sheet states, rows). */
async function fixtureVariant(out: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examples.clean);
  edit(wb);
  await wb.xlsx.writeFile(out);
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('tablero-bad-'));
  const real = await fs.readFile(examples.clean);
  const w = (name: string, data: Buffer | string) => fs.writeFile(path.join(dir, name), data);
  await w('vacio.xlsx', '');
  await w('notas.xlsx', 'Estas son las notas de la reunión del comité.\nNo es un libro.\n'); // a .txt renamed
  await w('informe.xlsx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'));
  await w('cortado.xlsx', real.subarray(0, Math.floor(real.length / 2)));
  await w('protegido.xlsx', cfbFile(true));
  await w('antiguo.xlsx', cfbFile(false)); // a legacy .xls renamed .xlsx
  await w('bomba.xlsx', zipBomb(1100)); // ~1 MB on disk, 1,1 GB of zeros inside
  await w('bomba-proporcion.xlsx', zipBomb(64)); // 64 MB of zeros in ~64 KB
  await w('bomba-mentirosa.xlsx', zipBomb(512, 1024)); // says 1 KB, inflates to 512 MB
  await w('documento.xlsx', buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]));
  // Far too large: a sparse 150 MB file (the size is refused from the file system, before reading).
  const handle = await fs.open(path.join(dir, 'enorme.xlsx'), 'w');
  await handle.write(real.subarray(0, 64));
  await handle.truncate(150 * 1024 * 1024);
  await handle.close();

  // 0 data rows: the product's own blank capture template (headers only).
  const made = await tablero(['plantilla', 'hoja-captura', '--vigencia', '2025', '-o', 'sin-filas.xlsx'], dir);
  expect(made.code).toBe(0);
  // No recognisable sheet.
  const other = new ExcelJS.Workbook();
  other.addWorksheet('Hoja1').addRows([
    ['Nombre', 'Teléfono'],
    ['Ana', '300 123 4567'],
  ]);
  await other.xlsx.writeFile(path.join(dir, 'agenda.xlsx'));
  // Hidden and very hidden capture sheets (the only recognisable sheets of their workbooks).
  await fixtureVariant(path.join(dir, 'oculta.xlsx'), (wb) => wb.worksheets.forEach((ws) => (ws.state = 'hidden')));
  await fixtureVariant(path.join(dir, 'muy-oculta.xlsx'), (wb) => wb.worksheets.forEach((ws) => (ws.state = 'veryHidden')));
});
afterAll(() => cleanup());

const unusable: [string, RegExp][] = [
  ['vacio.xlsx', /^tablero: El archivo «vacio\.xlsx» está vacío \(0 bytes\)\.$/],
  ['notas.xlsx', /«notas\.xlsx» no es un libro de Excel \(\.xlsx\) válido/],
  ['informe.xlsx', /«informe\.xlsx» no es un libro de Excel \(\.xlsx\) válido/],
  ['cortado.xlsx', /«cortado\.xlsx» no es un libro de Excel \(\.xlsx\) válido: está dañado o incompleto/],
  ['protegido.xlsx', /«protegido\.xlsx» está protegido con contraseña o cifrado/],
  ['antiguo.xlsx', /«antiguo\.xlsx» está protegido con contraseña o cifrado|formato antiguo de Excel/],
  ['bomba.xlsx', /«bomba\.xlsx» se descomprime en más de 1 GB \(límite del producto\)/],
  ['bomba-proporcion.xlsx', /«bomba-proporcion\.xlsx» parece una bomba de compresión: .*límite del producto: 200 a 1/],
  ['bomba-mentirosa.xlsx', /«bomba-mentirosa\.xlsx» no es un libro de Excel \(\.xlsx\) válido: la parte «xl\/worksheets\/sheet1\.xml» declara 1 KB pero produce más/],
  ['documento.xlsx', /«documento\.xlsx» es un documento de Word, no un libro de Excel/],
  ['enorme.xlsx', /«enorme\.xlsx» pesa 150 MB y supera el límite de 100 MB/],
  ['sin-filas.xlsx', /«sin-filas\.xlsx» no tiene filas de datos: la hoja «.+» \(hoja de captura\) solo tiene encabezados/],
  ['agenda.xlsx', /En el archivo «agenda\.xlsx» no se reconoció ninguna hoja/],
];

function expectUnusable(r: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expectOneCleanLine(r.stderr);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/Error:|TypeError|RangeError|ENOENT|zip|JSZip/);
  expect(r.stderr.trimEnd()).toMatch(message);
}

describe('unusable files: exit 2, one Spanish line, no stack trace, nothing written', () => {
  it.each(unusable)('validar %s', async (file, message) => {
    const r = await tablero(['validar', file], dir);
    expectUnusable(r, message);
    expect(r.stdout).toBe('');
  });

  it.each(unusable)('validar --json %s → { file, error }', async (file, message) => {
    const r = await tablero(['validar', file, '--json'], dir);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.files).toEqual([{ file, error: expect.stringMatching(new RegExp(message.source.replace(/^\^tablero: /, '').replace(/\$$/, ''))) }]);
  });

  it.each(unusable)('reporte --json %s', async (file, message) => {
    const r = await tablero(['reporte', file, '--json'], dir);
    expectUnusable(r, message);
    expect(r.stdout).toBe('');
  });

  it.each(unusable)('generar %s writes nothing', async (file, message) => {
    const before = readdirSync(dir).sort();
    const r = await tablero(['generar', file, '-o', 'salida.xlsx'], dir);
    expectUnusable(r, message);
    expect(readdirSync(dir).sort()).toEqual(before); // no output, no temporary file left
  });

  it('the password-protected file really is unreadable for exceljs (the door check must come first)', async () => {
    await expect(new ExcelJS.Workbook().xlsx.load((await fs.readFile(path.join(dir, 'protegido.xlsx'))) as unknown as ArrayBuffer)).rejects.toThrow();
  });

  it('the zip bomb is refused quickly and without loading it', async () => {
    const rss = process.memoryUsage().rss;
    const t = Date.now();
    const r = await tablero(['validar', 'bomba-mentirosa.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('hidden and very hidden sheets are listed, read only when asked (--incluir-ocultas)', () => {
  it.each([['oculta.xlsx'], ['muy-oculta.xlsx']])('%s alone is no data: exit 2, one line naming the hidden sheets', async (file) => {
    const r = await tablero(['validar', file], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/hojas ocultas que no se leyeron \(.+\); para leerlas use --incluir-ocultas/);
  });

  it.each([['oculta.xlsx'], ['muy-oculta.xlsx']])('%s with --incluir-ocultas validates (exit 0), the human output says "(oculta)"', async (file) => {
    const r = await tablero(['validar', file, '--incluir-ocultas'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/hoja de captura, \d+ metas \(oculta\)/);
    const json = JSON.parse((await tablero(['validar', file, '--json', '--incluir-ocultas'], dir)).stdout);
    const sheets = json.files[0].sheets as { kind: string; dataRows: number }[];
    expect(sheets.map((s) => s.kind)).toContain('hoja-captura');
    for (const s of sheets) expect(s.dataRows).toBeGreaterThan(0);
  });

  it('reporte and generar use a hidden capture sheet when asked', async () => {
    const rep = await tablero(['reporte', 'muy-oculta.xlsx', '--json', '--incluir-ocultas'], dir);
    expect(rep.code).toBe(0);
    expect(JSON.parse(rep.stdout).goals.length).toBeGreaterThan(0);
    const gen = await tablero(['generar', 'oculta.xlsx', '-o', 'oculta-tablero.xlsx', '--incluir-ocultas'], dir);
    expect(gen.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'oculta-tablero.xlsx'));
    // The person's sheet stays hidden in the copy.
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(path.join(dir, 'oculta.xlsx'));
    for (const ws of original.worksheets) expect(wb.getWorksheet(ws.name)?.state).toBe('hidden');
  });
});

describe('nothing lost: inputs never modified, outputs never over an input', () => {
  let input: string;
  let hash: string;
  beforeAll(async () => {
    input = path.join(dir, 'captura.xlsx');
    await fs.copyFile(examples.capture, input);
    hash = await sha256(input);
  });

  it.each([
    ['validar', ['validar', 'captura.xlsx']],
    ['validar --json', ['validar', 'captura.xlsx', '--json']],
    ['reporte', ['reporte', 'captura.xlsx', '--json']],
    ['generar', ['generar', 'captura.xlsx', '-o', 'captura-tablero.xlsx']],
  ])('%s leaves the input byte-identical', async (_v, argv) => {
    const r = await tablero(argv, dir);
    expect(r.code).not.toBe(2);
    expect(await sha256(input)).toBe(hash);
  });

  it.each([
    ['the same name', ['generar', 'captura.xlsx', '-o', 'captura.xlsx']],
    ['the same name with --force', ['generar', 'captura.xlsx', '-o', 'captura.xlsx', '--force']],
    ['another path to it', ['generar', 'captura.xlsx', '-o', './sub/../captura.xlsx', '--force']],
    ['a symbolic link to it', ['generar', 'captura.xlsx', '-o', 'enlace.xlsx', '--force']],
  ])('generar refuses an output that is the input (%s)', async (_what, argv) => {
    await fs.mkdir(path.join(dir, 'sub'), { recursive: true });
    try {
      symlinkSync(input, path.join(dir, 'enlace.xlsx'));
    } catch {
      /* exists */
    }
    const r = await tablero(argv, dir);
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toMatch(/es un archivo de entrada; el tablero nunca escribe sobre sus entradas/);
    expect(await sha256(input)).toBe(hash);
  });

  it('generar does not replace an existing output without --force', async () => {
    await fs.writeFile(path.join(dir, 'ya-existe.xlsx'), 'no tocar');
    const r = await tablero(['generar', 'captura.xlsx', '-o', 'ya-existe.xlsx'], dir);
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(await fs.readFile(path.join(dir, 'ya-existe.xlsx'), 'utf8')).toBe('no tocar');
  });
});
