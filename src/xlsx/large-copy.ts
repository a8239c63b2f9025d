/**
 * `generar` for a LARGE workbook: the same copy as the exceljs path (marks, notes, Tablero,
 * Alertas, Observaciones, registry), without ever loading the units' cells into exceljs.
 *
 * exceljs's document model costs about 2 KB per cell (a 200,000-row capture sheet would need
 * more than 4 GB), so the copy is made at the package level instead:
 *
 * 1. `buildSkeleton`: the original package with every worksheet's `<sheetData>` emptied (streamed:
 *    the 240 MB of XML of a 200,000-row sheet go through in 1 MB chunks and are dropped). All the
 *    rest — sheet names and states, defined names, merged areas, notes, conditional formats, the
 *    registry sheet, which keeps its cells — is there. This skeleton is small: exceljs loads it and
 *    the usual code (`applyGenerated`: marks, notes, generated sheets, registry) runs on it
 *    unchanged.
 * 2. `assembleCopy`: the output package is the ORIGINAL one, edited:
 *    - every kept sheet's cells are copied byte for byte (stored parts are not even inflated when
 *      nothing in the sheet changes); only its head (the tab selection) and its tail (the product's
 *      conditional formats and the `legacyDrawing` of the notes) are rewritten;
 *    - the generated sheets and the registry come from the skeleton's output, their style indices
 *      moved past the original's styles (whose fonts, fills, borders, formats and `dxf`s are kept
 *      and extended) and their shared strings written inline;
 *    - the notes of a sheet whose notes changed are the skeleton output's comments + VML parts;
 *    - the workbook's sheet list, defined names, active tab, relationships and content types are
 *      edited in place; sheets the run replaced (an earlier Tablero…) and `calcChain.xml` (which
 *      Excel rebuilds) are left out.
 *
 * Memory stays at the original package, the output package and one chunk of XML at a time.
 */
import { REGISTRY_NAME, SHEET_NAME_PREFIX } from '../app/registry';
import { markSeverityOf } from '../app/marks';
import { parseAddress } from '../domain/grid';
import {
  NS_R,
  REL,
  attrsOf,
  decodeXml,
  elements,
  escapeXml,
  freshId,
  parseRels,
  relElement,
  relIs,
  relativeTarget,
  relsPathOf,
  relsXml,
  removeAttr,
  replaceSection,
  resolveTarget,
  rootPrefix,
  section,
  setAttr,
  withPrefix,
  type Relationship,
} from './ooxml';
import { ZipWriter, partChunks, readPartText, type DeflatedPart, type ZipSource } from './zip';
import type { GeneratedStyles } from './sheet-xml';
import { pushTo } from '../domain/multimap';

// ---------------------------------------------------------------------------------------------
// The workbook part

interface BookSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly state: string;
  readonly rid: string;
  readonly element: string;
  /** The worksheet part, or null (a chartsheet, a missing relationship). */
  readonly part: string | null;
  readonly isWorksheet: boolean;
}

interface Book {
  readonly part: string;
  readonly xml: string;
  readonly rels: Relationship[];
  readonly sheets: BookSheet[];
}

function readBook(src: ZipSource): Book {
  const root = parseRels(readPartText(src, '_rels/.rels'));
  const office = root.find((r) => relIs(r.type, 'officeDocument'));
  const part = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const xml = readPartText(src, part);
  if (xml === null) throw new Error('libro sin xl/workbook.xml');
  const rels = parseRels(readPartText(src, relsPathOf(part)));
  const sheetsSection = section(xml, 'sheets');
  const sheets = (sheetsSection ? elements(sheetsSection.inner, 'sheet') : []).map((e) => {
    const a = attrsOf(e.open);
    const ridKey = [...a.keys()].find((k) => /(^|:)id$/.test(k) && k !== 'sheetId') ?? 'r:id';
    const rid = a.get(ridKey) ?? '';
    const rel = rels.find((r) => r.id === rid);
    return {
      name: a.get('name') ?? '',
      sheetId: Number(a.get('sheetId') ?? 0),
      state: a.get('state') ?? 'visible',
      rid,
      element: e.text,
      part: rel && !rel.external ? resolveTarget(part, rel.target) : null,
      isWorksheet: rel !== undefined && relIs(rel.type, 'worksheet'),
    };
  });
  return { part, xml, rels, sheets };
}

// ---------------------------------------------------------------------------------------------
// A worksheet, streamed: head | <sheetData> body </sheetData> | tail

interface SheetEdit {
  /** Keep the cells (false: the skeleton's `<sheetData/>`, or what `emptyCells` gives). */
  readonly keepCells: boolean;
  /** The `<sheetData>` written instead of the cells when `keepCells` is false. */
  readonly emptyCells?: (prefix: string) => string;
  readonly head?: (head: string) => string;
  readonly tail?: (tail: string) => string;
}

const SHEET_DATA_OPEN = /<([A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])[^>]*>/;

/**
 * Rewrites a worksheet part as a stream: the head and the tail (small) are decoded and edited, the
 * body between `<sheetData>` and `</sheetData>` is passed on (or dropped) in the chunks it came in.
 */
export async function* editSheet(chunks: AsyncIterable<Buffer>, edit: SheetEdit): AsyncGenerator<Buffer> {
  let state: 'head' | 'body' | 'tail' = 'head';
  let acc: Buffer = Buffer.alloc(0);
  let close: Buffer = Buffer.from('</sheetData>');
  const tailParts: Buffer[] = [];
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  for await (const chunk of chunks) {
    let buf: Buffer = acc.length ? Buffer.concat([acc, chunk]) : chunk;
    acc = Buffer.alloc(0);
    if (state === 'head') {
      const m = SHEET_DATA_OPEN.exec(buf.toString('latin1'));
      if (!m) {
        acc = buf;
        continue;
      }
      // latin1 maps byte i to character i: the match's index is a byte offset.
      const head = buf.subarray(0, m.index).toString('utf8');
      yield utf8(edit.head ? edit.head(head) : head);
      const prefix = m[1] ?? '';
      const selfClosing = m[0].endsWith('/>');
      yield utf8(edit.keepCells ? m[0] : (edit.emptyCells?.(prefix) ?? `<${prefix}sheetData/>`));
      buf = buf.subarray(m.index + m[0].length);
      if (selfClosing) {
        state = 'tail';
      } else {
        state = 'body';
        close = Buffer.from(`</${prefix}sheetData>`, 'latin1');
      }
    }
    if (state === 'body') {
      const at = buf.indexOf(close);
      if (at < 0) {
        const keep = Math.max(0, buf.length - (close.length - 1));
        if (edit.keepCells && keep > 0) yield buf.subarray(0, keep);
        acc = Buffer.from(buf.subarray(keep));
        continue;
      }
      if (edit.keepCells) {
        if (at > 0) yield buf.subarray(0, at);
        yield close;
      }
      buf = buf.subarray(at + close.length);
      state = 'tail';
    }
    if (state === 'tail' && buf.length) tailParts.push(Buffer.from(buf));
  }
  if (state === 'head') {
    // No <sheetData> at all: nothing to edit.
    if (acc.length) yield acc;
    return;
  }
  if (state === 'body') throw new Error('hoja sin </sheetData>: el archivo está dañado');
  const tail = Buffer.concat(tailParts).toString('utf8');
  yield utf8(edit.tail ? edit.tail(tail) : tail);
}

// ---------------------------------------------------------------------------------------------
// 1. The skeleton

/** The cells a sheet's notes are on (`<comment ref="B7">` of its comments part). */
function noteRefs(src: ZipSource, sheetPart: string): string[] {
  const refs: string[] = [];
  for (const r of parseRels(readPartText(src, relsPathOf(sheetPart)))) {
    if (r.external || !relIs(r.type, 'comments')) continue;
    const xml = readPartText(src, resolveTarget(sheetPart, r.target)) ?? '';
    for (const e of elements(xml, 'comment')) {
      const ref = attrsOf(e.open).get('ref');
      if (ref && /^[A-Z]{1,3}\d+$/.test(ref)) refs.push(ref);
    }
  }
  return refs;
}

/**
 * `<sheetData>` holding only a placeholder cell at each of `refs`: exceljs attaches a note to a
 * cell it read, and skips a `<c>` with neither value nor style. The placeholders' values are never
 * used: the kept sheets' cells in the copy are the original's.
 */
function cellsForNotes(refs: readonly string[], prefix: string): string {
  if (refs.length === 0) return `<${prefix}sheetData/>`;
  const byRow = new Map<number, { col: number; ref: string }[]>();
  for (const ref of refs) {
    const a = parseAddress(ref);
    if (a) pushTo(byRow, a.row, { col: a.col, ref });
  }
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => `<${prefix}row r="${row}">${cells.sort((a, b) => a.col - b.col).map((c) => `<${prefix}c r="${c.ref}"><${prefix}v>0</${prefix}v></${prefix}c>`).join('')}</${prefix}row>`);
  return `<${prefix}sheetData>${rows.join('')}</${prefix}sheetData>`;
}

/**
 * The package with every worksheet's cells removed — except the empty cells that carry a note —
 * and the sheets `keepCells` names (the registry) whole.
 */
export async function buildSkeleton(src: ZipSource, keepCells: (sheet: string) => boolean): Promise<Buffer> {
  const book = readBook(src);
  const strip = new Map(book.sheets.filter((s) => s.isWorksheet && s.part && !keepCells(s.name)).map((s) => [s.part!, s]));
  const zip = new ZipWriter();
  for (const entry of src.entries) {
    if (strip.has(entry.name)) {
      const refs = noteRefs(src, entry.name);
      await zip.addStream(entry.name, editSheet(partChunks(src, entry), { keepCells: false, emptyCells: (prefix) => cellsForNotes(refs, prefix) }));
    } else zip.addStored(src, entry);
  }
  return zip.finish();
}

// ---------------------------------------------------------------------------------------------
// 2. Styles

const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

interface MergedStyles {
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

// ---------------------------------------------------------------------------------------------
// 3. Sheets from the skeleton output

/** The `<si>` items of a shared-strings part, as inline-string content. */
function sharedStringItems(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ?? '');
  return out;
}

/** A generated sheet's XML, moved to the original's styles and with its strings inline. */
export function transplantSheet(xml: string, styles: MergedStyles, strings: readonly string[]): string {
  const shift = (v: string) => String(Number(v) + styles.xfOffset);
  return xml
    .replace(/<c(\s[^>]*?)?(\/>|>([\s\S]*?)<\/c>)/g, (m, attrs: string | undefined, end: string, inner: string | undefined) => {
      let a = (attrs ?? '').replace(/(\ss=")(\d+)(")/, (_, p: string, v: string, q: string) => p + shift(v) + q);
      let body = inner;
      if (/\st="s"/.test(a) && body !== undefined) {
        const v = /<v>(\d+)<\/v>/.exec(body);
        if (v) {
          a = a.replace(/\st="s"/, ' t="inlineStr"');
          body = `<is>${strings[Number(v[1])] ?? ''}</is>`;
        }
      }
      return end === '/>' ? `<c${a}/>` : `<c${a}>${body ?? ''}</c>`;
    })
    .replace(/<row\b[^>]*>/g, (t) => t.replace(/(\ss=")(\d+)(")/, (_, p: string, v: string, q: string) => p + shift(v) + q))
    .replace(/<col\b[^>]*>/g, (t) => t.replace(/(\sstyle=")(\d+)(")/, (_, p: string, v: string, q: string) => p + shift(v) + q))
    .replace(/(\sdxfId=")(\d+)(")/g, (_, p: string, v: string, q: string) => p + String(Number(v) + styles.dxfOffset) + q);
}

// ---------------------------------------------------------------------------------------------
// 4. A kept sheet's head and tail

/** Is this `<conditionalFormatting>` block one of the product's marks (every rule ours)? */
function isOurCf(block: string): boolean {
  const formulas = [...block.matchAll(/<(?:[A-Za-z_][\w.-]*:)?formula>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?formula>/g)].map((m) => decodeXml(m[1]));
  const rules = elements(block, 'cfRule');
  return rules.length > 0 && formulas.length === rules.length && formulas.every((f) => markSeverityOf(f) !== null);
}

function ourCfBlocks(xml: string): string[] {
  return elements(xml, 'conditionalFormatting')
    .map((e) => e.text)
    .filter(isOurCf);
}

const AFTER_CF = ['dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const AFTER_LEGACY = AFTER_CF.slice(AFTER_CF.indexOf('legacyDrawing') + 1);

/** Index in `tail` where an element that must come before all of `after` goes. */
function insertionPoint(tail: string, after: readonly string[], prefix: string): number {
  let at = tail.lastIndexOf(`</${prefix}worksheet>`);
  if (at < 0) at = tail.length;
  for (const name of after) {
    const m = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])`).exec(tail);
    if (m && m.index < at) at = m.index;
  }
  return at;
}

interface TailEdit {
  readonly cfs: readonly string[];
  /** Replace the notes' drawing: undefined = leave it; null = remove it; a string = that relationship id. */
  readonly legacyDrawing?: string | null;
  readonly oldLegacyId?: string | null;
}

function editTail(tail: string, prefix: string, rPrefix: string | null, e: TailEdit): string {
  let t = tail;
  for (const block of ourCfBlocks(t)) t = t.replace(block, '');
  if (e.cfs.length) {
    const at = insertionPoint(t, AFTER_CF, prefix);
    t = t.slice(0, at) + e.cfs.map((c) => withPrefix(c, prefix)).join('') + t.slice(at);
  }
  if (e.legacyDrawing !== undefined) {
    t = t.replace(/<(?:[A-Za-z_][\w.-]*:)?legacyDrawing(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?legacyDrawing>)/, '');
    if (e.legacyDrawing !== null) {
      const el = rPrefix ? `<${prefix}legacyDrawing ${rPrefix}:id="${e.legacyDrawing}"/>` : `<${prefix}legacyDrawing xmlns:r="${NS_R}" r:id="${e.legacyDrawing}"/>`;
      const at = insertionPoint(t, AFTER_LEGACY, prefix);
      t = t.slice(0, at) + el + t.slice(at);
    }
  }
  return t;
}

function legacyDrawingId(xml: string): string | null {
  const m = /<(?:[A-Za-z_][\w.-]*:)?legacyDrawing(?=[\s/>])[^>]*>/.exec(xml);
  if (!m) return null;
  const a = attrsOf(m[0]);
  const k = [...a.keys()].find((x) => /(^|:)id$/.test(x));
  return k ? a.get(k)! : null;
}

function isTabSelected(head: string): boolean {
  return /<(?:[A-Za-z_][\w.-]*:)?sheetView(?=[\s/>])[^>]*\stabSelected\s*=\s*["'](?:1|true)["']/.test(head);
}

function unselect(head: string): string {
  return head.replace(/<(?:[A-Za-z_][\w.-]*:)?sheetView(?=[\s/>])[^>]*>/g, (t) => removeAttr(t, 'tabSelected'));
}

/** Prefix bound to the relationships namespace on the root element, or null. */
function relPrefixIn(head: string): string | null {
  const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${NS_R.replace(/[./]/g, '\\$&')}["']`).exec(head);
  return m ? m[1] : null;
}

// ---------------------------------------------------------------------------------------------
// 5. Assembly

export interface CopyPlan {
  /** Sheets of the original kept in the copy: their cells are copied byte for byte. */
  readonly kept: ReadonlySet<string>;
  /** Kept sheets whose notes may have changed (marked now, or marked by an earlier run). */
  readonly notesTouched: ReadonlySet<string>;
  /**
   * Generated sheets already written from their models (`sheet-xml.ts`) and deflated, by their
   * name in the copy; the skeleton output has them empty (same name, registry entry, print names).
   * Their styles are `generatedStyles`, which they index from `styleCounts(src)` on.
   */
  readonly generated: ReadonlyMap<string, { readonly part: DeflatedPart; readonly rels: string | null }>;
  readonly generatedStyles: GeneratedStyles;
}

/** How many cell formats and dxfs the workbook's styles part has: where added styles start. */
export function styleCounts(src: ZipSource): { xfs: number; dxfs: number } {
  const book = readBook(src);
  const rel = book.rels.find((r) => relIs(r.type, 'styles'));
  const xml = rel ? readPartText(src, resolveTarget(book.part, rel.target)) : null;
  if (!xml) throw new Error('libro sin hoja de estilos');
  return { xfs: childrenOf(xml, 'cellXfs', 'xf').items.length, dxfs: childrenOf(xml, 'dxfs', 'dxf').items.length };
}

/** Batches small string pieces into ~64 KB buffers. */
export async function* utf8Chunks(pieces: Iterable<string>): AsyncGenerator<Buffer> {
  let batch: string[] = [];
  let size = 0;
  for (const p of pieces) {
    batch.push(p);
    size += p.length;
    if (size >= 65_536) {
      yield Buffer.from(batch.join(''), 'utf8');
      batch = [];
      size = 0;
    }
  }
  if (batch.length) yield Buffer.from(batch.join(''), 'utf8');
}

const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

function freshPart(taken: Set<string>, make: (n: number) => string): string {
  for (let i = 1; ; i++) {
    const p = make(i);
    if (!taken.has(p)) {
      taken.add(p);
      return p;
    }
  }
}

/** Is this VML part a notes drawing (Excel's comment boxes), as opposed to header images or controls only? */
function isNotesVml(xml: string | null): boolean {
  return xml !== null && /ObjectType\s*=\s*["']Note["']/.test(xml);
}

type Replacement = string | null | (() => AsyncIterable<Buffer>);

/**
 * The copy: the original package edited as the skeleton's output says (see the file comment).
 * `skelOut` is exceljs's output for the skeleton after `applyGenerated`.
 */
export async function assembleCopy(src: ZipSource, skelOut: ZipSource, plan: CopyPlan): Promise<Buffer> {
  const oBook = readBook(src);
  const sBook = readBook(skelOut);
  const taken = new Set(src.entries.map((e) => e.name));
  const drop = new Set<string>();
  /** Parts of the original rewritten (string), streamed (function) or removed (null). */
  const replace = new Map<string, Replacement>();
  const added: { name: string; data: string | DeflatedPart }[] = [];
  const overrides: { part: string; type: string }[] = [];
  let needVml = false;

  // Styles.
  const oStylesRel = oBook.rels.find((r) => relIs(r.type, 'styles'));
  const sStylesRel = sBook.rels.find((r) => relIs(r.type, 'styles'));
  const oStylesPart = oStylesRel ? resolveTarget(oBook.part, oStylesRel.target) : null;
  const sStylesXml = sStylesRel ? readPartText(skelOut, resolveTarget(sBook.part, sStylesRel.target)) : null;
  const oStylesXml = oStylesPart ? readPartText(src, oStylesPart) : null;
  if (!oStylesPart || !oStylesXml || !sStylesXml) throw new Error('libro sin hoja de estilos');
  // Original styles first (their indices do not move), then the generated sheets' — appended right
  // after the original's, where `styleCounts` told them they start — then the skeleton output's.
  const ours = mergeStyles(oStylesXml, plan.generatedStyles.toXml());
  const styles = mergeStyles(ours.xml, sStylesXml);
  replace.set(oStylesPart, styles.xml);

  const sSstRel = sBook.rels.find((r) => relIs(r.type, 'sharedStrings'));
  const strings = sharedStringItems(sSstRel ? readPartText(skelOut, resolveTarget(sBook.part, sSstRel.target)) : null);

  const oByName = new Map(oBook.sheets.map((s) => [s.name, s]));
  const keptIn = (name: string) => plan.kept.has(name) && oByName.has(name);
  const wbRelIds = new Set(oBook.rels.map((r) => r.id));
  const newSheetEls = new Map<string, string>();
  const newWbRels: string[] = [];
  let nextSheetId = Math.max(0, ...oBook.sheets.map((s) => s.sheetId)) + 1;
  const wbPrefix = rootPrefix(oBook.xml, 'workbook');
  const ridAttr = (oBook.sheets[0] && [...attrsOf(oBook.sheets[0].element).keys()].find((x) => /:id$/.test(x))) ?? 'r:id';

  // Sheets the run replaced (and the old registry): out, with their notes' parts and their charts
  // (a drawing, its relationships and the chart parts it anchors belong to that sheet alone).
  for (const s of oBook.sheets) {
    if (keptIn(s.name) || !s.part) continue;
    drop.add(s.part);
    const relsPart = relsPathOf(s.part);
    drop.add(relsPart);
    for (const r of parseRels(readPartText(src, relsPart))) {
      if (r.external) continue;
      const target = resolveTarget(s.part, r.target);
      if (relIs(r.type, 'comments') || relIs(r.type, 'vmlDrawing')) drop.add(target);
      if (relIs(r.type, 'drawing')) {
        drop.add(target).add(relsPathOf(target));
        for (const c of parseRels(readPartText(src, relsPathOf(target)))) if (!c.external && relIs(c.type, 'chart')) drop.add(resolveTarget(target, c.target));
      }
    }
  }
  const someDropped = oBook.sheets.some((s) => !keptIn(s.name));

  /** Copies a part of the skeleton output under a fresh name; returns the name. */
  const copyFromSkel = (from: string, make: (n: number) => string, type: string | null): string => {
    const name = freshPart(taken, make);
    added.push({ name, data: readPartText(skelOut, from) ?? '' });
    if (type) overrides.push({ part: name, type });
    return name;
  };

  for (const s of sBook.sheets) {
    if (!s.part) continue;
    const sRels = parseRels(readPartText(skelOut, relsPathOf(s.part)));
    const sXml = readPartText(skelOut, s.part) ?? '';
    if (!keptIn(s.name)) {
      // A generated sheet (or the registry): a new part.
      const part = freshPart(taken, (n) => `xl/worksheets/sheet${n}.xml`);
      overrides.push({ part, type: CT_WORKSHEET });
      const written = plan.generated.get(s.name);
      if (written) {
        added.push({ name: part, data: written.part });
        if (written.rels) added.push({ name: relsPathOf(part), data: written.rels });
      } else added.push({ name: part, data: transplantSheet(sXml, styles, strings) });
      const rels: string[] = [];
      for (const r of sRels) {
        if (r.external) {
          rels.push(r.element);
          continue;
        }
        const from = resolveTarget(s.part, r.target);
        let to: string;
        if (relIs(r.type, 'vmlDrawing')) {
          needVml = true;
          to = copyFromSkel(from, (n) => `xl/drawings/vmlDrawing${n}.vml`, null);
        } else if (relIs(r.type, 'comments')) {
          to = copyFromSkel(from, (n) => `xl/comments${n}.xml`, CT_COMMENTS);
        } else {
          throw new Error(`parte no prevista en una hoja generada: ${r.type}`);
        }
        rels.push(relElement(r.id, r.type, relativeTarget(part, to)));
      }
      if (rels.length) added.push({ name: relsPathOf(part), data: relsXml(rels) });
      const rid = freshId(wbRelIds);
      newWbRels.push(relElement(rid, REL.worksheet, relativeTarget(oBook.part, part)));
      const state = s.state !== 'visible' ? ` state="${escapeXml(s.state)}"` : '';
      newSheetEls.set(s.name, `<${wbPrefix}sheet name="${escapeXml(s.name)}" sheetId="${nextSheetId++}"${state} ${ridAttr}="${rid}"/>`);
      continue;
    }

    // A kept sheet: cells byte for byte; head (tab selection) and tail (marks, notes) edited.
    const o = oByName.get(s.name)!;
    const oPart = o.part;
    const entry = oPart ? src.byName.get(oPart) : undefined;
    if (!oPart || !o.isWorksheet || !entry) continue;
    const sHeadEnd = sXml.search(SHEET_DATA_OPEN);
    const sSelected = isTabSelected(sHeadEnd >= 0 ? sXml.slice(0, sHeadEnd) : sXml);
    const newCfs = ourCfBlocks(sXml).map((b) => b.replace(/(\sdxfId=")(\d+)(")/g, (_, p: string, v: string, q: string) => p + String(Number(v) + styles.dxfOffset) + q));
    let legacy: string | null | undefined;
    if (plan.notesTouched.has(s.name)) {
      // The original's notes (comments part + notes drawing) go; the skeleton output's, which hold
      // every note of the sheet — the person's and the product's — come in.
      const oRelsPart = relsPathOf(oPart);
      const oRels = parseRels(readPartText(src, oRelsPart));
      const isOldNotes = (r: Relationship) =>
        !r.external && (relIs(r.type, 'comments') || (relIs(r.type, 'vmlDrawing') && isNotesVml(readPartText(src, resolveTarget(oPart, r.target)))));
      for (const r of oRels) if (isOldNotes(r)) drop.add(resolveTarget(oPart, r.target));
      const rels = oRels.filter((r) => !isOldNotes(r)).map((r) => r.element);
      const ids = new Set(oRels.map((r) => r.id));
      const sLegacy = legacyDrawingId(sXml);
      const sComments = sRels.find((r) => relIs(r.type, 'comments') && !r.external);
      const sVml = sRels.find((r) => r.id === sLegacy && !r.external);
      legacy = null;
      if (sComments && sVml) {
        const commentsPart = copyFromSkel(resolveTarget(s.part, sComments.target), (n) => `xl/comments${n}.xml`, CT_COMMENTS);
        const vmlPart = copyFromSkel(resolveTarget(s.part, sVml.target), (n) => `xl/drawings/vmlDrawing${n}.vml`, null);
        needVml = true;
        rels.push(relElement(freshId(ids), REL.comments, relativeTarget(oPart, commentsPart)));
        legacy = freshId(ids);
        rels.push(relElement(legacy, REL.vmlDrawing, relativeTarget(oPart, vmlPart)));
      }
      if (src.byName.has(oRelsPart)) replace.set(oRelsPart, rels.length ? relsXml(rels) : null);
      else if (rels.length) added.push({ name: oRelsPart, data: relsXml(rels) });
    }
    const edit: TailEdit = { cfs: newCfs, legacyDrawing: legacy };
    replace.set(oPart, () => {
      let prefix = '';
      let rPrefix: string | null = null;
      return editSheet(partChunks(src, entry), {
        keepCells: true,
        head: (head) => {
          prefix = rootPrefix(head, 'worksheet');
          rPrefix = relPrefixIn(head);
          return !sSelected && isTabSelected(head) ? unselect(head) : head;
        },
        tail: (tail) => editTail(tail, prefix, rPrefix, edit),
      });
    });
  }

  // The workbook part: sheets in the skeleton output's order, defined names, active tab.
  let wb = oBook.xml;
  const sheetsSec = section(wb, 'sheets');
  if (!sheetsSec) throw new Error('libro sin lista de hojas');
  const finalOrder = sBook.sheets.map((s) => s.name).filter((n) => keptIn(n) || newSheetEls.has(n));
  wb = replaceSection(wb, sheetsSec, sheetsSec.open, finalOrder.map((n) => (keptIn(n) ? oByName.get(n)!.element : newSheetEls.get(n)!)).join(''), 'sheets');

  const isProductName = (n: string) => n === REGISTRY_NAME || n.startsWith(SHEET_NAME_PREFIX);
  const names: string[] = [];
  const oNames = section(wb, 'definedNames');
  for (const e of oNames ? elements(oNames.inner, 'definedName') : []) {
    const a = attrsOf(e.open);
    if (isProductName(a.get('name') ?? '')) continue;
    const local = a.get('localSheetId');
    if (local === undefined) {
      names.push(e.text);
      continue;
    }
    const sheet = oBook.sheets[Number(local)]?.name;
    if (sheet === undefined || !keptIn(sheet)) continue;
    names.push(setAttr(e.open, 'localSheetId', String(finalOrder.indexOf(sheet))) + e.text.slice(e.open.length));
  }
  const sNames = section(sBook.xml, 'definedNames');
  for (const e of sNames ? elements(sNames.inner, 'definedName') : []) {
    const a = attrsOf(e.open);
    const local = a.get('localSheetId');
    if (local === undefined) {
      if (isProductName(a.get('name') ?? '')) names.push(withPrefix(e.text, wbPrefix));
      continue;
    }
    const sheet = sBook.sheets[Number(local)]?.name;
    if (sheet === undefined || keptIn(sheet) || !newSheetEls.has(sheet)) continue;
    names.push(withPrefix(setAttr(e.open, 'localSheetId', String(finalOrder.indexOf(sheet))) + e.text.slice(e.open.length), wbPrefix));
  }
  if (oNames) {
    wb = names.length ? replaceSection(wb, oNames, oNames.open, names.join(''), 'definedNames') : wb.slice(0, oNames.start) + wb.slice(oNames.end);
  } else if (names.length) {
    // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook's order).
    const after = Math.max(...['sheets', 'functionGroups', 'externalReferences'].map((n) => section(wb, n)?.end ?? -1));
    wb = `${wb.slice(0, after)}<${wbPrefix}definedNames>${names.join('')}</${wbPrefix}definedNames>${wb.slice(after)}`;
  }
  const sView = /<(?:[A-Za-z_][\w.-]*:)?workbookView(?=[\s/>])[^>]*>/.exec(sBook.xml);
  const activeName = sBook.sheets[Number(sView ? (attrsOf(sView[0]).get('activeTab') ?? '0') : '0')]?.name;
  const activeIndex = activeName !== undefined ? Math.max(0, finalOrder.indexOf(activeName)) : 0;
  wb = wb.replace(/<(?:[A-Za-z_][\w.-]*:)?workbookView(?=[\s/>])[^>]*>/, (t) => setAttr(setAttr(t, 'activeTab', String(activeIndex)), 'firstSheet', '0'));
  replace.set(oBook.part, wb);

  // Workbook relationships: the replaced sheets' out, the new ones in; calcChain out (Excel rebuilds it).
  const calc = oBook.rels.find((r) => relIs(r.type, 'calcChain'));
  if (calc && someDropped) drop.add(resolveTarget(oBook.part, calc.target));
  const droppedRels = new Set(oBook.sheets.filter((s) => !keptIn(s.name)).map((s) => s.rid));
  const wbRels = oBook.rels.filter((r) => !droppedRels.has(r.id) && !(someDropped && r === calc)).map((r) => r.element);
  replace.set(relsPathOf(oBook.part), relsXml([...wbRels, ...newWbRels]));

  // Content types: dropped parts' overrides out, new ones in, the VML default.
  const ctName = '[Content_Types].xml';
  let ct = readPartText(src, ctName) ?? '';
  ct = ct.replace(/<(?:[A-Za-z_][\w.-]*:)?Override(?=[\s/>])[^>]*>/g, (t) => {
    const part = (attrsOf(t).get('PartName') ?? '').replace(/^\//, '');
    return drop.has(part) || replace.get(part) === null ? '' : t;
  });
  const extra = overrides.map((o) => `<Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`);
  if (needVml && !/<(?:[A-Za-z_][\w.-]*:)?Default(?=[\s/>])[^>]*Extension\s*=\s*["']vml["']/i.test(ct)) extra.unshift(`<Default Extension="vml" ContentType="${CT_VML}"/>`);
  const ctEnd = ct.lastIndexOf('</');
  replace.set(ctName, ct.slice(0, ctEnd) + extra.join('') + ct.slice(ctEnd));

  // The package, in the original's order; new parts at the end.
  const out = new ZipWriter();
  for (const entry of src.entries) {
    if (drop.has(entry.name)) continue;
    const r = replace.get(entry.name);
    if (r === undefined) out.addStored(src, entry);
    else if (r === null) continue;
    else if (typeof r === 'function') await out.addStream(entry.name, r());
    else out.addBytes(entry.name, r);
  }
  for (const a of added) {
    if (typeof a.data === 'string') out.addBytes(a.name, a.data);
    else out.addDeflated(a.name, a.data);
  }
  return out.finish();
}
