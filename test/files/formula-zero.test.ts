/**
 * A formula whose cached result is 0 is a report of 0, not a missing report. exceljs hands
 * `cell.value` as a copy that drops a falsy result, so `=F2*0` cached as 0 read as blank and
 * `missing-report` fired on it; the pane's reader of picked files (`bytes-read.ts`) copied the
 * quirk. Built here as Excel writes a package (shared strings, relative part paths, no `t` on a
 * numeric formula) and as openpyxl does (inline strings, absolute part paths, `t="n"`, an empty
 * `<v />` for a formula it did not calculate), each with formulas cached as 0 and FALSE and
 * formulas saved with no cached value (the file was never calculated). Those are no blank: the
 * cell scanner reads them as `NOT_CALCULATED` (unknown, like an unreadable cell), so no
 * `missing-report` fires on them; `formula-error` says once per
 * sheet which cells they are and to open and save the book in Excel, in validar and generar alike.
 */
import * as path from 'node:path';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { buildZip, type ZipPart } from '../helpers/zip';
import { tablero, tempDir } from '../cli/io';
import { readGridsStreaming } from '../../src/xlsx/stream-read';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';
import { readXlsxGrids } from '../../src/xlsx/bytes-read';
import { NOT_CALCULATED_CELL } from '../../src/domain/grid';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// prettier-ignore
const header = ['Código meta producto', 'Meta de producto', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia 2025',
  'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4', 'Ejecutado T1', 'Ejecutado T2', 'Ejecutado T3', 'Ejecutado T4'];
type Cell = string | number | { f: string; cached?: number; bool?: boolean; text?: boolean };
// Row 2: Ejecutado T1 = F2*0 cached 0 (a report of 0), T2 = 3 → executed 3 of 5 due at T2.
// Row 3: Ejecutado T1 = F3*0 saved with no cached value: unknown, no missing report.
// Row 4: a boolean formula cached FALSE in a column the engine does not read (N4); Ejecutado T3
// (L4) a formula whose cached result is empty text (`=IF(…;"";…)`): blank, no uncalculated cell.
// Rows 5–9: Ejecutado T1 and T2 saved with no cached value (10 more cells); row 9's N9 too, in a
// column the engine does not read (not named).
// prettier-ignore
const rows: Cell[][] = [
  header,
  ['1905021', 'Niños vacunados', 'Secretaría de Salud', 'Suma', 10, 2, 3, 3, 2, { f: 'F2*0', cached: 0 }, 3],
  ['1905022', 'Aulas dotadas', 'Secretaría de Educación', 'Suma', 4, 1, 1, 1, 1, { f: 'F3*0' }, 1],
  ['1905023', 'Red de frío', 'Secretaría de Salud', 'Suma', 4, 1, 1, 1, 1, 1, { f: 'SUM(F4:G4)*0', cached: 0 }, { f: 'IF(F4>5,1,"")', text: true }, null as unknown as Cell, { f: 'F4>5', cached: 0, bool: true }],
  ...[4, 5, 6, 7, 8].map((k): Cell[] => [`190502${k}`, `Meta ${k}`, 'Secretaría de Salud', 'Suma', 4, 1, 1, 1, 1, { f: `F${k + 1}*1` }, { f: `G${k + 1}*1` },
    ...(k === 8 ? [null as unknown as Cell, null as unknown as Cell, { f: 'F9>5' }] : [])]),
];

const col = (i: number): string => String.fromCharCode(65 + i);

function sheetXml(style: 'excel' | 'openpyxl', strings: string[]): string {
  const cells = rows.map((row, r) =>
    row
      .map((v, c) => {
        const ref = `${col(c)}${r + 1}`;
        if (v === null || v === undefined) return '';
        if (typeof v === 'number') return `<c r="${ref}"${style === 'openpyxl' ? ' t="n"' : ''}><v>${v}</v></c>`;
        if (typeof v === 'string') {
          if (style === 'openpyxl') return `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
          let k = strings.indexOf(v);
          if (k < 0) k = strings.push(v) - 1;
          return `<c r="${ref}" t="s"><v>${k}</v></c>`;
        }
        if (v.text) return `<c r="${ref}" t="str"><f>${v.f}</f><v></v></c>`; // an empty text result, as Excel writes it
        const t = v.bool ? ' t="b"' : style === 'openpyxl' ? ' t="n"' : '';
        return `<c r="${ref}"${t}><f>${v.f}</f>${v.cached === undefined ? (style === 'openpyxl' ? '<v />' : '') : `<v>${v.cached}</v>`}</c>`;
      })
      .join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>${cells.map((c, r) => `<row r="${r + 1}">${c}</row>`).join('')}</sheetData></worksheet>`;
}

function packageOf(style: 'excel' | 'openpyxl'): Buffer {
  const strings: string[] = [];
  const sheet = sheetXml(style, strings);
  const abs = style === 'openpyxl' ? '/xl/' : '';
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        (strings.length ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="${style === 'openpyxl' ? '/' : ''}xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="Seguimiento T2" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${R}/worksheet" Target="${abs}worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${R}/styles" Target="${abs}styles.xml"/>` +
        (strings.length ? `<Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    },
    {
      name: 'xl/styles.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
    },
  ];
  if (strings.length) {
    parts.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    });
  }
  parts.push({ name: 'xl/worksheets/sheet1.xml', data: sheet });
  return buildZip(parts);
}

describe.each(['excel', 'openpyxl'] as const)('a formula cached as 0, written as %s writes it', (style) => {
  const bytes = packageOf(style);

  it('reads as 0 in every reader (streaming, exceljs model, the pane\'s bytes reader); no cached value is no blank', async () => {
    const streamed = await readGridsStreaming(bytes, 'f.xlsx');
    const full = gridsOfWorkbook(await loadWorkbook(bytes), 'f.xlsx');
    const pane = await readXlsxGrids(new Uint8Array(bytes), 'f.xlsx');
    for (const g of [streamed, full, pane]) {
      const v = g.sheets[0].values;
      expect(g.sheets[0].name).toBe('Seguimiento T2');
      // J2 (=F2*0, cached 0), J3 (no cached value), K4 (=SUM(F4:G4)*0, cached 0), N4 (=F4>5, cached FALSE).
      expect([v[1]?.[9], v[3]?.[10], v[3]?.[13]]).toEqual([0, 0, false]);
    }
    // The cell scanner (validar, reporte, generar, the pane's picked files) tells a formula with no
    // cached value from a blank, and keeps its text (what can still be known of it:
    // domain/formula-text.ts); exceljs's model cannot (no `<v>`, an empty `<v />` and an empty
    // cached text all come with no result), so it is read as blank and no verb reads data through it.
    for (const g of [streamed, pane]) {
      const v = g.sheets[0].values;
      expect([v[2]?.[9], v[4]?.[10], v[3]?.[11] ?? null]).toEqual([{ error: 'SIN CALCULAR' }, NOT_CALCULATED_CELL, null]);
      expect(typeof g.sheets[0].formulas?.[2]?.[9]).toBe('string');
    }
    expect(full.sheets[0].values[2]?.[9] ?? null).toBeNull();
  });

  it('validar, reporte and generar: no missing-report on a cached 0 nor on a formula with no value; one formula-error names the uncalculated cells', async () => {
    const { dir, cleanup } = tempDir('formats-zero-');
    try {
      const file = path.join(dir, `cero-${style}.xlsx`);
      writeFileSync(file, bytes);
      const v = await tablero(['validar', file, '--json', '--corte', '2025-06-30'], dir);
      const findings = (JSON.parse(v.stdout) as { files: { findings: { rule: string; cell: string; message: string; severity: string }[] }[] }).files[0].findings;
      expect(findings.filter((f) => f.rule === 'missing-report')).toEqual([]);
      const notCalculated = findings.filter((f) => f.rule === 'formula-error');
      expect(notCalculated).toHaveLength(1);
      expect(notCalculated[0]).toMatchObject({ severity: 'error', cell: 'J3' });
      expect(notCalculated[0].message).toBe(
        'En la hoja «Seguimiento T2» las celdas J3, J5, K5, J6, K6 y 6 más tienen una fórmula sin valor calculado: ' +
          'el libro se guardó con un programa que no calcula las fórmulas, así que esos valores no se leyeron. ' +
          'Abra el libro en Excel (o LibreOffice) y guárdelo para que se calculen los valores; luego vuelva a revisarlo.',
      );
      expect(v.code).toBe(1);
      const out = path.join(dir, `cero-${style}-tablero.xlsx`);
      const g = await tablero(['generar', file, '-o', out, '--corte', '2025-06-30'], dir);
      expect(g.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const obs: string[] = [];
      wb.getWorksheet('Observaciones')?.eachRow((row) => void obs.push(row.values ? JSON.stringify(row.values) : ''));
      expect(obs.filter((r) => r.includes('missing-report'))).toEqual([]);
      const uncalculated = obs.filter((r) => r.includes('sin valor calculado'));
      expect(uncalculated).toHaveLength(1);
      expect(uncalculated[0]).toContain('J3, J5, K5, J6, K6 y 6 más');
      const r = await tablero(['reporte', file, '--json', '--corte', '2025-06-30'], dir);
      const goals = (JSON.parse(r.stdout) as { goals: { code: string; executedToDate: number | null; compliance: number | null }[] }).goals;
      // 0 + 3 executed against 2 + 3 due.
      expect(goals.find((x) => x.code === '1905021')).toMatchObject({ executedToDate: 3, compliance: 0.6 });
    } finally {
      cleanup();
    }
  });
});
