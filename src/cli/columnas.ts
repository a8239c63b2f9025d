/**
 * `tablero columnas <archivo.xlsx>... [--json] [--mapa mapa.json] [--vigencia AAAA] [--incluir-ocultas]`
 *
 * The reading made visible (real-formats.md "Seeing and correcting the reading"): per sheet its
 * kind, the format recognised (or the general matcher), its header row(s), data rows, the year
 * block read, and every header column with the field read from it (or «sin usar»), then the
 * required fields of the kind that were not found — after the mapping, when there is one.
 * Hidden, helper and unrecognised sheets are listed with their reason.
 *
 * Exit code: 0 every read sheet has its required fields; 1 some read sheet lacks one, a sheet that
 * looks like data was not recognised, or no sheet was; 2 a file could not be used or wrong usage.
 */
import { InputError } from '../app/errors';
import { columnLetter } from '../domain/grid';
import { headerOf, kindLabels, type FieldId, type SheetKind } from '../domain/fields';
import type { ReadSheet, ReadWorkbook, UnknownSheet } from '../domain/sheet';
import type { MappingOrigin } from '../domain/mapping';
import { allowOnly, checkCutoffInVigencia, readingOf } from './args';
import { resolveOptions } from '../app/run-options';
import { withRunNotes } from '../app/reading-gaps';
import type { CliDeps } from './deps';
import { writeJson } from './json-out';
import { formatFileError, oneLine, plural, styleFor, type Style } from './output';
import { UsageError, type CliIO, type ParsedArgs } from './types';

export interface ColumnJson {
  /** Column letter ("K"). */
  column: string;
  header: string;
  /** Field id read from the column; `null` = «sin usar». */
  field: string | null;
  /** Spanish name of the field. */
  fieldName?: string;
  /** True when the mapping gave this column. */
  mapped?: boolean;
}

export interface ColumnasSheetJson {
  name: string;
  kind: string;
  /** The known format's id and name; `null` = read by the general header matcher. */
  format: { id: string; name: string } | null;
  visibility: string;
  /** First and last header row (equal for one-row headers). */
  headerRows: [number, number];
  dataRows: number;
  vigencia: number | null;
  /** Years whose blocks the header holds (several for multi-year sheets). */
  yearBlocks: number[];
  columns: ColumnJson[];
  /** Required fields of the kind (or format) not found: `executed` / `planned` stand for the period family. */
  missing: { field: string; fieldName: string }[];
  notes: string[];
}

export interface ColumnasUnknownJson {
  name: string;
  reason: string;
  data?: {
    kind: string;
    headerRow: number;
    dataRows: number;
    columns: ColumnJson[];
    missing: { field: string; fieldName: string }[];
  };
}

export type ColumnasFileJson =
  | {
      file: string;
      /** Where the mapping came from: `archivo` (--mapa), `libro` (stored by the pane), or `null`. */
      mapping: MappingOrigin | null;
      sheets: ColumnasSheetJson[];
      /**
       * Sheets not recognised, with why. One that looks like data (`data`) also lists its titled
       * columns (with the field the general matcher read, if any) and the required fields not found.
       */
      unknown: ColumnasUnknownJson[];
      hidden: { name: string; reason: string }[];
      helpers: { name: string; reason: string }[];
    }
  | { file: string; error: string };

/** «Ejecutado (por periodo)» for the period families, the canonical header otherwise. */
export function fieldName(field: string): string {
  if (field === 'executed') return 'Ejecutado (por periodo)';
  if (field === 'planned') return 'Programado (por periodo)';
  return headerOf(field as FieldId);
}

/** Every header column of a read sheet, in column order, with the field read from it. */
export function sheetColumns(sheet: ReadSheet): ColumnJson[] {
  const out = new Map<number, ColumnJson>();
  const mapped = new Set<string>(sheet.mapped ?? []);
  for (const [field, col] of Object.entries(sheet.columns) as [FieldId, number][]) {
    out.set(col, {
      column: columnLetter(col),
      header: sheet.headers[field] ?? '',
      field,
      fieldName: headerOf(field, sheet.periodKind),
      ...(mapped.has(field) ? { mapped: true } : {}),
    });
  }
  for (const u of sheet.unread ?? []) if (!out.has(u.col)) out.set(u.col, { column: columnLetter(u.col), header: u.header, field: null });
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

export function columnasSheetJson(sheet: ReadSheet): ColumnasSheetJson {
  return {
    name: sheet.name,
    kind: sheet.kind,
    format: sheet.format ? { id: sheet.format.id, name: sheet.format.name } : null,
    visibility: sheet.visibility,
    headerRows: [sheet.firstHeaderRow, sheet.headerRow],
    dataRows: sheet.rows.length,
    vigencia: sheet.vigencia ?? null,
    yearBlocks: [...(sheet.yearBlocks ?? [])],
    columns: sheetColumns(sheet),
    missing: sheet.missing.map((f) => ({ field: f, fieldName: fieldName(f) })),
    notes: [...(sheet.notes ?? [])],
  };
}

export function columnasFileJson(file: string, wb: ReadWorkbook): ColumnasFileJson {
  return {
    file,
    mapping: wb.mappingOrigin ?? null,
    sheets: wb.sheets.map(columnasSheetJson),
    unknown: wb.unknown.map(unknownJson),
    hidden: (wb.hidden ?? []).map((h) => ({ name: h.name, reason: h.reason })),
    helpers: (wb.helpers ?? []).map((h) => ({ name: h.name, reason: h.reason })),
  };
}

function unknownJson(u: UnknownSheet): ColumnasUnknownJson {
  const d = u.data;
  if (!d) return { name: u.name, reason: u.reason };
  return {
    name: u.name,
    reason: u.reason,
    data: {
      kind: d.kind,
      headerRow: d.headerRow,
      dataRows: d.rows,
      columns: d.columns.map((c) => (c.field ? { column: columnLetter(c.col), header: c.header, field: c.field, fieldName: headerOf(c.field) } : { column: columnLetter(c.col), header: c.header, field: null })),
      missing: d.missing.map((f) => ({ field: f, fieldName: fieldName(f) })),
    },
  };
}

/** The table of a sheet's columns: letter, title, the field read from it (or «sin usar»). */
function columnLines(columns: readonly ColumnJson[], style: Style): string[] {
  const lines: string[] = [];
  const colWidth = Math.max(7, ...columns.map((c) => c.column.length));
  const headWidth = Math.min(48, Math.max(10, ...columns.map((c) => c.header.length)));
  lines.push(style.dim(`    ${'Columna'.padEnd(colWidth)}  ${'Encabezado'.padEnd(headWidth)}  Campo`));
  for (const c of columns) {
    const head = c.header.length > headWidth ? `${c.header.slice(0, headWidth - 1)}…` : c.header.padEnd(headWidth);
    // Users read the field's Spanish name; its id (what a mapping names) is in --json and in the hint below.
    const field = c.field === null ? style.dim('sin usar') : `${c.fieldName}${c.mapped ? ' (según el mapa)' : ''}`;
    lines.push(`    ${c.column.padEnd(colWidth)}  ${head}  ${field}`);
  }
  return lines;
}

/** «Faltan campos obligatorios …» and how to give them with a mapping. */
function missingLines(missing: readonly { field: string; fieldName: string }[], style: Style): string[] {
  if (missing.length === 0) return [];
  return [
    style.red(`    Faltan campos obligatorios: ${missing.map((m) => `«${m.fieldName}»`).join(', ')}.`),
    style.dim(
      `    Si están en otra columna, indíquela con un mapa (--mapa, donde ${missing.length === 1 ? 'ese campo se llama' : 'esos campos se llaman'} ` +
        `${missing.map((m) => m.field).join(', ')}; docs/columnas-y-mapa.md) o en el panel, «En este libro».`,
    ),
  ];
}

/** The human text of one file's reading. */
export function formatColumnas(file: string, wb: ReadWorkbook, style: Style): string {
  const lines: string[] = [style.bold(file)];
  if (wb.mappingOrigin === 'libro') lines.push(style.dim('  Se usó el mapa de columnas guardado en el libro (con --mapa se usa el del archivo en su lugar).'));
  if (wb.mappingOrigin === 'archivo') lines.push(style.dim('  Se usó el mapa de columnas de --mapa.'));
  for (const s of wb.sheets) {
    const j = columnasSheetJson(s);
    lines.push('');
    const header = j.headerRows[0] === j.headerRows[1] ? `encabezado en la fila ${j.headerRows[1]}` : `encabezado en las filas ${j.headerRows[0]}–${j.headerRows[1]}`;
    const vig = j.vigencia !== null ? `, vigencia ${j.vigencia}` : '';
    const blocks = j.yearBlocks.length > 1 ? ` (bloques de ${j.yearBlocks.join(', ')})` : '';
    const hidden = s.visibility !== 'visible' ? ' (oculta)' : '';
    lines.push(`  ${style.bold(`Hoja «${s.name}»`)}${hidden} — ${kindLabels[s.kind]}; ${j.format ? `formato: ${j.format.name}` : 'formato general (ninguna descripción conocida)'}`);
    lines.push(`    ${header}, ${plural(j.dataRows, 'fila de datos', 'filas de datos')}${vig}${blocks}`);
    for (const n of j.notes) lines.push(style.dim(`    ${n}`));
    lines.push(...columnLines(j.columns, style));
    lines.push(...missingLines(j.missing, style));
  }
  // A sheet that looks like data but was not recognised: its columns and what it lacks, like a read sheet's.
  for (const u of wb.unknown) {
    const d = unknownJson(u).data;
    if (!d) continue;
    lines.push('');
    lines.push(`  ${style.bold(`Hoja «${u.name}»`)} — ${style.red('no se leyó')}: parece traer datos, pero su encabezado no se reconoció`);
    lines.push(`    títulos en la fila ${d.headerRow}, ${plural(d.dataRows, 'fila', 'filas')} debajo; se parece más a ${kindLabels[d.kind as SheetKind]}`);
    lines.push(...columnLines(d.columns, style));
    lines.push(...missingLines(d.missing, style));
    lines.push(style.dim(`    En el mapa, nombre también la hoja («${u.name}»), su tipo (${d.kind}) y su fila de encabezado (${d.headerRow}).`));
  }
  const others = wb.unknown.filter((u) => !u.data);
  if (others.length) {
    lines.push('');
    lines.push('  Hojas no reconocidas:');
    for (const u of others) lines.push(`    «${u.name}»: ${u.reason}`);
    if (wb.sheets.length === 0) lines.push(style.dim('    Para leer una, indique en un mapa su tipo y su fila de encabezado (docs/columnas-y-mapa.md).'));
  }
  if (wb.helpers?.length) lines.push('', `  Hojas auxiliares (no son datos): ${wb.helpers.map((h) => `«${h.name}» — ${h.reason}`).join('; ')}`);
  if (wb.hidden?.length) lines.push('', `  Hojas ocultas, no leídas: ${wb.hidden.map((h) => `«${h.name}» (${h.reason})`).join(', ')} (use --incluir-ocultas para leerlas)`);
  return lines.join('\n') + '\n';
}

/** True when the reading of `wb` is complete: some sheet read, none lacking a required field, no data-looking sheet left unread. */
function complete(wb: ReadWorkbook): boolean {
  return wb.sheets.length > 0 && wb.sheets.every((s) => s.missing.length === 0) && wb.unknown.every((u) => !u.data);
}

export function makeColumnas(deps: CliDeps) {
  return async function columnas(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { json: true, reading: true, corte: true });
    if (args.files.length === 0) throw new UsageError('Indique al menos un libro: tablero columnas <archivo.xlsx>... [--json] [--mapa mapa.json]');
    const style = styleFor(deps.colour && !args.json);
    const results: ({ file: string; workbook: ReadWorkbook } | { file: string; error: string })[] = [];
    for (const file of args.files) {
      try {
        const { workbook } = await deps.load(file, io, undefined, readingOf(args), true);
        const options = resolveOptions({ ...(args.corte !== undefined ? { cutoff: args.corte } : {}), ...(args.vigencia !== undefined ? { vigencia: Number(args.vigencia) } : {}) }, workbook, io.now);
        // The same cut-off every other reading verb refuses is refused here (real-formats.md «Years and the vigencia»).
        if (args.corte !== undefined) checkCutoffInVigencia(args.corte, options.vigencia, options.vigenciaFrom, workbook);
        // A year nothing named, a cut-off past the last report: said with the sheet's other notes, as validar says them.
        results.push({ file, workbook: withRunNotes(workbook, options) });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        results.push({ file, error: e.message });
      }
    }
    const unusable = results.filter((r) => 'error' in r).length;
    for (const r of results) if ('error' in r) io.stderr(`tablero: ${oneLine(r.error)}\n`);
    if (args.json) {
      writeJson({ files: results.map((r) => ('error' in r ? { file: r.file, error: r.error } : columnasFileJson(r.file, r.workbook))) }, io.stdout, 4);
    } else {
      const blocks = results.map((r) => ('error' in r ? (results.length > 1 ? formatFileError(r.file, r.error, style) : '') : formatColumnas(r.file, r.workbook, style))).filter(Boolean);
      if (blocks.length) io.stdout(blocks.join('\n'));
    }
    if (unusable > 0) return 2;
    return results.every((r) => 'workbook' in r && complete(r.workbook)) ? 0 : 1;
  };
}
