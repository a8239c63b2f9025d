/**
 * "Observaciones" — the return to the unit (PE-P-004 step 4): every finding of the last
 * validation with rule, severity, a working link to its cell, goal and message, sorted by sheet and
 * row (`compareFindings`), plus a blank column for the unit's answer. Ready to send back.
 *
 * For a consolidated workbook the findings point into the units' own files: each row then names
 * its file and carries no link (the cell is not in this workbook).
 */
import type { Finding } from '../domain/finding';
import { compareFindings } from '../domain/finding';
import { ruleLabel } from '../rules/names';
import { SheetBuilder, range, textColourRules, palette } from './model';
import type { SheetModel } from './model';
import { DASH, formatDateTime, headerRow, section, titleBlock } from './common';

export interface ObservationRow {
  readonly finding: Finding;
  /** Source file, when the finding is in another workbook (consolidation). */
  readonly file?: string;
  /** The cell is in this workbook: link to it. */
  readonly linkable: boolean;
}

export interface ObservacionesInput {
  readonly rows: readonly ObservationRow[];
  readonly workbookName: string;
  readonly entity: string | null;
  readonly cutoff: string;
  readonly generatedAt: string;
}

const severityLabels = { error: 'Error', warning: 'Advertencia' } as const;

/** The subtitle's instruction: where each observation's cell is (a link only where the cell is in this workbook). */
function howToFind(rows: readonly ObservationRow[]): string {
  const step = 'Devolución a la dependencia (PE-P-004, paso 4): ';
  if (rows.every((r) => r.linkable)) return `${step}corrija cada observación en la celda indicada (el enlace lleva a ella) y vuelva a enviar el libro.`;
  if (rows.every((r) => !r.linkable)) {
    const where = rows.some((r) => r.file !== undefined) ? 'en el archivo, la hoja y la celda indicados' : 'en la hoja y la celda indicadas';
    return `${step}corrija cada observación en su libro, ${where}, y vuelva a enviarlo.`;
  }
  return `${step}corrija cada observación en la celda indicada (en este libro el enlace lleva a ella; en otro archivo, búsquela en su hoja) y vuelva a enviar el libro.`;
}

export function buildObservaciones(input: ObservacionesInput): SheetModel {
  const withFile = input.rows.some((r) => r.file !== undefined);
  const b = new SheetBuilder('observaciones', undefined, 'BF8F00');
  // A N.º | B Archivo? | Hoja | Celda | Fila | Meta | Severidad | Regla | Mensaje | Respuesta
  const cols = withFile
    ? { n: 1, file: 2, sheet: 3, cell: 4, row: 5, goal: 6, sev: 7, rule: 8, msg: 9, answer: 10 }
    : { n: 1, file: 0, sheet: 2, cell: 3, row: 4, goal: 5, sev: 6, rule: 7, msg: 8, answer: 9 };
  const last = cols.answer;
  b.widthsFrom(1, withFile ? [6, 20, 16, 8, 6, 11, 12, 26, 56, 26] : [6, 18, 8, 6, 12, 12, 28, 66, 28]);

  const errors = input.rows.filter((r) => r.finding.severity === 'error').length;
  const warnings = input.rows.length - errors;
  const status = errors === 0 ? (warnings === 0 ? 'Sin observaciones: listo para enviar' : 'Sin errores: listo para enviar (revise las advertencias)') : 'Con errores: corrija y vuelva a enviar';
  const row0 = titleBlock(
    b,
    last,
    input.entity,
    `Observaciones a la revisión — ${input.workbookName}`,
    howToFind(input.rows),
    [
      { label: 'Fecha de corte', value: input.cutoff, as: 'date' },
      { label: 'Errores', value: String(errors) },
      { label: 'Advertencias', value: String(warnings) },
      { label: 'Generado el', value: formatDateTime(input.generatedAt) },
    ],
    withFile
      ? [
          [1, 3, 4, 5],
          [6, 7, 8, 8],
          [9, 9, 10, 10],
        ]
      : [
          [1, 2, 3, 5],
          [6, 6, 7, 7],
          [8, 8, 9, 9],
        ],
  );
  b.style('statusBad', { font: { bold: true, size: 11, color: palette.redText }, fill: palette.red, vertical: 'middle', indent: 1 });
  b.style('statusOk', { font: { bold: true, size: 11, color: palette.greenText }, fill: palette.green, vertical: 'middle', indent: 1 });
  b.merge(row0 - 1, 1, row0 - 1, last, status, errors > 0 ? 'statusBad' : 'statusOk');
  b.height(row0 - 1, 20);
  b.style('sevCell', { font: { size: 10, bold: true }, vertical: 'top', horizontal: 'center', border: baseBorder() });
  let row = section(b, row0 + 1, last, `Observaciones (${input.rows.length})`);
  const headers: [number, number, string, string?][] = [
    [cols.n, cols.n, 'N.º'],
    [cols.sheet, cols.sheet, 'Hoja'],
    [cols.cell, cols.cell, 'Celda'],
    [cols.row, cols.row, 'Fila'],
    [cols.goal, cols.goal, 'Meta'],
    [cols.sev, cols.sev, 'Severidad'],
    [cols.rule, cols.rule, 'Regla'],
    [cols.msg, cols.msg, 'Observación'],
    [cols.answer, cols.answer, 'Respuesta de la dependencia', 'thBlank'],
  ];
  if (withFile) headers.splice(1, 0, [cols.file, cols.file, 'Archivo']);
  headerRow(b, row, headers, 22);
  const headerAt = row;
  row++;
  const top = row;
  // One collator for the whole sort (`localeCompare(x, 'es')` builds one per comparison).
  const byFile = withFile ? new Intl.Collator('es').compare : () => 0;
  const sorted = [...input.rows].sort((a, c) => byFile(a.file ?? '', c.file ?? '') || compareFindings(a.finding, c.finding));
  sorted.forEach((r, i) => {
    const f = r.finding;
    b.set(row, cols.n, i + 1, 'tdCenter');
    if (withFile) b.text(row, cols.file, r.file ?? DASH, 'td');
    b.text(row, cols.sheet, f.sheet, 'td');
    if (r.linkable) b.set(row, cols.cell, f.cell, 'tdLink', { link: { sheet: f.sheet, cell: f.cell } });
    else b.set(row, cols.cell, f.cell, 'tdCenter');
    b.set(row, cols.row, f.row, 'tdCenter');
    b.text(row, cols.goal, f.goal ?? DASH, 'tdCode');
    b.set(row, cols.sev, severityLabels[f.severity], 'sevCell');
    b.set(row, cols.rule, ruleLabel(f.rule), 'td');
    b.text(row, cols.msg, f.message, 'td');
    b.set(row, cols.answer, null, 'tdBlank');
    row++;
  });
  if (sorted.length === 0) {
    b.merge(row, 1, row, last, 'La validación no encontró errores ni advertencias.', 'empty');
    row++;
  } else {
    b.conditional(
      ...textColourRules([range(top, cols.sev, row - 1, cols.sev)], [
        { text: 'Error', fill: palette.red, font: palette.redText },
        { text: 'Advertencia', fill: palette.yellow, font: palette.yellowText },
      ]),
    );
  }
  row++;
  b.merge(row, 1, row, last, `Generado por Tablero PDM el ${formatDateTime(input.generatedAt)}. Las celdas con error llevan relleno rojo y las advertencias amarillo, con una nota que explica la observación.`, 'footer');
  b.freezeAt(headerAt, 0);
  b.printSetup({ repeatRows: { from: headerAt, to: headerAt } });
  return b.build();
}

function baseBorder() {
  const side = { weight: 'thin' as const, color: palette.midGrey };
  return { top: side, bottom: side, left: side, right: side };
}
