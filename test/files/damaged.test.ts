/**
 * One reader, one verdict (issue 12, defects 3–5): a workbook is read whole or refused — exit 2,
 * one Spanish line — the same way by `validar`, `reporte`, `generar` (both copy paths) and
 * `consolidar`; and every worksheet the workbook lists is read wherever its part lives.
 *
 * The damaged files are the real example and fixture workbooks with one part cut, removed or moved
 * and zipped again (a valid zip: the damage is inside the package, where the zip-level checks of
 * `guard.ts` do not look). Before the fix, `validar` said "listo para enviar" on a workbook missing
 * its capture sheet, read 13 of 24 rows of a truncated sheet, renamed sheets `Sheet1`/`Sheet2`
 * without the `.rels` parts, and dropped a sheet stored as `xl/worksheets/datos.xml`.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { examples, expectOneCleanLine, tablero, tempDir } from '../cli/io';
import type { CliDeps } from '../../src/cli/deps';
import { generateCopy } from '../../src/xlsx/generate';

/** `generar` forced onto the package-level copy. */
const packageCopy: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, 0);

let dir: string;
let cleanup: () => void;

/** `source` zipped again after `edit` changed its parts (name → bytes). */
async function rezip(source: string, out: string, edit: (parts: Map<string, Buffer>) => void): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(source));
  const parts = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) parts.set(f.name, await f.async('nodebuffer'));
  edit(parts);
  const next = new JSZip();
  for (const [name, data] of parts) next.file(name, data);
  const file = path.join(dir, out);
  await fs.writeFile(file, await next.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

const cut = (b: Buffer | undefined, fraction = 0.5) => b!.subarray(0, Math.floor(b!.length * fraction));
const text = (parts: Map<string, Buffer>, name: string) => parts.get(name)!.toString('utf8');

/** A worksheet moved to `xl/worksheets/datos.xml`, as other tools name it: relationship and content type follow. */
function moveSheet(parts: Map<string, Buffer>, from: string, to: string): void {
  parts.set(`xl/worksheets/${to}`, parts.get(`xl/worksheets/${from}`)!);
  parts.delete(`xl/worksheets/${from}`);
  const rels = text(parts, 'xl/_rels/workbook.xml.rels').replace(`worksheets/${from}`, `worksheets/${to}`);
  parts.set('xl/_rels/workbook.xml.rels', Buffer.from(rels));
  const ct = text(parts, '[Content_Types].xml').replace(`/xl/worksheets/${from}`, `/xl/worksheets/${to}`);
  parts.set('[Content_Types].xml', Buffer.from(ct));
}

const damaged: Record<string, { file: string; why: RegExp }> = {};

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('tablero-damaged-'));
  const add = async (name: string, source: string, why: RegExp, edit: (parts: Map<string, Buffer>) => void) => {
    damaged[name] = { file: await rezip(source, `${name}.xlsx`, edit), why };
  };
  // The clean fixture without its capture sheet's part (listed in workbook.xml, gone from the zip).
  await add('sin-hoja', examples.clean, /la hoja «HC T2» figura en el libro pero su contenido \(xl\/worksheets\/sheet2\.xml\) no está en el archivo/, (p) =>
    p.delete('xl/worksheets/sheet2.xml'),
  );
  // The capture sheet's XML cut in half (13 of 24 rows were read).
  await add('hoja-cortada', examples.capture, /la parte «xl\/worksheets\/sheet2\.xml» se corta antes de terminar/, (p) => p.set('xl/worksheets/sheet2.xml', cut(p.get('xl/worksheets/sheet2.xml'))));
  // The shared strings cut short (findings on partial data).
  await add('textos-cortados', examples.capture, /la parte «xl\/sharedStrings\.xml» se corta antes de terminar/, (p) => p.set('xl/sharedStrings.xml', cut(p.get('xl/sharedStrings.xml'), 0.8)));
  // No relationship parts at all (sheets came out as Sheet1/Sheet2).
  await add('sin-rels', examples.capture, /le falta la parte _rels\/\.rels/, (p) => {
    p.delete('_rels/.rels');
    p.delete('xl/_rels/workbook.xml.rels');
  });
  await add('sin-rels-libro', examples.capture, /le falta la parte xl\/_rels\/workbook\.xml\.rels/, (p) => p.delete('xl/_rels/workbook.xml.rels'));
}, 60_000);
afterAll(() => cleanup());

describe('a damaged workbook is refused by every verb and both copy paths', () => {
  const verbs: [string, (file: string) => string[], object?][] = [
    ['validar', (f) => ['validar', f]],
    ['validar --json', (f) => ['validar', f, '--json']],
    ['reporte', (f) => ['reporte', f]],
    ['generar (exceljs)', (f) => ['generar', f, '-o', path.join(dir, 'salida.xlsx')]],
    ['generar (package-level copy)', (f) => ['generar', f, '-o', path.join(dir, 'salida.xlsx')], { generateCopy: packageCopy }],
    ['consolidar', (f) => ['consolidar', f, examples.clean, '-o', path.join(dir, 'consolidado.xlsx')]],
  ];
  const cases = ['sin-hoja', 'hoja-cortada', 'textos-cortados', 'sin-rels', 'sin-rels-libro'];
  for (const name of cases) {
    for (const [verb, argv, deps] of verbs) {
      it(`${name}: ${verb} → exit 2, one line naming the damage, nothing written`, async () => {
        const { file, why } = damaged[name];
        const r = await tablero(argv(file), dir, { deps });
        expect(r.code).toBe(2);
        // `--json` says it in the file's `error` (the report stays parseable); the others on stderr.
        const said = verb.endsWith('--json') ? JSON.parse(r.stdout).files[0].error : (expectOneCleanLine(r.stderr), r.stderr);
        if (!verb.endsWith('--json')) expect(r.stdout).toBe('');
        expect(said).toMatch(/no es un libro de Excel \(\.xlsx\) válido: está dañado o incompleto/);
        expect(said).toMatch(why);
        expect(r.stdout + r.stderr).not.toMatch(/listo para enviar/);
        await expect(fs.access(path.join(dir, 'salida.xlsx'))).rejects.toThrow();
        await expect(fs.access(path.join(dir, 'consolidado.xlsx'))).rejects.toThrow();
      }, 60_000);
    }
  }
});

describe('a worksheet stored under another part name is read and kept', () => {
  let moved: string;
  beforeAll(async () => {
    moved = await rezip(examples.capture, 'datos.xlsx', (p) => moveSheet(p, 'sheet2.xml', 'datos.xml'));
  });

  it('validar --json: the same sheets and findings as the original', async () => {
    const original = JSON.parse((await tablero(['validar', examples.capture, '--json'], dir)).stdout);
    const r = await tablero(['validar', moved, '--json'], dir);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.files[0].sheets).toEqual(original.files[0].sheets);
    expect(json.files[0].findings).toEqual(original.files[0].findings);
    expect(r.code).toBe(original.errors > 0 ? 1 : 0);
  });

  it('reporte --json: the same goals as the original', async () => {
    const original = JSON.parse((await tablero(['reporte', examples.capture, '--json'], dir)).stdout);
    const json = JSON.parse((await tablero(['reporte', moved, '--json'], dir)).stdout);
    expect(json.goals.length).toBeGreaterThan(0);
    expect(json.goals).toEqual(original.goals);
  });

  for (const [label, deps] of [
    ['exceljs', undefined],
    ['package-level copy', { generateCopy: packageCopy }],
  ] as const) {
    it(`generar (${label}) keeps the person's sheet, its cells as they were`, async () => {
      const out = path.join(dir, `datos-${label.replace(/\W+/g, '-')}.xlsx`);
      const r = await tablero(['generar', moved, '-o', out], dir, { deps });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const [wbIn, wbOut] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
      await wbIn.xlsx.readFile(examples.capture);
      await wbOut.xlsx.readFile(out);
      expect(wbOut.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['PE-F-012', 'HC T2', 'Tablero de control']));
      const values = (ws: ExcelJS.Worksheet) => ws.getSheetValues().map((row) => (Array.isArray(row) ? row.map((v) => (v && typeof v === 'object' && 'result' in v ? v.result : v)) : row));
      expect(values(wbOut.getWorksheet('HC T2')!)).toEqual(values(wbIn.getWorksheet('HC T2')!));
    }, 60_000);
  }
});
