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
 *
 * One file per kind of cell: `core.ts` (results, error values, what every parser does first),
 * `number-format.ts`, `number.ts`, `date.ts`, `text.ts`, `enums.ts`; this one picks the parser of
 * a column's value type and is the module's public surface.
 */
import type { CellValue } from '../grid';
import type { ValueType } from '../fields';
import type { Parsed } from '../sheet';
import { parseDate } from './date';
import { parseAccumulation, parseGoalState, parseGoalType, parseSource, parseYesNo } from './enums';
import { parseNumber, parsePercent } from './number';
import { parseCode, parseText } from './text';

export { BLANK, errorCodeOf, excelErrorCodes } from './core';
export { isDateFormat, isPercentFormat } from './number-format';
export { parseNumber, parseNumberText, parsePercent, type NumberText } from './number';
export { monthAliases, parseDate, parseDateText } from './date';
export { parseCode, parseText } from './text';
export {
  accumulationAliases,
  defaultSources,
  goalStateAliases,
  goalTypeAliases,
  goalTypes,
  matchSource,
  parseAccumulation,
  parseGoalState,
  parseGoalType,
  parseSource,
  parseYesNo,
  sourceAliases,
  yesNoAliases,
  type GoalStateValue,
  type GoalType,
} from './enums';

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
