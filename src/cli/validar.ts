/**
 * `tablero validar <archivo.xlsx>... [--corte AAAA-MM-DD] [--json]`
 *
 * Exit code: 0 no errors (warnings allowed), 1 at least one error, 2 a file could not be used
 * (or wrong usage). Files are named in the output exactly as given on the command line.
 */
import type { Finding } from '../domain/finding';
import type { ReadSheet, ReadWorkbook } from '../domain/sheet';
import { sheetsOfGuessedYear } from '../domain/guessed-year';
import { formatById } from '../domain/formats/index';
import { withRunNotes } from '../app/reading-gaps';
import type { EngineOptions } from '../domain/options';
import { InputError } from '../app/errors';
import { validateWorkbook } from '../app/validate';
import { resolveOptions } from '../app/report';
import { allRulesWithBaseline } from '../app/approve';
import { allowOnly, checkCutoffInVigencia, readingOf } from './args';
import type { CliDeps } from './deps';
import { formatFileError, formatFileOutcome, formatTotals, oneLine, styleFor } from './output';
import { writeJson } from './json-out';
import { createProgress } from './progress';
import { UsageError, type CliIO, type ParsedArgs } from './types';

export interface SheetJson {
  name: string;
  kind: string;
  /** The known format's name, when one was recognised. */
  format?: string;
  headerRow: number;
  dataRows: number;
  /** The year the sheet was read for; `null` when nothing named it. */
  vigencia?: number | null;
  /** What the reading decided that the user must know (year block, period, joined sheet…). */
  notes?: string[];
}
export interface FindingJson {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  row: number;
  goal?: string;
  message: string;
}
export type FileJson =
  | {
      file: string;
      sheets: SheetJson[];
      hidden?: string[];
      helpers?: { name: string; role: string }[];
      findings: FindingJson[];
      errors: number;
      warnings: number;
    }
  | { file: string; error: string };
export interface ValidarJson {
  files: FileJson[];
  errors: number;
  warnings: number;
}

export interface ValidatedFile {
  readonly file: string;
  readonly workbook: ReadWorkbook;
  readonly options: EngineOptions;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
}

/** The documented JSON of one finding, keys in the documented order. */
export function findingJson(f: Finding): FindingJson {
  const base = { rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, row: f.row };
  return f.goal !== undefined && f.goal !== '' ? { ...base, goal: f.goal, message: f.message } : { ...base, message: f.message };
}

/**
 * The sheets as `validar --json` lists them (`sheetVigencia` says which carry a `vigencia`; a
 * guessed year is never given as a sheet's: its notes say how to give it).
 */
export function sheetsJson(workbook: ReadWorkbook, options?: EngineOptions): SheetJson[] {
  const guessed = options ? new Set(sheetsOfGuessedYear(workbook, options).map((s) => s.name)) : new Set<string>();
  return workbook.sheets.map((s) => ({
    name: s.name,
    kind: s.kind,
    ...(s.format ? { format: s.format.name } : {}),
    headerRow: s.headerRow,
    dataRows: s.rows.length,
    ...sheetVigencia(s, options, guessed.has(s.name)),
    ...(s.notes && s.notes.length > 0 ? { notes: [...s.notes] } : {}),
  }));
}

/**
 * A sheet's `vigencia` in `validar --json`: on a multi-year sheet (the block read) and on a sheet of
 * a real format the catalog describes (SisPT, DNP, Cundinamarca, Cali: the year it was read for —
 * its own, else the run's); `null` on a follow-up sheet whose year nothing named. The product's
 * own layouts keep product.md's documented shape (their title block names the vigencia).
 */
function sheetVigencia(s: ReadSheet, options: EngineOptions | undefined, guessed: boolean): { vigencia?: number | null } {
  if (guessed) return { vigencia: null };
  const multiYear = (s.yearBlocks?.length ?? 0) > 1;
  const realFormat = s.format !== undefined && (formatById(s.format.id)?.signature.length ?? 0) > 0;
  if (!multiYear && !realFormat) return {};
  const v = s.vigencia ?? options?.vigencia;
  return v !== undefined ? { vigencia: v } : {};
}

/** Sheets listed but not read: hidden ones and a known format's helper sheets. */
function listedJson(workbook: ReadWorkbook): { hidden?: string[]; helpers?: { name: string; role: string }[] } {
  return {
    ...(workbook.hidden?.length ? { hidden: workbook.hidden.map((h) => h.name) } : {}),
    ...(workbook.helpers?.length ? { helpers: workbook.helpers.map((h) => ({ name: h.name, role: h.reason })) } : {}),
  };
}

/** Validates one already-recognised workbook with the options its flags and title block give. */
export function validateLoaded(file: string, workbook: ReadWorkbook, corte: string | undefined, io: CliIO, vigencia?: number): ValidatedFile {
  const options = resolveOptions({ cutoff: corte, ...(vigencia !== undefined ? { vigencia } : {}) }, workbook, io.now);
  checkCutoffInVigencia(corte, options.vigencia, options.vigenciaFrom, workbook);
  const result = validateWorkbook(workbook, options, allRulesWithBaseline);
  // A year nothing named, a cut-off past the last report: said on their sheets (app/reading-gaps.ts).
  return { file, workbook: withRunNotes(workbook, options), options, findings: result.findings, errors: result.errors, warnings: result.warnings };
}

export function makeValidar(deps: CliDeps) {
  return async function validar(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { corte: true, json: true, reading: true });
    if (args.files.length === 0) throw new UsageError('Indique al menos un libro: tablero validar <archivo.xlsx>... [--corte AAAA-MM-DD] [--json]');
    const style = styleFor(deps.colour && !args.json);
    const progress = createProgress(io, args.files.length > 1, deps.progress);
    const outcomes: (ValidatedFile | { file: string; error: string })[] = [];
    try {
      for (let i = 0; i < args.files.length; i++) {
        const file = args.files[i];
        progress.item(file);
        progress.report('Validando', i, args.files.length);
        try {
          // Only the read workbook is kept: the grids are not reachable while the rules run.
          const { workbook } = await deps.load(file, io, (n, final) => progress.rows(file, n, final), readingOf(args));
          progress.phase('Validando', file);
          outcomes.push(validateLoaded(file, workbook, args.corte, io, args.vigencia !== undefined ? Number(args.vigencia) : undefined));
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          outcomes.push({ file, error: e.message });
        }
      }
      progress.report('Validando', args.files.length, args.files.length);
    } finally {
      progress.done();
    }

    let errors = 0;
    let warnings = 0;
    let unusable = 0;
    for (const o of outcomes) {
      if ('error' in o) {
        unusable++;
        io.stderr(`tablero: ${oneLine(o.error)}\n`);
      } else {
        errors += o.errors;
        warnings += o.warnings;
      }
    }

    if (args.json) {
      const json: ValidarJson = {
        files: outcomes.map((o) =>
          'error' in o
            ? { file: o.file, error: o.error }
            : {
                file: o.file,
                sheets: sheetsJson(o.workbook, o.options),
                ...listedJson(o.workbook),
                findings: o.findings.map(findingJson),
                errors: o.errors,
                warnings: o.warnings,
              },
        ),
        errors,
        warnings,
      };
      writeJson(json, io.stdout);
    } else {
      const blocks: string[] = [];
      for (const o of outcomes) {
        if ('error' in o) {
          if (outcomes.length > 1) blocks.push(formatFileError(o.file, o.error, style));
        } else blocks.push(formatFileOutcome({ ...o, cutoff: o.options.cutoff }, style));
      }
      if (outcomes.length > 1) blocks.push(formatTotals(outcomes.length, errors, warnings, unusable, style));
      if (blocks.length) io.stdout(blocks.join('\n'));
    }
    return unusable > 0 ? 2 : errors > 0 ? 1 : 0;
  };
}
