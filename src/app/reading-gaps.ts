/**
 * What the reading could not do that the user expects it did (real-formats.md "Never silent"):
 * a visible sheet that looks like data but whose header was not recognised (not read at all), and
 * a read sheet whose required columns were not found (its figures are incomplete). Every verb
 * says these: `validar` through `header-missing`, `reporte` beside its figures and in its JSON,
 * `columnas` with the sheet's columns. Empty sheets, lists and instructions are not data
 * (`UnknownSheet.data` is absent) and are not said here.
 */
import { kindLabels, requiredLabel } from '../domain/fields';
import type { ReadSheet, ReadWorkbook } from '../domain/sheet';
import type { EngineOptions } from '../domain/options';
import { guessedVigenciaNote, sheetsOfGuessedYear } from '../domain/guessed-year';
import { notYetMeasuredNotes, unreportedPeriodNotes } from '../domain/unreported-period';

export interface ReadingGap {
  /** The sheet's name. */
  readonly sheet: string;
  /** False: the sheet was not read at all; true: read without some required columns. */
  readonly read: boolean;
  /** Field ids of the required columns not found (`executed` / `planned`: the period family). */
  readonly missing: readonly string[];
  /** One Spanish sentence: what was not read, why, and how to fix it. */
  readonly message: string;
}

const fix = 'vea sus columnas con «tablero columnas» e indique la columna de cada campo con un mapa (--mapa, docs/columnas-y-mapa.md) o en el panel, «En este libro».';

const names = (missing: readonly string[]): string => missing.map((m) => `«${requiredLabel(m)}»`).join(', ');

/**
 * What the run (its vigencia and cut-off) adds to the reading, per sheet: a vigencia nothing named
 * (`domain/guessed-year.ts`), a cut-off past the sheet's last reported period or before the end
 * of its first period (`domain/unreported-period.ts`).
 */
export function runNotes(workbook: ReadWorkbook, options: EngineOptions, advice: 'cli' | 'pane' = 'cli'): { sheet: ReadSheet; note: string }[] {
  const out: { sheet: ReadSheet; note: string }[] = [];
  const guessed = sheetsOfGuessedYear(workbook, options);
  const note = guessedVigenciaNote(workbook, options, advice);
  if (note !== undefined) for (const s of guessed) out.push({ sheet: s, note });
  for (const [s, n] of unreportedPeriodNotes(workbook, options)) if (!guessed.includes(s)) out.push({ sheet: s, note: n });
  for (const [s, n] of notYetMeasuredNotes(workbook, options, advice)) if (!guessed.includes(s)) out.push({ sheet: s, note: n });
  return out;
}

/** The workbook with the run's notes said on their sheets (every verb shows a sheet's notes). */
export function withRunNotes(workbook: ReadWorkbook, options: EngineOptions): ReadWorkbook {
  const notes = runNotes(workbook, options);
  if (notes.length === 0) return workbook;
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) => {
      const mine = notes.filter((n) => n.sheet === s).map((n) => n.note);
      return mine.length ? { ...s, notes: [...(s.notes ?? []), ...mine] } : s;
    }),
  };
}

/** With `options`, the run's notes (`runNotes`) are gaps too, on their sheets. */
export function readingGaps(workbook: ReadWorkbook, options?: EngineOptions): ReadingGap[] {
  const out: ReadingGap[] = [];
  if (options) for (const n of runNotes(workbook, options)) out.push({ sheet: n.sheet.name, read: true, missing: [], message: n.note });
  for (const u of workbook.unknown) {
    const d = u.data;
    if (!d) continue;
    out.push({
      sheet: u.name,
      read: false,
      missing: [...d.missing],
      message:
        `La hoja «${u.name}» no se leyó: parece traer datos (${d.rows} ${d.rows === 1 ? 'fila' : 'filas'} bajo los títulos de la fila ${d.headerRow}), ` +
        `pero no se encontraron sus columnas obligatorias (${kindLabels[d.kind]}) ${names(d.missing)}; sus filas no cuentan en las cifras. Para leerla, ${fix}`,
    });
  }
  for (const s of workbook.sheets) {
    if (s.missing.length === 0 || s.joins) continue;
    out.push({
      sheet: s.name,
      read: true,
      missing: [...s.missing],
      message:
        `En la hoja «${s.name}» (${kindLabels[s.kind]}) ${s.missing.length === 1 ? 'no se encontró la columna obligatoria' : 'no se encontraron las columnas obligatorias'} ${names(s.missing)}: ` +
        `lo que depende de ${s.missing.length === 1 ? 'ella' : 'ellas'} no se pudo leer. Si ${s.missing.length === 1 ? 'está' : 'están'} en otra columna, ${fix}`,
    });
  }
  return out;
}

/**
 * The pane's line of what the reading could not do (its header's note): the data sheets not read,
 * and the run's notes (a vigencia nothing named, a cut-off past the last report). `undefined` when
 * there is nothing to say.
 */
export function paneReadingNote(workbook: ReadWorkbook, options: EngineOptions): string | undefined {
  const parts: string[] = [];
  for (const u of workbook.unknown) {
    if (!u.data) continue;
    parts.push(
      `La hoja «${u.name}» parece traer datos pero no se leyó: faltan sus columnas obligatorias ${names(u.data.missing)}; ` +
        'indique en «En este libro» la columna de cada campo.',
    );
  }
  for (const n of runNotes(workbook, options, 'pane')) if (!parts.includes(n.note)) parts.push(n.note);
  return parts.length ? parts.join(' ') : undefined;
}
