/**
 * Header matching (workbooks.md "Header matching" and "Columns"): alias tables per sheet kind,
 * matching of one header cell (a year in a header names the vigencia; period columns by quarter
 * or by month; two-row headers), and the choice of a sheet's kind from its header row.
 *
 * All comparisons are on `normalize`d text. Alias tables are written as people write them (with
 * accents) and normalised once at load.
 */
import type { FieldId, GeneralKind, PeriodKind, ScalarField } from './fields';
import { executedField, plannedField, requiredFields } from './fields';
import { monthAliases } from './values';
import { normalize } from './text';

// ---------------------------------------------------------------------------------------------
// Alias tables

/**
 * Every header of a scalar field: canonical header first, then the aliases of workbooks.md and a
 * few common variants. `activityProgress` (plan de acción) and `progressDeclared` (hoja de
 * captura) share "% avance" and "Porcentaje de avance": they never belong to the same kind.
 */
export const scalarAliases: Readonly<Record<ScalarField, readonly string[]>> = {
  dimension: ['Dimensión', 'Eje', 'Eje estratégico', 'Línea estratégica', 'Pilar', 'Dimensión del plan'],
  sector: ['Sector'],
  programCode: ['Código programa', 'Cód. programa', 'Código del programa', 'Código de programa', 'Cód programa'],
  program: ['Programa', 'Nombre del programa'],
  goalCode: [
    'Código meta producto', 'Cód. meta', 'Código meta', 'Código producto', 'Código indicador de producto',
    'Código de la meta', 'Código meta de producto', 'No. meta', 'N° meta', 'Número de meta', 'Número meta',
  ],
  goal: ['Meta de producto', 'Meta producto', 'Descripción de la meta', 'Meta'],
  indicator: ['Indicador', 'Indicador de producto'],
  unitOfMeasure: ['Unidad de medida', 'Unidad'],
  goalType: ['Tipo de meta', 'Clasificación de la meta', 'Tipología'],
  accumulation: ['Tipo de acumulación', 'Tipo de programación', 'Tipo de indicador', 'Comportamiento'],
  baseline: ['Línea base', 'LB'],
  termGoal: ['Meta cuatrienio', 'Meta del cuatrienio', 'Meta plan'],
  yearGoal: ['Meta vigencia', 'Meta programada vigencia', 'Meta año', 'Magnitud', 'Meta de la vigencia'],
  weight: ['Ponderación', 'Peso', 'Peso porcentual', '% ponderación'],
  unit: ['Dependencia', 'Dependencia responsable', 'Secretaría', 'Proceso', 'Alcaldía local', 'Entidad'],
  responsible: ['Responsable', 'Nombre del responsable', 'Líder'],
  project: ['Proyecto', 'Proyecto de inversión', 'Nombre del proyecto'],
  bpin: ['Código BPIN', 'BPIN', 'Código proyecto'],
  projectObjective: ['Objetivo del proyecto', 'Objetivo'],
  activity: ['Actividad', 'Actividades', 'Acción'],
  startDate: ['Fecha inicio', 'Fecha de inicio'],
  endDate: ['Fecha fin', 'Fecha terminación', 'Fecha de terminación', 'Fecha final'],
  activityProgress: ['% avance actividad', 'Porcentaje de avance', '% avance', '% de avance actividad'],
  source: ['Fuente de financiación', 'Fuente', 'Fuente de recursos'],
  amount: ['Valor programado', 'Monto', 'Valor', 'Valor ($)', 'Recursos', 'Presupuesto'],
  needsContract: ['Requiere contratación', '¿Requiere contratación?', 'Contratación'],
  executedTotal: ['Ejecutado acumulado', 'Acumulado', 'Avance acumulado', 'Ejecución acumulada'],
  progressDeclared: ['% avance', '% de avance', 'Porcentaje de avance', '% avance acumulado'],
  // progress.md: "% cumplimiento" is the declared compliance at cut-off, not progress of the year.
  complianceDeclared: ['% cumplimiento', '% de cumplimiento', 'Porcentaje de cumplimiento', '% cumplimiento al corte'],
  budgetFinal: ['Apropiación definitiva', 'Presupuesto definitivo', 'Apropiación'],
  commitments: ['Compromisos', 'Registros presupuestales', 'RP'],
  obligations: ['Obligaciones'],
  payments: ['Pagos'],
  analysis: ['Análisis del avance', 'Análisis', 'Observaciones', 'Justificación'],
  evidence: ['Evidencia', 'Evidencias', 'Medio de verificación', 'Soporte'],
  goalState: ['Estado de la meta', 'Estado'],
  numerator: ['Numerador'],
  denominator: ['Denominador'],
  ceiling: ['Techo', 'Techo presupuestal', 'Valor techo', 'Asignación'],
  productCode: ['Código producto MGA', 'Código del producto MGA', 'Código producto (MGA)'],
  product: ['Producto', 'Producto MGA', 'Nombre del producto', 'Nombre producto MGA'],
  indicatorCode: ['Código indicador', 'Código del indicador'],
  projectCode: ['Código del proyecto', 'Código BP'],
  activityCode: ['Código de la actividad', 'Código actividad'],
  activityWeight: ['Ponderación de la actividad', 'Ponderación actividad', 'Peso de la actividad'],
  activityNote: ['Explicación de la actividad', 'Explicación actividad'],
};

/**
 * Scalar fields each kind knows. The capture sheet also knows a few plan columns that capture
 * sheets often carry (programa, indicador, responsable …) so that they reach the rules.
 */
export const kindFields: Readonly<Record<GeneralKind, readonly ScalarField[]>> = {
  'plan-accion': [
    'dimension', 'sector', 'programCode', 'program', 'goalCode', 'goal', 'indicator', 'unitOfMeasure',
    'goalType', 'accumulation', 'baseline', 'termGoal', 'yearGoal', 'weight', 'unit', 'responsible',
    'project', 'bpin', 'projectObjective', 'activity', 'startDate', 'endDate', 'activityProgress',
    'source', 'amount', 'needsContract',
  ],
  'hoja-captura': [
    'goalCode', 'goal', 'unit', 'dimension', 'programCode', 'accumulation', 'baseline', 'yearGoal',
    'executedTotal', 'progressDeclared', 'complianceDeclared', 'weight', 'budgetFinal', 'commitments', 'obligations', 'payments',
    'analysis', 'evidence', 'goalState', 'numerator', 'denominator',
    'program', 'sector', 'indicator', 'unitOfMeasure', 'goalType', 'responsible', 'termGoal', 'source',
  ],
  techos: ['programCode', 'program', 'unit', 'source', 'ceiling'],
};

/** Which period families a kind has: a plan de acción is programmed, not executed. */
const kindHasExecuted: Readonly<Record<GeneralKind, boolean>> = {
  'plan-accion': false,
  'hoja-captura': true,
  techos: false,
};
const kindHasPlanned: Readonly<Record<GeneralKind, boolean>> = {
  'plan-accion': true,
  'hoja-captura': true,
  techos: false,
};

/** Per kind: scalar fields as people write them (for docs, templates and tests). */
export const headerAliases: Readonly<Record<GeneralKind, Readonly<Partial<Record<ScalarField, readonly string[]>>>>> = {
  'plan-accion': pick(kindFields['plan-accion']),
  'hoja-captura': pick(kindFields['hoja-captura']),
  techos: pick(kindFields.techos),
};

function pick(fields: readonly ScalarField[]): Partial<Record<ScalarField, readonly string[]>> {
  const out: Partial<Record<ScalarField, readonly string[]>> = {};
  for (const f of fields) out[f] = scalarAliases[f];
  return out;
}

/**
 * Words that name a period column, besides the period itself ("Programado T1", "Avance Ene").
 * A period with no word at all ("Trimestre 1", "I trimestre", "Ene") is programmed.
 */
export const periodWords: Readonly<{ planned: readonly string[]; executed: readonly string[]; filler: readonly string[] }> = {
  planned: ['Programado', 'Programada', 'Programados', 'Programación', 'Meta', 'Metas', 'Planeado', 'Planeada', 'Plan'],
  executed: [
    'Ejecutado', 'Ejecutada', 'Ejecutados', 'Ejecución', 'Avance', 'Avances', 'Reportado', 'Reportada', 'Logro',
    'Logros', 'Logrado', 'Lograda', 'Resultado', 'Real',
  ],
  filler: ['de', 'del', 'la', 'el', 'en', 'físico', 'física', 'físicos', 'magnitud', 'cantidad'],
};

/** Headers that, with a year, name the meta vigencia ("Meta 2025", "Programado 2025"). */
export const yearGoalWithYear: readonly string[] = ['Meta', 'Meta programada', 'Programado', 'Programación', 'Meta física'];

/** Ordinals and numerals that go with "trimestre" ("I trimestre", "Trimestre 1", "primer trimestre"). */
const quarterNumbers: ReadonlyMap<string, number> = new Map([
  ['1', 1], ['2', 2], ['3', 3], ['4', 4],
  ['i', 1], ['ii', 2], ['iii', 3], ['iv', 4],
  ['primer', 1], ['primero', 1], ['segundo', 2], ['tercer', 3], ['tercero', 3], ['cuarto', 4],
  ['1er', 1], ['1ro', 1], ['1o', 1], ['2do', 2], ['2o', 2], ['3er', 3], ['3ro', 3], ['3o', 3], ['4to', 4], ['4o', 4],
]);

const plannedWords = new Set(periodWords.planned.map(normalize));
const executedWords = new Set(periodWords.executed.map(normalize));
const fillerWords = new Set(periodWords.filler.map(normalize));
const yearGoalKeys = new Set(yearGoalWithYear.map(normalize));

/** Normalised alias → field, per kind. Two fields sharing an alias within a kind is a bug. */
const aliasMaps: Readonly<Record<GeneralKind, ReadonlyMap<string, ScalarField>>> = {
  'plan-accion': buildAliasMap('plan-accion'),
  'hoja-captura': buildAliasMap('hoja-captura'),
  techos: buildAliasMap('techos'),
};

function buildAliasMap(kind: GeneralKind): Map<string, ScalarField> {
  const map = new Map<string, ScalarField>();
  for (const field of kindFields[kind]) {
    for (const alias of scalarAliases[field]) {
      const key = normalize(alias);
      const prev = map.get(key);
      if (prev && prev !== field) throw new Error(`Alias "${alias}" de ${kind} repetido: ${prev} y ${field}`);
      map.set(key, field);
    }
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// One header cell

/** What one header names. */
export interface HeaderMatch {
  readonly field: FieldId;
  /** For period fields: quarters or months. */
  readonly periodKind?: PeriodKind;
  /** A year written in the header ("Meta 2025" → 2025). */
  readonly vigencia?: number;
}

/** Longest header text worth matching; longer cells are titles or notes. */
const maxHeaderLength = 160;

function isYearWord(w: string): boolean {
  return w.length === 4 && (w.startsWith('19') || w.startsWith('20')) && /^\d{4}$/.test(w);
}

/**
 * A header's text normalised for matching, with the real wording of real-formats.md on top of
 * `normalize`: a trailing qualifier in parentheses names a source, not another field
 * (`Código del programa (MGA)` = `Código del programa`; `LÍNEA BASE (2023)` = `Línea base`, so
 * that year names no block), `(%)` is a percent sign, common abbreviations read as their words
 * (`Cód`/`COD` = código, a leading `No`/`N°`/`Nº` = número, `L.B`/`LB` = línea base, `Prog.`,
 * `Ejec.`), and `T.4` = `T4`.
 */
export function normalizeHeader(text: string): string {
  let t = text.replace(/\(\s*%\s*\)/g, ' % ');
  // Trailing qualifiers, one by one from the end; a year in parentheses stays a year.
  for (let m = /\s*\(([^()]{1,40})\)\s*$/u.exec(t); m && !/^\s*(?:19|20)\d\d\s*$/.test(m[1]); m = /\s*\(([^()]{1,40})\)\s*$/u.exec(t)) {
    t = t.slice(0, m.index);
  }
  const words = normalize(t).split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (w === 't' && next !== undefined && /^[1-4]$/.test(next)) {
      out.push(`t${next}`);
      i++;
    } else if (w === 'l' && next === 'b') {
      out.push('linea', 'base');
      i++;
    } else if (w === 'lb') out.push('linea', 'base');
    else if (w === 'cod') out.push('codigo');
    else if (i === 0 && (w === 'no' || w === 'n' || w === 'nº' || w === 'nro') && words.length > 1) out.push('numero');
    else if (w === 'prog') out.push('programado');
    else if (w === 'ejec') out.push('ejecutado');
    else out.push(w);
  }
  return out.join(' ');
}

/** Matches of one header text for each kind, in the order of `sheetKinds`. */
export type KindMatches = readonly [HeaderMatch | undefined, HeaderMatch | undefined, HeaderMatch | undefined];

export const sheetKinds: readonly GeneralKind[] = ['plan-accion', 'hoja-captura', 'techos'];
const kindIndex: Readonly<Record<GeneralKind, 0 | 1 | 2>> = { 'plan-accion': 0, 'hoja-captura': 1, techos: 2 };
const noMatches: KindMatches = [undefined, undefined, undefined];

/**
 * Header texts repeat across rows, sheets and workbooks made from the same template, so their
 * matches are kept (bounded: a full cache starts over). Maps, not objects: keys are workbook text.
 */
const maxCacheSize = 20000;
const matchCache = new Map<string, KindMatches>();
const periodCache = new Map<string, boolean>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= maxCacheSize) cache.clear();
  cache.set(key, value);
  return value;
}

/** What a header text names in each kind (see `matchHeader`). */
export function matchHeaderAll(text: string): KindMatches {
  if (text.length === 0 || text.length > maxHeaderLength) return noMatches;
  const hit = matchCache.get(text);
  if (hit) return hit;
  const norm = normalizeHeader(text);
  if (norm.length === 0) return remember(matchCache, text, noMatches);
  const m = matchNormalizedAll(norm);
  return remember(matchCache, text, m[0] || m[1] || m[2] ? m : noMatches);
}

/**
 * The field a header names for a sheet kind, or `undefined`. `"Meta"` is the goal text,
 * `"Meta 2025"` / `"Meta vigencia"` the meta vigencia, `"Meta T1"` programado T1; `"% avance"` is
 * progressDeclared in a capture sheet and activityProgress in a plan de acción.
 */
export function matchHeader(text: string, kind: GeneralKind): HeaderMatch | undefined {
  return matchHeaderAll(text)[kindIndex[kind]];
}

/** Matches of a normalised header for every kind: the words are analysed once. */
function matchNormalizedAll(norm: string): KindMatches {
  const words = norm.split(' ');
  const years = words.filter(isYearWord);
  const rest = years.length > 0 ? words.filter((w) => !isYearWord(w)) : words;
  if (rest.length === 0) return noMatches;
  const vigencia = years.length === 1 ? Number(years[0]) : undefined;
  const key = years.length > 0 ? rest.join(' ') : norm;
  const yearGoal = vigencia !== undefined && yearGoalKeys.has(key);
  let period: HeaderMatch | null | undefined;
  const one = (kind: GeneralKind): HeaderMatch | undefined => {
    const scalar = yearGoal ? 'yearGoal' : aliasMaps[kind].get(key);
    let match: HeaderMatch | undefined;
    if (scalar) match = { field: scalar };
    else {
      if (period === undefined) period = matchPeriod(rest) ?? null;
      match = period && periodAllowed(period, kind) ? period : undefined;
    }
    return match && vigencia !== undefined ? { ...match, vigencia } : match;
  };
  return [one('plan-accion'), one('hoja-captura'), one('techos')];
}

interface PeriodToken {
  readonly periodKind: PeriodKind;
  readonly n: number;
  /** Indices of the words that make up the period. */
  readonly from: number;
  readonly to: number;
}

/** The period words in a header ("t1", "trimestre 1", "i trimestre", "ene", "enero"), if exactly one. */
function findPeriod(words: readonly string[]): PeriodToken | undefined {
  let found: PeriodToken | undefined;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    const t = periodAt(words, i);
    if (t) {
      found = t;
      count++;
      i = t.to;
    }
  }
  return count === 1 ? found : undefined;
}

function periodAt(words: readonly string[], i: number): PeriodToken | undefined {
  const w = words[i];
  if (w.length === 2 && w[0] === 't' && w[1] >= '1' && w[1] <= '4') return { periodKind: 'quarter', n: Number(w[1]), from: i, to: i };
  if (w === 'trimestre' || w === 'trim') {
    const after = i + 1 < words.length ? quarterNumbers.get(words[i + 1]) : undefined;
    if (after) return { periodKind: 'quarter', n: after, from: i, to: i + 1 };
    return undefined;
  }
  if (i + 1 < words.length && (words[i + 1] === 'trimestre' || words[i + 1] === 'trim')) {
    const before = quarterNumbers.get(w);
    if (before) return { periodKind: 'quarter', n: before, from: i, to: i + 1 };
  }
  const month = monthAliases[w];
  return month ? { periodKind: 'month', n: month, from: i, to: i } : undefined;
}

/** True when a header text holds a period (used to read two-row headers). */
export function hasPeriod(text: string): boolean {
  if (text.length === 0 || text.length > maxHeaderLength) return false;
  const hit = periodCache.get(text);
  if (hit !== undefined) return hit;
  const norm = normalizeHeader(text);
  return remember(periodCache, text, norm.length > 0 && findPeriod(norm.split(' ')) !== undefined);
}

/** "Programado T1" / "Avance Ene" / "I trimestre": role words around exactly one period. */
function matchPeriod(words: readonly string[]): HeaderMatch | undefined {
  const p = findPeriod(words);
  if (!p) return undefined;
  let executed = false;
  for (let i = 0; i < words.length; i++) {
    if (i >= p.from && i <= p.to) continue;
    const w = words[i];
    if (executedWords.has(w)) executed = true;
    else if (!plannedWords.has(w) && !fillerWords.has(w)) return undefined;
  }
  return { field: executed ? executedField(p.n) : plannedField(p.n), periodKind: p.periodKind };
}

/** A plan de acción is programmed, not executed; techos have no periods. */
function periodAllowed(m: HeaderMatch, kind: GeneralKind): boolean {
  return m.field.startsWith('executed') ? kindHasExecuted[kind] : kindHasPlanned[kind];
}

/**
 * A header that may span two rows: the group above ("PROGRAMACIÓN", usually merged across its
 * sub-columns) and the sub-header below ("T1"). The two together name the column when they can
 * ("Programación T1", "Trimestre 1 Ejecutado"); otherwise the sub-header alone ("Compromisos"
 * under "PRESUPUESTO"), otherwise the group alone (a header merged down both rows). A group that
 * holds a period never stands alone: "I TRIMESTRE" over "% avance" names nothing known.
 */
export function matchHeaderPair(group: string | undefined, sub: string | undefined, kind: GeneralKind): HeaderMatch | undefined {
  return matchPairAll(group, sub)[kindIndex[kind]];
}

/** `matchHeaderPair` for every kind at once. */
export function matchPairAll(group: string | undefined, sub: string | undefined): KindMatches {
  if (group === undefined || group === sub) return sub === undefined ? noMatches : matchHeaderAll(sub);
  if (sub === undefined) return matchHeaderAll(group);
  const both = matchHeaderAll(`${group} ${sub}`);
  if (both[0] && both[1] && both[2]) return both;
  const groupHasPeriod = hasPeriod(group);
  const alone = matchHeaderAll(sub);
  const above = groupHasPeriod ? noMatches : matchHeaderAll(group);
  const pick = (k: 0 | 1 | 2) => both[k] ?? (groupHasPeriod ? undefined : (alone[k] ?? above[k]));
  return [pick(0), pick(1), pick(2)];
}

// ---------------------------------------------------------------------------------------------
// A header row

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
