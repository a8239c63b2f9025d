/**
 * The approved plan (línea base de programación) and its change log — rules.md "Rules against the
 * approved baseline", PE-P-002 (approval in Consejo de Gobierno, no new goals after it), PE-P-008
 * step 5 and Bogotá PLE-PIN-P005's modification criteria.
 *
 * - **Stored in the workbook** by "Aprobar plan" / `tablero aprobar` as a very hidden sheet
 *   `_tablero_pdm_aprobado` (users cannot unhide it from Excel's menu; Excel, LibreOffice, exceljs
 *   and office-js all keep and read it): a title row, the approval date and act, the vigencia and
 *   period kind, then one row per goal — code, goal, unit, tipo de acumulación, meta vigencia,
 *   eliminated, programming per period. Plain values only, so both hosts write and read the very
 *   same grid (`baselineRows` / `parseBaseline`).
 * - **The change log** is the visible sheet "Control de cambios": one row per change — Fecha,
 *   Código meta, Campo, Antes, Después, Justificación, Acta u oficio (`parseChangeLog`). The pane's
 *   "Registrar modificación" appends rows; in the CLI, people type them.
 *
 * The reader takes both sheets out of the workbook's data sheets (`ReadWorkbook.baseline`,
 * `.changes`); `rules/lib/baseline.ts` compares.
 */
import type { IsoDate } from './dates';
import type { PeriodKind } from './fields';
import type { GoalInput } from './goal';
import type { CellValue, Grid } from './grid';
import { isCellError } from './grid';
import { captureGoals, goalsFromPlanSheet } from './goals';
import type { ReadSheet, ReadWorkbook } from './sheet';
import { normalize } from './text';
import { periodCount, periodLabel } from './periods';
import { parseDate } from './values';
import { BASELINE_SHEET, isChangeLogSheet } from './baseline-sheets';

export const BASELINE_TITLE = 'Tablero PDM — plan aprobado (línea base). No modifique esta hoja: registre los cambios en «Control de cambios».';
export const CHANGE_LOG_HEADER = ['Fecha', 'Código meta', 'Campo', 'Antes', 'Después', 'Justificación', 'Acta u oficio'] as const;

export interface BaselineGoal {
  readonly code: string;
  readonly goal: string;
  readonly unit: string;
  readonly accumulation: string | null;
  readonly yearGoal: number | null;
  readonly eliminated: boolean;
  /** Programming per period (index 0 = period 1); `null` = blank. */
  readonly planned: readonly (number | null)[];
  /** The goal's money (apropiación definitiva, its activities' or joined rows' sum), when the sheets give it. */
  readonly budget?: number | null;
  /**
   * What besides the code identifies the goal on an activity-level sheet («Cód BP BP26005375,
   * Cód Producto MGA 2402041»: one product code under two projects is two goals); `''` otherwise.
   */
  readonly identity?: string;
}

export interface Baseline {
  /** Date of the Consejo de Gobierno's approval. */
  readonly approvedOn: IsoDate;
  /** Act (acta) of the approval. */
  readonly act: string;
  readonly vigencia: number;
  readonly periodKind: PeriodKind;
  /** Where the goals were taken from: the plan de acción, else the capture sheets. */
  readonly from: 'plan-accion' | 'hoja-captura';
  readonly goals: readonly BaselineGoal[];
  /** The headers that identify a goal besides its code (an activity-level sheet's `goalKey`), as written; empty when the code alone does. */
  readonly identifiedBy?: readonly string[];
}

/** A field of a goal a change can touch: meta vigencia, a period's programming, its state or its tipo de acumulación. */
export type ChangeField = 'yearGoal' | `planned${number}` | 'eliminated' | 'accumulation';

export interface ChangeEntry {
  /** Sheet row of the entry. */
  readonly row: number;
  readonly date: IsoDate | null;
  readonly goal: string;
  /** The field as written ("Programado T2"). */
  readonly fieldText: string;
  /** The field understood, `null` when it names none of the goal's programming fields. */
  readonly field: ChangeField | null;
  readonly before: string;
  readonly after: string;
  /** The «Después» cell's number, when it holds one (10,625 typed as a number is not the text «10.625»). */
  readonly afterNumber?: number;
  readonly justification: string | null;
  readonly act: string | null;
}

export interface ChangeLog {
  readonly sheet: string;
  readonly headerRow: number;
  readonly entries: readonly ChangeEntry[];
}

/**
 * The goals a baseline is taken from: the plan de acción sheets, else the capture sheets read as
 * the report reads them (`captureGoals`: a joined sheet's rows are money on its goals, not goals;
 * an activity-level sheet's goals are its distinct products). The first goal of an identity
 * (code, and on an activity-level sheet its `goalKey`) wins.
 */
export function baselineGoalsOf(sheets: readonly ReadSheet[]): { from: Baseline['from']; goals: GoalInput[] } {
  const plans = sheets.filter((s) => s.kind === 'plan-accion');
  const from: Baseline['from'] = plans.length ? 'plan-accion' : 'hoja-captura';
  const source = plans.length ? plans.flatMap(goalsFromPlanSheet) : captureGoals(sheets);
  const seen = new Set<string>();
  const goals: GoalInput[] = [];
  for (const g of source) {
    const key = goalIdentityKey(g.code, identityOf(g));
    if (!g.code || seen.has(key)) continue;
    seen.add(key);
    goals.push(g);
  }
  return { from, goals };
}

/** A goal's identity besides its code, as stored: «Cód BP BP26005375, Cód Producto MGA 2402041», `''` when the code alone identifies it. */
export function identityOf(g: Pick<GoalInput, 'identity'>): string {
  return (g.identity ?? []).map((p) => `${p.label} ${p.value}`).join(', ');
}

/** The key a goal is matched by between the approved plan and the workbook: its code and identity. */
export function goalIdentityKey(code: string, identity: string | undefined): string {
  return identity ? `${code}\u0000${identity}` : code;
}

/** The baseline of a workbook's goals, approved on `approvedOn` by `act`. */
export function baselineOf(sheets: readonly ReadSheet[], approvedOn: IsoDate, act: string, vigencia: number): Baseline {
  const { from, goals } = baselineGoalsOf(sheets);
  const identifiedBy = [
    ...new Set(
      sheets
        .filter((s) => from === 'hoja-captura' && s.kind === 'hoja-captura' && s.granularity === 'activity' && s.goalKey)
        .flatMap((s) => (s.goalKey ?? []).filter((f) => s.columns[f] !== undefined).map((f) => s.headers?.[f] ?? f)),
    ),
  ];
  return {
    approvedOn,
    act,
    vigencia,
    periodKind: goals[0]?.periodKind ?? 'quarter',
    from,
    goals: goals.map((g) => ({
      code: g.code,
      goal: g.goal,
      unit: g.unit,
      accumulation: g.accumulation,
      yearGoal: g.yearGoal,
      eliminated: g.eliminated,
      planned: [...g.planned],
      budget: g.budget.final,
      identity: identityOf(g),
    })),
    ...(identifiedBy.length > 0 ? { identifiedBy } : {}),
  };
}

const HEADER = ['Código meta', 'Meta', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia', 'Eliminada'];
/** After the periods' programming (a baseline stored before them has neither: read by header). */
const BUDGET_HEADER = 'Presupuesto';
const IDENTITY_HEADER = 'Identificación';
const FIRST_GOAL_ROW = 8;
const PERIOD_WORDS: Record<PeriodKind, string> = { quarter: 'trimestres', month: 'meses', year: 'año' };

/** The baseline as the rows of its very hidden sheet (plain values, both hosts). */
export function baselineRows(b: Baseline): CellValue[][] {
  const periods = periodCount(b.periodKind);
  return [
    [BASELINE_TITLE],
    ['Fecha de aprobación', b.approvedOn],
    ['Acta', b.act],
    ['Vigencia', b.vigencia],
    ['Periodos', PERIOD_WORDS[b.periodKind]],
    ['Tomado de', b.from],
    [...HEADER, ...Array.from({ length: periods }, (_, i) => `Programado ${i + 1}`), BUDGET_HEADER, IDENTITY_HEADER],
    ...b.goals.map((g) => [
      g.code, g.goal, g.unit, g.accumulation, g.yearGoal, g.eliminated ? 'Sí' : 'No',
      ...Array.from({ length: periods }, (_, i) => g.planned[i] ?? null),
      g.budget ?? null,
      g.identity ? g.identity : null,
    ]),
  ];
}

function cell(grid: Grid, row: number, col: number): CellValue | undefined {
  return grid.values[row - 1]?.[col - 1];
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined || isCellError(v)) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function num(v: CellValue | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function date(v: CellValue | undefined, numberFormat?: string | null): IsoDate | null {
  const p = parseDate(v, numberFormat ?? (typeof v === 'number' ? 'dd/mm/yyyy' : null));
  return p.status === 'ok' && typeof p.value === 'string' ? (p.value as IsoDate) : null;
}

/** The baseline stored in its sheet; `null` when the sheet does not hold one. */
export function parseBaseline(grid: Grid): Baseline | null {
  if (grid.name !== BASELINE_SHEET || text(cell(grid, 1, 1)) !== BASELINE_TITLE) return null;
  const approvedOn = date(cell(grid, 2, 2));
  const vigencia = num(cell(grid, 4, 2));
  if (approvedOn === null || vigencia === null) return null;
  const periodWord = text(cell(grid, 5, 2));
  const periodKind: PeriodKind = periodWord === 'meses' ? 'month' : periodWord === 'año' ? 'year' : 'quarter';
  const periods = periodCount(periodKind);
  const header = (grid.values[FIRST_GOAL_ROW - 2] ?? []).map((v) => text(v));
  const budgetCol = header.indexOf(BUDGET_HEADER) + 1;
  const identityCol = header.indexOf(IDENTITY_HEADER) + 1;
  const goals: BaselineGoal[] = [];
  for (let r = FIRST_GOAL_ROW; r <= grid.values.length; r++) {
    const code = text(cell(grid, r, 1));
    if (!code) continue;
    goals.push({
      code,
      goal: text(cell(grid, r, 2)),
      unit: text(cell(grid, r, 3)),
      accumulation: text(cell(grid, r, 4)) || null,
      yearGoal: num(cell(grid, r, 5)),
      eliminated: text(cell(grid, r, 6)) === 'Sí',
      planned: Array.from({ length: periods }, (_, i) => num(cell(grid, r, 7 + i))),
      ...(budgetCol > 0 ? { budget: num(cell(grid, r, budgetCol)) } : {}),
      ...(identityCol > 0 ? { identity: text(cell(grid, r, identityCol)) } : {}),
    });
  }
  return {
    approvedOn,
    act: text(cell(grid, 3, 2)),
    vigencia,
    periodKind,
    from: text(cell(grid, 6, 2)) === 'hoja-captura' ? 'hoja-captura' : 'plan-accion',
    goals,
  };
}

/** A field as the messages and «Control de cambios» name it: «Meta vigencia», «Programado T2», «Estado de la meta» (`changeFieldOf` reads it back). */
export function changeFieldLabel(field: ChangeField, kind: PeriodKind): string {
  if (field === 'yearGoal') return 'Meta vigencia';
  if (field === 'eliminated') return 'Estado de la meta';
  if (field === 'accumulation') return 'Tipo de acumulación';
  return `Programado ${periodLabel(Number(field.slice('planned'.length)), kind)}`;
}

const monthNames = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/** "Meta vigencia" → yearGoal; "Programado T2", "T2", "Programación trimestre 2", "Programado Mar" → planned2/3; "Estado", "Eliminación" → eliminated; "Tipo de acumulación" → accumulation. */
export function changeFieldOf(fieldText: string): ChangeField | null {
  const t = normalize(fieldText);
  if (!t) return null;
  if (/acumulacion/.test(t)) return 'accumulation';
  if (/meta (vigencia|del ano|ano|anual)|^meta$|magnitud/.test(t)) return 'yearGoal';
  if (/elimina|estado/.test(t)) return 'eliminated';
  const q = /(?:^|\b)t\s*\.?\s*([1-4])\b|trimestre\s*([1-4])/.exec(t);
  if (q) return `planned${Number(q[1] ?? q[2])}`;
  const m = monthNames.findIndex((mn) => new RegExp(`\\b${mn}`).test(t));
  if (m >= 0 && /program/.test(t)) return `planned${m + 1}`;
  return null;
}

/** A column of the change log, by what it holds. */
export type ChangeLogColumn = 'date' | 'goal' | 'field' | 'before' | 'after' | 'justification' | 'act';

/** The columns of `CHANGE_LOG_HEADER`, in order. */
export const CHANGE_LOG_COLUMNS: readonly ChangeLogColumn[] = ['date', 'goal', 'field', 'before', 'after', 'justification', 'act'];

/**
 * Where the change log's header is: its index in the grid's rows (`-1` when none: the first of
 * the first 20 rows with "Fecha", "Código…" and "Campo") and each column's index in the row.
 */
export function changeLogColumns(grid: Grid): { headerIndex: number; cols: Partial<Record<ChangeLogColumn, number>> } {
  let headerIndex = -1;
  let cols: Partial<Record<ChangeLogColumn, number>> = {};
  for (let i = 0; i < Math.min(grid.values.length, 20) && headerIndex < 0; i++) {
    const row = grid.values[i] ?? [];
    const found: Partial<Record<ChangeLogColumn, number>> = {};
    row.forEach((v, j) => {
      const t = normalize(text(v));
      if (t === 'fecha') found.date = j;
      else if (t.startsWith('codigo')) found.goal = j;
      else if (t === 'campo') found.field = j;
      else if (t === 'antes') found.before = j;
      else if (t === 'despues') found.after = j;
      else if (t.startsWith('justificacion')) found.justification = j;
      else if (t.startsWith('acta') || t.startsWith('oficio')) found.act = j;
    });
    if (found.date !== undefined && found.field !== undefined && found.goal !== undefined) {
      headerIndex = i;
      cols = found;
    }
  }
  return { headerIndex, cols };
}

/** The change log in its sheet: the header row is the first with "Fecha" and "Campo". */
export function parseChangeLog(grid: Grid): ChangeLog | null {
  if (!isChangeLogSheet(grid.name)) return null;
  const origin = grid.origin ?? { row: 1, col: 1 };
  const { headerIndex, cols } = changeLogColumns(grid);
  if (headerIndex < 0) return { sheet: grid.name, headerRow: 0, entries: [] };
  const entries: ChangeEntry[] = [];
  for (let i = headerIndex + 1; i < grid.values.length; i++) {
    const row = grid.values[i] ?? [];
    const at = (k: ChangeLogColumn): CellValue | undefined => (cols[k] === undefined ? undefined : row[cols[k]]);
    const dateFormat = cols.date === undefined ? undefined : grid.numberFormats?.[i]?.[cols.date];
    const goal = text(at('goal'));
    const fieldText = text(at('field'));
    if (!goal && !fieldText) continue;
    entries.push({
      row: origin.row + i,
      date: date(at('date'), dateFormat),
      goal,
      fieldText,
      field: changeFieldOf(fieldText),
      before: text(at('before')),
      after: text(at('after')),
      ...(typeof at('after') === 'number' ? { afterNumber: at('after') as number } : {}),
      justification: text(at('justification')) || null,
      act: text(at('act')) || null,
    });
  }
  return { sheet: grid.name, headerRow: origin.row + headerIndex, entries };
}

/** The approved plan of a workbook: the one given from outside, else the one stored in it. */
export function storedBaseline(wb: ReadWorkbook): Baseline | null {
  return wb.baseline ?? (wb.baselineGrid ? parseBaseline(wb.baselineGrid) : null);
}

/** The workbook's "Control de cambios", when it has one. */
export function changeLogOf(wb: ReadWorkbook): ChangeLog | null {
  return wb.changesGrid ? parseChangeLog(wb.changesGrid) : null;
}
