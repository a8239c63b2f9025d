/**
 * The blank templates ("Insertar plantilla", `tablero plantilla`) described as data, host-neutral:
 * the exceljs adapter (`src/xlsx/template.ts`) renders this description into an .xlsx, and the
 * Excel add-in can render the same description through office-js. Nothing here knows a host.
 *
 * A template is: a title block (entity, title, vigencia, unit, cut-off), one header row of
 * canonical headers (`headerOf`), and formatted data rows with drop-down lists for the
 * enumerations. Filled in, it is read back by the reader as its own kind (tested).
 */
import { headerOf, type FieldId, type GeneralKind, requiredFields } from '../domain/fields';
import { defaultSources, goalTypes } from '../domain/values';

/** How a column's data cells are formatted and validated. */
export type TemplateFormat =
  | 'text'
  /** A code kept as text (leading zeros, 13–15-digit BPIN never shown in scientific notation). */
  | 'code'
  /** A magnitude ≥ 0 (meta, programado, ejecutado). */
  | 'magnitude'
  /** A magnitude that may be negative (línea base, acumulado). */
  | 'number'
  /** Pesos ≥ 0. */
  | 'money'
  /** A fraction shown as a percentage (0,455 = 45,5 %). */
  | 'percent'
  | 'date';

export interface TemplateColumn {
  readonly field: FieldId;
  readonly header: string;
  readonly required: boolean;
  readonly format: TemplateFormat;
  /** Column width in characters. */
  readonly width: number;
  /** Drop-down values (data validation list), when the column is an enumeration. */
  readonly list?: readonly string[];
  /** Percent columns that cannot exceed 100 % (ponderación, % avance actividad). */
  readonly max100?: boolean;
  /** A short Spanish help text (input message of the validation). */
  readonly hint?: string;
}

export interface TemplateTitleLine {
  /** Label written in column A ("Vigencia:"); the value goes in column B. */
  readonly label: string;
  readonly value: string | number | null;
  /** The value is an ISO date (written as a date cell). */
  readonly isDate?: boolean;
}

export interface TemplateSpec {
  readonly kind: GeneralKind;
  readonly sheetName: string;
  /** Entity (first line of the title block), e.g. "Alcaldía de San Juan de Pasto". */
  readonly entity: string;
  /** Second line: the format's title. */
  readonly title: string;
  readonly titleLines: readonly TemplateTitleLine[];
  /** 1-based row of the header. */
  readonly headerRow: number;
  readonly columns: readonly TemplateColumn[];
  /** How many blank data rows get formats and validations. */
  readonly dataRows: number;
}

export interface TemplateSettings {
  readonly entity?: string;
  readonly vigencia?: number;
  readonly unit?: string;
  /** ISO date. */
  readonly cutoff?: string;
  readonly extraSources?: readonly string[];
}

/** Number format of each template column format (both renderers apply these). */
export const templateNumberFormats: Record<TemplateFormat, string | undefined> = {
  text: undefined,
  code: '@',
  magnitude: '#,##0.00',
  number: '#,##0.00',
  money: '"$" #,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
};

/** Header fills (RGB hex without '#'): required columns darker. */
export const templateColours = { header: '1F4E79', required: '203864' } as const;

/** Name of the hidden sheet that holds drop-down lists too long (or with commas) to inline. */
export const templateListsSheet = 'Listas';

/**
 * Excel's data-validation list formula holds at most 255 characters and splits on commas: a list
 * longer than that, or with a comma inside a value, goes to the hidden lists sheet instead.
 */
export function listNeedsSheet(list: readonly string[]): boolean {
  return `"${list.join(',')}"`.length > 255 || list.some((v) => v.includes(','));
}

export const templateKinds: readonly GeneralKind[] = ['plan-accion', 'hoja-captura', 'techos'];

/** CLI and pane names of the kinds. */
export const templateKindLabels: Record<GeneralKind, string> = {
  'plan-accion': 'Plan de acción (PE-F-012)',
  'hoja-captura': 'Hoja de captura',
  techos: 'Techos presupuestales',
};

/** Drop-down values shown to users (the reader accepts these and their aliases). */
const templateLists = {
  goalType: goalTypes,
  accumulation: ['Suma', 'Creciente', 'Constante', 'Decreciente'],
  source: defaultSources,
  yesNo: ['Sí', 'No'],
  goalState: ['Activa', 'Meta eliminada'],
} as const;

const periods = [1, 2, 3, 4];

const planFields: readonly FieldId[] = [
  'dimension', 'sector', 'programCode', 'program', 'goalCode', 'goal', 'indicator', 'unitOfMeasure',
  'goalType', 'accumulation', 'baseline', 'termGoal', 'yearGoal',
  ...periods.map((k) => `planned${k}` as FieldId),
  'weight', 'unit', 'responsible', 'project', 'bpin', 'projectObjective', 'activity', 'startDate', 'endDate',
  'activityProgress', 'source', 'amount', 'needsContract',
];

const captureFields: readonly FieldId[] = [
  'dimension', 'programCode', 'goalCode', 'goal', 'unit', 'accumulation', 'baseline', 'yearGoal',
  ...periods.map((k) => `planned${k}` as FieldId),
  ...periods.map((k) => `executed${k}` as FieldId),
  'executedTotal', 'progressDeclared', 'weight', 'budgetFinal', 'commitments', 'obligations', 'payments',
  'analysis', 'evidence', 'goalState',
];

const ceilingFields: readonly FieldId[] = ['programCode', 'program', 'unit', 'source', 'ceiling'];

const wide: Partial<Record<FieldId, number>> = {
  goal: 45, program: 32, activity: 40, project: 34, projectObjective: 34, analysis: 45, evidence: 30, indicator: 28,
  dimension: 22, unit: 26, responsible: 24, source: 22,
};

function formatOf(field: FieldId): TemplateFormat {
  if (/^(planned|executed)\d+$/.test(field)) return 'magnitude';
  switch (field) {
    case 'programCode': case 'goalCode': case 'bpin': return 'code';
    case 'baseline': case 'executedTotal': case 'numerator': case 'denominator': return 'number';
    case 'termGoal': case 'yearGoal': return 'magnitude';
    case 'amount': case 'budgetFinal': case 'commitments': case 'obligations': case 'payments': case 'ceiling': return 'money';
    case 'weight': case 'activityProgress': case 'progressDeclared': return 'percent';
    case 'startDate': case 'endDate': return 'date';
    default: return 'text';
  }
}

function listOf(field: FieldId, extraSources: readonly string[]): readonly string[] | undefined {
  switch (field) {
    case 'goalType': return templateLists.goalType;
    case 'accumulation': return templateLists.accumulation;
    case 'source': return [...templateLists.source, ...extraSources.filter((s) => !templateLists.source.includes(s))];
    case 'needsContract': return templateLists.yesNo;
    case 'goalState': return templateLists.goalState;
    default: return undefined;
  }
}

const hints: Partial<Record<FieldId, string>> = {
  accumulation: 'Suma: cada trimestre reporta lo hecho en él. Creciente: el nivel alcanzado. Constante: el mismo nivel todo el año. Decreciente: el nivel se reduce.',
  bpin: '13 dígitos: año, código DANE y consecutivo (p. ej. 2024520010035).',
  programCode: 'Código MGA de 4 dígitos (p. ej. 1905).',
  weight: 'Peso de la meta en la dependencia; las metas de una dependencia suman 100 %.',
  goalState: 'Déjelo en blanco o «Activa»; «Meta eliminada» saca la meta de todos los cálculos.',
  executedTotal: 'Suma: total de los trimestres. Creciente, constante, decreciente: el valor del último trimestre reportado.',
};

function isRequired(kind: GeneralKind, field: FieldId): boolean {
  const req = requiredFields[kind] as readonly string[];
  return req.includes(field) || (field.startsWith('executed') && field !== 'executedTotal' && req.includes('executed'));
}

/** The description of a blank template of `kind`. */
export function templateSpec(kind: GeneralKind, settings: TemplateSettings = {}): TemplateSpec {
  const fields = kind === 'plan-accion' ? planFields : kind === 'hoja-captura' ? captureFields : ceilingFields;
  const extra = settings.extraSources ?? [];
  const columns: TemplateColumn[] = fields.map((field) => {
    const format = formatOf(field);
    const header = headerOf(field);
    const base = wide[field] ?? (format === 'money' ? 18 : format === 'date' ? 13 : format === 'code' ? 16 : 13);
    return {
      field,
      header,
      required: isRequired(kind, field),
      format,
      width: Math.max(base, Math.min(header.length + 2, 24)),
      list: listOf(field, extra),
      max100: field === 'weight' || field === 'activityProgress' ? true : undefined,
      hint: hints[field],
    };
  });
  const vigencia = settings.vigencia ?? null;
  const titles: Record<GeneralKind, { sheet: string; title: string }> = {
    'plan-accion': { sheet: 'PE-F-012', title: `Plan de acción${vigencia ? ` ${vigencia}` : ''} — Formato PE-F-012` },
    'hoja-captura': { sheet: 'Hoja de captura', title: 'Hoja de captura — Seguimiento al Plan de Desarrollo' },
    techos: { sheet: 'Techos', title: 'Techos presupuestales por programa' },
  };
  const titleLines: TemplateTitleLine[] = [
    { label: 'Vigencia:', value: vigencia },
    { label: 'Dependencia:', value: settings.unit ?? null },
    { label: 'Fecha de corte:', value: settings.cutoff ?? null, isDate: true },
  ];
  return {
    kind,
    sheetName: titles[kind].sheet,
    entity: settings.entity ?? 'Alcaldía de …',
    title: titles[kind].title,
    titleLines,
    headerRow: 2 + titleLines.length + 2,
    columns,
    dataRows: 200,
  };
}
