/**
 * What exceljs drops from a person's workbook when it writes the copy, put back:
 *
 * - Macro-enabled workbooks (.xlsm). exceljs drops the VBA project (`xl/vbaProject.bin`) and
 *   always gives the workbook the plain content type — which Excel refuses to open under an .xlsm
 *   name. `carryOver` makes a written package match the output's extension: `.xlsm` gets the
 *   macro-enabled content type and the input's VBA project (with its signatures and relationships)
 *   back when the copy lost it; a workbook with macros is refused under `.xlsx` (`OutputError`) —
 *   saving it there would drop the person's macros; the message says to name the copy `.xlsm`.
 * - The workbook's structure protection (`<workbookProtection>`: sheets may not be added, moved or
 *   renamed), which exceljs does not read: the input's element goes back into the copy's
 *   `xl/workbook.xml`, where the schema puts it (after `workbookPr`).
 */
import * as path from 'node:path';
import { attrsOf, freshId, parseRels, relElement, relsXml, section } from './ooxml';
import type { ZipEntryInfo } from '../app/zip-directory';
import { ZipWriter, openZip, readPartText, type ZipSource } from './zip';
import { OutputError } from '../app/errors';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const CT = '[Content_Types].xml';
const CT_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const CT_VBA = 'application/vnd.ms-office.vbaProject';
const CT_VBA_SIGNATURE = 'application/vnd.ms-office.vbaProjectSignature';
const REL_VBA = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
/** The VBA project and what travels with it (digital signatures, their relationships). */
const VBA_PARTS = /^xl\/(vbaProject\.bin|vbaProjectSignature\.bin|vbaProjectSignatureAgile\.bin|vbaProjectSignatureV3\.bin|_rels\/vbaProject\.bin\.rels)$/;

export function hasMacros(zip: ZipSource): boolean {
  return zip.byName.has('xl/vbaProject.bin');
}

/**
 * The written package `bytes` with what exceljs dropped put back (see the module's doc) and fitted
 * to `out`'s extension. `input` is the workbook the copy was made from (its VBA project and
 * structure protection are carried over). `display` names the output in messages.
 */
export function carryOver(bytes: Buffer, out: string, display: string, input?: Buffer): Buffer {
  const macroName = path.extname(out).toLowerCase() === '.xlsm';
  const written = openZip(bytes);
  const source = input ? openZip(input) : null;
  const replace = new Map<string, string>();
  const protection = source ? section(readPartText(source, WORKBOOK) ?? '', 'workbookProtection') : null;
  const wbXml = readPartText(written, WORKBOOK) ?? '';
  if (protection && !section(wbXml, 'workbookProtection')) {
    const element = (readPartText(source!, WORKBOOK) ?? '').slice(protection.start, protection.end);
    const after = section(wbXml, 'workbookPr') ?? section(wbXml, 'fileSharing') ?? section(wbXml, 'fileVersion');
    const at = after ? after.end : wbXml.search(/<(?:[A-Za-z_][\w.-]*:)?bookViews[\s>]/);
    if (at >= 0) replace.set(WORKBOOK, wbXml.slice(0, at) + element.replace(/^<[A-Za-z_][\w.-]*:/, '<').replace(/<\/[A-Za-z_][\w.-]*:/, '</') + wbXml.slice(at));
  }
  const macros = hasMacros(written) || (source !== null && hasMacros(source));
  if (macros && !macroName) {
    throw new OutputError(`El libro tiene macros; guarde la copia como libro habilitado para macros para conservarlas (por ejemplo, -o ${asXlsm(display)}).`);
  }
  if (!macroName) return rebuilt(written, replace, null, []) ?? bytes;

  const add = source && !hasMacros(written) ? source.entries.filter((e) => VBA_PARTS.test(e.name)) : [];
  const ct = readPartText(written, CT) ?? '';
  let newCt = ct.replace(/<(?:[A-Za-z_][\w.-]*:)?Override(?=[\s/>])[^>]*>/g, (tag) => {
    const a = attrsOf(tag);
    return a.get('PartName') === `/${WORKBOOK}` && a.get('ContentType') === CT_MAIN ? tag.replace(CT_MAIN, CT_MACRO_MAIN) : tag;
  });
  const overrides = add
    .filter((e) => e.name.endsWith('.bin'))
    .map((e) => `<Override PartName="/${e.name}" ContentType="${e.name === 'xl/vbaProject.bin' ? CT_VBA : CT_VBA_SIGNATURE}"/>`);
  const end = newCt.lastIndexOf('</');
  if (overrides.length && end >= 0) newCt = newCt.slice(0, end) + overrides.join('') + newCt.slice(end);

  if (newCt !== ct) replace.set(CT, newCt);
  if (add.some((e) => e.name === 'xl/vbaProject.bin')) {
    const relsText = readPartText(written, WORKBOOK_RELS) ?? relsXml([]);
    const rels = parseRels(relsText);
    if (!rels.some((r) => r.type === REL_VBA)) {
      const id = freshId(new Set(rels.map((r) => r.id)), 'rIdVba');
      const endRels = relsText.lastIndexOf('</');
      replace.set(WORKBOOK_RELS, relsText.slice(0, endRels) + relElement(id, REL_VBA, 'vbaProject.bin') + relsText.slice(endRels));
    }
  }
  return rebuilt(written, replace, source, add) ?? bytes;
}

/** `written` with some parts replaced and `add`'s parts of `source` appended; null when nothing changes. */
function rebuilt(written: ZipSource, replace: ReadonlyMap<string, string>, source: ZipSource | null, add: readonly ZipEntryInfo[]): Buffer | null {
  if (replace.size === 0 && add.length === 0) return null;
  const zip = new ZipWriter();
  for (const e of written.entries) {
    const text = replace.get(e.name);
    if (text === undefined) zip.addStored(written, e);
    else zip.addBytes(e.name, text);
  }
  for (const e of add) zip.addStored(source!, e);
  return zip.finish();
}

function asXlsm(display: string): string {
  const ext = path.extname(display);
  return `${ext ? display.slice(0, -ext.length) : display}.xlsm`;
}
