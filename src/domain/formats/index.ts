/**
 * The format catalog (real-formats.md): every known layout, one file each, sorted by id, and the
 * matching of a header row against them. What no description knows is read by the general header
 * matcher (`../headers.ts`); a description only says what its format's authors mean.
 */
import type { FieldId } from '../fields';
import { normalizeHeader } from '../headers';
import { normalize } from '../text';
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

/** The data format whose signature this header row shows. */
export function formatOfRow(normalised: readonly string[]): FormatDescription | undefined {
  return formats.find((f) => showsSignature(f.signature, normalised));
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
    const norm = normalizeHeader(cell.text);
    // The header with its qualifier kept, for the patterns that name it (types.ts).
    const whole = normalize(cell.text);
    const qualified = whole !== norm ? columns.find((c) => c.header.test(whole)) : undefined;
    let done = false;
    for (const c of qualified ? [qualified] : columns) {
      const m = c.header.exec(qualified ? whole : norm);
      if (!m) continue;
      const fields = typeof c.field === 'function' ? [c.field(m)] : typeof c.field === 'string' ? [c.field] : c.field;
      const year = m.groups?.year !== undefined ? Number(m.groups.year) : undefined;
      const period = c.period === 'left' ? leftQuarter : c.period?.(m);
      if (m.groups?.q !== undefined) leftQuarter = quarterOf(m.groups.q) ?? leftQuarter;
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
          ...(m.groups?.source !== undefined ? { source: m.groups.source } : {}),
        });
      }
      done = fields.some((f) => f !== undefined);
      break;
    }
    if (!done) rest.push(cell);
  }
  return { matches, rest };
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

/** The format whose joined sheet (DNP's financial follow-up) this header row shows. */
export function joinedFormatOfRow(normalised: readonly string[]): FormatDescription | undefined {
  return formats.find((f) => f.joined !== undefined && showsSignature(f.joined.signature, normalised) && !showsSignature(f.signature, normalised));
}
