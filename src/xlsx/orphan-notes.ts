/**
 * Notes on cells the sheet's XML does not list. Excel and LibreOffice write a note on an empty,
 * unstyled cell in the sheet's comments part only (no `<c>` element in `<sheetData>`), and so does
 * exceljs itself; exceljs's reader attaches a comment only to a cell the sheet XML lists, so it
 * drops such a note when it loads the file — and `generar`'s copy (exceljs path) lost a person's
 * note, or the product's own mark on a blank cell (`missing-report`), on the next reading.
 *
 * After exceljs has loaded a package, `restoreOrphanNotes` reads each worksheet's comments part
 * and gives every cell that has a comment there and no note in exceljs's model its note back, as
 * plain text (the text of every run; the runs' fonts are not kept).
 */
import type ExcelJS from 'exceljs';
import { attrsOf, decodeXml, elements, parseRels, relIs, relsPathOf, resolveTarget, section } from './ooxml';
import { openZip, readPartText } from './zip';

/** `ref` → plain text of each comment of a comments part. */
function commentsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of elements(xml, 'comment')) {
    const ref = attrsOf(c.open).get('ref');
    if (!ref) continue;
    const text = elements(c.text, 't')
      .map((t) => decodeXml(t.text.replace(/^<[^>]*>/, '').replace(/<\/[^>]*>$/, '')))
      .join('');
    out.set(ref.toUpperCase(), text);
  }
  return out;
}

/** Re-attaches the notes exceljs dropped (see the module's doc); returns how many. */
export function restoreOrphanNotes(wb: ExcelJS.Workbook, bytes: Buffer): number {
  const zip = openZip(bytes);
  const workbookPart = 'xl/workbook.xml';
  const list = section(readPartText(zip, workbookPart) ?? '', 'sheets');
  if (!list) return 0;
  const rels = parseRels(readPartText(zip, relsPathOf(workbookPart)));
  let restored = 0;
  for (const e of elements(list.inner, 'sheet')) {
    const a = attrsOf(e.open);
    const ridKey = [...a.keys()].find((k) => /(^|:)id$/.test(k) && k !== 'sheetId');
    const rel = rels.find((r) => r.id === (ridKey ? a.get(ridKey) : undefined));
    const ws = wb.getWorksheet(a.get('name') ?? '');
    if (!rel || rel.external || !ws) continue;
    const part = resolveTarget(workbookPart, rel.target);
    const commentsRel = parseRels(readPartText(zip, relsPathOf(part))).find((r) => relIs(r.type, 'comments') && !r.external);
    const xml = commentsRel ? readPartText(zip, resolveTarget(part, commentsRel.target)) : null;
    if (!xml) continue;
    for (const [ref, text] of commentsOf(xml)) {
      const cell = ws.getCell(ref);
      if (cell.note !== undefined || (cell.isMerged && cell.master !== cell)) continue;
      cell.note = text;
      restored++;
    }
  }
  return restored;
}
