/**
 * Calendar dates as ISO strings (`'2025-06-30'`): comparable with `<`, free of time zones and
 * serialisable as they are. Excel serial numbers are converted with the 1900 date system.
 */
export type IsoDate = string;

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parts(d: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(d: IsoDate): Date {
  const { year, month, day } = parts(d);
  return new Date(Date.UTC(year, month - 1, day));
}

function fromUtc(t: Date): IsoDate {
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUtc(t);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  return toUtc(d).getUTCDay();
}

/** Excel 1900-system serial (1 = 1900-01-01, with Excel's phantom 29 Feb 1900) to ISO date. */
export function fromExcelSerial(serial: number): IsoDate {
  const whole = Math.floor(serial);
  // 25569 = serial of 1970-01-01; serials below 61 sit before the phantom leap day.
  const days = whole < 61 ? whole - 25568 : whole - 25569;
  return fromUtc(new Date(days * 86400000));
}

/** Excel 1900-system serial of an ISO date (the one conversion: every writer of dates uses it). */
export function toExcelSerial(d: IsoDate): number {
  const days = Math.round(toUtc(d).getTime() / 86400000);
  const serial = days + 25569;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * A JS Date from a host to its calendar day. exceljs gives dates at UTC midnight; a date that
 * carries a time is cut to its UTC day.
 */
export function fromJsDate(d: Date): IsoDate {
  return fromUtc(d);
}

/** `30/06/2025` — how users read dates. */
export function formatDate(d: IsoDate): string {
  const { year, month, day } = parts(d);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** `2025-07-10T09:30` in the local time of `now`. */
export function localDateTime(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}:${p(now.getMinutes())}`;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** True for `AAAA-MM-DD` text naming a real calendar day. */
export function isIsoDate(text: string): text is IsoDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
