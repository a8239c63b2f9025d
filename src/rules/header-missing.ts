import type { Rule, RuleMeta } from './types';
import { kindLabels, requiredLabel, type FieldId } from '../domain/fields';
import type { ReadSheet, UnknownSheet, UnreadData } from '../domain/sheet';
import type { Finding } from '../domain/finding';
import { columnLetter } from '../domain/grid';
import { report, label, quote, sheetAnchor } from './lib/util';

const messages = {
  missing: (column: string, sheet: string, kind: string, headerRow: number): string =>
    `Falta la columna obligatoria ${quote(column)} en la hoja ${quote(sheet)} (${kind}). ` +
    `Agréguela en la fila de encabezados (fila ${headerRow}) con ese título.`,
  unread: (sheet: string, d: UnreadData): string =>
    `La hoja ${quote(sheet)} parece traer datos (${d.rows} ${d.rows === 1 ? 'fila' : 'filas'} bajo los títulos de la fila ${d.headerRow}) pero no se leyó ni se validó: ` +
    `no se encontraron sus columnas obligatorias (${kindLabels[d.kind]}) ${d.missing.map((m) => quote(requiredLabel(m))).join(', ')}. ` +
    `Indique qué columna es cada campo con un mapa (--mapa; vea «tablero columnas» y docs/columnas-y-mapa.md) o en el panel, «En este libro»; ` +
    `o use los títulos de la plantilla.`,
};

/** One finding on an unrecognised sheet that looks like data: not read, so not validated — never silent. */
function unreadSheet(u: UnknownSheet & { readonly data: UnreadData }): Finding {
  const col = u.data.columns[0]?.col ?? 1;
  return {
    rule: meta.id,
    severity: 'error',
    sheet: u.name,
    cell: `${columnLetter(col)}${u.data.headerRow}`,
    row: u.data.headerRow,
    message: messages.unread(u.name, u.data),
  };
}

function columnName(sheet: ReadSheet, missing: string): string {
  if (missing === 'executed' || missing === 'planned') {
    const first = label(sheet, `${missing}1` as FieldId);
    const last = label(sheet, `${missing}${sheet.periodCount}` as FieldId).replace(/^\S+ /, '');
    return `${first} … ${last}`;
  }
  return label(sheet, missing as FieldId);
}

const meta: RuleMeta = {
  id: 'header-missing',
  severity: 'error',
  scope: 'cell',
  description: 'Falta una columna obligatoria para el tipo de hoja.',
};

/**
 * One finding per required column the sheet lacks, all on the header row's first cell (the run
 * keeps them apart by message: each names its column). A visible sheet that looks like data but
 * whose header was not recognised gets one finding naming every required column not found: its
 * rows were not validated, so the workbook is not «listo para enviar» (real-formats.md "Never
 * silent"; the exit code is 1, as for a recognised sheet missing its columns).
 */
export const rule: Rule = {
  meta,
  messages,
  check(ctx) {
    const read = ctx.workbook.sheets.flatMap((sheet) =>
      sheet.missing.map((m) =>
        report(meta, {
          sheet,
          row: sheet.firstHeaderRow,
          cell: sheetAnchor(sheet),
          message: messages.missing(columnName(sheet, m), sheet.name, kindLabels[sheet.kind], sheet.headerRow),
        }),
      ),
    );
    const unread = (ctx.workbook.unknown ?? []).filter((u): u is UnknownSheet & { readonly data: UnreadData } => u.data !== undefined).map(unreadSheet);
    return [...read, ...unread];
  },
};
