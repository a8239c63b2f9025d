/**
 * Use case "Devolver" (PE-P-004 step 4, PE-P-008 step 3): the review of the quarter cut apart by
 * unit, so each dependencia receives ITS observations and ITS lagging and over-programmed goals —
 * never another unit's.
 *
 * Input is what a consolidation computes (`app/consolidation-review.ts`): the units' own files,
 * each with its own findings and the ones that span files (a goal two files report), and the
 * progress model combined from each file's own. Or a consolidated workbook given alone: its
 * «Consolidado» capture sheet with its origin columns, and the findings on it.
 *
 * Whose is a finding:
 * - in a unit's own file: the unit of its data row (its Dependencia cell, else the unit of the
 *   sheet's title block; «Sin dependencia» when the row names none); a finding outside the data rows (a missing header, a title block) goes to
 *   the sheet's title-block unit, else to every unit of that file — they all share the sheet;
 * - on a consolidated sheet given alone: the unit of that consolidated row, pointing at the unit's
 *   own cell (file, sheet, row of origin and the field's column there; `asInOrigin`). Findings
 *   outside its data rows belong to no unit: they stay in the consolidated Observaciones (`unassigned`).
 *
 * Host-neutral: the CLI writes each return as a workbook; the pane generates one unit's
 * Observaciones and Alertas with the same owners and the same narrowed model (`unitSheet` in
 * `generate.ts`).
 */
import { nameKey } from '../domain/text';
import { cellAddress, parseAddress } from '../domain/grid';
import type { FieldId } from '../domain/fields';
import type { Finding } from '../domain/finding';
import type { GoalProgress } from '../domain/goal';
import type { Origin } from '../domain/consolidated';
import { isGoalSheet, type ReadSheet, type ReadWorkbook } from '../domain/sheet';
import type { ProgressModel } from '../domain/progress-model';
import type { ObservationRow } from '../sheets/observaciones';
import { NO_UNIT, rowUnits, unitName } from './units';

export { NO_UNIT, unitName } from './units';

export interface ReturnSourceFile {
  /** File name as the user gave it. */
  readonly file: string;
  readonly workbook: ReadWorkbook;
  readonly findings: readonly Finding[];
}

export interface ReturnsRequest {
  /** Progress model of the consolidation: every unit's goals. */
  readonly model: ProgressModel;
  /**
   * The units' own files, each with its findings — its own and the ones that span files
   * (empty when a consolidated workbook is returned alone).
   */
  readonly sources: readonly ReturnSourceFile[];
  /**
   * A consolidated workbook returned alone: its capture sheet as read, with the origin of each
   * data row, and the findings on it.
   */
  readonly consolidated?: {
    /** Its name, and the sheet as read (a part per origin sheet, when it says how each was read). */
    readonly name: string;
    readonly sheets: readonly ReadSheet[];
    readonly origins: ReadonlyMap<number, Origin>;
    readonly findings: readonly Finding[];
  };
}

export interface UnitReturn {
  readonly unit: string;
  /** The unit's observations, each naming its file, sheet and cell. */
  readonly rows: readonly ObservationRow[];
  /** The consolidated model narrowed to the unit: its goals, lagging, over 100 %, unreported. */
  readonly model: ProgressModel;
  /** The files the unit's rows came from. */
  readonly files: readonly string[];
}

export interface Returns {
  /** One per unit, in alphabetical order. */
  readonly units: readonly UnitReturn[];
  /** Findings of the consolidation itself, which no unit owns. */
  readonly unassigned: readonly ObservationRow[];
}

/** The progress model narrowed to one unit (its goals and lists; its own figures as the plan's). */
export function modelForUnit(model: ProgressModel, unit: string): ProgressModel {
  const key = nameKey(unit);
  const mine = (g: GoalProgress) => nameKey(unitName(g.input.unit)) === key;
  const units = model.units.filter((u) => nameKey(u.name) === key);
  return {
    ...model,
    goals: model.goals.filter(mine),
    units,
    rezagadas: model.rezagadas.filter(mine),
    sobreejecutadas: model.sobreejecutadas.filter(mine),
    overExecuted: model.overExecuted.filter(mine),
    noCumplidas: model.noCumplidas.filter(mine),
    noMedibles: model.noMedibles.filter(mine),
    missingReports: model.missingReports.filter((m) => mine(m.goal)),
    budgetAhead: model.budgetAhead.filter(mine),
    gestionUnits: model.gestionUnits.filter((u) => nameKey(u.name) === key),
    unreported: model.unreported.filter(mine),
    plan: units[0] ?? model.plan,
  };
}

/**
 * Whose is each finding of a unit's own file (see the module's doc): the unit of its data row, else
 * the sheet's title-block unit, else every unit of the file (`NO_UNIT` when the file names none).
 */
export function findingOwners(source: Pick<ReturnSourceFile, 'workbook'>): (f: Finding) => string[] {
  const sheets = source.workbook.sheets;
  // The parts of a consolidated sheet share its name: their rows are told apart by number.
  const units = new Map<string, Map<number, string>>();
  for (const sh of sheets) units.set(sh.name, new Map([...(units.get(sh.name) ?? []), ...rowUnits(sh)]));
  // Goal rows of capture sheets: one naming no unit is a goal of «Sin dependencia».
  const dataRows = new Map<string, Set<number>>();
  for (const sh of sheets.filter(isGoalSheet)) dataRows.set(sh.name, new Set([...(dataRows.get(sh.name) ?? []), ...sh.rows.map((r) => r.row)]));
  const fileUnits = [...new Set([...units.values()].flatMap((m) => [...m.values()]))];
  return (f) => {
    const sheet = sheets.find((sh) => sh.name === f.sheet);
    const owner = units.get(f.sheet)?.get(f.row) ?? (sheet?.title.unit ? unitName(sheet.title.unit) : undefined);
    if (owner) return [owner];
    // A data row that names no unit is «Sin dependencia»'s, like its goal — not every unit's.
    if (dataRows.get(f.sheet)?.has(f.row)) return [NO_UNIT];
    return fileUnits.length ? fileUnits : [NO_UNIT];
  };
}

/** Splits the review of a consolidation by unit. */
export function splitReturns(req: ReturnsRequest): Returns {
  const byUnit = new Map<string, { unit: string; rows: ObservationRow[]; files: Set<string> }>();
  const bucket = (unit: string) => {
    const key = nameKey(unit);
    let b = byUnit.get(key);
    if (!b) byUnit.set(key, (b = { unit, rows: [], files: new Set() }));
    return b;
  };
  const add = (unit: string, row: ObservationRow) => {
    const b = bucket(unit);
    b.rows.push(row);
    if (row.file) b.files.add(row.file);
  };
  // Every unit with goals gets its return, even with nothing to correct.
  for (const g of req.model.goals) bucket(unitName(g.input.unit));

  for (const s of req.sources) {
    // The files a unit's goal rows came from, whether or not they hold an observation.
    for (const sh of s.workbook.sheets.filter(isGoalSheet)) {
      const units = rowUnits(sh);
      for (const r of sh.rows) byUnit.get(nameKey(units.get(r.row) ?? NO_UNIT))?.files.add(s.file);
    }
    const owners = findingOwners(s);
    for (const f of s.findings) for (const u of owners(f)) add(u, { finding: f, file: s.file, linkable: false });
  }

  // A consolidated workbook alone: its findings go to the unit of their row, pointing at the
  // unit's own cell (the file is not at hand; the consolidation kept where each field was).
  const unassigned: ObservationRow[] = [];
  const cons = req.consolidated;
  if (cons) {
    const consUnits = new Map(cons.sheets.flatMap((sh) => [...rowUnits(sh)]));
    // A copied goal row that names no unit is «Sin dependencia»'s, as in the unit's own file (`findingOwners`).
    for (const f of cons.findings) {
      const origin = f.sheet === cons.name ? cons.origins.get(f.row) : undefined;
      if (!origin) unassigned.push({ finding: f, linkable: false });
      else add(consUnits.get(f.row) ?? NO_UNIT, { finding: asInOrigin(f, origin, cons), file: origin.file, linkable: false });
    }
  }

  const units = [...byUnit.values()]
    .sort((a, b) => a.unit.localeCompare(b.unit, 'es'))
    .map((b) => ({ unit: b.unit, rows: b.rows, files: [...b.files].sort(), model: modelForUnit(req.model, b.unit) }));
  return { units, unassigned };
}

/** Rules whose messages cite other rows or cells of the finding's own sheet («ya aparece en la fila 13», «(AI30)»). */
const SAME_SHEET_CITES: ReadonlySet<string> = new Set(['duplicate', 'goal-mismatch', 'program-mismatch', 'number-as-text', 'formula-error']);

/**
 * A finding on the consolidated sheet as the unit finds it in its own file: the cell of the same
 * field on its origin row (the consolidation keeps each origin sheet's columns; one written before
 * that keeps the consolidated cell, `Consolidado!F12`), and the cells and rows its message cites —
 * on the consolidated sheet — as the cells and rows of their own files.
 */
function asInOrigin(f: Finding, origin: Origin, cons: NonNullable<ReturnsRequest['consolidated']>): Finding {
  const own = (o: Origin) => o.file === origin.file && o.sheet === origin.sheet;
  /** The origin cell of a consolidated cell, when its row was copied and its column is a field its origin kept. */
  const originCell = (a1: string): { cell: string; origin: Origin } | undefined => {
    const at = parseAddress(a1);
    const o = at ? cons.origins.get(at.row) : undefined;
    if (!at || !o) return undefined;
    const part = cons.sheets.find((s) => s.part?.file === o.file && s.part.sheet === o.sheet);
    if (!part) return undefined;
    const field = (Object.keys(part.columns) as FieldId[]).find((k) => part.columns[k] === at.col);
    // A column no field was read from (an Excel error copied from it): the origin's column of the same header.
    const header = field === undefined ? part.unread?.find((u) => u.col === at.col)?.header : undefined;
    const col = field !== undefined ? part.part?.columns?.[field] : part.part?.unread?.find((u) => u.header === header)?.col;
    return col === undefined ? undefined : { cell: cellAddress(o.row, col), origin: o };
  };
  const elsewhere = (o: Origin) => (own(o) ? '' : ` de «${o.file}» (hoja «${o.sheet}»)`);
  // Only rules whose messages cite rows and cells of the finding's own sheet, and never inside a
  // quoted text («…»: a value the unit typed) — «(hoja «PE-F-012», fila 8)» is another sheet's row.
  const translate = (part: string): string =>
    part
      .replace(/\(([A-Z]{1,3}\d+)\)/g, (text, a1: string) => {
        const c = originCell(a1);
        return c ? `(${c.cell}${elsewhere(c.origin)})` : text;
      })
      .replace(/\bfila (\d+)\b/g, (text, n: string) => {
        const o = cons.origins.get(Number(n));
        return o ? `fila ${o.row}${elsewhere(o)}` : text;
      });
  const message = SAME_SHEET_CITES.has(f.rule) ? f.message.split(/(«[^»]*»)/).map((part) => (part.startsWith('«') ? part : translate(part))).join('') : f.message;
  return { ...f, sheet: origin.sheet, row: origin.row, cell: originCell(f.cell)?.cell ?? `${cons.name}!${f.cell}`, message };
}

/** A file name for a unit's return: `devolucion-secretaria-de-salud.xlsx`. */
export function returnFileName(unit: string): string {
  const slug = nameKey(unit)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `devolucion-${slug || 'dependencia'}.xlsx`;
}

/** What `devolver` wrote: one workbook per unit, and what each holds. */
export interface WrittenReturns {
  readonly cutoff: string;
  /** Report deadline of the cut-off period, `null` when nothing is measured. */
  readonly deadline: string | null;
  readonly units: readonly {
    /** The file as the user named it (`<carpeta>/devolucion-….xlsx`). */
    readonly display: string;
    readonly unit: string;
    readonly errors: number;
    readonly warnings: number;
    readonly rezagadas: number;
    /** Goals above what was due at the cut-off (Alertas section 2). */
    readonly overExecuted: number;
  }[];
  /** Findings of the consolidated workbook itself that belong to no unit. */
  readonly unassigned: number;
}
