/**
 * Notes on empty, unstyled cells — written by Excel, LibreOffice and exceljs in the sheet's
 * comments part only, with no `<c>` element in the sheet XML. exceljs's reader drops them
 * (`src/xlsx/orphan-notes.ts`), so `generar`'s copy lost a person's note on such a cell, and a
 * second run lost the product's own mark on a blank due period (`missing-report`).
 *
 * Input: the example capture sheet (HC T2) with Ejecutado T2 of 1905031 (N10) blanked, style and
 * all (a due period with no report: `missing-report` on N10), and a person's note on the empty,
 * unstyled cell Z40. The notes are checked in the output package's comments part itself, not
 * through exceljs (which is what drops them).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { examples, tablero, tempDir } from '../cli/io';
import type { CliDeps } from '../../src/cli/deps';
import { generateCopy } from '../../src/xlsx/generate';

const packageCopy: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, 0);
const { dir, cleanup } = tempDir('tablero-notas-');
afterAll(cleanup);
const input = path.join(dir, 'nota-en-vacia.xlsx');
const PERSON = 'Pendiente: la dependencia enviará el soporte el lunes';

/** ref → text of the comments of the sheet named `sheet` in the package `file`. */
async function commentsOf(file: string, sheet: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wbXml)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const part = `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
  const sheetRels = (await zip.file(part.replace('worksheets/', 'worksheets/_rels/') + '.rels')?.async('string')) ?? '';
  const target = /Target="([^"]*comments[^"]*)"/.exec(sheetRels)?.[1];
  const out = new Map<string, string>();
  if (!target) return out;
  const xml = await zip.file(path.posix.normalize(path.posix.join(path.posix.dirname(part), target)))!.async('string');
  for (const m of xml.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/comment>/g)) {
    out.set(m[1], [...m[2].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''));
  }
  return out;
}

async function sheetXmlHasCell(file: string, sheetIndex: number, ref: string): Promise<boolean> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  return (await zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)!.async('string')).includes(`<c r="${ref}"`);
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examples.capture);
  const ws = wb.getWorksheet('HC T2')!;
  const n10 = ws.getCell('N10');
  n10.value = null;
  n10.style = {};
  ws.getCell('Z40').note = PERSON;
  await wb.xlsx.writeFile(input);
  // What makes the case: the note's cell is not in the sheet XML (HC T2 is the second sheet).
  expect(await sheetXmlHasCell(input, 2, 'Z40')).toBe(false);
  expect((await commentsOf(input, 'HC T2')).get('Z40')).toBe(PERSON);
  // …and exceljs alone drops it on reading.
  const plain = new ExcelJS.Workbook();
  await plain.xlsx.readFile(input);
  expect(plain.getWorksheet('HC T2')!.getCell('Z40').note).toBeUndefined();
});

describe.each([
  ['exceljs copy', undefined],
  ['package-level copy', { generateCopy: packageCopy }],
] as const)('generar (%s)', (label, deps) => {
  it("keeps a person's note on an empty cell, and its own mark on a blank cell survives a second run", async () => {
    const first = path.join(dir, `primera-${label.split(' ')[0]}.xlsx`);
    const r = await tablero(['generar', input, '--corte', '2025-06-30', '-o', first], dir, { deps });
    expect(r.stderr).toBe('');
    const once = await commentsOf(first, 'HC T2');
    expect(once.get('Z40')).toBe(PERSON);
    expect(once.get('N10')).toMatch(/^Tablero PDM/);
    expect(once.get('N10')).toContain('missing-report');

    const second = path.join(dir, `segunda-${label.split(' ')[0]}.xlsx`);
    const r2 = await tablero(['generar', first, '--corte', '2025-06-30', '-o', second], dir, { deps });
    expect(r2.stderr).toBe('');
    const twice = await commentsOf(second, 'HC T2');
    expect(twice.get('Z40')).toBe(PERSON);
    expect(twice.get('N10')).toBe(once.get('N10'));
    // Limpiar marcas gives the blank cell no note back (it had none) and keeps the person's.
    expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
  });
});
