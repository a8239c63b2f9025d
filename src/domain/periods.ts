/**
 * Periods of a vigencia (progress.md "Periods and the cut-off date"): quarters T1–T4 ending 31 Mar,
 * 30 Jun, 30 Sep and 31 Dec, or months Ene–Dic ending on their last day. Everything works on ISO
 * dates (`'2025-06-30'`), so no time zone can shift a day.
 *
 * @example
 * periodEnd(2025, 2)                       // '2025-06-30'
 * cutoffPeriod('2025-08-15', 2025)          // 2 (T2 is the last quarter ended by 15 Aug)
 * defaultCutoff('2025-10-20')               // '2025-09-30'
 * periodLabel(2) / periodLabel(6, 'month')  // 'T2' / 'Jun'
 */
import { daysInMonth, formatDate, isoDate, parts } from './dates';
import type { IsoDate } from './dates';
import { monthNames } from './fields';
import type { PeriodKind } from './fields';

/** 4 for quarters, 12 for months, 1 for an annual follow-up (the year is its one period). */
export function periodCount(kind: PeriodKind = 'quarter'): number {
  return kind === 'month' ? 12 : kind === 'year' ? 1 : 4;
}

/** Month (1–12) in which period `period` ends. */
function endMonth(period: number, kind: PeriodKind): number {
  return kind === 'month' ? period : kind === 'year' ? 12 : period * 3;
}

function checkPeriod(period: number, kind: PeriodKind): void {
  if (!Number.isInteger(period) || period < 1 || period > periodCount(kind)) {
    throw new RangeError(`Periodo fuera de rango: ${period} (1–${periodCount(kind)}).`);
  }
}

/** Last day of period `period` (1-based) of the vigencia: `periodEnd(2024, 1, 'month')` = `'2024-01-31'`. */
export function periodEnd(vigencia: number, period: number, kind: PeriodKind = 'quarter'): IsoDate {
  checkPeriod(period, kind);
  const month = endMonth(period, kind);
  return isoDate(vigencia, month, daysInMonth(vigencia, month));
}

/** First day of period `period`: `periodStart(2025, 3)` = `'2025-07-01'`. */
export function periodStart(vigencia: number, period: number, kind: PeriodKind = 'quarter'): IsoDate {
  checkPeriod(period, kind);
  const month = kind === 'month' ? period : period * 3 - 2;
  return isoDate(vigencia, month, 1);
}

/**
 * The last period of the vigencia that ends on or before the cut-off (`c` of progress.md).
 *
 * - `0` = nothing measured yet (a cut-off before the end of the first period, or in an earlier year).
 * - A cut-off in a later year measures every period (`periodCount(kind)`).
 *
 * @example
 * cutoffPeriod('2025-06-29', 2025) // 1
 * cutoffPeriod('2025-06-30', 2025) // 2
 * cutoffPeriod('2026-01-15', 2025) // 4
 */
export function cutoffPeriod(cutoff: IsoDate, vigencia: number, periodKind: PeriodKind = 'quarter'): number {
  const { year } = parts(cutoff);
  const count = periodCount(periodKind);
  if (year > vigencia) return count;
  if (year < vigencia) return 0;
  // An annual follow-up reports the year so far: its one period is measured from the year's start.
  if (periodKind === 'year') return 1;
  let c = 0;
  for (let k = 1; k <= count; k++) {
    if (periodEnd(vigencia, k, periodKind) <= cutoff) c = k;
    else break;
  }
  return c;
}

/**
 * Default cut-off: the end of the last period that has ended by `today`. A period has ended once
 * its last day is over, so on 30 June the default is still 31 March; from 1 July it is 30 June.
 * In January the default is 31 December of the previous year.
 *
 * @example
 * defaultCutoff('2025-10-20')          // '2025-09-30'
 * defaultCutoff('2025-06-30')          // '2025-03-31'
 * defaultCutoff('2025-01-10')          // '2024-12-31'
 * defaultCutoff('2024-03-01', 'month') // '2024-02-29'
 */
export function defaultCutoff(today: IsoDate, periodKind: PeriodKind = 'quarter'): IsoDate {
  const { year } = parts(today);
  // An annual follow-up (or a plan's years) is measured so far: cut at the last quarter ended.
  if (periodKind === 'year') return defaultCutoff(today, 'quarter');
  let best: IsoDate = isoDate(year - 1, 12, 31);
  for (let k = 1; k <= periodCount(periodKind); k++) {
    const end = periodEnd(year, k, periodKind);
    if (end < today) best = end;
    else break;
  }
  return best;
}

/**
 * True when the cut-off falls inside the last measured period: an annual follow-up cut before
 * 31 December measures the year so far, but the year is not yet due (no `missing-report`, no
 * year-end closure). Quarters and months are measured only once they have ended.
 */
export function isPeriodOpen(cutoff: IsoDate, vigencia: number, kind: PeriodKind = 'quarter'): boolean {
  return kind === 'year' && parts(cutoff).year === vigencia && cutoff < periodEnd(vigencia, 1, kind);
}

/** Short label of a period: `'T2'` for quarters, `'Jun'` for months, `'año'` for the year. */
export function periodLabel(period: number, kind: PeriodKind = 'quarter'): string {
  checkPeriod(period, kind);
  return kind === 'month' ? monthNames[period - 1] : kind === 'year' ? YEAR_PERIOD : `T${period}`;
}

/** The period id of an annual follow-up (`reporte --json`'s `period`): its one period, the year. */
export const YEAR_PERIOD = 'año';

/** What a report says of its cut-off: the vigencia, the cut-off date and the measured period's id. */
export interface CutoffAt {
  readonly vigencia: number;
  readonly cutoff: IsoDate;
  readonly period: string | null;
}

/**
 * The cut-off as a sentence says it: `'vigencia 2025, corte 30/06/2025 (T2)'`; an annual
 * follow-up measures the year so far, so `'año 2025, ejecución al 30/09/2025'`.
 */
export function cutoffPhrase(at: CutoffAt): string {
  if (at.period === YEAR_PERIOD) return `año ${at.vigencia}, ejecución al ${formatDate(at.cutoff)}`;
  return `vigencia ${at.vigencia}, corte ${formatDate(at.cutoff)}${at.period ? ` (${at.period})` : ''}`;
}

/**
 * What compliance at the cut-off compares the executed with, as a sentence says it: «programado a
 * la fecha»; an annual follow-up has one period, the year, so what was due by the cut-off is the
 * whole year's programming (progress.md, planned to date): «programado para todo 2025».
 */
export function duePhrase(kind: PeriodKind, vigencia: number): string {
  return kind === 'year' ? `programado para todo ${vigencia}` : 'programado a la fecha';
}

/**
 * How an annual follow-up's figures read: the year is its one period, so compliance and progress
 * compare the execution at the cut-off with the whole year's programming, and until the year
 * closes they (and the rating) are partial. Said by the tablero's footnote and `reporte`.
 */
export function annualNote(vigencia: number, cutoff: IsoDate, closed: boolean): string {
  return (
    `Seguimiento anual: el año es el único periodo, así que lo ejecutado al ${formatDate(cutoff)} se compara con lo programado para todo ${vigencia}` +
    (closed ? '.' : '; hasta el cierre del año el cumplimiento, el avance y la calificación son parciales.')
  );
}

/**
 * Why a rating is partial: `'corte T2'`; an annual follow-up's `'ejecución al 30/09/2025'`
 * ("Satisfactorio (parcial, corte T2)", progress.md "Rating").
 */
export function partialPhrase(at: CutoffAt): string {
  if (at.period === YEAR_PERIOD) return `ejecución al ${formatDate(at.cutoff)}`;
  return `corte ${at.period ?? '—'}`;
}

/**
 * The period a unit reports, as a sentence says it: `'T3 de 2025'`, `'Oct de 2025'`; an annual
 * follow-up reports the closing of the year: `'el cierre de 2025 (ejecución al 31/12/2025)'`.
 */
export function reportPeriodPhrase(vigencia: number, period: number, kind: PeriodKind): string {
  if (kind === 'year') return `el cierre de ${vigencia} (ejecución al ${formatDate(periodEnd(vigencia, 1, kind))})`;
  return `${periodLabel(period, kind)} de ${vigencia}`;
}

/**
 * Label of the cut-off's period for the report's `period` field (`'T2'`, `'Jun'`), or `null`
 * when nothing is measured yet at that cut-off.
 */
export function periodOfCutoff(cutoff: IsoDate, vigencia: number, kind: PeriodKind = 'quarter'): string | null {
  const c = cutoffPeriod(cutoff, vigencia, kind);
  return c === 0 ? null : periodLabel(c, kind);
}
