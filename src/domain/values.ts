/**
 * Pure parsers from a host's cell value to a `Parsed` (workbooks.md "Reading cell values" and
 * "Enumerations"). They never throw and never change anything: a value that does not parse keeps
 * its text and says so (`invalid`); an Excel error value is `error` whatever the column.
 *
 * Conventions:
 * - Blank = `null`/`undefined`, the empty string or white space only.
 * - Numbers in text are Colombian: `.` groups thousands, `,` is the decimal mark. A text with one
 *   `.` not followed by exactly three digits (`"1.5"`) reads as a decimal point; `"0.450"` too,
 *   because a thousands group never starts with 0. Several commas (`"1,234,567"`) are not a number.
 * - Percents are always returned as fractions (0.45 = 45 %): a cell with a `%` number format holds
 *   a fraction; any other number in a percent column is in points; text is in points, with or
 *   without the `%` sign. In a number (not percent) column a text `"45 %"` reads as 0.45, as Excel
 *   itself would store it when typed.
 * - A number in a date column is a date only when its number format is a date format (hosts give
 *   date cells either as `Date` or as a serial with a date format); a bare number is `invalid`.
 * - Two-digit years follow Excel: 00–29 → 2000–2029, 30–99 → 1930–1999.
 */
import { isCellError, type CellValue } from './grid';
import type { ValueType } from './fields';
import type { Parsed, ParsedValue } from './sheet';
import type { Accumulation } from './goal';
import { formatDate, fromExcelSerial, fromJsDate, isoDate, isValidDate, type IsoDate } from './dates';
import { isBlankText, normalize } from './text';

// ---------------------------------------------------------------------------------------------
// Results

/** The one blank result (shared: blanks are the commonest cells). */
export const BLANK: Parsed = Object.freeze({ status: 'blank' });

function ok(value: ParsedValue, fromText?: boolean): Parsed {
  return fromText ? { status: 'ok', value, fromText: true } : { status: 'ok', value };
}

function invalid(text: string): Parsed {
  return { status: 'invalid', text };
}

function noNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}

// ---------------------------------------------------------------------------------------------
// Excel error values

/** Error values Excel shows in cells (office-js gives them as these strings). */
export const excelErrorCodes: readonly string[] = [
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#EXTERNAL!',
];
const errorCodeSet = new Set(excelErrorCodes);

/**
 * The Excel error code of a value (`{ error: '#REF!' }` from exceljs, or the string `'#REF!'` from
 * office-js), else `undefined`. Cheap for ordinary strings: only a leading `#` is looked at.
 */
export function errorCodeOf(v: CellValue | undefined): string | undefined {
  if (typeof v === 'string') {
    if (v.length < 4 || v.length > 14 || v.charCodeAt(0) !== 35) return undefined;
    const up = v.toUpperCase();
    return errorCodeSet.has(up) ? up : undefined;
  }
  return isCellError(v) ? v.error : undefined;
}

/**
 * What every parser does first: blank and error values are the same in every column.
 * Returns `undefined` when the value must be parsed by its type.
 */
function common(raw: CellValue | undefined): Parsed | undefined {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'string') {
    if (isBlankText(raw)) return BLANK;
    const code = errorCodeOf(raw);
    return code ? { status: 'error', code } : undefined;
  }
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    return isCellError(raw) ? { status: 'error', code: raw.error } : invalid('');
  }
  return undefined;
}

const noDataWords: ReadonlySet<string> = new Set(['n/a', 'na', 'n.a.', '-', '–', 'sd', 's.d', 's.d.', 's/d', 'nd', 'n.d.']);

/**
 * `N/A`, `NA`, `-`, `–` and `SD` (sin dato) in a number, percent or date column mean "no data" (real-formats.md
 * "Values, real wording"): blank, not zero and not an error. In a text column they stay text.
 */
function noData(raw: CellValue | undefined): Parsed | undefined {
  if (typeof raw !== 'string' || raw.length > 5) return undefined;
  const t = raw.trim().toLowerCase();
  return noDataWords.has(t) ? BLANK : undefined;
}

/** The text a person sees for a non-string value (for `invalid` results and text fields). */
function displayText(raw: number | boolean | Date): string {
  if (typeof raw === 'number') return String(raw);
  if (typeof raw === 'boolean') return raw ? 'VERDADERO' : 'FALSO';
  return Number.isNaN(raw.getTime()) ? '' : formatDate(fromJsDate(raw));
}

// ---------------------------------------------------------------------------------------------
// Number formats

const formatCache = new Map<string, { date: boolean; percent: boolean }>();

/** Number format with literals removed: quoted text, escaped chars, `[...]` sections, padding. */
function formatCodes(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

function classifyFormat(fmt: string): { date: boolean; percent: boolean } {
  let c = formatCache.get(fmt);
  if (!c) {
    const codes = formatCodes(fmt);
    const general = /^general$/i.test(codes.trim());
    const elapsed = /\[[hms]+\]/i.test(fmt);
    const date = !general && !elapsed && (/[dy]/i.test(codes) || (/m/i.test(codes) && !/[hs]/i.test(codes)));
    c = { date, percent: codes.indexOf('%') >= 0 };
    if (formatCache.size < 512) formatCache.set(fmt, c);
  }
  return c;
}

/** True when an Excel number format shows dates (`dd/mm/yyyy`, `d-mmm-yy`, `yyyy-mm-dd`, …). */
export function isDateFormat(fmt: string | null | undefined): boolean {
  return !!fmt && classifyFormat(fmt).date;
}

/** True when an Excel number format shows percents (`0%`, `0.00 %`). */
export function isPercentFormat(fmt: string | null | undefined): boolean {
  return !!fmt && classifyFormat(fmt).percent;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A number read from text; `percent` when the text carried a `%` sign. */
export interface NumberText {
  readonly value: number;
  readonly percent: boolean;
}

const thousandsGrouped = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const digitsOnly = /^\d+$/;
const spaceGrouped = /^\d{1,3}(?: \d{3})+(?=,|$)/;

/** Strips sign, `$` and `%` around the digits. */
function stripDecorations(text: string): { body: string; negative: boolean; percent: boolean } {
  let s = text.trim().replace(/\u00a0/g, ' ');
  let negative = false;
  let percent = false;
  if (s.length > 1 && s[0] === '(' && s[s.length - 1] === ')') {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  for (let k = 0; k < 2 && s.length > 0; k++) {
    const c = s[0];
    if ((c === '-' || c === '\u2212') && !negative) {
      negative = true;
      s = s.slice(1).trim();
    } else if (c === '+') {
      s = s.slice(1).trim();
    } else if (c === '$') {
      s = s.slice(1).trim();
    }
  }
  return { body: s, negative, percent };
}

/** Digits before and after the decimal mark of a Colombian number body, or undefined. */
function splitBody(body: string): { int: string; frac: string } | undefined {
  const s = spaceGrouped.test(body) ? body.replace(/ /g, '') : body;
  const comma = s.indexOf(',');
  if (comma >= 0) {
    if (s.indexOf(',', comma + 1) >= 0) return undefined;
    const int = s.slice(0, comma);
    const frac = s.slice(comma + 1);
    if (!digitsOnly.test(frac)) return undefined;
    if (int === '' || digitsOnly.test(int)) return { int, frac };
    return thousandsGrouped.test(int) ? { int: int.replace(/\./g, ''), frac } : undefined;
  }
  const dot = s.indexOf('.');
  if (dot < 0) return digitsOnly.test(s) ? { int: s, frac: '' } : undefined;
  if (thousandsGrouped.test(s)) return { int: s.replace(/\./g, ''), frac: '' };
  if (s.indexOf('.', dot + 1) >= 0) return undefined;
  const int = s.slice(0, dot);
  const frac = s.slice(dot + 1);
  return (int === '' || digitsOnly.test(int)) && digitsOnly.test(frac) ? { int, frac } : undefined;
}

/**
 * Reads a number typed as text in Colombian style: `"1.234.567"` → 1234567,
 * `"$ 1.234.567,50"` → 1234567.5, `"1234,5"` → 1234.5, `"1.5"` → 1.5, `"45 %"` → 45 (percent),
 * `"-1.234"` / `"(1.234)"` → −1234. Anything else → `undefined`.
 */
export function parseNumberText(text: string): NumberText | undefined {
  if (text.length > 64) return undefined;
  const { body, negative, percent } = stripDecorations(text);
  if (body.length === 0) return undefined;
  const parts = splitBody(body);
  if (!parts) return undefined;
  const n = Number(`${parts.int || '0'}.${parts.frac || '0'}`);
  if (!Number.isFinite(n)) return undefined;
  return { value: noNegativeZero(negative ? -n : n), percent };
}

/**
 * A number, magnitude or money cell. Text is read in Colombian style (`fromText: true`); a text
 * with `%` reads as a fraction (`"45 %"` → 0.45); text that is no number is `invalid`.
 */
export function parseNumber(raw: CellValue | undefined): Parsed {
  const c = common(raw) ?? noData(raw);
  if (c) return c;
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(noNegativeZero(raw)) : invalid(String(raw));
  if (typeof raw === 'string') {
    const n = parseNumberText(raw);
    if (!n) return invalid(raw.trim());
    return ok(n.percent ? n.value / 100 : n.value, true);
  }
  return invalid(displayText(raw as boolean | Date));
}

/**
 * A percent cell, always returned as a fraction: with a `%` number format the number already is
 * one (0.45); otherwise a number is in points (45 → 0.45); text is in points with or without `%`
 * (`"45,5 %"` → 0.455).
 */
export function parsePercent(raw: CellValue | undefined, numberFormat?: string | null): Parsed {
  const c = common(raw) ?? noData(raw);
  if (c) return c;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return invalid(String(raw));
    return ok(noNegativeZero(isPercentFormat(numberFormat) ? raw : raw / 100));
  }
  if (typeof raw === 'string') {
    const n = parseNumberText(raw);
    return n ? ok(noNegativeZero(n.value / 100), true) : invalid(raw.trim());
  }
  return invalid(displayText(raw as boolean | Date));
}

// ---------------------------------------------------------------------------------------------
// Dates

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

// ---------------------------------------------------------------------------------------------
// Text and codes

/** A text cell: trimmed text; a number gives its string, a date `dd/mm/aaaa`. */
export function parseText(raw: CellValue | undefined): Parsed {
  const c = common(raw);
  if (c) return c;
  if (typeof raw === 'string') return ok(raw.trim());
  return ok(displayText(raw as number | boolean | Date));
}

/**
 * A code (program, goal, BPIN): trimmed text, leading zeros kept; a code typed as a number gives
 * its digits (`1702` → `"1702"`). Booleans and dates are no code.
 */
export function parseCode(raw: CellValue | undefined): Parsed {
  const c = common(raw);
  if (c) return c;
  if (typeof raw === 'string') return ok(raw.trim());
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(String(raw)) : invalid(String(raw));
  return invalid(displayText(raw as boolean | Date));
}

// ---------------------------------------------------------------------------------------------
// Enumerations

/** Builds a lookup from normalised alias to canonical value (a Map: keys come from workbook text). */
function aliasMap<T>(table: Iterable<readonly [T, readonly string[]]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, aliases] of table) {
    for (const a of aliases) map.set(normalize(a), value);
  }
  return map;
}

/** Parses an enum cell by looking up the normalised text; numbers and dates are invalid. */
function parseEnum(raw: CellValue | undefined, lookup: (norm: string) => ParsedValue | undefined): Parsed {
  const c = common(raw);
  if (c) return c;
  if (typeof raw !== 'string') return invalid(displayText(raw as number | boolean | Date));
  const text = raw.trim();
  if (text.length > 200) return invalid(text);
  const v = lookup(normalize(text));
  return v === undefined ? invalid(text) : ok(v);
}

/** Removes leading filler words ("tipo", "indicador de", "meta de") before an enum word. */
function withoutFillers(norm: string, fillers: ReadonlySet<string>): string {
  const words = norm.split(' ');
  let i = 0;
  while (i < words.length - 1 && fillers.has(words[i])) i++;
  return i === 0 ? norm : words.slice(i).join(' ');
}

export type GoalType = 'Producto' | 'Gestión' | 'Administrativa';
export const goalTypes: readonly GoalType[] = ['Producto', 'Gestión', 'Administrativa'];

/** Tipo de meta: canonical → what people write. */
export const goalTypeAliases: Readonly<Record<GoalType, readonly string[]>> = {
  Producto: ['Producto', 'Meta de producto', 'Meta producto', 'De producto'],
  Gestión: ['Gestión', 'Meta de gestión', 'Meta gestión', 'De gestión'],
  Administrativa: ['Administrativa', 'Administrativo', 'Meta administrativa'],
};
const goalTypeMap = aliasMap(Object.entries(goalTypeAliases) as [GoalType, readonly string[]][]);

/** Tipo de meta → `'Producto'` | `'Gestión'` | `'Administrativa'`. */
export function parseGoalType(raw: CellValue | undefined): Parsed {
  return parseEnum(raw, (n) => goalTypeMap.get(n));
}

/** Tipo de acumulación: canonical id → every name of progress.md (and a few gender variants). */
export const accumulationAliases: Readonly<Record<Accumulation, readonly string[]>> = {
  suma: ['Suma', 'Sumatoria', 'Acumulativa', 'Acumulativo', 'Acumulada', 'Acumulado', 'Flujo', 'Incremento'],
  creciente: ['Creciente', 'Stock', 'Capacidad', 'No acumulativo', 'No acumulativa'],
  constante: ['Constante', 'Mantenimiento'],
  decreciente: ['Decreciente', 'Reducción'],
};
const accumulationMap = aliasMap(Object.entries(accumulationAliases) as [Accumulation, readonly string[]][]);
const accumulationFillers: ReadonlySet<string> = new Set(['tipo', 'indicador', 'meta', 'de', 'del', 'acumulacion']);

/** Tipo de acumulación → `'suma'` | `'creciente'` | `'constante'` | `'decreciente'`. */
export function parseAccumulation(raw: CellValue | undefined): Parsed {
  return parseEnum(raw, (n) => accumulationMap.get(n) ?? accumulationMap.get(withoutFillers(n, accumulationFillers)));
}

/** Fuentes de financiación of workbooks.md (the user may add more: `extraSources`). */
export const defaultSources: readonly string[] = [
  'Recursos propios',
  'SGP Educación',
  'SGP Salud',
  'SGP Agua potable',
  'SGP Propósito general',
  'SGP Alimentación escolar',
  'SGR',
  'Cofinanciación',
  'Crédito',
  'Estampillas',
  'Otros',
];

/** Other names of the default sources (besides the canonical name itself). */
export const sourceAliases: Readonly<Record<string, readonly string[]>> = {
  'Recursos propios': ['ICLD', 'Ingresos corrientes de libre destinación', 'Recursos propios ICLD', 'Propios'],
  'SGP Educación': ['SGP Educación calidad', 'SGP Calidad educativa'],
  'SGP Salud': ['SGP Salud pública', 'SGP Régimen subsidiado'],
  'SGP Agua potable': ['SGP Agua potable y saneamiento básico', 'SGP APSB'],
  'SGP Propósito general': ['SGP Propósito general libre inversión', 'SGP Libre inversión'],
  'SGP Alimentación escolar': ['SGP PAE', 'SGP Programa de alimentación escolar'],
  SGR: ['Sistema General de Regalías', 'Regalías'],
  Cofinanciación: ['Cofinanciado'],
  Crédito: ['Recursos del crédito', 'Empréstito'],
  Estampillas: ['Estampilla'],
  Otros: ['Otras fuentes', 'Otro', 'Otra'],
};

const defaultSourceMap: Map<string, string> = aliasMap(
  defaultSources.map((s) => [s, [s, ...(sourceAliases[s] ?? [])]] as const),
);
const sourceMapCache = new WeakMap<readonly string[], Map<string, string>>();

/** The lookup for the default sources plus the user's (an extra is its own canonical name). */
function sourceMapFor(extraSources: readonly string[] | undefined): Map<string, string> {
  if (!extraSources || extraSources.length === 0) return defaultSourceMap;
  let map = sourceMapCache.get(extraSources);
  if (!map) {
    map = new Map(defaultSourceMap);
    for (const e of extraSources) {
      const name = typeof e === 'string' ? e.trim() : '';
      const key = normalize(name);
      if (key && !map.has(key)) map.set(key, name);
    }
    sourceMapCache.set(extraSources, map);
  }
  return map;
}

const sgpLong = /^sistema general de participaciones\b/;
const dashes = /\s*[-\u2013\u2014]\s*/;

/**
 * The canonical name of a funding source written in any usual way: `"SGP - Salud"`,
 * `"ICLD - Recursos propios"`, `"ICLD"`, `"Sistema General de Regalías"` … `undefined` when none.
 */
export function matchSource(text: string, extraSources?: readonly string[]): string | undefined {
  const map = sourceMapFor(extraSources);
  const norm = normalize(text);
  const direct = map.get(norm) ?? map.get(norm.replace(sgpLong, 'sgp'));
  if (direct !== undefined) return direct;
  const parts = text.split(dashes);
  if (parts.length < 2) return undefined;
  for (const p of parts) {
    const n = normalize(p);
    const hit = map.get(n) ?? map.get(n.replace(sgpLong, 'sgp'));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Fuente de financiación → canonical name (default list or `extraSources`). */
export function parseSource(raw: CellValue | undefined, extraSources?: readonly string[]): Parsed {
  const c = common(raw);
  if (c) return c;
  if (typeof raw !== 'string') return invalid(displayText(raw as number | boolean | Date));
  const text = raw.trim();
  if (text.length > 200) return invalid(text);
  const v = matchSource(text, extraSources);
  return v === undefined ? invalid(text) : ok(v);
}

/** Sí / No: what people write for each. */
export const yesNoAliases: Readonly<{ yes: readonly string[]; no: readonly string[] }> = {
  yes: ['Sí', 'Si', 'S', 'X'],
  no: ['No', 'N'],
};
const yesNoMap = aliasMap<boolean>([
  [true, yesNoAliases.yes],
  [false, yesNoAliases.no],
]);

/** Sí / No → boolean (a boolean cell is taken as it is). */
export function parseYesNo(raw: CellValue | undefined): Parsed {
  if (typeof raw === 'boolean') return ok(raw);
  return parseEnum(raw, (n) => yesNoMap.get(n));
}

export type GoalStateValue = 'activa' | 'eliminada';

/** Estado de la meta as written in capture sheets. */
export const goalStateAliases: Readonly<Record<GoalStateValue, readonly string[]>> = {
  activa: ['Activa', 'Activo', 'Meta activa', 'Vigente'],
  eliminada: ['Eliminada', 'Eliminado', 'Meta eliminada'],
};
const goalStateMap = aliasMap(Object.entries(goalStateAliases) as [GoalStateValue, readonly string[]][]);

/** Estado de la meta → `'activa'` | `'eliminada'` (blank stays blank). */
export function parseGoalState(raw: CellValue | undefined): Parsed {
  return parseEnum(raw, (n) => goalStateMap.get(n));
}

// ---------------------------------------------------------------------------------------------
// By value type

export interface ParseOptions {
  /** Funding sources accepted besides the default list. */
  readonly extraSources?: readonly string[];
}

/** A parser of one column's cells (value and number format → Parsed). */
export type CellParser = (raw: CellValue | undefined, numberFormat?: string | null) => Parsed;

/** Parses a cell by its column's value type. */
export function parseValue(
  type: ValueType,
  raw: CellValue | undefined,
  numberFormat?: string | null,
  options?: ParseOptions,
): Parsed {
  return parserFor(type, options)(raw, numberFormat);
}

/** The parser of a value type (sources bound to the options' extra list). */
export function parserFor(type: ValueType, options?: ParseOptions): CellParser {
  switch (type) {
    case 'text':
      return parseText;
    case 'number':
    case 'magnitude':
    case 'money':
      return parseNumber;
    case 'percent':
      return parsePercent;
    case 'date':
      return parseDate;
    case 'programCode':
    case 'goalCode':
    case 'bpin':
      return parseCode;
    case 'goalType':
      return parseGoalType;
    case 'accumulation':
      return parseAccumulation;
    case 'source': {
      const extra = options?.extraSources;
      return (raw) => parseSource(raw, extra);
    }
    case 'yesNo':
      return parseYesNo;
    case 'goalState':
      return parseGoalState;
  }
}

/** Enum types: the same few texts repeat down a column, so their results are worth caching. */
export function isEnumType(type: ValueType): boolean {
  return type === 'goalType' || type === 'accumulation' || type === 'source' || type === 'yesNo' || type === 'goalState';
}
