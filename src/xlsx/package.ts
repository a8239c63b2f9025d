/**
 * The package check every reader runs before exceljs sees an .xlsx — `loadWorkbook` (the full
 * model), `readGridsStreaming` (validar, reporte, the large `generar`) and the package-level copy —
 * so that a workbook is read whole or refused, the same way by every verb:
 *
 * - the package's relationships (`_rels/.rels`) and the workbook's (`xl/_rels/workbook.xml.rels`)
 *   must be there: without them exceljs invents sheet names (`Sheet1`, `Sheet2`) and loses states;
 * - every sheet `xl/workbook.xml` lists must have its part in the zip: exceljs silently skips a
 *   missing one, and a workbook missing its data sheet was reported "listo para enviar";
 * - a package written by another tool (openpyxl, LibreOffice, report generators) is read all the
 *   same. A relationship's target may be absolute (`/xl/comments/comment1.xml`, from the package
 *   root) or relative to its source part's folder (ECMA-376 Part 2, OPC); parts may have any name
 *   (`xl/worksheets/datos.xml`, `xl/comments/comment1.xml`, `xl/drawings/commentsDrawing1.vml`);
 *   a drawing or a notes' VML may spell its namespaces with other prefixes (or none). exceljs (both
 *   its readers) finds worksheets, notes, tables, drawings and their VML only under its own names,
 *   through relative targets, with Excel's prefixes — and fails on anything else ("Cannot read
 *   properties of undefined"), so such a package is read through a canonical copy: parts renamed
 *   (stored bytes untouched), every relationship re-targeted relative to its source, content types
 *   following the renamed parts, drawings and VML given Excel's prefixes.
 *
 * A part cut short inside an intact zip is the door check's (`app/guard.ts`): it inflates every
 * part and refuses one whose XML does not end with its root element's closing tag.
 */
import { attrsOf, escapeXml, parseRels, relativeTarget, relsPathOf, resolveTarget, setAttr } from './ooxml';
import { structureOf } from './structure';
import { ZipWriter, openZip, readPartText } from './zip';

const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const REL_TAG = /<(?:[A-Za-z_][\w.-]*:)?Relationship(?=[\s/>])[^>]*>/g;

/** Where exceljs looks for each kind of part a worksheet relates to, and the name a part gets there. */
interface Place {
  readonly canonical: RegExp;
  readonly name: (n: number) => string;
  readonly contentType: string;
}
const WORKSHEET: Place = { canonical: /^xl\/worksheets\/sheet\d+\.xml$/, name: (n) => `xl/worksheets/sheet${n}.xml`, contentType: CT_WORKSHEET };
const SHEET_PARTS: readonly { readonly rel: string; readonly place: Place }[] = [
  { rel: 'comments', place: { canonical: /^xl\/comments\d+\.xml$/, name: (n) => `xl/comments${n}.xml`, contentType: CT_COMMENTS } },
  { rel: 'vmlDrawing', place: { canonical: /^xl\/drawings\/vmlDrawing\d+\.vml$/, name: (n) => `xl/drawings/vmlDrawing${n}.vml`, contentType: CT_VML } },
  { rel: 'table', place: { canonical: /^xl\/tables\/table\d+\.xml$/, name: (n) => `xl/tables/table${n}.xml`, contentType: CT_TABLE } },
  { rel: 'drawing', place: { canonical: /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/, name: (n) => `xl/drawings/drawing${n}.xml`, contentType: CT_DRAWING } },
];

/** The namespaces exceljs reads by Excel's prefixes: a drawing's and a notes VML's. */
const DRAWING_PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'xdr',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
};
const VML_PREFIXES: Readonly<Record<string, string>> = {
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'urn:schemas-microsoft-com:office:excel': 'x',
};

/** The part whose relationships `relsPart` holds (`xl/_rels/workbook.xml.rels` → `xl/workbook.xml`; `_rels/.rels` → ''). */
export function sourceOfRels(relsPart: string): string | null {
  const m = /^(?:(.*)\/)?_rels\/([^/]*)\.rels$/.exec(relsPart);
  if (!m) return null;
  return m[1] ? `${m[1]}/${m[2]}` : m[2];
}

/**
 * Checks the package (see the module's doc) and returns the bytes exceljs reads whole: `bytes`
 * itself when every part already sits where exceljs looks and is spelled as it reads it, else the
 * canonical copy. Throws `DamagedWorkbookError` (a Spanish reason) on a package that is not whole.
 */
export function readablePackage(bytes: Buffer): Buffer {
  const zip = openZip(bytes);
  const { sheets } = structureOf({ text: (name) => readPartText(zip, name), has: (name) => zip.byName.has(name) });

  const taken = new Set(zip.entries.map((e) => e.name));
  const moves = new Map<string, string>(); // old part → new part
  const contentTypes = new Map<string, string>(); // new part → its content type
  const place = (from: string, where: Place) => {
    if (moves.has(from) || where.canonical.test(from)) return;
    let n = 1;
    while (taken.has(where.name(n))) n++;
    const to = where.name(n);
    taken.add(to);
    moves.set(from, to);
    contentTypes.set(to, where.contentType);
  };
  const worksheets = sheets.map((s) => s.part).filter((p): p is string => p !== null);
  for (const part of worksheets) place(part, WORKSHEET);
  const prefixed = new Map<string, Readonly<Record<string, string>>>(); // part → the prefixes its XML must use
  for (const part of worksheets) {
    for (const r of parseRels(readPartText(zip, relsPathOf(part)))) {
      if (r.external) continue;
      const target = resolveTarget(part, r.target);
      if (!zip.byName.has(target)) continue;
      const kind = SHEET_PARTS.find((k) => r.type.endsWith(`/${k.rel}`));
      if (!kind) continue;
      place(target, kind.place);
      if (kind.rel === 'drawing') prefixed.set(target, DRAWING_PREFIXES);
      if (kind.rel === 'vmlDrawing') prefixed.set(target, VML_PREFIXES);
    }
  }

  const replace = new Map<string, string>(); // entry name → new text
  // Every relationship: relative to its source, to the parts' new names.
  for (const entry of zip.entries) {
    const source = sourceOfRels(entry.name);
    if (source === null) continue;
    const xml = readPartText(zip, entry.name);
    if (xml === null) continue;
    const newSource = moves.get(source) ?? source;
    let changed = newSource !== source;
    const edited = xml.replace(REL_TAG, (tag) => {
      const a = attrsOf(tag);
      const target = a.get('Target') ?? '';
      if (a.get('TargetMode') === 'External' || target === '') return tag;
      const part = resolveTarget(source, target);
      const to = moves.get(part) ?? part;
      if (!target.startsWith('/') && to === part && newSource === source) return tag;
      changed = true;
      return setAttr(tag, 'Target', relativeTarget(newSource, to));
    });
    if (changed) replace.set(entry.name, edited);
  }
  for (const [part, prefixes] of prefixed) {
    const xml = readPartText(zip, part);
    const fixed = xml === null ? null : withPrefixes(xml, prefixes);
    if (fixed !== null && fixed !== xml) replace.set(part, fixed);
  }
  if (moves.size === 0 && replace.size === 0) return bytes;

  const renamed = new Map<string, string>(); // entry name → name in the copy
  for (const [from, to] of moves) {
    renamed.set(from, to);
    if (zip.byName.has(relsPathOf(from))) renamed.set(relsPathOf(from), relsPathOf(to));
  }
  const ctName = '[Content_Types].xml';
  const ct = moves.size > 0 ? readPartText(zip, ctName) : null;
  if (ct !== null) replace.set(ctName, renamedContentTypes(ct, moves, contentTypes));

  const out = new ZipWriter();
  for (const entry of zip.entries) {
    const as = renamed.get(entry.name) ?? entry.name;
    const text = replace.get(entry.name);
    if (text === undefined) out.addStored(zip, entry, as);
    else out.addBytes(as, text);
  }
  return out.finish();
}

/** `[Content_Types].xml` with the renamed parts' overrides renamed (added when they had none). */
function renamedContentTypes(ct: string, moves: ReadonlyMap<string, string>, contentTypes: ReadonlyMap<string, string>): string {
  const seen = new Set<string>();
  let edited = ct.replace(/<(?:[A-Za-z_][\w.-]*:)?Override(?=[\s/>])[^>]*>/g, (tag) => {
    const part = (attrsOf(tag).get('PartName') ?? '').replace(/^\//, '');
    const to = moves.get(part);
    if (to === undefined) return tag;
    seen.add(part);
    return setAttr(tag, 'PartName', `/${to}`);
  });
  const defaults = new Set([...ct.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Default(?=[\s/>])[^>]*>/g)].map((m) => (attrsOf(m[0]).get('Extension') ?? '').toLowerCase()));
  const missing = [...moves]
    .filter(([from, to]) => !seen.has(from) && !(to.endsWith('.vml') && defaults.has('vml')))
    .map(([, to]) => `<Override PartName="/${escapeXml(to)}" ContentType="${contentTypes.get(to) ?? CT_WORKSHEET}"/>`);
  const end = edited.lastIndexOf('</');
  if (missing.length && end >= 0) edited = edited.slice(0, end) + missing.join('') + edited.slice(end);
  return edited;
}

/**
 * `xml` with the namespaces of `prefixes` (uri → prefix) spelled with those prefixes, as Excel
 * writes them: a default namespace (`<wsDr xmlns="…spreadsheetDrawing">`, openpyxl) or another
 * prefix (`ns1:shape`, `v:shape` meant) is renamed. Only declarations on the root element are
 * renamed; a part that redeclares a namespace further down, or whose wanted prefix already names
 * another namespace, is left as it is.
 */
export function withPrefixes(xml: string, prefixes: Readonly<Record<string, string>>): string {
  const root = /<(?![?!])[^>]*>/.exec(xml);
  if (!root) return xml;
  const declared = [...root[0].matchAll(/\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => ({ prefix: m[1] ?? '', uri: m[2] ?? m[3] ?? '' }));
  const all = [...xml.matchAll(/\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=/g)].map((m) => m[1] ?? '');
  let out = xml;
  for (const { prefix, uri } of declared) {
    const want = prefixes[uri];
    if (want === undefined || want === prefix) continue;
    if (all.filter((p) => p === prefix).length !== 1 || all.includes(want)) continue;
    if (prefix === '') {
      // Every unprefixed element is in the default namespace; unprefixed attributes are in none.
      out = out.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name.includes(':') ? m : `<${slash}${want}:${name}`));
      out = out.replace(/(\s)xmlns(\s*=)/, `$1xmlns:${want}$2`);
    } else {
      const p = prefix.replace(/[.]/g, '\\.');
      out = out
        .replace(new RegExp(`<(/?)${p}:`, 'g'), `<$1${want}:`)
        .replace(new RegExp(`(\\s)${p}:(?=[\\w.-]+\\s*=)`, 'g'), `$1${want}:`)
        .replace(new RegExp(`(\\s)xmlns:${p}(\\s*=)`), `$1xmlns:${want}$2`);
    }
  }
  return out;
}
