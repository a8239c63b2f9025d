/**
 * Header matching (workbooks.md "Header matching" and "Columns"): alias tables per sheet kind,
 * matching of one header cell (a year in a header names the vigencia; period columns by quarter
 * or by month; two-row headers), and the choice of a sheet's kind from its header row.
 *
 * All comparisons are on `normalize`d text. Alias tables are written as people write them (with
 * accents) and normalised once at load.
 *
 * One file per step: `aliases.ts` (the tables), `cell.ts` (one header cell), `row.ts` (a header
 * row and the sheet's kind); this one is the module's public surface.
 */
export { headerAliases, kindFields, periodWords, scalarAliases, yearGoalWithYear } from './aliases';
export {
  hasPeriod,
  matchHeader,
  matchHeaderAll,
  matchHeaderPair,
  matchPairAll,
  normalizeHeader,
  sheetKinds,
  type HeaderMatch,
  type KindMatches,
} from './cell';
export {
  decideKind,
  kindOfHeaders,
  matchHeaderRow,
  matchHeaderRows,
  meetsMinimum,
  type ColumnMatch,
  type HeaderCell,
  type HeaderRowMatch,
} from './row';
