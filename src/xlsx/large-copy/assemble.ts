/**
 * Step 2 of the large copy: the output package is the ORIGINAL one, edited as the skeleton's
 * output says (see `index.ts`). Each step below adds its edits to one `PackageEdits`, which
 * `writePackage` turns into the new package.
 */
import { REGISTRY_NAME, SHEET_NAME_PREFIX } from '../../app/registry';
import {
  REL,
  attrsOf,
  elements,
  escapeXml,
  freshId,
  parseRels,
  relElement,
  relIs,
  relativeTarget,
  relsPathOf,
  relsXml,
  replaceSection,
  resolveTarget,
  rootPrefix,
  section,
  setAttr,
  withPrefix,
  type Relationship,
} from '../ooxml';
import type { GeneratedStyles } from '../sheet-xml';
import { ZipWriter, partChunks, readPartText, type DeflatedPart, type ZipSource } from '../zip';
import { readBook, type Book, type BookSheet } from './book';
import { editTail, isTabSelected, legacyDrawingId, ourCfBlocks, relPrefixIn, unselect, type TailEdit } from './kept-sheet';
import { SHEET_DATA_OPEN, editSheet } from './sheet-stream';
import { mergeStyles, type MergedStyles } from './styles';
import { sharedStringItems, transplantSheet } from './transplant';

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

const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

type Replacement = string | null | (() => AsyncIterable<Buffer>);

/** What the copy changes in the original package, gathered step by step. */
class PackageEdits {
  /** Part names in use (the original's and those added). */
  private readonly taken: Set<string>;
  /** Parts of the original left out. */
  readonly drop = new Set<string>();
  /** Parts of the original rewritten (string), streamed (function) or removed (null). */
  readonly replace = new Map<string, Replacement>();
  /** New parts, written after the original's in this order. */
  readonly added: { name: string; data: string | DeflatedPart }[] = [];
  /** Content-type overrides of the new parts. */
  readonly overrides: { part: string; type: string }[] = [];
  /** A new part is a VML drawing (the package needs the `vml` default content type). */
  needVml = false;

  constructor(src: ZipSource) {
    this.taken = new Set(src.entries.map((e) => e.name));
  }

  /** The first name `make(1)`, `make(2)`, … not yet in the package; taken from now on. */
  freshPart(make: (n: number) => string): string {
    for (let i = 1; ; i++) {
      const p = make(i);
      if (!this.taken.has(p)) {
        this.taken.add(p);
        return p;
      }
    }
  }

  /** Copies a part of `from`'s package under a fresh name; returns the name. */
  copyPart(zip: ZipSource, from: string, make: (n: number) => string, type: string | null): string {
    const name = this.freshPart(make);
    this.added.push({ name, data: readPartText(zip, from) ?? '' });
    if (type) this.overrides.push({ part: name, type });
    return name;
  }
}

/** The sheets the copy adds to the workbook part: their `<sheet>` elements and relationships. */
interface NewSheets {
  readonly elements: Map<string, string>;
  readonly rels: string[];
  readonly relIds: Set<string>;
  nextSheetId: number;
  readonly prefix: string;
  /** The relationship-id attribute as the original's `<sheet>` elements spell it. */
  readonly ridAttr: string;
}

/** Everything the steps share. */
interface Copy {
  readonly src: ZipSource;
  /** exceljs's output for the skeleton after `applyGenerated`. */
  readonly skelOut: ZipSource;
  readonly plan: CopyPlan;
  /** The original's workbook part. */
  readonly oBook: Book;
  /** The skeleton output's workbook part. */
  readonly sBook: Book;
  readonly oByName: ReadonlyMap<string, BookSheet>;
  readonly edits: PackageEdits;
}

/** Is this sheet of the original kept (its cells copied byte for byte)? */
function keptIn(c: Copy, name: string): boolean {
  return c.plan.kept.has(name) && c.oByName.has(name);
}

/** Is this VML part a notes drawing (Excel's comment boxes), as opposed to header images or controls only? */
function isNotesVml(xml: string | null): boolean {
  return xml !== null && /ObjectType\s*=\s*["']Note["']/.test(xml);
}

/**
 * The copy: the original package edited as the skeleton's output says (see `index.ts`).
 * `skelOut` is exceljs's output for the skeleton after `applyGenerated`.
 */
export async function assembleCopy(src: ZipSource, skelOut: ZipSource, plan: CopyPlan): Promise<Buffer> {
  const oBook = readBook(src);
  const c: Copy = { src, skelOut, plan, oBook, sBook: readBook(skelOut), oByName: new Map(oBook.sheets.map((s) => [s.name, s])), edits: new PackageEdits(src) };
  const styles = mergeCopyStyles(c);
  const sSstRel = c.sBook.rels.find((r) => relIs(r.type, 'sharedStrings'));
  const strings = sharedStringItems(sSstRel ? readPartText(skelOut, resolveTarget(c.sBook.part, sSstRel.target)) : null);
  const added: NewSheets = {
    elements: new Map(),
    rels: [],
    relIds: new Set(oBook.rels.map((r) => r.id)),
    nextSheetId: Math.max(0, ...oBook.sheets.map((s) => s.sheetId)) + 1,
    prefix: rootPrefix(oBook.xml, 'workbook'),
    ridAttr: (oBook.sheets[0] && [...attrsOf(oBook.sheets[0].element).keys()].find((x) => /:id$/.test(x))) ?? 'r:id',
  };

  dropReplacedSheets(c);
  for (const s of c.sBook.sheets) {
    if (!s.part) continue;
    if (keptIn(c, s.name)) editKeptSheet(c, s, styles);
    else addGeneratedSheet(c, s, styles, strings, added);
  }
  rewriteWorkbook(c, added);
  rewriteWorkbookRels(c, added);
  rewriteContentTypes(c);
  return writePackage(c);
}

/**
 * Original styles first (their indices do not move), then the generated sheets' — appended right
 * after the original's, where `styleCounts` told them they start — then the skeleton output's.
 */
function mergeCopyStyles(c: Copy): MergedStyles {
  const oStylesRel = c.oBook.rels.find((r) => relIs(r.type, 'styles'));
  const sStylesRel = c.sBook.rels.find((r) => relIs(r.type, 'styles'));
  const oStylesPart = oStylesRel ? resolveTarget(c.oBook.part, oStylesRel.target) : null;
  const sStylesXml = sStylesRel ? readPartText(c.skelOut, resolveTarget(c.sBook.part, sStylesRel.target)) : null;
  const oStylesXml = oStylesPart ? readPartText(c.src, oStylesPart) : null;
  if (!oStylesPart || !oStylesXml || !sStylesXml) throw new Error('libro sin hoja de estilos');
  const ours = mergeStyles(oStylesXml, c.plan.generatedStyles.toXml());
  const styles = mergeStyles(ours.xml, sStylesXml);
  c.edits.replace.set(oStylesPart, styles.xml);
  return styles;
}

/**
 * Sheets the run replaced (and the old registry): out, with their notes' parts and their charts
 * (a drawing, its relationships and the chart parts it anchors belong to that sheet alone).
 */
function dropReplacedSheets(c: Copy): void {
  const { src, edits } = c;
  for (const s of c.oBook.sheets) {
    if (keptIn(c, s.name) || !s.part) continue;
    edits.drop.add(s.part);
    const relsPart = relsPathOf(s.part);
    edits.drop.add(relsPart);
    for (const r of parseRels(readPartText(src, relsPart))) {
      if (r.external) continue;
      const target = resolveTarget(s.part, r.target);
      if (relIs(r.type, 'comments') || relIs(r.type, 'vmlDrawing')) edits.drop.add(target);
      if (relIs(r.type, 'drawing')) {
        edits.drop.add(target).add(relsPathOf(target));
        for (const d of parseRels(readPartText(src, relsPathOf(target)))) if (!d.external && relIs(d.type, 'chart')) edits.drop.add(resolveTarget(target, d.target));
      }
    }
  }
}

/** A generated sheet (or the registry) of the skeleton output: a new part, with its notes' parts. */
function addGeneratedSheet(c: Copy, s: BookSheet, styles: MergedStyles, strings: readonly string[], added: NewSheets): void {
  const { edits } = c;
  const sPart = s.part!;
  const part = edits.freshPart((n) => `xl/worksheets/sheet${n}.xml`);
  edits.overrides.push({ part, type: CT_WORKSHEET });
  const written = c.plan.generated.get(s.name);
  if (written) {
    edits.added.push({ name: part, data: written.part });
    if (written.rels) edits.added.push({ name: relsPathOf(part), data: written.rels });
  } else edits.added.push({ name: part, data: transplantSheet(readPartText(c.skelOut, sPart) ?? '', styles, strings) });
  const rels: string[] = [];
  for (const r of parseRels(readPartText(c.skelOut, relsPathOf(sPart)))) {
    if (r.external) {
      rels.push(r.element);
      continue;
    }
    const from = resolveTarget(sPart, r.target);
    let to: string;
    if (relIs(r.type, 'vmlDrawing')) {
      edits.needVml = true;
      to = edits.copyPart(c.skelOut, from, (n) => `xl/drawings/vmlDrawing${n}.vml`, null);
    } else if (relIs(r.type, 'comments')) {
      to = edits.copyPart(c.skelOut, from, (n) => `xl/comments${n}.xml`, CT_COMMENTS);
    } else {
      throw new Error(`parte no prevista en una hoja generada: ${r.type}`);
    }
    rels.push(relElement(r.id, r.type, relativeTarget(part, to)));
  }
  if (rels.length) edits.added.push({ name: relsPathOf(part), data: relsXml(rels) });
  const rid = freshId(added.relIds);
  added.rels.push(relElement(rid, REL.worksheet, relativeTarget(c.oBook.part, part)));
  const state = s.state !== 'visible' ? ` state="${escapeXml(s.state)}"` : '';
  added.elements.set(s.name, `<${added.prefix}sheet name="${escapeXml(s.name)}" sheetId="${added.nextSheetId++}"${state} ${added.ridAttr}="${rid}"/>`);
}

/** A kept sheet: cells byte for byte; head (tab selection) and tail (marks, notes) edited. */
function editKeptSheet(c: Copy, s: BookSheet, styles: MergedStyles): void {
  const { src, edits } = c;
  const o = c.oByName.get(s.name)!;
  const oPart = o.part;
  const entry = oPart ? src.byName.get(oPart) : undefined;
  if (!oPart || !o.isWorksheet || !entry) return;
  const sXml = readPartText(c.skelOut, s.part!) ?? '';
  const sHeadEnd = sXml.search(SHEET_DATA_OPEN);
  const sSelected = isTabSelected(sHeadEnd >= 0 ? sXml.slice(0, sHeadEnd) : sXml);
  const newCfs = ourCfBlocks(sXml).map((b) => b.replace(/(\sdxfId=")(\d+)(")/g, (_, p: string, v: string, q: string) => p + String(Number(v) + styles.dxfOffset) + q));
  const legacy = c.plan.notesTouched.has(s.name) ? replaceNotes(c, s, oPart, sXml) : undefined;
  const edit: TailEdit = { cfs: newCfs, legacyDrawing: legacy };
  edits.replace.set(oPart, () => {
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

/**
 * The original's notes of a kept sheet (comments part + notes drawing) go; the skeleton output's,
 * which hold every note of the sheet — the person's and the product's — come in. Returns the
 * relationship id of the new notes drawing, or null when the sheet has no notes left.
 */
function replaceNotes(c: Copy, s: BookSheet, oPart: string, sXml: string): string | null {
  const { src, edits } = c;
  const sRels = parseRels(readPartText(c.skelOut, relsPathOf(s.part!)));
  const oRelsPart = relsPathOf(oPart);
  const oRels = parseRels(readPartText(src, oRelsPart));
  const isOldNotes = (r: Relationship) =>
    !r.external && (relIs(r.type, 'comments') || (relIs(r.type, 'vmlDrawing') && isNotesVml(readPartText(src, resolveTarget(oPart, r.target)))));
  for (const r of oRels) if (isOldNotes(r)) edits.drop.add(resolveTarget(oPart, r.target));
  const rels = oRels.filter((r) => !isOldNotes(r)).map((r) => r.element);
  const ids = new Set(oRels.map((r) => r.id));
  const sLegacy = legacyDrawingId(sXml);
  const sComments = sRels.find((r) => relIs(r.type, 'comments') && !r.external);
  const sVml = sRels.find((r) => r.id === sLegacy && !r.external);
  let legacy: string | null = null;
  if (sComments && sVml) {
    const commentsPart = edits.copyPart(c.skelOut, resolveTarget(s.part!, sComments.target), (n) => `xl/comments${n}.xml`, CT_COMMENTS);
    const vmlPart = edits.copyPart(c.skelOut, resolveTarget(s.part!, sVml.target), (n) => `xl/drawings/vmlDrawing${n}.vml`, null);
    edits.needVml = true;
    rels.push(relElement(freshId(ids), REL.comments, relativeTarget(oPart, commentsPart)));
    legacy = freshId(ids);
    rels.push(relElement(legacy, REL.vmlDrawing, relativeTarget(oPart, vmlPart)));
  }
  if (src.byName.has(oRelsPart)) edits.replace.set(oRelsPart, rels.length ? relsXml(rels) : null);
  else if (rels.length) edits.added.push({ name: oRelsPart, data: relsXml(rels) });
  return legacy;
}

/** The workbook part: sheets in the skeleton output's order, defined names, active tab. */
function rewriteWorkbook(c: Copy, added: NewSheets): void {
  const { oBook, sBook } = c;
  let wb = oBook.xml;
  const sheetsSec = section(wb, 'sheets');
  if (!sheetsSec) throw new Error('libro sin lista de hojas');
  const finalOrder = sBook.sheets.map((s) => s.name).filter((n) => keptIn(c, n) || added.elements.has(n));
  wb = replaceSection(wb, sheetsSec, sheetsSec.open, finalOrder.map((n) => (keptIn(c, n) ? c.oByName.get(n)!.element : added.elements.get(n)!)).join(''), 'sheets');

  const names = definedNames(c, wb, finalOrder, added);
  const oNames = section(wb, 'definedNames');
  if (oNames) {
    wb = names.length ? replaceSection(wb, oNames, oNames.open, names.join(''), 'definedNames') : wb.slice(0, oNames.start) + wb.slice(oNames.end);
  } else if (names.length) {
    // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook's order).
    const after = Math.max(...['sheets', 'functionGroups', 'externalReferences'].map((n) => section(wb, n)?.end ?? -1));
    wb = `${wb.slice(0, after)}<${added.prefix}definedNames>${names.join('')}</${added.prefix}definedNames>${wb.slice(after)}`;
  }
  const sView = /<(?:[A-Za-z_][\w.-]*:)?workbookView(?=[\s/>])[^>]*>/.exec(sBook.xml);
  const activeName = sBook.sheets[Number(sView ? (attrsOf(sView[0]).get('activeTab') ?? '0') : '0')]?.name;
  const activeIndex = activeName !== undefined ? Math.max(0, finalOrder.indexOf(activeName)) : 0;
  wb = wb.replace(/<(?:[A-Za-z_][\w.-]*:)?workbookView(?=[\s/>])[^>]*>/, (t) => setAttr(setAttr(t, 'activeTab', String(activeIndex)), 'firstSheet', '0'));
  c.edits.replace.set(oBook.part, wb);
}

/**
 * The copy's defined names: the original's (but the product's, and those local to a sheet that
 * went), then the skeleton output's product names and those local to a generated sheet — each
 * local one pointing at its sheet's place in `finalOrder`.
 */
function definedNames(c: Copy, wb: string, finalOrder: readonly string[], added: NewSheets): string[] {
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
    const sheet = c.oBook.sheets[Number(local)]?.name;
    if (sheet === undefined || !keptIn(c, sheet)) continue;
    names.push(setAttr(e.open, 'localSheetId', String(finalOrder.indexOf(sheet))) + e.text.slice(e.open.length));
  }
  const sNames = section(c.sBook.xml, 'definedNames');
  for (const e of sNames ? elements(sNames.inner, 'definedName') : []) {
    const a = attrsOf(e.open);
    const local = a.get('localSheetId');
    if (local === undefined) {
      if (isProductName(a.get('name') ?? '')) names.push(withPrefix(e.text, added.prefix));
      continue;
    }
    const sheet = c.sBook.sheets[Number(local)]?.name;
    if (sheet === undefined || keptIn(c, sheet) || !added.elements.has(sheet)) continue;
    names.push(withPrefix(setAttr(e.open, 'localSheetId', String(finalOrder.indexOf(sheet))) + e.text.slice(e.open.length), added.prefix));
  }
  return names;
}

/** Workbook relationships: the replaced sheets' out, the new ones in; calcChain out (Excel rebuilds it). */
function rewriteWorkbookRels(c: Copy, added: NewSheets): void {
  const { oBook, edits } = c;
  const someDropped = oBook.sheets.some((s) => !keptIn(c, s.name));
  const calc = oBook.rels.find((r) => relIs(r.type, 'calcChain'));
  if (calc && someDropped) edits.drop.add(resolveTarget(oBook.part, calc.target));
  const droppedRels = new Set(oBook.sheets.filter((s) => !keptIn(c, s.name)).map((s) => s.rid));
  const wbRels = oBook.rels.filter((r) => !droppedRels.has(r.id) && !(someDropped && r === calc)).map((r) => r.element);
  edits.replace.set(relsPathOf(oBook.part), relsXml([...wbRels, ...added.rels]));
}

/** Content types: dropped parts' overrides out, new ones in, the VML default. */
function rewriteContentTypes(c: Copy): void {
  const { edits } = c;
  const ctName = '[Content_Types].xml';
  let ct = readPartText(c.src, ctName) ?? '';
  ct = ct.replace(/<(?:[A-Za-z_][\w.-]*:)?Override(?=[\s/>])[^>]*>/g, (t) => {
    const part = (attrsOf(t).get('PartName') ?? '').replace(/^\//, '');
    return edits.drop.has(part) || edits.replace.get(part) === null ? '' : t;
  });
  const extra = edits.overrides.map((o) => `<Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`);
  if (edits.needVml && !/<(?:[A-Za-z_][\w.-]*:)?Default(?=[\s/>])[^>]*Extension\s*=\s*["']vml["']/i.test(ct)) extra.unshift(`<Default Extension="vml" ContentType="${CT_VML}"/>`);
  const ctEnd = ct.lastIndexOf('</');
  edits.replace.set(ctName, ct.slice(0, ctEnd) + extra.join('') + ct.slice(ctEnd));
}

/** The package, in the original's order; new parts at the end. */
async function writePackage(c: Copy): Promise<Buffer> {
  const { src, edits } = c;
  const out = new ZipWriter();
  for (const entry of src.entries) {
    if (edits.drop.has(entry.name)) continue;
    const r = edits.replace.get(entry.name);
    if (r === undefined) out.addStored(src, entry);
    else if (r === null) continue;
    else if (typeof r === 'function') await out.addStream(entry.name, r());
    else out.addBytes(entry.name, r);
  }
  for (const a of edits.added) {
    if (typeof a.data === 'string') out.addBytes(a.name, a.data);
    else out.addDeflated(a.name, a.data);
  }
  return out.finish();
}
