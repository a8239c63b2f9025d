/**
 * The streaming grid reader (src/xlsx/stream-read.ts, for large workbooks) gives the same grids
 * as the full exceljs load the CLI uses today — values, number formats, merges, visibility and
 * sheet order — so switching large files to it changes nothing but memory. One deliberate
 * difference: a `t="str"` text keeps an entity its author typed (exceljs decodes it twice).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Grid, WorkbookGrids } from '../../src/domain/grid';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';
import { readGridsStreaming } from '../../src/xlsx/stream-read';
import { readXlsxGrids } from '../../src/xlsx/bytes-read';
import { buildXlsx } from '../helpers/xlsx';

const root = path.resolve(__dirname, '..', '..');

/** Plain comparable form: dense rows without trailing holes, Dates as ISO strings. */
function normal(g: WorkbookGrids) {
  const cell = (v: unknown) => (v instanceof Date ? `D:${v.toISOString()}` : v === undefined ? null : v);
  const rows = (rs: Grid['values'] | Grid['numberFormats']) => {
    const out: unknown[][] = [];
    (rs ?? []).forEach((r, i) => {
      if (!r) return;
      const dense = Array.from(r, cell);
      while (dense.length && dense[dense.length - 1] === null) dense.pop();
      if (dense.length) out[i] = dense;
    });
    return Array.from(out, (r) => r ?? []);
  };
  return {
    name: g.name,
    sheets: g.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility ?? 'visible',
      values: rows(s.values),
      formats: rows(s.numberFormats),
      merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    })),
  };
}

async function both(bytes: Buffer, name: string) {
  const full = gridsOfWorkbook(await loadWorkbook(bytes), name);
  const streamed = await readGridsStreaming(bytes, name);
  return { full: normal(full), streamed: normal(streamed) };
}

describe('readGridsStreaming = gridsOfWorkbook(loadWorkbook())', () => {
  it.each([
    ['examples/plan-accion-2025.xlsx'],
    ['examples/hoja-captura-T2-2025.xlsx'],
    ['test/fixtures/hoja-captura-limpia.xlsx'],
  ])('%s', async (file) => {
    const { full, streamed } = await both(readFileSync(path.join(root, file)), path.basename(file));
    expect(streamed).toEqual(full);
  });

  it('merges, formats, dates, formulas, errors, rich-text-free strings, hidden and very hidden sheets, order', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Zeta visible',
        rows: [
          ['Título combinado', null, null],
          ['Código', 'Fecha', 'Avance'],
          ['1702001', new Date(Date.UTC(2025, 5, 30)), 0.455],
          ['1702002', { formula: 'B3+1', result: 45839 }, { error: '#REF!' }],
          ['=HYPERLINK("http://x","clic")', '+57 300 123 4567', '@SUM(A1)'],
        ],
        merges: ['A1:C1', 'A6:A8'],
        formats: { B3: 'dd/mm/yyyy', C: '0.0%' },
      },
      { name: 'Oculta', rows: [['a', 1]], state: 'hidden' },
      { name: 'Muy oculta', rows: [['b', 2]], state: 'veryHidden' },
    ]);
    const { full, streamed } = await both(bytes, 'x.xlsx');
    expect(streamed).toEqual(full);
    expect(streamed.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Zeta visible', 'visible'],
      ['Oculta', 'hidden'],
      ['Muy oculta', 'veryHidden'],
    ]);
    expect(streamed.sheets[0].merges).toHaveLength(2);
  });

  it('characters whose UTF-8 bytes straddle two inflated chunks come out whole (shared and inline strings)', async () => {
    const text = (i: number) => `Secretaría de Educación — año ${i}: niñez, señal €, 😀 ${'á'.repeat(i % 7)}`;
    const rows = Array.from({ length: 4000 }, (_, i) => [text(i), i]);
    // exceljs's in-memory writer: shared strings (xl/sharedStrings.xml), as Excel saves.
    const shared = await buildXlsx([{ name: 'Hoja', rows }]);
    // exceljs's streaming writer without shared strings: inline strings in the sheet XML.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'tablero-utf8-'));
    try {
      const file = path.join(tmp, 'inline.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
      const ws = wb.addWorksheet('Hoja');
      for (const r of rows) ws.addRow(r).commit();
      ws.commit();
      await wb.commit();
      for (const bytes of [shared, readFileSync(file)]) {
        const streamed = await readGridsStreaming(bytes, 'x.xlsx');
        const values = streamed.sheets[0].values;
        expect(values.map((r) => r?.[0])).toEqual(rows.map((r) => r[0]));
        expect(JSON.stringify(values)).not.toContain('\uFFFD');
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('texts that spell an entity or a tag keep it: entities are decoded once, repeated texts in a column included', async () => {
    // Typed texts whose XML holds entities (`&amp;lt;` for a typed `&lt;`), typed and as a formula's
    // cached text, each repeated down its column (the scanner reuses a column's previous text) and
    // alternating with plain repeats.
    const texts = ['Escriba &lt; para menor', 'Salud & Protección', 'Salud & Protección', '<b>negrita</b>', 'Salud', 'Salud', '&amp;', 'Salud'];
    const rows: ExcelJS.CellValue[][] = Array.from({ length: 400 }, (_, i) => {
      const t = texts[i % texts.length];
      return [t, { formula: `A${i + 1}&""`, result: t }, 'Igual'];
    });
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'tablero-entities-'));
    try {
      const file = path.join(tmp, 'str.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
      const ws = wb.addWorksheet('Textos');
      for (const r of rows) ws.addRow(r).commit();
      ws.commit();
      await wb.commit();
      const bytes = readFileSync(file);
      // The XML holds the entities this is about: a typed `&amp;` is written `&amp;amp;`.
      expect(await sheetXml(bytes)).toContain('<v>&amp;amp;</v>');
      // exceljs's whole reader decodes these texts twice (it gives `&` for a typed `&amp;`, `<` for
      // `&lt;`); the scanner every verb reads with does not follow it there.
      const full = gridsOfWorkbook(await loadWorkbook(bytes), 'textos.xlsx').sheets[0].values;
      expect(full[6]?.[0]).toBe('&');
      const values = (await readGridsStreaming(bytes, 'textos.xlsx')).sheets[0].values;
      expect(values.map((r) => r?.[0])).toEqual(rows.map((r) => r[0]));
      expect(values.map((r) => r?.[1])).toEqual(rows.map((r) => r[0]));
      expect(values.map((r) => r?.[2])).toEqual(rows.map(() => 'Igual'));
      // The pane's reader of picked files, over the same scanner.
      const picked = (await readXlsxGrids(new Uint8Array(bytes), 'textos.xlsx')).sheets[0].values;
      expect(picked.map((r) => r?.[0])).toEqual(rows.map((r) => r[0]));
      expect(picked.map((r) => r?.[1])).toEqual(rows.map((r) => r[0]));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  async function sheetXml(bytes: Buffer): Promise<string> {
    return (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')?.async('string') ?? '';
  }

  it('cached errors and merged areas anywhere in a long sheet, cut by chunk ends, text that looks like them', async () => {
    // Thousands of rows of long text, so the sheet's XML spans many inflated chunks: with an error
    // cell on most rows, some are cut by a chunk's end. Cell texts that read `t="e"` or `mergeCell` are not them.
    const rows: ExcelJS.CellValue[][] = Array.from({ length: 3000 }, (_, i) => [
      `Actividad ${i}: ${'texto largo de la descripción '.repeat(1 + (i % 5))}`,
      i % 3 === 2 ? { formula: `A${i + 1}/0`, result: { error: '#DIV/0!' } } : i % 4 === 3 ? { error: '#N/A' } : i,
      i % 211 === 7 ? 'escribió t="e" en la celda' : i % 173 === 2 ? '<mergeCell ref="A1:B2"/> como texto' : null,
    ]);
    // Enough merged areas that their list at the end of the XML is itself cut by a chunk's end.
    const merges = Array.from({ length: 1400 }, (_, k) => `D${1 + k * 2}:E${2 + k * 2}`);
    // Shared strings (as Excel saves), and inline strings: the texts then sit in the sheet's XML.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Larga');
    rows.forEach((r) => sheet.addRow(r));
    merges.forEach((m) => sheet.mergeCells(m));
    const shared = Buffer.from(await book.xlsx.writeBuffer());
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'tablero-extras-'));
    try {
      const file = path.join(tmp, 'inline.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
      const ws = wb.addWorksheet('Larga');
      for (const r of rows) ws.addRow(r);
      for (const m of merges) ws.mergeCells(m);
      ws.commit();
      await wb.commit();
      for (const bytes of [shared, readFileSync(file)]) {
        const { full, streamed } = await both(bytes, 'larga.xlsx');
        expect(streamed).toEqual(full);
        const values = streamed.sheets[0].values;
        const errors = values.flatMap((r, i) => (r ?? []).flatMap((v, j) => (v && typeof v === 'object' && 'error' in v ? [`${i + 1}:${j + 1}:${String(v.error)}`] : [])));
        expect(errors).toHaveLength(rows.filter((r) => typeof r[1] === 'object').length);
        expect(errors).toContain('3:2:#DIV/0!');
        expect(errors).toContain('4:2:#N/A');
        expect(streamed.sheets[0].merges).toHaveLength(1400);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  /** The package rewritten with its parts in `order` (names first; the rest after) and `edit` applied to parts' text. */
  async function repack(bytes: Buffer, first: (names: string[]) => string[], edit: Record<string, (xml: string) => string> = {}) {
    const src = await JSZip.loadAsync(bytes);
    const names = Object.keys(src.files).filter((n) => !src.files[n].dir);
    const head = first(names).filter((n) => names.includes(n));
    const out = new JSZip();
    for (const n of [...head, ...names.filter((n) => !head.includes(n))]) {
      const text = edit[n];
      out.file(n, text ? text(await src.files[n].async('string')) : await src.files[n].async('uint8array'));
    }
    return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  const worksheetsFirst = (names: string[]) => [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
    ...names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)),
    'xl/workbook.xml',
  ];

  it('a package that stores its worksheets before xl/workbook.xml (any part order is valid) reads whole, with its names', async () => {
    const bytes = await repack(readFileSync(path.join(root, 'examples/hoja-captura-T2-2025.xlsx')), worksheetsFirst);
    const { full, streamed } = await both(bytes, 'x.xlsx');
    expect(streamed.sheets.map((s) => s.name)).toEqual(['PE-F-012', 'HC T2']);
    expect(streamed).toEqual(full);
  });

  it('sheet ids that are not the part numbers (a workbook whose sheets were deleted or moved) name each part right', async () => {
    // Excel keeps a sheet's sheetId when others are deleted or moved, while the parts are numbered anew.
    const swap = (xml: string) => xml.replace(/sheetId="1"/, 'sheetId="@"').replace(/sheetId="2"/, 'sheetId="7"').replace('sheetId="@"', 'sheetId="4"');
    for (const first of [() => [], worksheetsFirst]) {
      const bytes = await repack(readFileSync(path.join(root, 'examples/hoja-captura-T2-2025.xlsx')), first, { 'xl/workbook.xml': swap });
      const { full, streamed } = await both(bytes, 'x.xlsx');
      expect(streamed.sheets.map((s) => s.name)).toEqual(['PE-F-012', 'HC T2']);
      expect(streamed).toEqual(full);
    }
  });

  it('a 1904-date workbook stored worksheets first reads its dates as the full reader does', async () => {
    const book = await buildXlsx([{ name: 'Fechas', rows: [['Inicio'], [new Date(Date.UTC(2025, 0, 15))]], formats: { A2: 'dd/mm/yyyy' } }]);
    const in1904 = (xml: string) => xml.replace(/<workbookPr\b([^>]*?)\/>/, '<workbookPr$1 date1904="1"/>');
    const bytes = await repack(book, worksheetsFirst, { 'xl/workbook.xml': in1904 });
    expect((await JSZip.loadAsync(bytes)).file('xl/workbook.xml')).not.toBeNull();
    const { full, streamed } = await both(bytes, 'x.xlsx');
    expect(streamed).toEqual(full);
    expect(JSON.stringify(full)).not.toContain('2025-01-15'); // the serial now counts from 1904
  });

  it('a package whose styles and workbook part come after its worksheets, saved by exceljs (the double\'s save of an approved plan), reads whole: dates stay dates, names stay names', async () => {
    // exceljs's streaming reader stops before such trailing parts; the reading then goes to the whole reader.
    const bytes = readFileSync(path.join(root, 'test/fixtures/guardado-por-exceljs.xlsx'));
    const names = Object.keys((await JSZip.loadAsync(bytes)).files);
    expect(names.indexOf('xl/workbook.xml')).toBeGreaterThan(names.indexOf('xl/worksheets/sheet1.xml'));
    const { full, streamed } = await both(bytes, 'x.xlsx');
    expect(streamed).toEqual(full);
    expect(streamed.sheets.map((s) => s.name)).toEqual(['PE-F-012', 'Techos', 'Instrucciones', '_tablero_pdm_aprobado', 'Control de cambios', '_tablero_pdm']);
    expect(streamed.sheets[0].values[7][22]).toBe('D:2025-02-03T00:00:00.000Z');
  });

  it('reports progress by rows', async () => {
    const bytes = readFileSync(path.join(root, 'examples/plan-accion-2025.xlsx'));
    const seen: number[] = [];
    await readGridsStreaming(bytes, 'p.xlsx', { every: 5, onRows: (n) => seen.push(n) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBeGreaterThanOrEqual(seen[0]);
  });
});
