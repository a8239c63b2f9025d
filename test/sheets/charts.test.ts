/**
 * The CLI's tablero carries REAL Excel charts (`src/xlsx/chart-parts.ts`): the package holds the
 * chart and drawing parts, related from the «Tablero de control» worksheet, declared in the
 * content types, well-formed, reading the sheet's own tables — on both copy paths of `generar`
 * and on `consolidar`. What they show agrees with `reporte --json`.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { generateCopy } from '../../src/xlsx/generate';
import type { CliDeps } from '../../src/cli/deps';
import { openZip, readPartText } from '../../src/xlsx/zip';
import { attrsOf, elements, parseRels, relsPathOf, resolveTarget } from '../../src/xlsx/ooxml';
import { withDrawing } from '../../src/xlsx/chart-parts';
import { tempDir, testIO } from './fixtures';

const example = path.resolve(__dirname, '..', '..', 'examples', 'hoja-captura-T2-2025.xlsx');

interface ChartPart {
  readonly part: string;
  readonly xml: string;
}

/** The charts of a sheet, following the relationships from the workbook to the chart parts. */
function chartsOfSheet(bytes: Buffer, sheetName: string): { sheetXml: string; drawing: string; charts: ChartPart[]; contentTypes: string } {
  const zip = openZip(bytes);
  const text = (p: string) => {
    const t = readPartText(zip, p);
    if (t === null) throw new Error(`falta la parte ${p}`);
    return t;
  };
  const book = text('xl/workbook.xml');
  const sheet = elements(book, 'sheet').map((e) => attrsOf(e.open)).find((a) => a.get('name') === sheetName)!;
  const rel = parseRels(text('xl/_rels/workbook.xml.rels')).find((r) => r.id === sheet.get('r:id'))!;
  const sheetPart = resolveTarget('xl/workbook.xml', rel.target);
  const sheetXml = text(sheetPart);
  const drawingId = attrsOf(/<drawing [^>]*>/.exec(sheetXml)![0]).get('r:id');
  const drawingRel = parseRels(text(relsPathOf(sheetPart))).find((r) => r.id === drawingId)!;
  expect(drawingRel.type).toBe('http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing');
  const drawingPart = resolveTarget(sheetPart, drawingRel.target);
  const drawing = text(drawingPart);
  const chartRels = parseRels(text(relsPathOf(drawingPart)));
  const charts = [...drawing.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => {
    const r = chartRels.find((x) => x.id === m[1])!;
    expect(r.type).toBe('http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart');
    const part = resolveTarget(drawingPart, r.target);
    return { part, xml: text(part) };
  });
  return { sheetXml, drawing, charts, contentTypes: text('[Content_Types].xml') };
}

function wellFormed(xml: string): void {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: xml });
  expect(r.stderr.toString()).toBe('');
  expect(r.status).toBe(0);
}

const values = (xml: string, tag: 'strCache' | 'numCache') =>
  [...xml.matchAll(new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`, 'g'))].map((m) => [...m[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => v[1]));

describe('real Excel charts in the CLI tablero', () => {
  const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint']).status === 0;

  it.each([
    ['exceljs copy', undefined],
    ['package-level copy', { generateCopy: (request, progress) => generateCopy(request, progress, 0) } satisfies Partial<CliDeps>],
  ])('generar (%s) writes chart parts related from «Tablero de control» that read its tables', async (_label, deps: Partial<CliDeps> | undefined) => {
    const dir = await tempDir();
    const io = testIO(dir);
    expect(await run(['generar', example, '--corte', '2025-06-30', '-o', 'out.xlsx'], io, deps)).toBe(0);
    expect(await run(['reporte', example, '--corte', '2025-06-30', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out[io.out.length - 1]) as { units: { name: string; compliance: number | null; budgetExecution: number | null }[]; dimensions: { name: string }[] };
    const bytes = await fs.readFile(path.join(dir, 'out.xlsx'));
    const { sheetXml, drawing, charts, contentTypes } = chartsOfSheet(bytes, 'Tablero de control');

    expect(charts).toHaveLength(2);
    for (const c of charts) expect(contentTypes).toContain(`<Override PartName="/${c.part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    expect(contentTypes).toMatch(/PartName="\/xl\/drawings\/drawing\d+\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"/);
    // <drawing> is a child of <worksheet> at its schema place: after the page setup, before the worksheet's extLst.
    expect(sheetXml.indexOf('<drawing ')).toBeGreaterThan(sheetXml.indexOf('<pageSetup'));
    expect(sheetXml.indexOf('<drawing ')).toBeLessThan(sheetXml.lastIndexOf('<extLst>'));
    expect(sheetXml.slice(sheetXml.indexOf('<drawing ')).startsWith('<drawing r:id="')).toBe(true);
    expect(sheetXml.lastIndexOf('<extLst>')).toBeGreaterThan(sheetXml.lastIndexOf('</conditionalFormatting>'));
    if (hasXmllint) for (const x of [sheetXml, drawing, ...charts.map((c) => c.xml)]) wellFormed(x);

    const [byDimension, byUnit] = charts.map((c) => c.xml);
    expect(byDimension).toContain('<a:t>Por dimensión</a:t>');
    expect(byUnit).toContain('<a:t>Por dependencia (en el orden del ranking)</a:t>');
    expect(byUnit).toContain("<c:f>'Tablero de control'!$B$");
    expect(byUnit).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(byUnit).toContain('<c:orientation val="maxMin"/>'); // the ranking reads from the top
    // The cached categories and values are the ranking's, in order, as `reporte --json` gives them.
    expect(values(byUnit, 'strCache')[0]).toEqual(report.units.map((u) => u.name));
    expect(values(byDimension, 'strCache')[0]).toEqual(report.dimensions.map((d) => d.name));
    const [physical, budget] = values(byUnit, 'numCache').map((v) => v.map(Number));
    expect(physical).toEqual(report.units.map((u) => expect.closeTo(u.compliance!, 9)));
    expect(budget).toEqual(report.units.map((u) => expect.closeTo(u.budgetExecution!, 9)));
    expect(byUnit).toContain('<a:srgbClr val="4472C4"/>');
    expect(byUnit).toContain('<a:srgbClr val="ED7D31"/>');

    // The anchors sit on the rows the model left for them, side by side.
    const froms = [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(froms).toHaveLength(2);
    expect(froms[0][1]).toBe(froms[1][1]);
    expect(froms[1][0]).toBeGreaterThan(froms[0][0]);

    // exceljs opens it, and a second generar over the output still works.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Tablero de control')).toBeDefined();
    expect(await run(['generar', 'out.xlsx', '-o', 'again.xlsx'], testIO(dir), deps)).toBe(0);
    const again = await fs.readFile(path.join(dir, 'again.xlsx'));
    expect(chartsOfSheet(again, 'Tablero de control').charts).toHaveLength(2);
    // The replaced tablero's drawing and charts left with it: no orphan parts.
    expect(openZip(again).entries.filter((e) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(e.name) && !e.name.includes('vml')).map((e) => e.name).sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/drawings/drawing1.xml']);
  }, 60_000);

  it('consolidar writes the same charts on its tablero', async () => {
    const dir = await tempDir();
    expect(await run(['consolidar', example, '--corte', '2025-06-30', '-o', 'c.xlsx'], testIO(dir))).toBe(0);
    const { charts } = chartsOfSheet(await fs.readFile(path.join(dir, 'c.xlsx')), 'Tablero de control');
    expect(charts.map((c) => /<a:t>([^<]*)<\/a:t>/.exec(c.xml)![1])).toEqual(['Por dimensión', 'Por dependencia (en el orden del ranking)']);
  }, 60_000);

  it('puts <drawing> before legacyDrawing and the worksheet extLst, never inside a conditional format', () => {
    const cf = '<conditionalFormatting sqref="A1"><cfRule type="dataBar" priority="1"><extLst><ext uri="x"><x14:id>1</x14:id></ext></extLst></cfRule></conditionalFormatting>';
    const sheet = (tail: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>${cf}<pageMargins/>${tail}</worksheet>`;
    const a = withDrawing(sheet('<legacyDrawing r:id="x"/><extLst><ext/></extLst>'), 'rId9');
    expect(a).toContain('<pageMargins/><drawing r:id="rId9"/><legacyDrawing');
    expect(a).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    const b = withDrawing(sheet('<extLst><ext/></extLst>'), 'rId9');
    expect(b).toContain('<pageMargins/><drawing r:id="rId9"/><extLst><ext/></extLst></worksheet>');
    expect(b).toContain(cf);
    const c = withDrawing(sheet(''), 'rId9');
    expect(c.endsWith('<pageMargins/><drawing r:id="rId9"/></worksheet>')).toBe(true);
    const x = withDrawing('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData/></x:worksheet>', 'rId1');
    expect(x).toContain('<x:drawing rel:id="rId1"/></x:worksheet>');
  });
});
