/**
 * A format description of the catalog (real-formats.md "Know the standard formats by name"): what a
 * known layout's authors mean by each column, written as data. One file per format, like the rule
 * catalog; `index.ts` lists them. The general header matcher (`../headers.ts`) reads everything no
 * description knows.
 *
 * Every pattern is a regular expression on a header's key (`./key.ts`: lower case, no accents or
 * punctuation, qualifiers in parentheses dropped, little words dropped, plural = singular, one word
 * per family of abbreviations — `Ejec.` = ejecución, `No.` = `Cód.` = código … —, quarters as
 * `t1`…`t4`), written with the `key` tag so its plain words fold the same way, and anchored by the
 * description itself. A pattern that names the qualifier (`^codigo de indicador de producto
 * mga$`) is tried first on the header with its qualifier kept: it tells apart two columns the
 * qualifier alone distinguishes (SisPT's `(SisPT)` and `(MGA)` indicator codes). A named group `year` puts the column in that year's block; the reader
 * reads the block of the vigencia (real-formats.md "Years and the vigencia").
 */
import type { FieldId, PeriodKind, RequiredField, SheetKind } from '../fields';
import type { ParsedValue } from '../sheet';

/** How a column's field follows from its header's match (`T2. EJECUTADO 2025` → `executed2`). */
export type FieldOf = FieldId | readonly FieldId[] | ((m: RegExpExecArray) => FieldId | undefined);

export interface FormatColumn {
  /** Anchored pattern on the normalised header. */
  readonly header: RegExp;
  readonly field: FieldOf;
  /**
   * When several columns of one block carry the field, which one the authors mean: Tenjo's second
   * `L.B` (the product's, beside the goal) and its second `COMPROMISOS 2025` block.
   */
  readonly pick?: 'first' | 'last';
  /**
   * A per-period column of a scalar field (`Explicación Producto Trim II` is the analysis of T2):
   * the reader keeps the column of the period being measured. `'left'`: a header that names no
   * quarter and repeats once per quarter (Cali's `Explicación Avance / Retroceso`, as its
   * `Descripcion Cuadro` calls it) belongs to the quarter of the nearest column at its left that
   * names one.
   */
  readonly period?: ((m: RegExpExecArray) => number | undefined) | 'left';
  /** Plan indicativo: a column of one year of the term (programming, a source's cost, the total). */
  readonly yearly?: 'planned' | 'cost' | 'source';
}

/** Another sheet of the format's workbook: described, listed, never read as data. */
export interface CompanionSheet {
  /** Its role, shown in the output ("hoja de resumen del formato"). */
  readonly role: string;
  /** Header patterns (anywhere in its first 30 rows) or a name pattern (normalised) that identify it. */
  readonly headers?: readonly RegExp[];
  readonly name?: RegExp;
  /**
   * Its title rows name the entity as «Municipio, Departamento» (DNP's `Resumen`: «Cajicá,
   * Cundinamarca»): the entity of the format's sheets when their own titles name none.
   */
  readonly namesEntity?: boolean;
}

/** A second sheet whose rows join the data sheet's goals by a code (DNP: físico + financiero). */
export interface JoinedSheet {
  readonly role: string;
  /** Header patterns that identify it (all present in one row). */
  readonly signature: readonly RegExp[];
  readonly columns: readonly FormatColumn[];
  /** The field both sheets share. */
  readonly on: FieldId;
}

export interface FormatDescription {
  /** Stable id, also the name of the file and of its docs page (`docs/formatos/<id>.md`). */
  readonly id: string;
  /** What the output says ("Plan indicativo exportado de SisPT (DNP)"). */
  readonly name: string;
  readonly kind: SheetKind;
  /**
   * The format's most telling columns. A header row is read as this format when it shows at least
   * two of them and enough of the format's columns (`formatOfRow` in `index.ts`); an empty
   * signature: the general matcher reads the sheet and names the format (PE-F-012, Bogotá).
   */
  readonly signature: readonly RegExp[];
  readonly columns: readonly FormatColumn[];
  /** The fields this format's authors make obligatory (a missing one is `header-missing`). */
  readonly required: readonly RequiredField[];
  /** Quarters unless said (DNP's follow-up is annual: one period, the year). */
  readonly periodKind?: PeriodKind;
  /**
   * `activity`: one row per activity, the product repeated on each (Cali). Goals are the distinct
   * `goalKey` values; activities keep their own weights, progress, notes and dates.
   */
  readonly granularity?: 'goal' | 'activity';
  readonly goalKey?: readonly FieldId[];
  /** Accumulation of the goals when the sheet has no column for it (Cali's levels reached). */
  readonly accumulation?: 'suma' | 'creciente' | 'constante' | 'decreciente';
  /**
   * The quarters hold shares of the year's expected value that add up (Cundinamarca): a level
   * goal whose quarters add up to its meta vigencia (or to 1) is read as a flow.
   */
  readonly quarterShares?: boolean;
  /**
   * No programming per period: the year's quantity is what is due at every cut-off (Cali's
   * `Cantidad Programada Producto`, against which each quarter's level reached is reported).
   */
  readonly yearGoalDue?: boolean;
  /**
   * The budget column read as `budgetFinal` is the plan's programmed cost for the year (DNP's
   * `Programado 2025 (SisPT)` beside CUIPO's execution), not an apropiación definitiva: it is the
   * denominator of budget execution, but commitments above it break no budget chain.
   */
  readonly budgetIsProgrammed?: boolean;
  /**
   * The header of a column that repeats the entity on every row (SisPT's «Entidad territorial»):
   * when the title block names none and the column holds one value, that is the entity.
   */
  readonly entityHeader?: RegExp;
  /**
   * The format writes every code as text (SisPT's export): a code cell holding a number was typed
   * by hand over the export (`code-format`), and may have lost its leading zeros.
   */
  readonly textCodes?: boolean;
  /**
   * Fields whose values come from a catalog and are written exactly as there (SisPT's unit of
   * measure, from the MGA's): a value with stray spaces was typed by hand (`enum`).
   */
  readonly catalogFields?: readonly FieldId[];
  /**
   * Number fields the format's authors fill with a description around the figure (Cundinamarca's
   * product `L.B`: «3 muros construidos», «100% (130 beneficiarios 2023)»): text there is how the
   * format is written, not a mistake (`number` does not fire); such a cell gives no number to the
   * calculations, and the reading says so once per column.
   */
  readonly describedFields?: readonly FieldId[];
  /**
   * Words of the format for a field's values, as its authors write them (`I` = increasing …; read
   * normalised). They are also what `enum` lists when a cell holds another word.
   */
  readonly values?: Readonly<Partial<Record<FieldId, Readonly<Record<string, ParsedValue>>>>>;
  /** Percent columns holding fractions even without a `%` number format (Cundinamarca's `% TOTAL AVANCE`, a formula's ratio). */
  readonly fractionPercents?: readonly FieldId[];
  readonly companions?: readonly CompanionSheet[];
  /**
   * What the format's authors call the plan or report it follows («Informe de seguimiento al
   * PDT»): the generated sheets' titles say it instead of «Plan de Acción».
   */
  readonly planName?: string;
  /** The entity whose own format this is (Cali's Cuadro 1S: «Santiago de Cali»), when its sheets' titles name none. */
  readonly entity?: string;
  readonly joined?: JoinedSheet;
}

/** Quarter number of `i`, `ii`, `1`, `primer` … (the words real headers use). */
export function quarterOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const n = quarterWords[word];
  return n;
}

const quarterWords: Readonly<Record<string, number>> = Object.assign(Object.create(null) as Record<string, number>, {
  '1': 1, '2': 2, '3': 3, '4': 4, i: 1, ii: 2, iii: 3, iv: 4,
  primer: 1, primero: 1, segundo: 2, tercer: 3, tercero: 3, cuarto: 4,
});

/** Pattern fragment of a year (a named group `year`). */
export const YEAR = '(?<year>(?:19|20)\\d\\d)';
/**
 * Pattern fragment of a quarter in a header's key (`./key.ts`, a named group `q`): the key writes
 * every quarter wording (`T1`, `T.1`, `Trimestre II`, `III trimestre`, `1er trimestre`, `Primer
 * trimestre`, `Trim IV`…) as `t1`…`t4`, so patterns on keys say `${QUARTER}` alone, without the `t`.
 */
export const QUARTER = 't(?<q>[1-4])';
