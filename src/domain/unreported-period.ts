/**
 * A cut-off past the last period the sheet reports (progress.md: «a period due by the cut-off
 * whose executed cell is blank is not carried forward in silence»): when no goal of a follow-up
 * sheet reports the measured periods after its last reported one — a Cali Cuadro 1S of the third
 * quarter read at 31/12 — the figures count those goals as not reported (0 %), which must be said
 * beside them, once for the sheet, with the cut-off that matches the report. Per goal, the
 * `missing-report` rule says it where the sheet programs each period; a format with no
 * programming per period (Cali) has only this note.
 */
import { formatDate } from './format';
import type { EngineOptions } from './options';
import { cutoffPeriod, periodEnd, periodLabel } from './periods';
import { isoDate } from './dates';
import { executedField } from './fields';
import type { ReadSheet, ReadWorkbook } from './sheet';
import { listOf } from './text';

/** «el trimestre 4», «los trimestres 3 y 4», «el mes Nov». */
function periodsPhrase(s: ReadSheet, from: number, to: number): string {
  const quarter = s.periodKind === 'quarter';
  const names = [];
  for (let k = from; k <= to; k++) names.push(quarter ? String(k) : periodLabel(k, s.periodKind));
  const list = listOf(names);
  const noun = quarter ? (names.length === 1 ? 'el trimestre' : 'los trimestres') : names.length === 1 ? 'el periodo' : 'los periodos';
  return `${noun} ${list}`;
}

/** The note of each follow-up sheet whose measured periods after its last report hold no report at all, by sheet. */
export function unreportedPeriodNotes(workbook: ReadWorkbook, options: EngineOptions): Map<ReadSheet, string> {
  const out = new Map<ReadSheet, string>();
  for (const s of workbook.sheets) {
    if (s.kind !== 'hoja-captura' || s.joins || s.rows.length === 0 || s.periodKind === 'year') continue;
    const vigencia = s.vigencia ?? options.vigencia;
    if (vigencia !== options.vigencia) continue;
    const c = cutoffPeriod(options.cutoff, vigencia, s.periodKind);
    const last = s.reportedPeriod ?? 0;
    if (c <= last || c === 0) continue;
    // Only periods the sheet has a column for (a year block with no quarterly columns says so itself).
    let columns = true;
    for (let k = last + 1; k <= c; k++) if (s.columns[executedField(k)] === undefined) columns = false;
    if (!columns) continue;
    const cutoff = formatDate(options.cutoff);
    const gap = periodsPhrase(s, last + 1, c);
    const fix =
      last > 0
        ? ` Si el libro es el informe ${periodsPhrase(s, last, last).replace(/^el /, 'del ')}, use --corte ${periodEnd(vigencia, last, s.periodKind)}; si no, pida a la dependencia el reporte que falta.`
        : ` Pida a la dependencia el reporte, o use la fecha de corte del periodo que el libro informa (--corte, por ejemplo ${isoDate(vigencia, 3, 31)}).`;
    out.set(
      s,
      `Ninguna meta de la hoja «${s.name}» reporta ejecución en ${gap}${last > 0 ? ` (la hoja llega hasta ${periodsPhrase(s, last, last)})` : ''}: ` +
        `al corte ${cutoff} ${c - last === 1 ? 'ese periodo no se ha reportado' : 'esos periodos no se han reportado'}, y las cifras cuentan sus metas como sin reporte (0 %), no como medidas.${fix}`,
    );
  }
  return out;
}

/**
 * The note of each follow-up sheet of the vigencia when the cut-off comes before the end of its
 * first period (progress.md: «before the end of the first period nothing is measured yet»): its
 * goals show «sin programación» and no compliance, which is the calendar, not the units' report.
 */
export function notYetMeasuredNotes(workbook: ReadWorkbook, options: EngineOptions, advice: 'cli' | 'pane' = 'cli'): Map<ReadSheet, string> {
  const out = new Map<ReadSheet, string>();
  for (const s of workbook.sheets) {
    // An annual follow-up is measured so far at any cut-off; a year block with no execution columns says so itself.
    if (s.kind !== 'hoja-captura' || s.joins || s.rows.length === 0 || s.periodKind === 'year' || s.columns[executedField(1)] === undefined) continue;
    const vigencia = s.vigencia ?? options.vigencia;
    if (vigencia !== options.vigencia || cutoffPeriod(options.cutoff, vigencia, s.periodKind) > 0) continue;
    const first = periodEnd(vigencia, 1, s.periodKind);
    const period = s.periodKind === 'quarter' ? 'el primer trimestre' : 'el primer mes';
    const fix = advice === 'pane' ? `indique en Ajustes una fecha de corte desde el ${formatDate(first)}` : `use --corte ${first} o una fecha posterior`;
    out.set(
      s,
      `Al corte ${formatDate(options.cutoff)} no ha terminado ${period} de la vigencia ${vigencia} (termina el ${formatDate(first)}): todavía no hay avance que medir, ` +
        `y las metas de la hoja «${s.name}» salen sin cumplimiento ni calificación. Para medir un periodo ya reportado, ${fix}.`,
    );
  }
  return out;
}
