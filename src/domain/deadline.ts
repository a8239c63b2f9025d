/**
 * Report deadline of a period (progress.md, Bogotá PLE-PIN-P005 note 2): 15 calendar days after
 * the period ends; when that day is a Saturday, Sunday or Colombian public holiday, the next
 * business day.
 *
 * @example
 * reportDeadline('2025-06-30')       // '2025-07-15' (a Tuesday)
 * reportDeadline('2025-03-31')       // '2025-04-15' (a Tuesday)
 * periodDeadline(2025, 4)            // '2026-01-15' (a Thursday)
 */
import { addDays } from './dates';
import type { IsoDate } from './dates';
import type { PeriodKind } from './fields';
import { nextBusinessDay } from './holidays';
import { periodEnd } from './periods';

/** Calendar days between the end of a period and its report deadline. */
const REPORT_DAYS = 15;

/** Deadline for reporting a period that ended on `end`. */
export function reportDeadline(end: IsoDate): IsoDate {
  return nextBusinessDay(addDays(end, REPORT_DAYS));
}

/** Deadline for reporting period `period` of the vigencia. */
export function periodDeadline(vigencia: number, period: number, kind: PeriodKind = 'quarter'): IsoDate {
  return reportDeadline(periodEnd(vigencia, period, kind));
}
