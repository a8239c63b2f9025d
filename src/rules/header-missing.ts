import type { Rule, RuleMeta } from './types';
import { kindLabels, type FieldId } from '../domain/fields';
import type { ReadSheet } from '../domain/sheet';
import { report, label, quote, sheetAnchor } from './lib/util';

const messages = {
  missing: (column: string, sheet: string, kind: string, headerRow: number): string =>
    `Falta la columna obligatoria ${quote(column)} en la hoja ${quote(sheet)} (${kind}). ` +
    `Agréguela en la fila de encabezados (fila ${headerRow}) con ese título.`,
};

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
 * keeps them apart by message: each names its column).
 */
export const rule: Rule = {
  meta,
  messages,
  check(ctx) {
    return ctx.workbook.sheets.flatMap((sheet) =>
      sheet.missing.map((m) =>
        report(meta, {
          sheet,
          row: sheet.firstHeaderRow,
          cell: sheetAnchor(sheet),
          message: messages.missing(columnName(sheet, m), sheet.name, kindLabels[sheet.kind], sheet.headerRow),
        }),
      ),
    );
  },
};
