/** The styles of the copy: the original's kept at their indices, the generated sheets' and the skeleton output's appended. */
import { attrsOf, elements, escapeXml, relIs, replaceSection, resolveTarget, rootPrefix, section, setAttr, withPrefix } from '../ooxml';
import { readPartText, type ZipSource } from '../zip';
import { readBook } from './book';

const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export interface MergedStyles {
  readonly xml: string;
  /** Added to the skeleton output's `s` / `style` indices. */
  readonly xfOffset: number;
  /** Added to its `dxfId`s. */
  readonly dxfOffset: number;
}

function childrenOf(xml: string, sectionName: string, child: string): { section: ReturnType<typeof section>; items: string[] } {
  const s = section(xml, sectionName);
  return { section: s, items: s ? elements(s.inner, child).map((e) => e.text) : [] };
}

/** Writes `items` as the content of `sectionName` (created at its place in the order when missing). */
function putSection(xml: string, sectionName: string, items: string[], prefix: string): string {
  const s = section(xml, sectionName);
  const inner = items.join('');
  if (s) return replaceSection(xml, s, setAttr(s.open, 'count', String(items.length)), inner, sectionName);
  const open = `<${prefix}${sectionName} count="${items.length}">`;
  const block = `${open}${inner}</${prefix}${sectionName}>`;
  for (const next of STYLE_ORDER.slice(STYLE_ORDER.indexOf(sectionName) + 1)) {
    const n = section(xml, next);
    if (n) return xml.slice(0, n.start) + block + xml.slice(n.start);
  }
  const end = xml.lastIndexOf(`</${prefix}styleSheet>`);
  return xml.slice(0, end) + block + xml.slice(end);
}

function shiftAttr(tag: string, name: string, by: number | ((v: number) => number)): string {
  const a = attrsOf(tag).get(name);
  if (a === undefined || !/^\d+$/.test(a)) return tag;
  const v = Number(a);
  return setAttr(tag, name, String(typeof by === 'number' ? v + by : by(v)));
}

/** Appends the skeleton output's styles to the original's; the original's indices do not move. */
export function mergeStyles(original: string, added: string): MergedStyles {
  const prefix = rootPrefix(original, 'styleSheet');
  const take = (name: string, child: string) => ({ o: childrenOf(original, name, child).items, a: childrenOf(added, name, child).items });
  const fonts = take('fonts', 'font');
  const fills = take('fills', 'fill');
  const borders = take('borders', 'border');
  const xfs = take('cellXfs', 'xf');
  const dxfs = take('dxfs', 'dxf');
  const numFmts = take('numFmts', 'numFmt');

  // Custom number formats: reuse the original's id for the same code, else a new id.
  const byCode = new Map<string, number>();
  let maxId = 163;
  for (const n of numFmts.o) {
    const a = attrsOf(n);
    const id = Number(a.get('numFmtId'));
    byCode.set(a.get('formatCode') ?? '', id);
    maxId = Math.max(maxId, id);
  }
  const fmtMap = new Map<number, number>();
  const newFmts: string[] = [];
  for (const n of numFmts.a) {
    const a = attrsOf(n);
    const id = Number(a.get('numFmtId'));
    const code = a.get('formatCode') ?? '';
    let to = byCode.get(code);
    if (to === undefined) {
      to = ++maxId;
      byCode.set(code, to);
      newFmts.push(withPrefix(`<numFmt numFmtId="${to}" formatCode="${escapeXml(code)}"/>`, prefix));
    }
    fmtMap.set(id, to);
  }

  const fontOff = fonts.o.length;
  const fillOff = fills.o.length;
  const borderOff = borders.o.length;
  const newXfs = xfs.a.map((xf) => {
    const open = /^<[^>]*>/.exec(xf)![0];
    let t = shiftAttr(open, 'fontId', fontOff);
    t = shiftAttr(t, 'fillId', fillOff);
    t = shiftAttr(t, 'borderId', borderOff);
    t = shiftAttr(t, 'numFmtId', (v) => fmtMap.get(v) ?? v);
    if (attrsOf(t).has('xfId')) t = setAttr(t, 'xfId', '0');
    return withPrefix(t + xf.slice(open.length), prefix);
  });

  let xml = original;
  if (newFmts.length) xml = putSection(xml, 'numFmts', [...numFmts.o, ...newFmts], prefix);
  xml = putSection(xml, 'fonts', [...fonts.o, ...fonts.a.map((x) => withPrefix(x, prefix))], prefix);
  xml = putSection(xml, 'fills', [...fills.o, ...fills.a.map((x) => withPrefix(x, prefix))], prefix);
  xml = putSection(xml, 'borders', [...borders.o, ...borders.a.map((x) => withPrefix(x, prefix))], prefix);
  xml = putSection(xml, 'cellXfs', [...xfs.o, ...newXfs], prefix);
  if (dxfs.a.length) xml = putSection(xml, 'dxfs', [...dxfs.o, ...dxfs.a.map((x) => withPrefix(x, prefix))], prefix);
  return { xml, xfOffset: xfs.o.length, dxfOffset: dxfs.o.length };
}

/** How many cell formats and dxfs the workbook's styles part has: where added styles start. */
export function styleCounts(src: ZipSource): { xfs: number; dxfs: number } {
  const book = readBook(src);
  const rel = book.rels.find((r) => relIs(r.type, 'styles'));
  const xml = rel ? readPartText(src, resolveTarget(book.part, rel.target)) : null;
  if (!xml) throw new Error('libro sin hoja de estilos');
  return { xfs: childrenOf(xml, 'cellXfs', 'xf').items.length, dxfs: childrenOf(xml, 'dxfs', 'dxf').items.length };
}
