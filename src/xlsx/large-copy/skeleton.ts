/** Step 1 of the large copy: the skeleton, the original package with the worksheets' cells removed (see `index.ts`). */
import { parseAddress } from '../../domain/grid';
import { pushTo } from '../../domain/multimap';
import { attrsOf, elements, parseRels, relIs, relsPathOf, resolveTarget } from '../ooxml';
import { ZipWriter, partChunks, readPartText, type ZipSource } from '../zip';
import { readBook } from './book';
import { editSheet } from './sheet-stream';

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
