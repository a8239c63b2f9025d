/**
 * A vigencia nothing in the workbook or the command named (real-formats.md "Years and the
 * vigencia": the flag or setting, the title block, the year of `--corte`, the latest year whose
 * block holds execution). A follow-up sheet that names no year — Cali's Cuadro 1S whose titles
 * say «II TRIMESTRE» without the year — would otherwise be measured at a cut-off of today's year:
 * every activity of last year «vencida», every quarter «sin reporte». So the run says the year is
 * unknown, how to give it, and leaves out the findings that depend on the year.
 */
import type { EngineOptions } from './options';
import type { ReadSheet, ReadWorkbook } from './sheet';

/**
 * Rules whose findings depend on the cut-off's date or the vigencia's year: they are not run on a
 * guessed year. The others (required, number, code-format, date-order, budget-chain, duplicate…)
 * hold whatever the year.
 */
export const yearDependentRules: ReadonlySet<string> = new Set([
  'activity-overdue',
  'analysis-required',
  'budget-ahead',
  'date-vigencia',
  'evidence-required',
  'future-execution',
  'missing-report',
  'over-execution',
  'unreported-goal',
]);

/** The follow-up sheets whose year is a guess: no vigencia of their own, and the run's came from today's date. */
export function sheetsOfGuessedYear(workbook: ReadWorkbook, options: EngineOptions): ReadSheet[] {
  if (options.vigenciaFrom !== 'today') return [];
  return workbook.sheets.filter((s) => s.kind === 'hoja-captura' && s.vigencia === undefined && s.namedVigencia === undefined && s.rows.length > 0);
}

export function isVigenciaGuessed(workbook: ReadWorkbook, options: EngineOptions): boolean {
  return sheetsOfGuessedYear(workbook, options).length > 0;
}

/**
 * The year most of a sheet's activity dates fall in (at least half of them), as a hint to the
 * user only: the spec does not let dates set the vigencia.
 */
export function yearOfDates(sheets: readonly ReadSheet[]): number | undefined {
  const counts = new Map<number, number>();
  let total = 0;
  for (const s of sheets) {
    for (const r of s.rows) {
      for (const f of ['endDate', 'startDate'] as const) {
        const p = r.cells[f]?.parsed;
        if (p?.status !== 'ok' || typeof p.value !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(p.value)) continue;
        const y = Number(p.value.slice(0, 4));
        if (y < 2000 || y > 2099) continue;
        counts.set(y, (counts.get(y) ?? 0) + 1);
        total++;
      }
    }
  }
  let best: [number, number] | undefined;
  for (const e of counts) if (!best || e[1] > best[1]) best = e;
  return best && best[1] * 2 >= total ? best[0] : undefined;
}

/** What the output says when the year is a guess: what was left out and how to give the year. */
export function guessedVigenciaNote(workbook: ReadWorkbook, options: EngineOptions, advice: 'cli' | 'pane' = 'cli'): string | undefined {
  const sheets = sheetsOfGuessedYear(workbook, options);
  if (sheets.length === 0) return undefined;
  const hint = yearOfDates(sheets);
  const names = sheets.map((s) => `«${s.name}»`).join(', ');
  const example = hint ?? options.vigencia - 1;
  return (
    `No se encontró la vigencia de ${sheets.length === 1 ? 'la hoja' : 'las hojas'} ${names}: ni los títulos ni los encabezados dicen el año, ` +
    `así que no se revisó lo que depende de él (actividades vencidas, reportes faltantes, sobreejecución, análisis y evidencia exigidos, ` +
    `presupuesto adelantado, fechas fuera de la vigencia) y las cifras al corte no son de fiar. ` +
    (hint !== undefined ? `Las fechas de las actividades son de ${hint}. ` : '') +
    (advice === 'pane'
      ? `Indique la vigencia (${example}, por ejemplo) o la fecha de corte en Ajustes.`
      : `Indique la vigencia con --vigencia ${example} (o la fecha de corte con --corte ${example}-06-30), o en el panel, en Ajustes.`)
  );
}

