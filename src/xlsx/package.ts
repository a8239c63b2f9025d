/**
 * The package check every reader runs before exceljs sees an .xlsx — `loadWorkbook` (the full
 * model), `readGridsStreaming` (validar, reporte, the large `generar`) and the package-level copy —
 * so that a workbook is read whole or refused, the same way by every verb:
 *
 * - the package's relationships (`_rels/.rels`) and the workbook's (`xl/_rels/workbook.xml.rels`)
 *   must be there: without them exceljs invents sheet names (`Sheet1`, `Sheet2`) and loses states;
 * - every sheet `xl/workbook.xml` lists must have its part in the zip: exceljs silently skips a
 *   missing one, and a workbook missing its data sheet was reported "listo para enviar";
 * - a worksheet whose part is not named `xl/worksheets/sheetN.xml` (other tools write
 *   `xl/worksheets/datos.xml`, or absolute targets) is read all the same: exceljs only recognises
 *   that exact name (both its readers), so such parts are renamed — stored bytes untouched — in a
 *   canonical copy of the package, with their relationships and content types.
 *
 * A part cut short inside an intact zip is the door check's (`app/guard.ts`): it inflates every
 * part and refuses one whose XML does not end with its root element's closing tag.
 */
import { attrsOf, escapeXml, parseRels, relativeTarget, relsPathOf, resolveTarget, setAttr } from './ooxml';
import { structureOf } from './structure';
import { ZipWriter, openZip, readPartText } from './zip';

const CANONICAL = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/**
 * Checks the package (see the module's doc) and returns the bytes exceljs reads whole: `bytes`
 * itself when every worksheet already sits where exceljs looks, else a copy whose worksheet parts
 * are renamed `xl/worksheets/sheetN.xml`. Throws `DamagedWorkbookError` (a Spanish reason) on a
 * package that is not whole.
 */
export function readablePackage(bytes: Buffer): Buffer {
  const zip = openZip(bytes);
  const { workbookPart, sheets } = structureOf({ text: (name) => readPartText(zip, name), has: (name) => zip.byName.has(name) });
  const wbRelsPart = relsPathOf(workbookPart);
  const rels = parseRels(readPartText(zip, wbRelsPart));
  // exceljs (both readers) finds a worksheet only at `xl/worksheets/sheetN.xml` through the exact target `worksheets/sheetN.xml`.
  const misplaced = sheets.filter((s) => s.part !== null && (!CANONICAL.test(s.part) || rels.find((r) => r.id === s.rid)?.target !== s.part.slice(3)));
  if (misplaced.length === 0) return bytes;

  const taken = new Set(zip.entries.map((e) => e.name));
  const moves = new Map<string, string>(); // old part → new part
  let n = 1;
  for (const s of misplaced) {
    const from = s.part!;
    if (moves.has(from)) continue;
    if (CANONICAL.test(from)) {
      moves.set(from, from); // right name, target spelled otherwise: only the relationship changes
      continue;
    }
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const to = `xl/worksheets/sheet${n}.xml`;
    taken.add(to);
    moves.set(from, to);
  }

  const replace = new Map<string, string>();
  const renamed = new Map<string, string>(); // entry name → name in the copy
  // The workbook's relationships point at the new names, spelled as exceljs expects.
  const relsXml = readPartText(zip, wbRelsPart)!;
  replace.set(
    wbRelsPart,
    relsXml.replace(/<(?:[A-Za-z_][\w.-]*:)?Relationship(?=[\s/>])[^>]*>/g, (tag) => {
      const a = attrsOf(tag);
      if (a.get('TargetMode') === 'External') return tag;
      const to = moves.get(resolveTarget(workbookPart, a.get('Target') ?? ''));
      return to === undefined ? tag : setAttr(tag, 'Target', to.slice(3));
    }),
  );
  for (const [from, to] of moves) {
    if (from === to) continue;
    renamed.set(from, to);
    // The sheet's own relationships (notes, drawings, tables) move with it, their targets re-based.
    const fromRels = relsPathOf(from);
    const own = readPartText(zip, fromRels);
    if (own === null) continue;
    renamed.set(fromRels, relsPathOf(to));
    replace.set(
      fromRels,
      own.replace(/<(?:[A-Za-z_][\w.-]*:)?Relationship(?=[\s/>])[^>]*>/g, (tag) => {
        const a = attrsOf(tag);
        const target = a.get('Target') ?? '';
        if (a.get('TargetMode') === 'External' || target.startsWith('/')) return tag;
        return setAttr(tag, 'Target', relativeTarget(to, resolveTarget(from, target)));
      }),
    );
  }
  const ctName = '[Content_Types].xml';
  const ct = readPartText(zip, ctName);
  if (ct !== null) {
    const seen = new Set<string>();
    let edited = ct.replace(/<(?:[A-Za-z_][\w.-]*:)?Override(?=[\s/>])[^>]*>/g, (tag) => {
      const part = (attrsOf(tag).get('PartName') ?? '').replace(/^\//, '');
      const to = renamed.get(part);
      if (to === undefined) return tag;
      seen.add(part);
      return setAttr(tag, 'PartName', `/${to}`);
    });
    const missing = [...moves].filter(([from, to]) => from !== to && !seen.has(from)).map(([, to]) => `<Override PartName="/${escapeXml(to)}" ContentType="${CT_WORKSHEET}"/>`);
    const end = edited.lastIndexOf('</');
    if (missing.length && end >= 0) edited = edited.slice(0, end) + missing.join('') + edited.slice(end);
    replace.set(ctName, edited);
  }

  const out = new ZipWriter();
  for (const entry of zip.entries) {
    const as = renamed.get(entry.name) ?? entry.name;
    const text = replace.get(entry.name);
    if (text === undefined) out.addStored(zip, entry, as);
    else out.addBytes(as, text);
  }
  return out.finish();
}
