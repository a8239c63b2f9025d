/**
 * What exceljs drops, carried over. Macro-enabled workbooks (issue 12, defect 9): exceljs dropped `xl/vbaProject.bin` from the
 * copy, and `-o x.xlsm` got the plain workbook content type, which Excel refuses to open. Now an
 * `.xlsm` copy keeps the VBA project byte for byte (both copy paths) with the macro-enabled content
 * type, and a copy of a workbook with macros under an `.xlsx` name is refused (it would drop them).
 */
import JSZip from 'jszip';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { examples, expectOneCleanLine, tablero, tempDir } from '../cli/io';
import type { CliDeps } from '../../src/cli/deps';
import { generateCopy } from '../../src/xlsx/generate';

/** `generar` forced onto the package-level copy. */
const packageCopy: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, 0);

const { dir, cleanup } = tempDir('tablero-xlsm-');
afterAll(cleanup);

const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const vba = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)); // the project is opaque to the product
let input: string;
let planInput: string;

/** `file` saved "as .xlsm": its VBA project, the relationship to it, the macro-enabled content types. */
async function asMacroBook(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  zip.file('xl/vbaProject.bin', vba);
  const ct = (await zip.file('[Content_Types].xml')!.async('string'))
    .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', MACRO_MAIN)
    .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  zip.file('[Content_Types].xml', ct);
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
    '</Relationships>',
    '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  zip.file('xl/_rels/workbook.xml.rels', rels);
  const out = path.join(dir, name);
  await fs.writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

beforeAll(async () => {
  input = await asMacroBook(examples.capture, 'con-macros.xlsm');
  planInput = await asMacroBook(examples.plan, 'plan-con-macros.xlsm');
});

async function parts(file: string) {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  return {
    vba: await zip.file('xl/vbaProject.bin')?.async('nodebuffer'),
    ct: await zip.file('[Content_Types].xml')!.async('string'),
    rels: await zip.file('xl/_rels/workbook.xml.rels')!.async('string'),
  };
}

describe.each([
  ['exceljs copy', undefined],
  ['package-level copy', { generateCopy: packageCopy }],
] as const)('generar (%s)', (_label, deps) => {
  it('-o x.xlsm keeps the VBA project byte for byte, macro-enabled content type and relationship', async () => {
    const out = path.join(dir, `copia-${deps ? 'paquete' : 'modelo'}.xlsm`);
    const r = await tablero(['generar', input, '-o', out], dir, { deps });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = await parts(out);
    expect(p.vba?.equals(vba)).toBe(true);
    expect(p.ct).toContain(`PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"`);
    expect(p.rels).toMatch(/Type="http:\/\/schemas\.microsoft\.com\/office\/2006\/relationships\/vbaProject" Target="(\/xl\/)?vbaProject\.bin"/);
  }, 60_000);

  it('-o x.xlsx from a workbook with macros is refused: exit 2, one line, nothing written', async () => {
    const r = await tablero(['generar', input, '-o', 'sin-macros.xlsx'], dir, { deps });
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toBe('tablero: El libro tiene macros; guarde la copia como libro habilitado para macros para conservarlas (por ejemplo, -o sin-macros.xlsm).\n');
    await expect(fs.access(path.join(dir, 'sin-macros.xlsx'))).rejects.toThrow();
  }, 60_000);

  it('-o x.xlsm from a workbook without macros gets the macro-enabled content type Excel expects of that name', async () => {
    const out = path.join(dir, `sin-proyecto-${deps ? 'paquete' : 'modelo'}.xlsm`);
    expect((await tablero(['generar', examples.capture, '-o', out], dir, { deps })).code).toBe(0);
    const p = await parts(out);
    expect(p.ct).toContain(`PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"`);
    expect(p.vba).toBeUndefined();
  }, 60_000);
});

describe('aprobar and consolidar under an .xlsm name', () => {
  const approve = (file: string, out: string) => tablero(['aprobar', file, '--fecha', '2025-01-28', '--acta', 'Acta 01 de 2025', '-o', out], dir);

  it('aprobar -o x.xlsm from a plan with macros keeps the VBA project and the macro-enabled content type', async () => {
    const r = await approve(planInput, 'aprobado.xlsm');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = await parts(path.join(dir, 'aprobado.xlsm'));
    expect(p.vba?.equals(vba)).toBe(true);
    expect(p.ct).toContain(`PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"`);
    // And the approved copy is still read as approved.
    const again = await approve(path.join(dir, 'aprobado.xlsm'), 'otra-vez.xlsm');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/El libro ya tiene un plan aprobado el 28\/01\/2025 \(Acta 01 de 2025, 14 metas\)/);
  }, 60_000);

  it('aprobar -o x.xlsx from a plan with macros is refused: exit 2, nothing written', async () => {
    const r = await approve(planInput, 'aprobado-sin-macros.xlsx');
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toContain('El libro tiene macros');
    await expect(fs.access(path.join(dir, 'aprobado-sin-macros.xlsx'))).rejects.toThrow();
  }, 60_000);

  it('aprobar -o x.xlsm from a plan without macros gets the macro-enabled content type', async () => {
    expect((await approve(examples.plan, 'aprobado-plano.xlsm')).code).toBe(0);
    expect((await parts(path.join(dir, 'aprobado-plano.xlsm'))).ct).toContain(`PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"`);
  }, 60_000);

  it('consolidar -o x.xlsm gets the macro-enabled content type Excel expects of that name', async () => {
    const r = await tablero(['consolidar', input, examples.capture, '-o', 'consolidado.xlsm'], dir);
    expect(r.stderr).not.toMatch(/Error interno|\bat .*\.ts:\d+/);
    expect(r.code).toBe(0);
    const p = await parts(path.join(dir, 'consolidado.xlsm'));
    expect(p.ct).toContain(`PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"`);
  }, 60_000);
});

/**
 * The workbook's structure protection (issue 12, defect 14): exceljs does not read
 * `<workbookProtection>`, so the exceljs copy came out unprotected. Both copy paths keep it.
 */
describe('a workbook with its structure protected', () => {
  let protectedBook: string;
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(examples.capture));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const withProtection = xml.replace(/(<workbookPr[^>]*\/>)/, '$1<workbookProtection lockStructure="1" workbookPassword="CC3D"/>');
    expect(withProtection).not.toBe(xml);
    zip.file('xl/workbook.xml', withProtection);
    protectedBook = path.join(dir, 'protegido.xlsx');
    await fs.writeFile(protectedBook, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });

  it.each([
    ['exceljs copy', undefined],
    ['package-level copy', { generateCopy: packageCopy }],
  ] as const)('generar (%s) keeps it, where the schema puts it', async (label, deps) => {
    const out = path.join(dir, `protegido-${label.replace(/\W+/g, '-')}.xlsx`);
    const r = await tablero(['generar', protectedBook, '-o', out], dir, { deps });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const xml = await (await JSZip.loadAsync(await fs.readFile(out))).file('xl/workbook.xml')!.async('string');
    expect(xml).toMatch(/<workbookProtection lockStructure="1" workbookPassword="CC3D"\/>/);
    expect(xml.indexOf('<workbookProtection')).toBeLessThan(xml.indexOf('<sheets'));
    expect(xml.indexOf('<workbookProtection')).toBeGreaterThan(xml.indexOf('<workbookPr'));
  }, 60_000);
});
