/** Enumerations (workbooks.md "Enumerations"): goal type, accumulation, funding source, sí/no, goal state — each canonical value and what people write for it. */
import type { CellValue } from '../grid';
import type { Parsed, ParsedValue } from '../sheet';
import type { Accumulation } from '../goal';
import { normalize } from '../text';
import { common, displayText, invalid, ok } from './core';

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
