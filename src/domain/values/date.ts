/** Dates in cells: Excel serials with a date format, `Date` values, and Spanish date text. */
import type { CellValue } from '../grid';
import type { Parsed } from '../sheet';
import { fromExcelSerial, fromJsDate, isoDate, isValidDate, type IsoDate } from '../dates';
import { common, displayText, invalid, noData, ok } from './core';
import { isDateFormat } from './number-format';

/** Spanish month names and abbreviations (plus the English ones Excel shows in en-US). */
export const monthAliases: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, {
    ene: 1, enero: 1, jan: 1, january: 1,
    feb: 2, febrero: 2, february: 2,
    mar: 3, marzo: 3, march: 3,
    abr: 4, abril: 4, apr: 4, april: 4,
    may: 5, mayo: 5,
    jun: 6, junio: 6, june: 6,
    jul: 7, julio: 7, july: 7,
    ago: 8, agosto: 8, aug: 8, august: 8,
    sep: 9, sept: 9, set: 9, septiembre: 9, setiembre: 9, september: 9,
    oct: 10, octubre: 10, october: 10,
    nov: 11, noviembre: 11, november: 11,
    dic: 12, diciembre: 12, dec: 12, december: 12,
  }),
);

const weekdayPrefix = /^(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)\s*,?\s*/;
const timeSuffix = /(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:a|p)\.?\s*m\.?)?z?)$/;
const dmyNumeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const ymdNumeric = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const dayMonthNameYear = /^(\d{1,2})(?:\s+de\s+|[\s/.-]+)([a-z]+)\.?(?:\s+del?\s+|[\s/.-]+)(\d{4}|\d{2})$/;

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function checked(year: number, month: number, day: number): IsoDate | undefined {
  return isValidDate(year, month, day) ? isoDate(year, month, day) : undefined;
}

/**
 * Reads a date typed as text, day before month always: `dd/mm/aaaa`, `dd-mm-aaaa`, `aaaa-mm-dd`,
 * `dd-mmm-aa`, `dd-mmm-aaaa` (`01-sep-22`, `15-ene-2025`), `15 de marzo de 2025`. A trailing
 * time and a leading weekday are ignored. Impossible dates (`31/02/2025`) → `undefined`.
 */
export function parseDateText(text: string): IsoDate | undefined {
  if (text.length > 64) return undefined;
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ')
    .replace(weekdayPrefix, '')
    .replace(timeSuffix, '')
    .trim();
  let m = dmyNumeric.exec(s);
  if (m) return checked(fullYear(m[3]), Number(m[2]), Number(m[1]));
  m = ymdNumeric.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = dayMonthNameYear.exec(s);
  if (m) {
    const month = monthAliases[m[2]];
    return month ? checked(fullYear(m[3]), month, Number(m[1])) : undefined;
  }
  return undefined;
}

/** Largest serial Excel shows as a date (31/12/9999). */
const maxSerial = 2958465;

/**
 * A date cell: a `Date` (exceljs), a serial with a date number format (office-js), or text
 * (`fromText: true`). The ok value is an ISO date (`'2025-06-30'`).
 */
export function parseDate(raw: CellValue | undefined, numberFormat?: string | null): Parsed {
  const c = common(raw) ?? noData(raw);
  if (c) return c;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? invalid('') : ok(fromJsDate(raw));
  if (typeof raw === 'number') {
    const serialOk = Number.isFinite(raw) && raw >= 1 && raw <= maxSerial && isDateFormat(numberFormat);
    return serialOk ? ok(fromExcelSerial(raw)) : invalid(String(raw));
  }
  if (typeof raw === 'string') {
    const d = parseDateText(raw);
    // A typed year before 1900 (`2/2/0205`) is a typo, not a date Excel could hold.
    return d && d >= '1900' ? ok(d, true) : invalid(raw.trim());
  }
  return invalid(displayText(raw as boolean));
}
