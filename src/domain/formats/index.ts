/**
 * The format catalog (real-formats.md): every known layout, one file each, sorted by id, and the
 * matching of a header row against them. What no description knows is read by the general header
 * matcher (`../headers.ts`); a description only says what its format's authors mean.
 */
import type { FieldId } from '../fields';
import { normalizeHeader } from '../headers';
import { keyOf } from './key';
import { format as bogotaPlanGestion } from './bogota-plan-gestion';
import { format as caliCuadro1s } from './cali-cuadro-1s';
import { format as cundinamarcaPdm } from './cundinamarca-pdm';
import { format as dnpSeguimientoPdt } from './dnp-seguimiento-pdt';
import { format as peF012 } from './pe-f-012';
import { format as sisptPlanIndicativo } from './sispt-plan-indicativo';
import { quarterOf, type FormatColumn, type FormatDescription } from './types';

export type { FormatDescription, FormatColumn } from './types';

export const formats: readonly FormatDescription[] = [
  bogotaPlanGestion,
  caliCuadro1s,
  cundinamarcaPdm,
  dnpSeguimientoPdt,
  peF012,
  sisptPlanIndicativo,
];

export function formatById(id: string): FormatDescription | undefined {
  return formats.find((f) => f.id === id);
}

/** One column of a header row as a format reads it. */
export interface FormatColumnMatch {
  readonly field: FieldId;
  readonly col: number;
  /** The header as written. */
  readonly text: string;
  readonly year?: number;
  readonly period?: number;
  readonly pick?: 'first' | 'last';
  readonly yearly?: FormatColumn['yearly'];
  /** Plan indicativo: the funding source a yearly source column names (its header without the year). */
  readonly source?: string;
}

export interface HeaderCellText {
  readonly col: number;
  readonly text: string;
}

/** True when every signature pattern matches one of the normalised headers. */
function showsSignature(signature: readonly RegExp[], normalised: readonly string[]): boolean {
  return signature.length > 0 && signature.every((re) => normalised.some((n) => re.test(n)));
}

/**
 * A format a header row shows, and how well: the description's signature columns shown, and its
 * columns (all of them, signature included) that some header of the row reads.
 */
export interface RowFormat {
  readonly format: FormatDescription;
  /** The row is the format's joined sheet (DNP's financial follow-up), not its data sheet. */
  readonly joined: boolean;
  readonly signatureShown: number;
  readonly signatureOf: number;
  readonly columnsShown: number;
  readonly columnsOf: number;
}

/**
 * Least share of a description's columns a header row must show, beside two of its signature
 * columns, to be read as that format: other instances reword a header or two, leave optional
 * columns out or add their own; a sheet of another layout that happens to share a few generic
 * headers (`Sector`, `BPIN`, `Unidad de medida`) shows far fewer.
 */
export const minColumnShare = 0.4;

/** A header's key and its key with the qualifier kept (the same when it has none). */
type HeaderKeys = readonly [plain: string, qualified: string];

/** Header texts repeat across rows, sheets and workbooks of one template: their keys are kept (bounded). */
const keyCache = new Map<string, HeaderKeys>();
const maxKeyCache = 20000;
/** Cells longer than this are titles or notes, never a format's header. */
const maxHeaderLength = 160;
const noKeys: HeaderKeys = ['', ''];

function keysOf(text: string): HeaderKeys {
  if (text.length > maxHeaderLength) return noKeys;
  const hit = keyCache.get(text);
  if (hit) return hit;
  if (keyCache.size >= maxKeyCache) keyCache.clear();
  const keys: HeaderKeys = [keyOf(text), keyOf(text, true)];
  keyCache.set(text, keys);
  return keys;
}

function scoreOf(format: FormatDescription, joined: boolean, keys: readonly HeaderKeys[]): RowFormat {
  const signature = joined ? (format.joined?.signature ?? []) : format.signature;
  const columns = joined ? (format.joined?.columns ?? []) : format.columns;
  // As `formatColumns` reads them: a header whose qualifier a column names is that column's only.
  const read = keys.map(([plain, qualified]) => (qualified !== plain && columns.some((c) => c.header.test(qualified)) ? qualified : plain));
  const shows = (re: RegExp) => read.some((k) => re.test(k));
  const signatureShown = signature.filter(shows).length;
  return {
    format,
    joined,
    signatureShown,
    signatureOf: signature.length,
    // Only a row that shows enough of the signature is worth scoring column by column.
    columnsShown: signatureShown >= Math.min(2, signature.length) ? columns.filter((c) => shows(c.header)).length : 0,
    columnsOf: columns.length,
  };
}

function qualifies(r: RowFormat): boolean {
  return r.signatureOf > 0 && r.signatureShown >= Math.min(2, r.signatureOf) && r.columnsShown >= Math.max(4, Math.ceil(minColumnShare * r.columnsOf));
}

/**
 * The known format a header row shows (real-formats.md "Header matching, real wording"): every
 * description (data sheet, and joined sheet) is scored by the columns of the row its patterns read
 * on the headers' keys (`./key.ts`); the best one that shows at least two of its signature columns
 * and `minColumnShare` of its columns is the row's. A description whose whole signature is shown
 * comes first (DNP's financial sheet shows the physical sheet's codes and programming too, but not
 * its `Ejecución física`), then the one that reads more columns.
 */
export function formatOfRow(texts: readonly string[]): RowFormat | undefined {
  const keys = texts.map(keysOf);
  let best: RowFormat | undefined;
  for (const format of formats) {
    if (format.signature.length === 0) continue;
    for (const joined of format.joined ? [false, true] : [false]) {
      const r = scoreOf(format, joined, keys);
      if (!qualifies(r)) continue;
      const full = (x: RowFormat) => (x.signatureShown === x.signatureOf ? 1 : 0);
      if (!best || full(r) > full(best) || (full(r) === full(best) && r.columnsShown > best.columnsShown)) best = r;
    }
  }
  return best;
}

/**
 * The columns a format's description reads in a header row, in column order, and the cells it does
 * not know (for the general matcher, then for the list of columns left unread).
 */
export function formatColumns(
  columns: readonly FormatColumn[],
  cells: readonly HeaderCellText[],
): { matches: FormatColumnMatch[]; rest: HeaderCellText[] } {
  const matches: FormatColumnMatch[] = [];
  const rest: HeaderCellText[] = [];
  // The quarter the nearest column at the left names (for `period: 'left'`).
  let leftQuarter: number | undefined;
  for (const cell of cells) {
    // The header's key, and its key with the qualifier kept, for the patterns that name it (types.ts).
    const [plain, whole] = keysOf(cell.text);
    const qualified = whole !== plain ? columns.find((c) => c.header.test(whole)) : undefined;
    let done = false;
    for (const c of qualified ? [qualified] : columns) {
      const m = c.header.exec(qualified ? whole : plain);
      if (!m) continue;
      const fields = typeof c.field === 'function' ? [c.field(m)] : typeof c.field === 'string' ? [c.field] : c.field;
      const year = m.groups?.year !== undefined ? Number(m.groups.year) : undefined;
      const period = c.period === 'left' ? leftQuarter : c.period?.(m);
      if (m.groups?.q !== undefined) leftQuarter = quarterOf(m.groups.q) ?? leftQuarter;
      // A funding source is named by its header without the year, as written (`SGP educación 2025`).
      const source = c.yearly === 'source' ? sourceOf(cell.text) : undefined;
      for (const field of fields) {
        if (field === undefined) continue;
        matches.push({
          field,
          col: cell.col,
          text: cell.text.replace(/\s+/g, ' ').trim(),
          ...(year !== undefined ? { year } : {}),
          ...(period !== undefined ? { period } : {}),
          ...(c.pick ? { pick: c.pick } : {}),
          ...(c.yearly ? { yearly: c.yearly } : {}),
          ...(source !== undefined ? { source } : {}),
        });
      }
      done = fields.some((f) => f !== undefined);
      break;
    }
    if (!done) rest.push(cell);
  }
  return { matches, rest };
}

/** `SGP educación 2025` → `sgp educacion` (the normalised header without its year). */
function sourceOf(text: string): string {
  return normalizeHeader(text)
    .replace(/\s*\b(?:19|20)\d\d$/, '')
    .trim();
}

/** A companion sheet of a known format (helper, summary, description): its format and role. */
export function companionOf(
  sheetName: string,
  rows: readonly (readonly string[])[],
): { format: FormatDescription; role: string; namesEntity?: boolean } | undefined {
  const name = normalizeHeader(sheetName);
  for (const format of formats) {
    for (const c of format.companions ?? []) {
      const found = { format, role: c.role, ...(c.namesEntity ? { namesEntity: true } : {}) };
      if (c.name && c.name.test(name)) return found;
      if (c.headers && rows.some((r) => showsSignature(c.headers ?? [], r))) return found;
    }
  }
  return undefined;
}
