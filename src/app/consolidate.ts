/**
 * Use case "Consolidar" (product.md; PE-P-004 step 3): the units' capture sheets, each validated
 * in its own file, copied into ONE consolidated capture sheet — one row per goal row, with the
 * file, sheet and row it came from — ready for the tablero.
 *
 * - Values are copied as the person typed them (the reader's raw value: a number typed as text
 *   stays text, a formula error stays an error) with the cell's number format, so the
 *   consolidated sheet reads exactly like the sources. Headers are the canonical ones.
 * - A row whose Dependencia is blank takes the unit of its sheet's title block ("Dependencia:
 *   Secretaría de Salud"), which the source sheet implied; nothing else is filled in.
 * - All capture sheets must use the same periods (quarters or months); mixing them is refused.
 * - Host-neutral: the result is a sheet model (`kind: 'consolidado'`), marked as the product's.
 */
import type { CellValue } from '../domain/grid';
import { isCellError, NOT_CALCULATED } from '../domain/grid';
import { pushTo } from '../domain/multimap';
import { fromJsDate, todayIso, type IsoDate } from '../domain/dates';
import { reportedCutoff } from './run-options';
import type { Finding } from '../domain/finding';
import { canonicalHeaders, executedField, headerOf, plannedField } from '../domain/fields';
import type { FieldId, PeriodKind } from '../domain/fields';
import { isGoalSheet, joinsSheet, type ErrorCell, type ReadSheet, type ReadWorkbook } from '../domain/sheet';
import { ORIGIN_FILE_HEADER, ORIGIN_ROW_HEADER, ORIGIN_SHEET_HEADER, originReadingOf, unreadHeader, type OriginReading } from '../domain/consolidated';
import { formatDate } from '../domain/format';
import { SheetBuilder, baseStyles, palette } from '../sheets/model';
import type { SheetModel } from '../sheets/model';
import type { GenerarResult } from './generate';
import type { EngineOptions } from '../domain/options';
import { UserError } from './errors';
import type { ProgressModel } from '../domain/progress-model';
import { analyse } from './analyse';
import { allRulesWithBaseline } from '../rules/baseline-index';


/**
 * A unit's file in a consolidation, with its OWN reading and review: the findings `validar` and the
 * progress model `reporte` give on that file (its format, its granularity, its year block, its
 * value conventions), at the consolidation's cut-off. The consolidation's verdicts are these,
 * never a re-reading of the copied rows.
 */
export interface ConsolidationSource {
  /** File name as the user gave it. */
  readonly file: string;
  readonly workbook: ReadWorkbook;
  readonly options: EngineOptions;
  readonly findings: readonly Finding[];
  readonly model: ProgressModel;
}

/** A unit's file reviewed on its own, as `validar` and `reporte` review it (every rule, the baseline's included). */
export function reviewSource(file: string, workbook: ReadWorkbook, options: EngineOptions): ConsolidationSource {
  const a = analyse(workbook, options, allRulesWithBaseline);
  return { file, workbook, options, findings: a.findings, model: a.model };
}

export interface Consolidation {
  readonly sheet: SheetModel;
  /** Data rows copied. */
  readonly rows: number;
  /** Per file: capture sheets copied. */
  readonly files: readonly { file: string; sheets: readonly string[]; rows: number }[];
  readonly periodKind: PeriodKind;
  /** The consolidated sheet's fields, one per column from column 1 (the origin columns follow). */
  readonly fields: readonly FieldId[];
  /** Where each source row went: `placedKey(file, sheet, row)` → row of the consolidated sheet. */
  readonly placed: ReadonlyMap<string, number>;
}

/** Key of a source row in `Consolidation.placed`. */
export function placedKey(file: string, sheet: string, row: number): string {
  return `${file}\u0000${sheet}\u0000${row}`;
}

/** A consolidation written into a new workbook (what `tablero consolidar` says of it). */
export interface ConsolidatedCopy {
  /** Data rows copied. */
  readonly rows: number;
  /** Files that had a capture sheet. */
  readonly files: number;
  /** Name of the consolidated sheet. */
  readonly sheetName: string;
  readonly result: GenerarResult;
}

/** Refused consolidation (mixed periods, no capture sheet): one Spanish line. */
export class ConsolidationError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ConsolidationError';
  }
}

const leading: FieldId[] = ['goalCode', 'goal', 'unit', 'dimension', 'programCode', 'program', 'unitOfMeasure', 'accumulation', 'baseline', 'yearGoal', 'weight'];
const trailing: FieldId[] = ['executedTotal', 'progressDeclared', 'budgetFinal', 'commitments', 'obligations', 'payments', 'numerator', 'denominator', 'analysis', 'evidence', 'goalState'];

/**
 * Canonical column order for the fields present in the sheets: the usual capture columns, the
 * periods, the follow-up columns, then every other field a sheet's reading read (a format's
 * activity, product, project and date columns), in the order of the canonical headers.
 */
export function consolidatedFields(sheets: readonly ReadSheet[], count: number): FieldId[] {
  const present = new Set<FieldId>();
  for (const s of sheets) for (const f of Object.keys(s.columns) as FieldId[]) present.add(f);
  const periods: FieldId[] = [];
  for (let k = 1; k <= count; k++) periods.push(plannedField(k));
  for (let k = 1; k <= count; k++) periods.push(executedField(k));
  const listed = [...leading, ...periods, ...trailing];
  const others = (Object.keys(canonicalHeaders) as FieldId[]).filter((f) => present.has(f) && !listed.includes(f));
  return [...listed, ...others].filter((f) => present.has(f) || f === 'goalCode' || f === 'goal' || f === 'unit');
}

/**
 * The sheets of a unit's file that go into a consolidation: its capture sheets, each followed by
 * the sheets whose rows join its goals (DNP's financial follow-up).
 */
function copiedSheets(workbook: ReadWorkbook): ReadSheet[] {
  return workbook.sheets.filter(isGoalSheet).flatMap((s) => [s, ...workbook.sheets.filter((j) => j.kind === 'hoja-captura' && joinsSheet(j, s))]);
}

export function consolidate(
  sources: readonly ConsolidationSource[],
  opts: { vigencia: number; cutoff: string; entity: string | null; generatedAt: string },
): Consolidation {
  const captures = sources.flatMap((s) => copiedSheets(s.workbook).map((sheet) => ({ file: s.file, sheet })));
  const goalSheets = captures.filter((c) => isGoalSheet(c.sheet));
  if (goalSheets.length === 0) throw new ConsolidationError('Ningún archivo tiene una hoja de captura para consolidar.');
  const kinds = new Set(goalSheets.map((c) => c.sheet.periodKind));
  if (kinds.size > 1) {
    const names = [...kinds].map((k) => periodKindNames[k]).join(' y por ');
    throw new ConsolidationError(`Los archivos mezclan hojas por ${names}; consolide por separado las de cada tipo.`);
  }
  const periodKind = goalSheets[0].sheet.periodKind;
  const count = Math.max(...goalSheets.map((c) => c.sheet.periodCount));
  const fields = consolidatedFields(captures.map((c) => c.sheet), count);

  // An Excel error in a column no reading read (a unit's own formula column) is copied too, under
  // that column's header: the consolidated sheet shows every error its files show (formula-error).
  const errorHeaders: string[] = [];
  for (const { sheet } of captures) {
    for (const e of sheet.errorCells) {
      const h = unreadHeader(sheet, e.col);
      if (!e.field && e.code !== NOT_CALCULATED && !errorHeaders.includes(h)) errorHeaders.push(h);
    }
  }
  const b = new SheetBuilder('consolidado', undefined, palette.blue);
  const originCols = fields.length + errorHeaders.length + 1;
  b.style('cFmt', { font: { size: 10 } });
  b.style('cHead', { ...baseStyles.th, font: { bold: true, size: 10, color: palette.white } });
  b.style('cOrigin', { font: { size: 10, color: palette.grey }, fill: palette.lightGrey });
  b.set(1, 1, opts.entity ?? '', 'entity', opts.entity ? { text: true } : {});
  b.set(2, 1, `Consolidado de hojas de captura — Vigencia ${opts.vigencia}`, 'title');
  b.set(3, 1, `Fecha de corte: ${formatDate(opts.cutoff)}`, 'info');
  b.set(3, 4, `Vigencia: ${opts.vigencia}`, 'info');
  b.set(3, 7, `Archivos: ${sources.map((s) => s.file).join(', ')}`, 'info');
  const header = 5;
  fields.forEach((f, i) => {
    b.set(header, i + 1, headerOf(f, periodKind), 'cHead');
    b.width(i + 1, f === 'goal' || f === 'analysis' || f === 'evidence' ? 36 : f === 'unit' || f === 'dimension' || f === 'program' ? 24 : 13);
  });
  errorHeaders.forEach((h, i) => b.set(header, fields.length + i + 1, h, 'cHead').width(fields.length + i + 1, 13));
  b.set(header, originCols, ORIGIN_FILE_HEADER, 'cHead').width(originCols, 26);
  b.set(header, originCols + 1, ORIGIN_SHEET_HEADER, 'cHead').width(originCols + 1, 16);
  b.set(header, originCols + 2, ORIGIN_ROW_HEADER, 'cHead').width(originCols + 2, 9);
  b.height(header, 32);

  const fmtStyle = (fmt: string | undefined): string => {
    if (!fmt) return 'cFmt';
    const name = `fmt:${fmt}`;
    if (!b.hasStyle(name)) b.style(name, { font: { size: 10 }, numberFormat: fmt });
    return name;
  };
  let row = header + 1;
  let goalRows = 0;
  const placed = new Map<string, number>();
  const perFile = new Map<string, { sheets: string[]; rows: number }>();
  const origins: OriginReading[] = [];
  for (const { file, sheet } of captures) {
    origins.push(originReadingOf(file, sheet, origins));
    const goals = isGoalSheet(sheet);
    const entry = perFile.get(file) ?? { sheets: [], rows: 0 };
    if (goals) entry.sheets.push(sheet.name);
    const unreadErrors = new Map<number, ErrorCell[]>();
    for (const e of sheet.errorCells) if (!e.field && e.code !== NOT_CALCULATED) pushTo(unreadErrors, e.row, e);
    for (const dr of sheet.rows) {
      for (const e of unreadErrors.get(dr.row) ?? []) b.set(row, fields.length + errorHeaders.indexOf(unreadHeader(sheet, e.col)) + 1, e.code, 'cFmt', { error: true });
      fields.forEach((f, i) => {
        const cell = dr.cells[f];
        let raw: CellValue = cell ? cell.raw : null;
        if (f === 'unit' && goals && (raw === null || raw === '') && sheet.title.unit) raw = sheet.title.unit;
        writeRaw(b, row, i + 1, raw, fmtStyle(cell?.numberFormat ?? (raw instanceof Date ? 'dd/mm/yyyy' : undefined)));
      });
      b.text(row, originCols, file, 'cOrigin');
      b.text(row, originCols + 1, sheet.name, 'cOrigin');
      b.set(row, originCols + 2, dr.row, 'cOrigin');
      placed.set(placedKey(file, sheet.name, dr.row), row);
      row++;
      if (goals) {
        entry.rows++;
        goalRows++;
      }
    }
    perFile.set(file, entry);
  }
  b.freezeAt(header, 2);
  b.printSetup({ repeatRows: { from: header, to: header } });
  return {
    sheet: { ...b.build(), origins },
    rows: goalRows,
    files: [...perFile.entries()].map(([file, v]) => ({ file, sheets: v.sheets, rows: v.rows })),
    periodKind,
    fields,
    placed,
  };
}

const periodKindNames: Readonly<Record<PeriodKind, string>> = { quarter: 'trimestres', month: 'meses', year: 'año' };

function writeRaw(b: SheetBuilder, row: number, col: number, raw: CellValue, style: string): void {
  if (raw === null || raw === undefined) return;
  if (raw instanceof Date) b.set(row, col, fromJsDate(raw), style, { date: true });
  // A formula with no cached value (formula-error says so) has no value to copy: no error value is made up.
  else if (isCellError(raw)) {
    if (raw.error !== NOT_CALCULATED) b.set(row, col, raw.error, style, { error: true });
  }
  else if (typeof raw === 'string') b.set(row, col, raw, style, { text: true });
  else b.set(row, col, raw, style);
}

// ---------------------------------------------------------------------------------------------
// Which files go into one consolidation: the same decisions for `tablero consolidar` (which stops
// at a file of another vigencia or cut-off, or a repeated file) and the pane's Consolidar (which
// lists such a file with its reason and goes on without it).

/** Why a file is left out: unusable (the reason of the reader), repeated, another period, or nothing to copy. */
export type LeftOutCode = 'unusable' | 'duplicate' | 'vigencia' | 'cutoff' | 'no-capture';

export type FileVerdict = { readonly admitted: true } | { readonly admitted: false; readonly code: LeftOutCode; readonly reason: string };

/** A file read and recognised, as the intake judges it. */
export interface IntakeFile {
  /** The file as the user named it. */
  readonly file: string;
  readonly workbook: ReadWorkbook;
  readonly options: EngineOptions;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Judges the files of one consolidation (or of one report over several files: `selectReportFiles`) in
 * order: each is admitted, or left out with a Spanish reason. Units of one consolidation report
 * the same vigencia and, unless a cut-off is given (`--corte`, or the pane's settings), the same
 * cut-off: the first file that states them sets them. A file's cut-off is its title block's, else
 * — for a vigencia already over — the end of the last period it reports (`reportedCutoff`: Tenjo's
 * 2025 sheet filled through T3 is cut at 30/09/2025, as `reporte` on it alone cuts it). Holds the
 * consolidation's vigencia, cut-off and entity once files are admitted.
 */
export class ConsolidationIntake {
  private declared: { vigencia?: { value: number; file: string }; cutoff?: { value: string; file: string } } = {};
  private readonly seen = new Map<string, string>(); // identity → file as given
  /** The cut-off every file is measured at. */
  cutoff: string | undefined;
  vigencia: number | undefined;
  entity: string | null = null;

  /**
   * `today` dates a past vigencia's reported cut-off; `purpose` words the reasons for a
   * consolidation (`consolidar`, the pane) or a report (`reporte`, `informe`).
   */
  constructor(
    private readonly corte: string | undefined,
    private readonly today: IsoDate | Date,
    private readonly purpose: 'consolidar' | 'reportar' = 'consolidar',
  ) {
    this.cutoff = corte;
  }

  /** The file that set the vigencia and the one that set the cut-off (the first that states each). */
  get setBy(): { readonly vigencia?: string; readonly cutoff?: string } {
    return { vigencia: this.declared.vigencia?.file, cutoff: this.declared.cutoff?.file };
  }

  /**
   * The same file given twice (code `duplicate`), judged before it is read: `identity` is what
   * makes two files one (the CLI: its real path; the pane: its bytes). The reason, or null when
   * first seen.
   */
  repeated(file: string, identity: string): string | null {
    const twice = this.seen.get(identity);
    if (twice !== undefined) return `«${file}» es el mismo archivo que «${twice}»: cada libro se consolida una sola vez.`;
    this.seen.set(identity, file);
    return null;
  }

  /** A file read and recognised (not `repeated`): admitted, or left out with the reason. */
  admit(f: IntakeFile): FileVerdict {
    if (!f.workbook.sheets.some((s) => s.kind === 'hoja-captura')) {
      return { admitted: false, code: 'no-capture', reason: `«${f.file}» no tiene hoja de captura; se omite en el consolidado.` };
    }
    return this.samePeriod(f);
  }

  /** The vigencia and cut-off a workbook states for itself (or, the cut-off, reports), as the intake judges them. */
  periodOf(workbook: ReadWorkbook): { readonly vigencia?: number; readonly cutoff?: IsoDate } {
    // The capture sheets' own title block first (the plan de acción beside them may be older).
    const byCapture = [...workbook.sheets].sort((a, b) => Number(b.kind === 'hoja-captura') - Number(a.kind === 'hoja-captura'));
    const vigencia = byCapture.find((s) => s.vigencia !== undefined)?.vigencia;
    const cutoff = byCapture.find((s) => s.cutoff)?.cutoff ?? reportedCutoff(workbook.sheets, vigencia, typeof this.today === 'string' ? this.today : todayIso(this.today));
    return { ...(vigencia !== undefined ? { vigencia } : {}), ...(cutoff !== undefined ? { cutoff } : {}) };
  }

  /** The vigencia and cut-off test alone: a file of another vigencia or cut-off is left out. */
  samePeriod(f: IntakeFile): FileVerdict {
    const { file, workbook, options } = f;
    const { vigencia: ownVigencia, cutoff: ownCutoff } = this.periodOf(workbook);
    const { declared } = this;
    const report = this.purpose === 'reportar';
    if (ownVigencia !== undefined && declared.vigencia && declared.vigencia.value !== ownVigencia) {
      const fix = report ? 'queda por fuera de las cifras del reporte' : 'consolide libros de una misma vigencia';
      return {
        admitted: false,
        code: 'vigencia',
        reason: `«${file}» es de la vigencia ${ownVigencia} y «${declared.vigencia.file}» de la ${declared.vigencia.value}: ${fix}.`,
      };
    }
    if (this.corte === undefined && ownCutoff && declared.cutoff && declared.cutoff.value !== ownCutoff) {
      const fix = report
        ? 'queda por fuera de las cifras del reporte (con --corte AAAA-MM-DD todos los archivos se miden a ese corte)'
        : 'consolide hojas de un mismo corte, o indique cuál con --corte AAAA-MM-DD';
      return {
        admitted: false,
        code: 'cutoff',
        reason: `«${file}» tiene corte ${dmy(ownCutoff)} y «${declared.cutoff.file}» ${dmy(declared.cutoff.value)}: ${fix}.`,
      };
    }
    this.declared = {
      vigencia: declared.vigencia ?? (ownVigencia !== undefined ? { value: ownVigencia, file } : undefined),
      cutoff: declared.cutoff ?? (ownCutoff ? { value: ownCutoff, file } : undefined),
    };
    this.cutoff ??= ownCutoff ?? options.cutoff; // every file is measured at the same cut-off
    this.vigencia ??= options.vigencia;
    this.entity ??= options.entity ?? null;
    return { admitted: true };
  }
}
