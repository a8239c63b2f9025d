/**
 * Colombian public holidays (festivos) by year, computed here — no library, no table to update:
 *
 * - Ley 51 de 1983 ("Ley Emiliani"): fixed days (1 Jan, 1 May, 20 Jul, 7 Aug, 8 Dec, 25 Dec);
 *   days moved to the next Monday when they do not fall on one (6 Jan, 19 Mar, 29 Jun, 15 Aug,
 *   12 Oct, 1 Nov, 11 Nov); Easter-based days (Holy Thursday, Good Friday, and Ascension,
 *   Corpus Christi and Sacred Heart on the Monday after Easter + 39, + 60 and + 68 days, i.e.
 *   Easter + 43, + 64 and + 71).
 * - Ley 2578 de 2026: 9 July (Virgen de Chiquinquirá), moved to the next Monday, from 2026 on
 *   (13/07/2026). Source: the law's text in the Rama Judicial's normative database (SIDN),
 *   https://lector.ramajudicial.gov.co/SIDN/NORMATIVA/TEXTOS_COMPLETOS/7_LEYES/LEYES%202026/Ley%202578%20de%202026.pdf,
 *   cited by the `date-holidays` package's Colombian data (3.37.0: "monday after 07-09 since
 *   2026"), which `holidays.test.ts` compares with for 2000–2030.
 *
 * Two holidays may land on the same Monday (2014: Sagrado Corazón and San Pedro on 30 June): the
 * list keeps both names; `holidayDates` gives each date once.
 *
 * @example
 * isColombianHoliday('2025-06-30') // true (San Pedro y San Pablo, moved from Sunday 29 June)
 * isBusinessDay('2025-07-15')      // true
 */
import { addDays, dayOfWeek, isoDate, parts } from './dates';
import type { IsoDate } from './dates';

export interface Holiday {
  readonly date: IsoDate;
  /** Spanish name. */
  readonly name: string;
}

/** Easter Sunday (Gregorian calendar, anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The date itself when it is a Monday, else the next Monday (Ley 51 de 1983). */
export function nextMonday(d: IsoDate): IsoDate {
  const dow = dayOfWeek(d); // 0 Sunday … 6 Saturday
  return dow === 1 ? d : addDays(d, (8 - dow) % 7);
}

const fixed: readonly [number, number, string][] = [
  [1, 1, 'Año Nuevo'],
  [5, 1, 'Día del Trabajo'],
  [7, 20, 'Día de la Independencia'],
  [8, 7, 'Batalla de Boyacá'],
  [12, 8, 'Inmaculada Concepción'],
  [12, 25, 'Navidad'],
];

const movable: readonly [number, number, string][] = [
  [1, 6, 'Día de los Reyes Magos'],
  [3, 19, 'Día de San José'],
  [6, 29, 'San Pedro y San Pablo'],
  [8, 15, 'Asunción de la Virgen'],
  [10, 12, 'Día de la Raza'],
  [11, 1, 'Todos los Santos'],
  [11, 11, 'Independencia de Cartagena'],
];

const easterBased: readonly [number, string][] = [
  [-3, 'Jueves Santo'],
  [-2, 'Viernes Santo'],
  [43, 'Ascensión del Señor'],
  [64, 'Corpus Christi'],
  [71, 'Sagrado Corazón de Jesús'],
];

/** First year of the 9 July holiday (Ley 2578 de 2026; source in the header of this file). */
const JULY_9_FROM = 2026;

const cache = new Map<number, readonly Holiday[]>();

/** Every public holiday of the year, sorted by date (a shared Monday appears once per name). */
export function colombianHolidays(year: number): readonly Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const out: Holiday[] = [];
  for (const [m, d, name] of fixed) out.push({ date: isoDate(year, m, d), name });
  for (const [m, d, name] of movable) out.push({ date: nextMonday(isoDate(year, m, d)), name });
  if (year >= JULY_9_FROM) out.push({ date: nextMonday(isoDate(year, 7, 9)), name: 'Virgen de Chiquinquirá' });
  const easter = easterSunday(year);
  for (const [offset, name] of easterBased) out.push({ date: addDays(easter, offset), name });
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(out);
  cache.set(year, frozen);
  return frozen;
}

/** The holiday dates of the year, each once, sorted. */
export function holidayDates(year: number): readonly IsoDate[] {
  return [...new Set(colombianHolidays(year).map((h) => h.date))];
}

export function isColombianHoliday(d: IsoDate): boolean {
  return colombianHolidays(parts(d).year).some((h) => h.date === d);
}

/** Monday to Friday and not a public holiday. */
export function isBusinessDay(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  return dow !== 0 && dow !== 6 && !isColombianHoliday(d);
}

/** The date itself when it is a business day, else the next business day. */
export function nextBusinessDay(d: IsoDate): IsoDate {
  let x = d;
  while (!isBusinessDay(x)) x = addDays(x, 1);
  return x;
}
