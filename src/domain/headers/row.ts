/** A header row: the columns it names, for each sheet kind, and the choice of the sheet's kind. */
import type { FieldId, GeneralKind, PeriodKind, ScalarField } from '../fields';
import { requiredFields } from '../fields';
import { kindFields } from './aliases';
import { kindIndex, matchPairAll, sheetKinds } from './cell';

/** One column of a header row: its text in the group row (two-row headers) and in the header row. */
export interface HeaderCell {
  /** 1-based sheet column. */
  readonly col: number;
  /** Text of the row above (the group row), when the header spans two rows. */
  readonly group?: string;
  /** Text of the header row itself. */
  readonly text?: string;
}

export interface ColumnMatch {
  readonly field: FieldId;
  readonly col: number;
  /** Header text as found (group and sub-header joined). */
  readonly text: string;
  readonly periodKind?: PeriodKind;
  readonly vigencia?: number;
}

export interface HeaderRowMatch {
  readonly kind: GeneralKind;
  /** Field → its column (the first column that names it). */
  readonly columns: ReadonlyMap<FieldId, ColumnMatch>;
  /** Every column that names a field, in column order (several years' blocks of one field included). */
  readonly candidates: readonly ColumnMatch[];
  readonly periodKind: PeriodKind;
  /** Year named by a header (the meta vigencia's first). */
  readonly vigencia?: number;
  /** Required fields found (`'executed'` counts once for the executed family). */
  readonly required: number;
  /** Required fields of the kind not found, in the order of `requiredFields`. */
  readonly missing: readonly string[];
  /** Fields only this kind has (activity, dates … for a plan; executed … for a capture sheet). */
  readonly distinctive: number;
}

/** Fields that only one kind knows: they tell the kinds apart. */
const distinctiveFields: Readonly<Record<GeneralKind, ReadonlySet<ScalarField>>> = {
  'plan-accion': onlyIn('plan-accion'),
  'hoja-captura': onlyIn('hoja-captura'),
  techos: onlyIn('techos'),
};

function onlyIn(kind: GeneralKind): Set<ScalarField> {
  const others = (Object.keys(kindFields) as GeneralKind[]).filter((k) => k !== kind);
  return new Set(kindFields[kind].filter((f) => !others.some((o) => kindFields[o].includes(f))));
}

/** Matches every cell of a header row for one kind. */
export function matchHeaderRow(cells: readonly HeaderCell[], kind: GeneralKind): HeaderRowMatch {
  return matchHeaderRows(cells)[kindIndex[kind]];
}

/** Matches every cell of a header row for every kind (in the order of `sheetKinds`). */
export function matchHeaderRows(cells: readonly HeaderCell[]): HeaderRowMatch[] {
  const found: ColumnMatch[][] = [[], [], []];
  let any = false;
  for (const cell of cells) {
    const ms = matchPairAll(cell.group, cell.text);
    if (!ms[0] && !ms[1] && !ms[2]) continue;
    any = true;
    const text = joinText(cell.group, cell.text);
    for (let k = 0; k < 3; k++) {
      const m = ms[k];
      if (m) found[k].push({ ...m, col: cell.col, text });
    }
  }
  if (!any) return emptyRowMatchesOf().slice();
  return sheetKinds.map((kind, k) => collectRow(found[k], kind));
}

/** What a row with no known header gives (most rows of most sheets). */
let emptyRowMatchesCache: HeaderRowMatch[] | undefined;
function emptyRowMatchesOf(): HeaderRowMatch[] {
  return (emptyRowMatchesCache ??= sheetKinds.map((kind) => collectRow([], kind)));
}

function collectRow(found: readonly ColumnMatch[], kind: GeneralKind): HeaderRowMatch {
  const periodKind = choosePeriodKind(found);
  const columns = new Map<FieldId, ColumnMatch>();
  const candidates: ColumnMatch[] = [];
  let vigencia: number | undefined;
  for (const m of found) {
    if (m.periodKind && m.periodKind !== periodKind) continue;
    candidates.push(m);
    if (!columns.has(m.field)) columns.set(m.field, m);
    if (m.vigencia !== undefined && (vigencia === undefined || m.field === 'yearGoal')) vigencia = m.vigencia;
  }
  return summarise(kind, columns, candidates, periodKind, vigencia);
}

function joinText(group: string | undefined, text: string | undefined): string {
  if (group === undefined || group === text) return collapse(text ?? '');
  if (text === undefined) return collapse(group);
  return collapse(`${group} ${text}`);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Months when more columns name months than quarters. */
function choosePeriodKind(found: readonly ColumnMatch[]): PeriodKind {
  let months = 0;
  let quarters = 0;
  for (const m of found) {
    if (m.periodKind === 'month') months++;
    else if (m.periodKind === 'quarter') quarters++;
  }
  return months > quarters ? 'month' : 'quarter';
}

function summarise(
  kind: GeneralKind,
  columns: ReadonlyMap<FieldId, ColumnMatch>,
  candidates: readonly ColumnMatch[],
  periodKind: PeriodKind,
  vigencia: number | undefined,
): HeaderRowMatch {
  let hasExecuted = false;
  for (const f of columns.keys()) if (f.startsWith('executed') && f !== 'executedTotal') hasExecuted = true;
  const missing: string[] = [];
  let required = 0;
  for (const f of requiredFields[kind]) {
    const present = f === 'executed' ? hasExecuted : f === 'planned' ? hasPlanned(columns) : columns.has(f);
    if (present) required++;
    else missing.push(f);
  }
  let distinctive = hasExecuted ? 1 : 0;
  for (const f of columns.keys()) if (distinctiveFields[kind].has(f as ScalarField)) distinctive++;
  return { kind, columns, candidates, periodKind, vigencia, required, missing, distinctive };
}

function hasPlanned(columns: ReadonlyMap<FieldId, ColumnMatch>): boolean {
  for (const f of columns.keys()) if (f.startsWith('planned')) return true;
  return false;
}

/** The least a header row must show to be read as a kind. */
export function meetsMinimum(m: HeaderRowMatch): boolean {
  if (m.kind === 'techos') return m.columns.has('programCode') && m.columns.has('ceiling');
  return m.required >= 3;
}

/**
 * The kind a header row belongs to, among the kinds whose minimum it meets: the one with more
 * distinctive columns (executed → capture; activity, dates, amount → plan; techo → techos), then
 * the larger share of its required columns, then more columns. `undefined` when none qualifies.
 */
export function decideKind(matches: readonly HeaderRowMatch[]): HeaderRowMatch | undefined {
  let best: HeaderRowMatch | undefined;
  for (const m of matches) {
    if (!meetsMinimum(m)) continue;
    if (!best || compareCandidates(m, best) > 0) best = m;
  }
  return best;
}

function compareCandidates(a: HeaderRowMatch, b: HeaderRowMatch): number {
  if (a.distinctive !== b.distinctive) return a.distinctive - b.distinctive;
  const ra = a.required / requiredFields[a.kind].length;
  const rb = b.required / requiredFields[b.kind].length;
  if (ra !== rb) return ra - rb;
  return a.columns.size - b.columns.size;
}

/**
 * Convenience for one-row headers: the kind and columns a list of header texts names
 * (`texts[0]` is column 1). `undefined` when no kind qualifies.
 */
export function kindOfHeaders(texts: readonly (string | undefined)[]): HeaderRowMatch | undefined {
  const cells: HeaderCell[] = texts.map((text, i) => ({ col: i + 1, text }));
  return decideKind(matchHeaderRows(cells));
}
