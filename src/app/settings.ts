/**
 * Settings kept in the workbook (entity, vigencia, cut-off, lag threshold, extra sources).
 * What comes back from a document may be anything — an older version's shape, a hand edit, a
 * different add-in's key — so it is parsed field by field with zod: a bad field is dropped (and
 * its default applies), the good ones are kept, nothing throws.
 */
import { z } from 'zod';
import { isValidDate } from '../domain/dates';
import type { WorkbookSettings } from './ports';

const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => isValidDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))));

/** One schema per field, so that one bad field never discards the others. */
const settingsFieldSchemas = {
  entity: z.string().trim().min(1).max(200),
  vigencia: z.number().int().min(2000).max(2100),
  cutoff: isoDateSchema,
  lagThreshold: z.number().gt(0).max(1),
  extraSources: z.array(z.string().trim().min(1).max(120)).max(100),
} as const;

type Field = keyof typeof settingsFieldSchemas;
const fields = Object.keys(settingsFieldSchemas) as Field[];

/** Keeps only the well-formed settings of whatever the document returned. */
export function parseSettings(value: unknown): WorkbookSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const source = value as Record<string, unknown>;
  const out: WorkbookSettings = {};
  for (const f of fields) {
    if (!Object.prototype.hasOwnProperty.call(source, f)) continue;
    const parsed = settingsFieldSchemas[f].safeParse(source[f]);
    if (parsed.success) (out as Record<Field, unknown>)[f] = parsed.data;
  }
  return out;
}

/** Spanish reason why a value typed in the settings form is not acceptable, or `null` when it is. */
export function settingsProblem(field: Field, value: unknown): string | null {
  if (settingsFieldSchemas[field].safeParse(value).success) return null;
  switch (field) {
    case 'entity':
      return 'Escriba el nombre de la entidad (hasta 200 caracteres).';
    case 'vigencia':
      return 'La vigencia debe ser un año entre 2000 y 2100.';
    case 'cutoff':
      return 'La fecha de corte no es una fecha válida.';
    case 'lagThreshold':
      return 'El umbral de rezago debe estar entre 1 % y 100 %.';
    case 'extraSources':
      return 'Cada fuente adicional debe tener un nombre (hasta 120 caracteres).';
  }
}
