/**
 * What every reader of a workbook FILE says when the file cannot be used, host-neutral (no Node):
 * the command line (`load.ts`, files on disk) and the pane's Consolidar (files the reviewer picks,
 * `consolidate-picked.ts`) refuse the same file with the same Spanish line.
 */
import type { WorkbookGrids } from '../domain/grid';
import type { ReadWorkbook } from '../domain/sheet';
import type { ReaderOptions } from '../domain/reader';
import { readMapped } from './mapping';
import { kindLabels } from '../domain/fields';
import { DamagedWorkbookError, InputError } from './errors';

/** Display form of a file name in messages: «nombre». */
export function quoted(file: string): string {
  return `«${file}»`;
}

/** Why a file's name says it is no .xlsx workbook (a .xls, a .csv, no extension), or null. */
export function extensionProblem(file: string): string | null {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
  if (ext === '.xlsx' || ext === '.xlsm') return null;
  const what = ext === '' ? 'un archivo sin extensión' : `un archivo ${ext}`;
  return `El archivo ${quoted(file)} es ${what}, no un libro de Excel (.xlsx); guárdelo con la extensión .xlsx.`;
}

/** A reader's failure on bytes that passed the door check: the file is damaged. */
export function damaged(file: string, e: unknown): InputError {
  const why = e instanceof DamagedWorkbookError ? `: ${e.reason}` : '';
  return new InputError(`El archivo ${quoted(file)} no es un libro de Excel (.xlsx) válido: está dañado o incompleto${why}.`, e);
}

/** Recognises the sheets of `grids`; throws `InputError` when none is known or none has data. */
export function recognise(file: string, grids: WorkbookGrids, reading: ReaderOptions, listAll = false): ReadWorkbook {
  // With the user's mapping (`--mapa`, else the one stored in the workbook): app/mapping.ts.
  const workbook = readMapped(grids, reading, file);
  if (listAll) return workbook;
  if (workbook.sheets.length === 0) {
    const names = grids.sheets.map((s) => s.name);
    const found = names.length ? ` Hojas del libro: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}.` : '';
    const hidden = workbook.hidden?.length
      ? ` Hay hojas ocultas que no se leyeron (${workbook.hidden.map((h) => h.name).join(', ')}); para leerlas use --incluir-ocultas.`
      : '';
    const helpers = workbook.helpers?.length ? ` Solo se reconocieron hojas auxiliares: ${workbook.helpers.map((h) => `${h.name} (${h.reason})`).join(', ')}.` : '';
    const data = workbook.unknown.filter((u) => u.data);
    const unread = data.length
      ? ` ${data.length === 1 ? `La hoja «${data[0].name}» parece traer datos` : `Las hojas ${data.map((u) => `«${u.name}»`).join(', ')} parecen traer datos`} pero sus títulos no se reconocieron: ` +
        `vea sus columnas con «tablero columnas» e indique la columna de cada campo con --mapa (docs/columnas-y-mapa.md).`
      : '';
    throw new InputError(`En el archivo ${quoted(file)} no se reconoció ninguna hoja de datos (plan de acción, hoja de captura, plan indicativo o techos).${found}${helpers}${hidden}${unread}`);
  }
  const empty = noDataReason(workbook, file);
  if (empty) throw new InputError(empty);
  return workbook;
}

/**
 * A workbook whose recognised sheets hold headers but not one data row (a blank template, or a
 * file saved before anyone typed) cannot be validated, reported or turned into a tablero: the
 * product's decision is exit code 2 with this one line. `null` when at least one recognised sheet
 * has rows (other empty sheets are fine), or when there is no recognised sheet at all (the
 * caller's "no recognisable sheet" message applies).
 */
function noDataReason(workbook: ReadWorkbook, file: string): string | null {
  if (workbook.sheets.length === 0 || workbook.sheets.some((s) => s.rows.length > 0)) return null;
  const list = workbook.sheets.slice(0, 4).map((s) => `«${s.name}» (${kindLabels[s.kind]})`).join(', ');
  const more = workbook.sheets.length > 4 ? ', …' : '';
  const one = workbook.sheets.length === 1;
  return `El archivo «${file}» no tiene filas de datos: ${one ? 'la hoja' : 'las hojas'} ${list}${more} solo ${one ? 'tiene' : 'tienen'} encabezados; diligencie al menos una fila y vuelva a intentarlo.`;
}
