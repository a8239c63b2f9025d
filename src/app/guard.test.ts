import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formatBytes } from './bytes';
import { DEFAULT_GUARD_LIMITS, guardXlsxBytes, inspectXlsxBytes, type GuardResult } from './guard';
import { buildZip, cfbFile, deflatedZeros, workbookParts, zipBomb } from '../../test/helpers/zip';

const example = readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'hoja-captura-T2-2025.xlsx'));
const name = 'hc-salud.xlsx';

function refused(r: GuardResult): { code: string; reason: string } {
  if (r.ok) throw new Error('expected a refusal');
  // One Spanish line, naming the file, no stack.
  expect(r.reason).not.toMatch(/\n/);
  expect(r.reason).toContain(`«${name}»`);
  return r;
}

describe('inspectXlsxBytes / guardXlsxBytes: the door check before exceljs', () => {
  it('accepts a real workbook and lists its parts', async () => {
    const r = await guardXlsxBytes(example, { name });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(r.uncompressedBytes).toBeGreaterThan(example.length);
  });

  it('accepts a workbook in a Uint8Array view at a non-zero offset (no Buffer assumptions)', () => {
    const backing = new Uint8Array(example.length + 7);
    backing.set(example, 7);
    expect(inspectXlsxBytes(backing.subarray(7)).ok).toBe(true);
  });

  it('zero bytes', () => {
    const r = refused(inspectXlsxBytes(new Uint8Array(0), { name }));
    expect(r.code).toBe('empty');
    expect(r.reason).toBe(`El archivo «${name}» está vacío (0 bytes).`);
  });

  it('file above the size limit (default 100 MB) — refused before anything else is read', () => {
    const big = new Uint8Array(DEFAULT_GUARD_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const r = refused(inspectXlsxBytes(big, { name }));
    expect(r.code).toBe('too-large');
    expect(r.reason).toMatch(/pesa 100 MB y supera el límite de 100 MB del producto/);
  });

  it('the size limit is configurable and named in the message', () => {
    const r = refused(inspectXlsxBytes(example, { name, maxFileBytes: 1024 }));
    expect(r.code).toBe('too-large');
    expect(r.reason).toMatch(/supera el límite de 1 KB del producto/);
  });

  it('password-protected .xlsx: a CFB file whose directory holds EncryptionInfo', async () => {
    const bytes = cfbFile(true);
    const r = refused(inspectXlsxBytes(bytes, { name }));
    expect(r.code).toBe('encrypted');
    expect(r.reason).toMatch(/protegido con contraseña o cifrado/);
    // exceljs on its own fails on it (with an English zip error): the check must come first.
    await expect(new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)).rejects.toThrow();
  });

  it('legacy .xls (CFB without EncryptionInfo)', () => {
    const r = refused(inspectXlsxBytes(cfbFile(false), { name }));
    expect(r.code).toBe('legacy-office');
    expect(r.reason).toMatch(/formato antiguo de Excel \(\.xls\)/);
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /es un PDF/],
    ['text renamed (.txt / .csv)', Buffer.from('Código;Meta;Avance\n1702;Vías;45,5\n'), /es un archivo de texto/],
    ['a web page', Buffer.from('<!DOCTYPE html><html><body>Reporte</body></html>'), /página web/],
    ['an Excel 2003 XML sheet', Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), /hoja XML 2003/],
    ['an image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /es una imagen/],
    ['random binary', Buffer.from([0, 1, 2, 3, 4, 5, 250, 251, 252, 0, 0, 7]), /formato desconocido/],
  ])('not a zip: %s', (_what, bytes, message) => {
    const r = refused(inspectXlsxBytes(bytes, { name }));
    expect(r.code).toBe('not-zip');
    expect(r.reason).toMatch(/no es un libro de Excel \(\.xlsx\) válido/);
    expect(r.reason).toMatch(message);
  });

  it('an empty zip', () => {
    const r = refused(inspectXlsxBytes(buildZip([]), { name }));
    expect(r.code).toBe('empty-zip');
  });

  it.each([
    ['cut in half', 0.5],
    ['cut at 90 %', 0.9],
    ['missing its last 10 bytes', -10],
    ['only the first 3 bytes', 3],
  ])('truncated: a real workbook %s', (_what, cut) => {
    const end = cut < 0 ? example.length + cut : cut < 1 ? Math.floor(example.length * cut) : cut;
    const r = refused(inspectXlsxBytes(example.subarray(0, end), { name }));
    expect(r.code).toBe(end < 4 ? 'not-zip' : 'truncated');
    if (end >= 4) expect(r.reason).toMatch(/no es un libro de Excel \(\.xlsx\) válido: está dañado o incompleto/);
  });

  it('a central directory that points to the wrong place is damaged', () => {
    const r = refused(inspectXlsxBytes(buildZip(workbookParts, { cdOffset: 5 }), { name }));
    expect(r.code).toBe('damaged');
  });

  it('a real zip bomb: 1,1 GB of zeros in about 1 MB, declared honestly → refused on the declared total, naming the limit', async () => {
    const bomb = zipBomb(1100);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const r = refused(await guardXlsxBytes(bomb, { name }));
    expect(r.code).toBe('too-big-uncompressed');
    expect(r.reason).toMatch(new RegExp(`^El archivo «${name.replace('.', '\\.')}» se descomprime en más de 1 GB \\(límite del producto\\): `));
  });

  it('the deflate data of the bomb is genuine (64 MiB of zeros inflate back)', () => {
    expect(zlib.inflateRawSync(deflatedZeros(64)).length).toBe(64 * 1024 * 1024);
  });

  it('an absurd compression ratio on a large part (64 MB of zeros → ~64 KB) is refused even under the total limit', () => {
    const r = refused(inspectXlsxBytes(zipBomb(64), { name }));
    expect(r.code).toBe('ratio');
    expect(r.reason).toMatch(/bomba de compresión: la parte «xl\/worksheets\/sheet1\.xml» .*límite del producto: 200 a 1/);
  });

  it('a small highly compressible part is fine (ratio only matters for large parts)', async () => {
    expect((await guardXlsxBytes(zipBomb(8), { name })).ok).toBe(true);
  });

  it('a bomb that lies in its directory (declares 1 KB, inflates to 512 MB) is caught while inflating, in constant memory', async () => {
    const liar = zipBomb(512, 1024);
    expect(inspectXlsxBytes(liar, { name }).ok).toBe(true); // the declared sizes look innocent
    const before = process.memoryUsage().rss;
    const r = refused(await guardXlsxBytes(liar, { name }));
    expect(r.code).toBe('size-mismatch');
    expect(r.reason).toMatch(/la parte «xl\/worksheets\/sheet1\.xml» declara 1 KB pero produce más/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a lying bomb whose real size passes the total limit says so with the limit', async () => {
    const liar = zipBomb(300, 1024);
    const r = refused(await guardXlsxBytes(liar, { name, maxUncompressedBytes: 1000 }));
    expect(r.code).toBe('too-big-uncompressed');
    expect(r.reason).toMatch(/se descomprime en más de 1000 bytes \(límite del producto\)/);
  });

  it('ZIP64: sizes declared through the ZIP64 extra field and end records are read (5 GB declared → refused)', () => {
    const bytes = buildZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', raw: Buffer.from([3, 0]), uncompressedSize: 5 * 1024 ** 3, zip64: true }], { zip64: true });
    const r = refused(inspectXlsxBytes(bytes, { name }));
    expect(r.code).toBe('too-big-uncompressed');
    expect(r.reason).toMatch(/más de 1 GB \(límite del producto\): sus partes declaran al menos 5 GB/);
  });

  it('ZIP64: a well-formed small ZIP64 workbook passes', async () => {
    const bytes = buildZip(
      workbookParts.map((p) => ({ ...p, zip64: true })),
      { zip64: true },
    );
    const r = await guardXlsxBytes(bytes, { name });
    expect(r.ok).toBe(true);
  });

  it('too many parts', () => {
    const parts = [...workbookParts, ...Array.from({ length: 30 }, (_, i) => ({ name: `xl/media/x${i}.bin`, data: 'x' }))];
    const r = refused(inspectXlsxBytes(buildZip(parts), { name, maxEntries: 20 }));
    expect(r.code).toBe('too-many-entries');
    expect(r.reason).toMatch(/tiene 32 partes internas y supera el límite de 20 del producto/);
  });

  it('parts encrypted at the zip level', () => {
    const r = refused(inspectXlsxBytes(buildZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', data: '<x/>', flags: 1 }]), { name }));
    expect(r.code).toBe('zip-encrypted');
  });

  it('a compression method Excel never writes (bzip2 = 12)', () => {
    const r = refused(inspectXlsxBytes(buildZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', raw: Buffer.from('BZh9'), uncompressedSize: 4, method: 12 }]), { name }));
    expect(r.code).toBe('unsupported-compression');
  });

  it('damaged deflate data is refused while inflating', async () => {
    const r = refused(await guardXlsxBytes(buildZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', raw: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), uncompressedSize: 100 }]), { name }));
    expect(r.code).toBe('damaged');
  });

  it.each([
    ['a Word document', [{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }], /es un documento de Word, no un libro de Excel \(\.xlsx\): no contiene xl\/workbook\.xml/],
    ['a PowerPoint', [{ name: 'ppt/presentation.xml', data: '<p/>' }], /presentación de PowerPoint/],
    ['an OpenDocument sheet', [{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }, { name: 'content.xml', data: '<office/>' }], /OpenDocument/],
    ['any other zip', [{ name: 'fotos/1.jpg', data: 'jpg' }], /es un archivo comprimido \(\.zip\), no un libro de Excel/],
  ])('a zip that is not a workbook: %s', (_what, parts, message) => {
    const r = refused(inspectXlsxBytes(buildZip(parts), { name }));
    expect(r.code).toBe('not-workbook');
    expect(r.reason).toMatch(message);
  });

  describe('a part cut short inside an intact zip (issue 12)', () => {
    const parts = async () => {
      const zip = await JSZip.loadAsync(example);
      return Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, data: await f.async('nodebuffer') })));
    };
    it.each(['xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'])('%s cut at 60 %% → refused, naming the part', async (part) => {
      const cut = (await parts()).map((p) => (p.name === part ? { ...p, data: p.data.subarray(0, Math.floor(p.data.length * 0.6)) } : p));
      const r = refused(await guardXlsxBytes(buildZip(cut), { name }));
      expect(r.code).toBe('truncated-part');
      expect(r.reason).toBe(`El archivo «${name}» no es un libro de Excel (.xlsx) válido: está dañado o incompleto (la parte «${part}» se corta antes de terminar; pida de nuevo el archivo).`);
    });
    it('the same parts whole, zipped again the same way, pass', async () => {
      expect((await guardXlsxBytes(buildZip(await parts()), { name })).ok).toBe(true);
    });
    it.each([
      ['a BOM, a declaration, a comment and a prefixed root', '\uFEFF<?xml version="1.0"?>\n<!-- x --><x:worksheet xmlns:x="s"><x:sheetData/></x:worksheet>\r\n'],
      ['a self-closing root', '<?xml version="1.0"?><Types xmlns="t"/>'],
    ])('a complete part with %s passes', async (_what, xml) => {
      expect((await guardXlsxBytes(buildZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', data: xml }]), { name })).ok).toBe(true);
    });
    it('an empty XML part is cut to nothing', async () => {
      expect(refused(await guardXlsxBytes(buildZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', data: '' }]), { name })).code).toBe('truncated-part');
    });
    it('a part that declares more than it holds', async () => {
      const r = refused(await guardXlsxBytes(buildZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>', uncompressedSize: 4096 }]), { name }));
      expect(r.code).toBe('size-mismatch');
      expect(r.reason).toMatch(/declara 4 KB pero trae menos/);
    });
  });

  it('a binary workbook (.xlsb)', () => {
    const r = refused(inspectXlsxBytes(buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: 'bin' }]), { name }));
    expect(r.code).toBe('xlsb');
  });

  it('without a name the message says "El archivo"', () => {
    const r = inspectXlsxBytes(new Uint8Array(0));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('El archivo está vacío (0 bytes).');
  });

  it('never throws on arbitrary bytes (prefix of a zip followed by garbage)', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const len = (seed * 7919) % 600;
      const bytes = new Uint8Array(len);
      for (let i = 0; i < len; i++) bytes[i] = (seed * 31 + i * 17) & 0xff;
      bytes.set([0x50, 0x4b, 0x03, 0x04].slice(0, len));
      if (len > 40) bytes.set([0x50, 0x4b, 0x05, 0x06], len - 22);
      await expect(guardXlsxBytes(bytes)).resolves.toHaveProperty('ok');
    }
  });

  it('formatBytes speaks Colombian Spanish', () => {
    expect(formatBytes(1024 ** 3)).toBe('1 GB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1,5 GB');
    expect(formatBytes(100 * 1024 ** 2)).toBe('100 MB');
    expect(formatBytes(2048 * 1024 ** 3)).toBe('2.048 GB');
    expect(formatBytes(999)).toBe('999 bytes');
  });
});
