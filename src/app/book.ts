/**
 * «En este libro» (real-formats.md "Seeing and correcting the reading"): the reading of the open
 * workbook as the pane shows it — each sheet's kind, format, header row and every field with the
 * column it was read from — and the mapping that results from the user picking a field's column
 * among the sheet's headers. Loaded with the pane's «Libro» tab (a lazy chunk: it carries the zod
 * schema of `app/mapping.ts`), never with the first load.
 */
import { headerOf, kindLabels, requiredFields, type FieldId, type SheetKind } from '../domain/fields';
import { kindFields } from '../domain/headers';
import { columnLetter, type WorkbookGrids } from '../domain/grid';
import { sameHeader, sheetMappingOf, withSheetMapping, type WorkbookMapping } from '../domain/mapping';
import type { ReadSheet } from '../domain/sheet';
import type { WorkbookSettings } from './ports';
import { readPane, type StoredMapping } from './pane';
import { parseMapping } from './mapping';
import { UserError } from './errors';

/** One field of a sheet as «En este libro» lists it. */
export interface BookField {
  readonly field: FieldId;
  /** «Código meta producto», «Ejecutado T2». */
  readonly label: string;
  readonly required: boolean;
  /** The column it is read from (letter), or null when none. */
  readonly column: string | null;
  /** True when the user picked the column (the mapping). */
  readonly mapped: boolean;
}

/** A header column of a sheet: what the user picks from. */
export interface BookHeader {
  readonly column: string;
  readonly header: string;
}

export interface BookSheet {
  readonly name: string;
  readonly kind: SheetKind;
  /** «hoja de captura». */
  readonly kindLabel: string;
  /** The known format's name, or null for the general matcher. */
  readonly format: string | null;
  readonly headerRow: number;
  readonly dataRows: number;
  readonly vigencia?: number;
  readonly fields: readonly BookField[];
  /** Fields of the kind not listed above, that the user may still give a column. */
  readonly otherFields: readonly { readonly field: FieldId; readonly label: string }[];
  readonly headers: readonly BookHeader[];
  readonly notes: readonly string[];
}

export interface BookReading {
  readonly sheets: readonly BookSheet[];
  readonly unknown: readonly { readonly name: string; readonly reason: string }[];
  readonly hidden: readonly string[];
  /** True when the workbook holds a mapping. */
  readonly stored: boolean;
  /** What of that mapping could not be applied, or why it is damaged. */
  readonly problems: readonly string[];
}

function headersOf(sheet: ReadSheet): BookHeader[] {
  const byCol = new Map<number, string>();
  for (const [field, col] of Object.entries(sheet.columns) as [FieldId, number][]) byCol.set(col, sheet.headers[field] ?? '');
  for (const u of sheet.unread ?? []) if (!byCol.has(u.col)) byCol.set(u.col, u.header);
  return [...byCol.entries()].sort((a, b) => a[0] - b[0]).map(([col, header]) => ({ column: columnLetter(col), header }));
}

/** Required fields (the executed / planned families as their periods), then every field read. */
function fieldsOf(sheet: ReadSheet): BookField[] {
  const mapped = new Set<string>(sheet.mapped ?? []);
  const required = requiredFields[sheet.kind] as readonly string[];
  const listed: FieldId[] = [];
  const add = (f: FieldId) => void (listed.includes(f) || listed.push(f));
  for (const r of required) {
    if (r === 'executed' || r === 'planned') {
      for (let n = 1; n <= sheet.periodCount; n++) add(`${r}${n}` as FieldId);
    } else add(r as FieldId);
  }
  for (const f of Object.keys(sheet.columns) as FieldId[]) add(f);
  return listed.map((field) => {
    const col = sheet.columns[field];
    const family = /^(executed|planned)\d/.exec(field)?.[1];
    return {
      field,
      label: headerOf(field, sheet.periodKind),
      required: required.includes(field) || (family !== undefined && required.includes(family)),
      column: col !== undefined ? columnLetter(col) : null,
      mapped: mapped.has(field),
    };
  });
}

function otherFieldsOf(sheet: ReadSheet, listed: readonly BookField[]): { field: FieldId; label: string }[] {
  if (sheet.kind === 'plan-indicativo') return [];
  const have = new Set<string>(listed.map((f) => f.field));
  return kindFields[sheet.kind].filter((f) => !have.has(f)).map((field) => ({ field, label: headerOf(field) }));
}

/** The reading of the open workbook for «En este libro», with the stored mapping applied. */
export function bookReading(grids: WorkbookGrids, settings: WorkbookSettings, stored: StoredMapping): BookReading {
  const wb = readPane(grids, settings, stored.mapping);
  const sheets = wb.sheets.map((s): BookSheet => {
    const fields = fieldsOf(s);
    return {
      name: s.name,
      kind: s.kind,
      kindLabel: kindLabels[s.kind],
      format: s.format?.name ?? null,
      headerRow: s.headerRow,
      dataRows: s.rows.length,
      ...(s.vigencia !== undefined ? { vigencia: s.vigencia } : {}),
      fields,
      otherFields: otherFieldsOf(s, fields),
      headers: headersOf(s),
      notes: s.notes ?? [],
    };
  });
  return {
    sheets,
    unknown: wb.unknown.map((u) => ({ name: u.name, reason: u.reason })),
    hidden: (wb.hidden ?? []).map((h) => h.name),
    stored: stored.mapping !== undefined || stored.problem !== undefined,
    problems: [...(stored.problem ? [stored.problem] : []), ...(wb.mappingProblems ?? [])],
  };
}

/**
 * The mapping after the user gave `field` of `sheet` the column `column` (a letter of
 * `sheet.headers`), or took the choice back (`null`: the engine guesses it again). The column is
 * named by its header text when no other header of the sheet reads the same, else by its letter.
 * Checked by the one zod schema before it is stored.
 */
export function withFieldColumn(current: WorkbookMapping | undefined, sheet: BookSheet, field: FieldId, column: string | null): WorkbookMapping {
  const entry = sheetMappingOf(current, sheet.name);
  // A sheet named by a pattern gets its own entry, starting from what the pattern gave it.
  const own = entry?.sheet ?? {};
  const columnas: Partial<Record<FieldId, string>> = { ...(own.columnas ?? {}) };
  if (column === null) delete columnas[field];
  else {
    const h = sheet.headers.find((x) => x.column === column);
    if (!h) throw new UserError(`La hoja «${sheet.name}» no tiene la columna ${column} en su encabezado.`);
    const unique = h.header !== '' && sheet.headers.filter((x) => sameHeader(x.header, h.header)).length === 1;
    columnas[field] = unique ? h.header : column;
  }
  const next = withSheetMapping(current, sheet.name, { ...own, columnas });
  const checked = parseMapping(next);
  if (!checked.ok) throw new UserError(`No se pudo guardar el mapa de columnas: ${checked.problem}.`);
  return checked.mapping;
}
