/** One header cell: what field (and period, and year) a header's text names, for each sheet kind; two-row headers. */
import type { FieldId, GeneralKind, PeriodKind } from '../fields';
import { executedField, plannedField } from '../fields';
import { monthAliases } from '../values';
import { normalize } from '../text';
import { aliasMaps, executedWords, fillerWords, kindHasExecuted, kindHasPlanned, plannedWords, quarterNumbers, yearGoalKeys } from './aliases';

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
export const kindIndex: Readonly<Record<GeneralKind, 0 | 1 | 2>> = { 'plan-accion': 0, 'hoja-captura': 1, techos: 2 };
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
