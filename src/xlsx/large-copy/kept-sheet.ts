/** A kept sheet's head (the tab selection) and tail (the product's conditional formats, the notes' drawing). */
import { markSeverityOf } from '../../app/marks';
import { NS_R, attrsOf, decodeXml, elements, removeAttr, withPrefix } from '../ooxml';

/** Is this `<conditionalFormatting>` block one of the product's marks (every rule ours)? */
function isOurCf(block: string): boolean {
  const formulas = [...block.matchAll(/<(?:[A-Za-z_][\w.-]*:)?formula>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?formula>/g)].map((m) => decodeXml(m[1]));
  const rules = elements(block, 'cfRule');
  return rules.length > 0 && formulas.length === rules.length && formulas.every((f) => markSeverityOf(f) !== null);
}

export function ourCfBlocks(xml: string): string[] {
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

export interface TailEdit {
  readonly cfs: readonly string[];
  /** Replace the notes' drawing: undefined = leave it; null = remove it; a string = that relationship id. */
  readonly legacyDrawing?: string | null;
  readonly oldLegacyId?: string | null;
}

export function editTail(tail: string, prefix: string, rPrefix: string | null, e: TailEdit): string {
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

export function legacyDrawingId(xml: string): string | null {
  const m = /<(?:[A-Za-z_][\w.-]*:)?legacyDrawing(?=[\s/>])[^>]*>/.exec(xml);
  if (!m) return null;
  const a = attrsOf(m[0]);
  const k = [...a.keys()].find((x) => /(^|:)id$/.test(x));
  return k ? a.get(k)! : null;
}

export function isTabSelected(head: string): boolean {
  return /<(?:[A-Za-z_][\w.-]*:)?sheetView(?=[\s/>])[^>]*\stabSelected\s*=\s*["'](?:1|true)["']/.test(head);
}

export function unselect(head: string): string {
  return head.replace(/<(?:[A-Za-z_][\w.-]*:)?sheetView(?=[\s/>])[^>]*>/g, (t) => removeAttr(t, 'tabSelected'));
}

/** Prefix bound to the relationships namespace on the root element, or null. */
export function relPrefixIn(head: string): string | null {
  const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${NS_R.replace(/[./]/g, '\\$&')}["']`).exec(head);
  return m ? m[1] : null;
}
