/**
 * Real Excel charts in the CLI's workbooks. exceljs writes no charts, so the charts a sheet model
 * describes (`ChartSpec`, the same ones the add-in inserts through office-js) are added to the
 * finished package as its parts:
 *
 * - `xl/charts/chartN.xml` — a DrawingML clustered bar chart (`c:barChart`, `barDir="bar"`): its
 *   series read the sheet's own ranges (`'Tablero de control'!$D$20:$D$24`), with the values
 *   cached so a reader that does not recalculate shows them too; title, colours, legend at the
 *   bottom, value axis fixed from `axis.min` to `axis.max` in the spec's number format;
 * - `xl/drawings/drawingN.xml` — one two-cell anchor per chart over the spec's `anchor` cells,
 *   with its relationships to the charts;
 * - the worksheet gets `<drawing r:id>` (at its place in the schema order, before `legacyDrawing`
 *   and `extLst`) and a relationship to the drawing;
 * - `[Content_Types].xml` gets the overrides of the new parts.
 *
 * Part numbers never collide with the package's own drawings and charts. Everything else in the
 * package keeps its stored bytes. Both copy paths of `generar` (exceljs and the package level)
 * and `consolidar` end here, so a tablero looks the same whichever way it was written.
 */
import type { ChartSpec, SheetModel } from '../sheets/model';
import { columnLetter, quoteSheet } from '../domain/grid';
import type { CellRange } from '../domain/grid';
import { REL, attrsOf, elements, escapeXml, freshId, parseRels, relElement, relsPathOf, relsXml, relativeTarget, resolveTarget, relIs, section } from './ooxml';
import { ZipWriter, openZip, readPartText } from './zip';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** A chart with the values of its ranges, taken from the model while it is at hand. */
export interface ResolvedChart {
  readonly spec: ChartSpec;
  readonly categories: readonly string[];
  /** Per series, per category: the number, or null (a "—" or a blank). */
  readonly values: readonly (readonly (number | null)[])[];
}

/** The sheet's charts with their cached values. */
export function resolveCharts(model: Pick<SheetModel, 'charts' | 'cells'>): ResolvedChart[] {
  if (model.charts.length === 0) return [];
  const at = new Map(model.cells.map((c) => [`${c.row}:${c.col}`, c.value]));
  const cellsOf = (r: CellRange) => {
    const out: (string | number | boolean | null)[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(at.get(`${row}:${col}`) ?? null);
    return out;
  };
  return model.charts.map((spec) => ({
    spec,
    categories: cellsOf(spec.categories).map((v) => (v === null ? '' : String(v))),
    values: spec.series.map((s) => cellsOf(s.values).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null))),
  }));
}

/** Element text: `&`, `<`, `>` escaped (a formula keeps its quotes readable: `'Tablero de control'!$B$5`). */
function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function absolute(sheet: string, r: CellRange): string {
  const a = (row: number, col: number) => `$${columnLetter(col)}$${row}`;
  return `${quoteSheet(sheet)}!${a(r.top, r.left)}:${a(r.bottom, r.right)}`;
}

/** Excel's number format code without the locale's thin space ("0 %" is written "0%" in a chart). */
function chartFormat(code: string): string {
  return code.replace(/\s+%/g, '%');
}

function text(t: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="es-CO" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlText(t)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function axisText(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="es-CO"/></a:p></c:txPr>`;
}

/** The chart part of a resolved chart on `sheet`. */
function chartXml(sheet: string, chart: ResolvedChart): string {
  const { spec } = chart;
  const n = chart.categories.length;
  const fmt = chartFormat(spec.axis.numberFormat);
  const cat =
    `<c:cat><c:strRef><c:f>${xmlText(absolute(sheet, spec.categories))}</c:f><c:strCache><c:ptCount val="${n}"/>` +
    chart.categories.map((c, i) => `<c:pt idx="${i}"><c:v>${xmlText(c)}</c:v></c:pt>`).join('') +
    '</c:strCache></c:strRef></c:cat>';
  const series = spec.series
    .map((s, i) => {
      const vals = chart.values[i] ?? [];
      const pts = vals.map((v, j) => (v === null ? '' : `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>`)).join('');
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color.toUpperCase()}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        cat +
        `<c:val><c:numRef><c:f>${xmlText(absolute(sheet, s.values))}</c:f><c:numCache><c:formatCode>${xmlText(fmt)}</c:formatCode><c:ptCount val="${vals.length}"/>${pts}</c:numCache></c:numRef></c:val>` +
        '</c:ser>'
      );
    })
    .join('');
  const [catId, valId] = ['500000001', '500000002'];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${text(spec.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:axId val="${catId}"/><c:axId val="${valId}"/></c:barChart>` +
    `<c:catAx><c:axId val="${catId}"/><c:scaling><c:orientation val="${spec.topDown ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText(900)}` +
    `<c:crossAx val="${valId}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${valId}"/><c:scaling><c:orientation val="minMax"/><c:max val="${spec.axis.max}"/><c:min val="${spec.axis.min}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escapeXml(fmt)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText(900)}` +
    `<c:crossAx val="${catId}"/><c:crosses val="${spec.topDown ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/><c:majorUnit val="${(spec.axis.max - spec.axis.min) / 5}"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="Calibri"/></a:defRPr></a:pPr><a:endParaRPr lang="es-CO"/></a:p></c:txPr>` +
    '</c:chartSpace>'
  );
}

/** The drawing part: one two-cell anchor per chart (0-based cells; `to` is the cell after the anchor). */
function drawingXml(anchors: readonly { readonly anchor: CellRange; readonly rid: string; readonly title: string }[]): string {
  const frames = anchors.map((a, i) => {
    const from = `<xdr:from><xdr:col>${a.anchor.left - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.anchor.top - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`;
    const to = `<xdr:to><xdr:col>${a.anchor.right}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.anchor.bottom}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${from}${to}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Gráfico ${i + 1}`)}" descr="${escapeXml(a.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${a.rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${frames.join('')}</xdr:wsDr>`;
}

/** Worksheet children that come after `<drawing>` in the schema (CT_Worksheet). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Adds `<drawing r:id="…"/>` to a worksheet part at its place. */
export function withDrawing(xml: string, rid: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?worksheet(?=[\s>])[^>]*>/.exec(xml);
  if (!root) throw new Error('hoja sin <worksheet>');
  const prefix = root[1] ?? '';
  // The relationships namespace may be bound to any prefix, or not at all.
  const attrs = attrsOf(root[0]);
  const rPrefix = [...attrs.entries()].find(([k, v]) => k.startsWith('xmlns:') && v === NS.r)?.[0].slice(6);
  let head = xml;
  let r = rPrefix;
  if (!r) {
    r = 'r';
    head = xml.replace(root[0], root[0].replace(/\s*>$/, ` xmlns:r="${NS.r}">`));
  }
  const el = `<${prefix}drawing ${r}:id="${rid}"/>`;
  // Only top-level children: search after </sheetData>. `extLst` also occurs inside conditional
  // formats (data bars), so the worksheet's own is the one that closes right before </worksheet>.
  const from = Math.max(0, head.search(/<\/([A-Za-z_][\w.-]*:)?sheetData>|<([A-Za-z_][\w.-]*:)?sheetData\/>/));
  let at = -1;
  for (const name of AFTER_DRAWING.filter((n) => n !== 'extLst')) {
    const m = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])`).exec(head.slice(from));
    if (m && (at < 0 || from + m.index < at)) at = from + m.index;
  }
  if (at < 0) at = topLevelExtLst(head, prefix);
  if (at < 0) at = head.lastIndexOf(`</${prefix}worksheet>`);
  return head.slice(0, at) + el + head.slice(at);
}

/** Start of the worksheet's own `<extLst>` (the last child, closing right before `</worksheet>`), or -1. */
function topLevelExtLst(xml: string, prefix: string): number {
  const end = new RegExp(`</${prefix.replace('.', '\\.')}extLst>\\s*</${prefix.replace('.', '\\.')}worksheet>\\s*$`).exec(xml);
  if (!end) return -1;
  // Walk back to the <extLst> that this closing tag pairs with.
  const tags = [...xml.slice(0, end.index).matchAll(/<(\/?)(?:[A-Za-z_][\w.-]*:)?extLst(?=[\s/>])[^>]*?(\/?)>/g)];
  let depth = 1;
  for (let i = tags.length - 1; i >= 0; i--) {
    const [, close, selfClosing] = tags[i];
    if (selfClosing) continue;
    depth += close ? 1 : -1;
    if (depth === 0) return tags[i].index ?? -1;
  }
  return -1;
}

/** The first free `stem<N>.xml` under `dir` in a package. */
function freePart(taken: Set<string>, dir: string, stem: string): string {
  for (let i = 1; ; i++) {
    const name = `${dir}/${stem}${i}.xml`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/**
 * Adds the charts of the generated sheets to a finished package. `sheets` names each sheet as it
 * is in the workbook, with its resolved charts; a sheet without charts is left as it is. Returns
 * the package unchanged when there is nothing to add.
 */
export function addChartParts(bytes: Buffer, sheets: readonly { readonly sheet: string; readonly charts: readonly ResolvedChart[] }[]): Buffer {
  const todo = sheets.filter((s) => s.charts.length > 0);
  if (todo.length === 0) return bytes;
  const src = openZip(bytes);
  const names = new Set(src.entries.map((e) => e.name));
  const root = parseRels(readPartText(src, '_rels/.rels'));
  const office = root.find((r) => relIs(r.type, 'officeDocument'));
  const bookPart = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const book = readPartText(src, bookPart) ?? '';
  const bookRels = parseRels(readPartText(src, relsPathOf(bookPart)));
  const sheetsSection = section(book, 'sheets');
  const partOf = new Map<string, string>();
  for (const e of sheetsSection ? elements(sheetsSection.inner, 'sheet') : []) {
    const a = attrsOf(e.open);
    const rid = [...a.entries()].find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const rel = bookRels.find((x) => x.id === rid);
    if (rel) partOf.set(a.get('name') ?? '', resolveTarget(bookPart, rel.target));
  }

  const replace = new Map<string, string>();
  const added: { name: string; data: string }[] = [];
  const overrides: { part: string; type: string }[] = [];
  for (const { sheet, charts } of todo) {
    const sheetPart = partOf.get(sheet);
    if (!sheetPart) throw new Error(`gráficos: la hoja «${sheet}» no está en el libro`);
    const drawingPart = freePart(names, 'xl/drawings', 'drawing');
    const drawingRels: string[] = [];
    const anchors = charts.map((c, i) => {
      const chartPart = freePart(names, 'xl/charts', 'chart');
      added.push({ name: chartPart, data: chartXml(sheet, c) });
      overrides.push({ part: chartPart, type: CT_CHART });
      const rid = `rId${i + 1}`;
      drawingRels.push(relElement(rid, REL.chart, relativeTarget(drawingPart, chartPart)));
      return { anchor: c.spec.anchor, rid, title: c.spec.title };
    });
    added.push({ name: drawingPart, data: drawingXml(anchors) }, { name: relsPathOf(drawingPart), data: relsXml(drawingRels) });
    overrides.push({ part: drawingPart, type: CT_DRAWING });

    const relsPart = relsPathOf(sheetPart);
    const rels = parseRels(readPartText(src, relsPart));
    const rid = freshId(new Set(rels.map((r) => r.id)));
    replace.set(relsPart, relsXml([...rels.map((r) => r.element), relElement(rid, REL.drawing, relativeTarget(sheetPart, drawingPart))]));
    replace.set(sheetPart, withDrawing(readPartText(src, sheetPart) ?? '', rid));
  }
  const ctName = '[Content_Types].xml';
  const ct = readPartText(src, ctName) ?? '';
  const end = ct.lastIndexOf('</');
  replace.set(ctName, ct.slice(0, end) + overrides.map((o) => `<Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`).join('') + ct.slice(end));

  const out = new ZipWriter();
  for (const entry of src.entries) {
    const r = replace.get(entry.name);
    if (r === undefined) out.addStored(src, entry);
    else out.addBytes(entry.name, r);
    replace.delete(entry.name);
  }
  for (const [name, data] of replace) out.addBytes(name, data); // a sheet's new relationships part
  for (const a of added) out.addBytes(a.name, a.data);
  return out.finish();
}
