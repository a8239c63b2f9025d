/**
 * Use case "Devolver" (PE-P-004 step 4, PE-P-008 step 3): the review of the quarter cut apart by
 * unit, so each dependencia receives ITS observations and ITS lagging and over-programmed goals —
 * never another unit's.
 *
 * Input is what a consolidation computes: the units' own files with their findings, and the
 * consolidated workbook (the "Consolidado" capture sheet with its origin columns) with its
 * progress model and the findings that only appear once the files are together.
 *
 * Whose is a finding:
 * - in a unit's own file: the unit of its data row (its Dependencia cell, else the unit of the
 *   sheet's title block); a finding outside the data rows (a missing header, a title block) goes to
 *   the sheet's title-block unit, else to every unit of that file — they all share the sheet;
 * - on the consolidated sheet: the unit of that consolidated row. It is returned pointing at the
 *   unit's own file, sheet and cell (the consolidated column is translated back to the source
 *   sheet's column of the same field); when the source file is not at hand (a consolidated
 *   workbook given alone) the cell is the consolidated one (`Consolidado!F12`) with the file and
 *   row of origin.
 * - Findings of the consolidated sheet outside its data rows belong to no unit: they stay in the
 *   consolidated Observaciones (`unassigned`).
 *
 * Host-neutral: the CLI writes each return as a workbook; the pane generates one unit's
 * Observaciones and Alertas with the same owners and the same narrowed model (`unitSheet` in
 * `generate.ts`).
 */
import { nameKey } from '../domain/aggregate';
import type { Finding } from '../domain/finding';
import type { FieldId } from '../domain/fields';
import type { GoalProgress } from '../domain/goal';
import { cellAddress } from '../domain/grid';
import type { CellValue, Grid } from '../domain/grid';
import { ORIGIN_FILE_HEADER, ORIGIN_ROW_HEADER, ORIGIN_SHEET_HEADER } from './consolidate';
import type { ReadSheet, ReadWorkbook } from '../domain/sheet';
import { parseAddress } from '../domain/grid';
import type { ProgressModel } from '../domain/progress-model';
import type { ObservationRow } from '../sheets/observaciones';
import { NO_UNIT, rowUnits, unitName } from './units';

export { NO_UNIT, unitName } from './units';

/** Where a consolidated row came from (its origin columns). */
export interface Origin {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

export interface ReturnSourceFile {
  /** File name as the user gave it. */
  readonly file: string;
  readonly workbook: ReadWorkbook;
  readonly findings: readonly Finding[];
}

export interface ReturnsRequest {
  /** Progress model of the consolidated workbook: every unit's goals. */
  readonly model: ProgressModel;
  /** The units' own files (empty when a consolidated workbook is returned alone). */
  readonly sources: readonly ReturnSourceFile[];
  /** The consolidated capture sheet as read, with the origin of each data row. */
  readonly consolidated: { readonly sheet: ReadSheet; readonly origins: ReadonlyMap<number, Origin> };
  /** Findings on the consolidated workbook that are not already among the sources' own. */
  readonly consolidatedFindings: readonly Finding[];
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
  const units = new Map(sheets.map((sh) => [sh.name, rowUnits(sh)]));
  const fileUnits = [...new Set([...units.values()].flatMap((m) => [...m.values()]))];
  return (f) => {
    const sheet = sheets.find((sh) => sh.name === f.sheet);
    const owner = units.get(f.sheet)?.get(f.row) ?? (sheet?.title.unit ? unitName(sheet.title.unit) : undefined);
    return owner ? [owner] : fileUnits.length ? fileUnits : [NO_UNIT];
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

  const sheetsOf = new Map<string, Map<string, ReadSheet>>();
  for (const s of req.sources) {
    sheetsOf.set(s.file, new Map(s.workbook.sheets.map((sh) => [sh.name, sh])));
    const owners = findingOwners(s);
    for (const f of s.findings) for (const u of owners(f)) add(u, { finding: f, file: s.file, linkable: false });
  }

  const cons = req.consolidated;
  const consUnits = rowUnits(cons.sheet);
  const fieldAt = new Map<number, FieldId>(Object.entries(cons.sheet.columns).map(([f, c]) => [c as number, f as FieldId]));
  const unassigned: ObservationRow[] = [];
  for (const f of req.consolidatedFindings) {
    const origin = f.sheet === cons.sheet.name ? cons.origins.get(f.row) : undefined;
    if (!origin) {
      unassigned.push({ finding: f, linkable: false });
      continue;
    }
    const unit = consUnits.get(f.row) ?? NO_UNIT;
    const source = sheetsOf.get(origin.file)?.get(origin.sheet);
    const at = parseAddress(f.cell);
    const field = at ? fieldAt.get(at.col) : undefined;
    const col = field && source ? source.columns[field] : undefined;
    const cell = source ? cellAddress(origin.row, col ?? source.headerCol) : `${cons.sheet.name}!${f.cell}`;
    add(unit, { finding: { ...f, sheet: origin.sheet, row: origin.row, cell }, file: origin.file, linkable: false });
  }

  const units = [...byUnit.values()]
    .sort((a, b) => a.unit.localeCompare(b.unit, 'es'))
    .map((b) => ({ unit: b.unit, rows: b.rows, files: [...b.files].sort(), model: modelForUnit(req.model, b.unit) }));
  return { units, unassigned };
}

/** A file name for a unit's return: `devolucion-secretaria-de-salud.xlsx`. */
export function returnFileName(unit: string): string {
  const slug = nameKey(unit)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `devolucion-${slug || 'dependencia'}.xlsx`;
}

/**
 * The origin of each data row of a consolidated capture sheet, read from its origin columns
 * («Archivo de origen», «Hoja de origen», «Fila de origen») in the header row.
 */
export function originsOf(grid: Grid, headerRow: number): Map<number, Origin> {
  const o = grid.origin ?? { row: 1, col: 1 };
  const at = (row: number, col: number): CellValue | undefined => grid.values[row - o.row]?.[col - o.col];
  const header = grid.values[headerRow - o.row] ?? [];
  const colOf = (text: string) => {
    const i = header.findIndex((v) => typeof v === 'string' && v.trim() === text);
    return i < 0 ? null : i + o.col;
  };
  const [fileCol, sheetCol, rowCol] = [colOf(ORIGIN_FILE_HEADER), colOf(ORIGIN_SHEET_HEADER), colOf(ORIGIN_ROW_HEADER)];
  const out = new Map<number, Origin>();
  if (fileCol === null || sheetCol === null || rowCol === null) return out;
  for (let r = headerRow + 1; r < o.row + grid.values.length; r++) {
    const file = at(r, fileCol);
    const sheet = at(r, sheetCol);
    const row = at(r, rowCol);
    if (typeof file === 'string' && typeof sheet === 'string' && typeof row === 'number') out.set(r, { file, sheet, row });
  }
  return out;
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
