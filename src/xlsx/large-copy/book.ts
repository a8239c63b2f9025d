/** The workbook part of a package (`xl/workbook.xml`), its relationships and its sheet list, as the large copy needs them. */
import { attrsOf, elements, parseRels, relIs, relsPathOf, resolveTarget, section, type Relationship } from '../ooxml';
import { readPartText, type ZipSource } from '../zip';

export interface BookSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly state: string;
  readonly rid: string;
  readonly element: string;
  /** The worksheet part, or null (a chartsheet, a missing relationship). */
  readonly part: string | null;
  readonly isWorksheet: boolean;
}

export interface Book {
  readonly part: string;
  readonly xml: string;
  readonly rels: Relationship[];
  readonly sheets: BookSheet[];
}

export function readBook(src: ZipSource): Book {
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
