/**
 * The ONE zod schema of the user's mapping (real-formats.md "Seeing and correcting the reading"),
 * for both a mapping file (`--mapa mapa.json`) and the mapping the pane stores in the workbook
 * (`domain/mapping.ts` says where). A bad mapping is one Spanish line that names the path of what
 * is wrong ("hojas › HC T2 › columnas › codigoMeta: no es un campo conocido …").
 *
 * Which mapping a run uses (`mappingToUse`): the one given from outside (`--mapa`) wins over the
 * one stored in the workbook — whole, not merged — so a file always says everything it corrects.
 *
 * Lazy in the pane (zod stays out of its first load): `app/pane.ts` imports this module with
 * `import()` only when the workbook holds a mapping or the user opens «En este libro».
 */
import { z } from 'zod';
import { canonicalHeaders, kindLabels, type FieldId, type SheetKind } from '../domain/fields';
import type { WorkbookGrids } from '../domain/grid';
import { storedMappingText, type MappingOrigin, type WorkbookMapping } from '../domain/mapping';
import { readWorkbook, type ReaderOptions } from '../domain/reader';
import type { ReadWorkbook } from '../domain/sheet';
import { InputError } from './errors';

const kinds = Object.keys(kindLabels) as SheetKind[];

/** A field id of workbooks.md: a scalar field, or a period field (`executed2`, `planned3`, `cost1`, `source2_1`). */
export function isFieldId(s: string): s is FieldId {
  return Object.prototype.hasOwnProperty.call(canonicalHeaders, s) || /^(planned|executed|cost)([1-9]|1[0-2])$/.test(s) || /^source[1-9]_[1-9]\d?$/.test(s);
}

const columns = z.record(z.string(), z.string({ error: 'debe ser el encabezado de la columna tal como está en la hoja, o su letra ("K")' }).trim().min(1, { error: 'está vacío: escriba el encabezado de la columna o su letra' }).max(300)).superRefine((o, ctx) => {
  for (const key of Object.keys(o)) {
    if (!isFieldId(key)) {
      ctx.addIssue({ code: 'custom', path: [key], input: key, message: 'no es un campo conocido (por ejemplo goalCode, goal, unit, yearGoal, executed1; la lista está en docs/columnas-y-mapa.md)' });
    }
  }
});

const sheet = z.strictObject({
  tipo: z.enum(kinds as [SheetKind, ...SheetKind[]], { error: `debe ser uno de: ${kinds.join(', ')}` }).optional(),
  filaEncabezado: z.number({ error: 'debe ser un número de fila' }).int({ error: 'debe ser un número de fila entero' }).min(1, { error: 'debe ser una fila de 1 en adelante' }).max(1048576, { error: 'pasa de la última fila de Excel (1.048.576)' }).optional(),
  vigencia: z.number({ error: 'debe ser un año (AAAA)' }).int({ error: 'debe ser un año (AAAA)' }).min(2000, { error: 'debe ser un año entre 2000 y 2100' }).max(2100, { error: 'debe ser un año entre 2000 y 2100' }).optional(),
  columnas: columns.optional(),
});

/** The mapping file's and the stored mapping's schema. */
export const mappingSchema = z.strictObject({
  hojas: z.record(z.string().min(1, { error: 'el nombre de la hoja está vacío' }).max(100), sheet, { error: 'debe ser un objeto con una entrada por hoja: { "Nombre de la hoja": { … } }' }),
}) satisfies z.ZodType<WorkbookMapping>;

const expected: Record<string, string> = {
  object: 'un objeto { … }',
  string: 'un texto',
  number: 'un número',
  int: 'un número entero',
  array: 'una lista',
};

/** One zod issue as «path: what is wrong», in Spanish. */
function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.map(String).join(' › ') : 'el mapa';
  let what: string;
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? 'hojas' : issue.path.length === 2 ? 'tipo, filaEncabezado, vigencia, columnas' : '';
    what = `${issue.keys.length === 1 ? 'la clave' : 'las claves'} ${issue.keys.map((k) => `«${k}»`).join(', ')} no ${issue.keys.length === 1 ? 'se conoce' : 'se conocen'}${known ? ` (se admiten: ${known})` : ''}`;
  } else if (issue.code === 'invalid_type' && !/[áéíóúñ]|debe/.test(issue.message)) {
    what = `debe ser ${expected[issue.expected] ?? issue.expected}`;
  } else {
    what = issue.message;
  }
  return `${path}: ${what}`;
}

export type MappingParse = { readonly ok: true; readonly mapping: WorkbookMapping } | { readonly ok: false; readonly problem: string };

/** Checks a parsed JSON value against the schema; the first problem, in Spanish, when it fails. */
export function parseMapping(value: unknown): MappingParse {
  const r = mappingSchema.safeParse(value);
  if (r.success) return { ok: true, mapping: r.data as WorkbookMapping };
  return { ok: false, problem: describe(r.error.issues[0]) };
}

/** JSON text → mapping (a JSON syntax error says its line). */
export function parseMappingText(text: string): MappingParse {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    return { ok: false, problem: `no es un JSON válido${line ? ` (cerca de la línea ${line})` : ''}: revise comillas, comas y llaves` };
  }
  return parseMapping(value);
}

/** The mapping a run uses and where it came from: the given one (`--mapa`) wins over the stored one. */
function mappingToUse(grids: WorkbookGrids, given: WorkbookMapping | undefined, file: string): { mapping?: WorkbookMapping; origin?: MappingOrigin } {
  if (given) return { mapping: given, origin: 'archivo' };
  const text = storedMappingText(grids);
  if (text === undefined) return {};
  const r = parseMappingText(text);
  if (!r.ok) {
    throw new InputError(`El mapa de columnas guardado en «${file}» no es válido (${r.problem}); corríjalo en el panel (En este libro) o indique otro con --mapa.`);
  }
  return { mapping: r.mapping, origin: 'libro' };
}

/** What of the mapping could not be applied, as one line for the command line. */
function mappingProblemsMessage(workbook: ReadWorkbook, origin: MappingOrigin | undefined, file: string): string | undefined {
  const problems = workbook.mappingProblems ?? [];
  if (problems.length === 0) return undefined;
  const whose = origin === 'libro' ? `El mapa de columnas guardado en «${file}»` : 'El mapa de columnas (--mapa)';
  const what = problems.join(' ');
  return `${whose} no se puede aplicar: ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
}

/**
 * Reads a workbook's sheets for the command line with the mapping that applies (`--mapa`, else the
 * stored one); a mapping that names a sheet or column the workbook does not have is an
 * `InputError` (exit code 2) naming it.
 */
export function readMapped(grids: WorkbookGrids, options: ReaderOptions, file: string): ReadWorkbook {
  const { mapping, origin } = mappingToUse(grids, options.mapping, file);
  const workbook = readWorkbook(grids, { ...options, ...(mapping ? { mapping } : {}) });
  const problem = mappingProblemsMessage(workbook, origin, file);
  if (problem) throw new InputError(problem);
  return origin ? { ...workbook, mappingOrigin: origin } : workbook;
}
