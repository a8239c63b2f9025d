/**
 * The structure check of a package, shared by every reader of .xlsx files: the CLI's
 * (`package.ts`, before exceljs) and the pane's reader of picked files (`bytes-read.ts`), so a
 * package that is not whole is refused the same way, with the same Spanish reason.
 * No Node import.
 */
import { DamagedWorkbookError } from '../app/errors';
import type { SheetVisibility } from '../domain/grid';
import { attrsOf, elements, parseRels, relIs, relsPathOf, resolveTarget, section } from './ooxml';

/** The package's parts as text (null when absent), and whether a part exists. */
export interface PackageParts {
  text(name: string): string | null;
  has(name: string): boolean;
}

export interface ListedSheet {
  readonly name: string;
  readonly rid: string;
  /** The worksheet's part (null for a chartsheet or a dialog sheet: nothing to read). */
  readonly part: string | null;
  readonly visibility: SheetVisibility;
}

export interface Structure {
  readonly workbookPart: string;
  readonly sheets: readonly ListedSheet[];
}

/** The workbook's listed sheets and their parts; throws `DamagedWorkbookError` when the package is not whole. */
export function structureOf(parts: PackageParts): Structure {
  const rootRels = parts.text('_rels/.rels');
  if (rootRels === null) throw new DamagedWorkbookError('le falta la parte _rels/.rels, que dice dónde está cada parte del libro');
  const office = parseRels(rootRels).find((r) => relIs(r.type, 'officeDocument') && !r.external);
  const workbookPart = office ? resolveTarget('', office.target) : null;
  if (workbookPart !== 'xl/workbook.xml') throw new DamagedWorkbookError('_rels/.rels no apunta a xl/workbook.xml');
  const xml = parts.text(workbookPart) ?? '';
  const relsText = parts.text(relsPathOf(workbookPart));
  if (relsText === null) throw new DamagedWorkbookError('le falta la parte xl/_rels/workbook.xml.rels, que dice dónde está cada hoja');
  const rels = parseRels(relsText);
  const list = section(xml, 'sheets');
  const sheets = (list ? elements(list.inner, 'sheet') : []).map((e): ListedSheet => {
    const a = attrsOf(e.open);
    const name = a.get('name') ?? '';
    const ridKey = [...a.keys()].find((k) => /(^|:)id$/.test(k) && k !== 'sheetId');
    const rid = ridKey ? (a.get(ridKey) ?? '') : '';
    const rel = rels.find((r) => r.id === rid);
    if (!rel || rel.external) throw new DamagedWorkbookError(`la hoja «${name}» figura en el libro pero no tiene contenido asociado`);
    const part = resolveTarget(workbookPart, rel.target);
    if (!parts.has(part)) throw new DamagedWorkbookError(`la hoja «${name}» figura en el libro pero su contenido (${part}) no está en el archivo`);
    const state = a.get('state');
    const visibility: SheetVisibility = state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible';
    return { name, rid, part: relIs(rel.type, 'worksheet') ? part : null, visibility };
  });
  if (sheets.length === 0) throw new DamagedWorkbookError('xl/workbook.xml no lista ninguna hoja');
  return { workbookPart, sheets };
}


/** What a reader of cells needs besides the worksheets: the workbook's structure, its shared-strings and styles parts, its date system. */
export interface ReadingLayout extends Structure {
  readonly sharedStringsPart: string;
  readonly stylesPart: string;
  readonly date1904: boolean;
}

/** The package's reading layout (`structureOf`, whose check it runs, plus the parts every sheet's cells refer to). */
export function readingLayout(parts: PackageParts): ReadingLayout {
  const structure = structureOf(parts);
  const rels = parseRels(parts.text(relsPathOf(structure.workbookPart)));
  const partOf = (kind: 'sharedStrings' | 'styles', fallback: string) => {
    const rel = rels.find((r) => relIs(r.type, kind) && !r.external);
    return rel ? resolveTarget(structure.workbookPart, rel.target) : fallback;
  };
  const pr = section(parts.text(structure.workbookPart) ?? '', 'workbookPr');
  const date1904 = pr ? attrsOf(pr.open).get('date1904') : undefined;
  return {
    ...structure,
    sharedStringsPart: partOf('sharedStrings', 'xl/sharedStrings.xml'),
    stylesPart: partOf('styles', 'xl/styles.xml'),
    date1904: date1904 === '1' || date1904 === 'true',
  };
}
