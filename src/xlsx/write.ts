/**
 * Safe output writing for the command line (product.md: "No command ever writes over an input
 * file, or over an existing output without --force; outputs are written to a temporary file and
 * renamed, so an interrupted run leaves no half file").
 *
 * - The output is compared with every input by resolved real path (symlinks followed) and by
 *   device + inode (hard links), so `-o ../x/plan.xlsx` pointing at an input is refused.
 * - Without `force`, the final step is `link(tmp, out)`, which fails atomically when `out`
 *   appeared meanwhile; with `force` it is `rename(tmp, out)`, which replaces atomically.
 * - The temporary file lives in the output's own folder (a rename across devices would copy).
 */
import ExcelJS from 'exceljs';
import { promises as fs, rmSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { OutputError } from '../app/errors';

export interface WriteOptions {
  /** Replace an existing output (never an input). */
  readonly force: boolean;
  /** Files the run reads: the output may never be one of them. */
  readonly inputs?: readonly string[];
  /** How the output is named in messages (as the user typed it); default: the path. */
  readonly display?: string;
}

async function realOrResolved(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    // Not there yet: resolve its folder (which may itself be a symlink) and keep the name.
    try {
      return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

async function statOrNull(p: string) {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

/** Throws `OutputError` when `out` is one of `inputs` (same real path or same inode). */
async function assertNotInput(out: string, inputs: readonly string[], display: string): Promise<void> {
  const realOut = await realOrResolved(out);
  const outStat = await statOrNull(realOut);
  for (const input of inputs) {
    const realIn = await realOrResolved(input);
    const inStat = await statOrNull(realIn);
    const sameInode = outStat !== null && inStat !== null && outStat.dev === inStat.dev && outStat.ino === inStat.ino;
    if (realIn === realOut || sameInode) {
      throw new OutputError(`La salida «${display}» es un archivo de entrada; el tablero nunca escribe sobre sus entradas. Indique otro nombre con -o.`);
    }
  }
}

/**
 * The checks `writeFileAtomic` makes before writing (not an input, folder exists, not a folder,
 * no existing file without `force`): a long run calls it first, so a refused output is said at
 * once rather than after the work. Returns the absolute path and its folder.
 */
export async function checkOutputPath(out: string, options: WriteOptions): Promise<{ abs: string; dir: string }> {
  const display = options.display ?? out;
  const abs = path.resolve(out);
  await assertNotInput(abs, options.inputs ?? [], display);
  const dir = path.dirname(abs);
  const dirStat = await statOrNull(dir);
  if (!dirStat || !dirStat.isDirectory()) throw new OutputError(`La carpeta de la salida «${display}» no existe.`);
  // lstat: a symlink is judged as itself, never followed to what it points at.
  const existing = await fs.lstat(abs).catch(() => null);
  if (existing?.isDirectory()) throw new OutputError(`La salida «${display}» es una carpeta; indique un nombre de archivo.`);
  // Only a regular file may be replaced: never a device (/dev/full would become a file), a FIFO, a socket or a symlink.
  if (existing?.isSymbolicLink()) throw new OutputError(`La salida «${display}» es un enlace simbólico; el tablero solo reemplaza archivos comunes. Indique otro nombre con -o.`);
  if (existing && !existing.isFile()) throw new OutputError(`La salida «${display}» no es un archivo común (es un dispositivo, una tubería o un socket); indique otro nombre con -o.`);
  if (existing && !options.force) {
    throw new OutputError(`El archivo «${display}» ya existe; use --force para reemplazarlo o indique otro nombre con -o.`);
  }
  return { abs, dir };
}

/**
 * The temporary files being written right now, so that an interrupted run leaves none: the
 * worker removes them when it gets SIGINT/SIGTERM (`removeTemporaryFiles`, `cli/main.ts`), and
 * tells the supervisor about each one (`onTemporaryFile`), which removes what is left when the
 * worker dies without a chance to (SIGKILL, out of memory).
 */
const temporaryFiles = new Set<string>();
let temporaryListener: ((file: string, live: boolean) => void) | undefined;

export function onTemporaryFile(listener: (file: string, live: boolean) => void): void {
  temporaryListener = listener;
}

/** Removes every temporary file still being written (synchronous: safe in a signal handler). */
export function removeTemporaryFiles(): void {
  for (const f of temporaryFiles) rmSync(f, { force: true });
  temporaryFiles.clear();
}

function temporary(file: string, live: boolean): void {
  if (live) temporaryFiles.add(file);
  else temporaryFiles.delete(file);
  temporaryListener?.(file, live);
}

/** Writes `data` to `out` atomically with the checks above. */
export async function writeFileAtomic(out: string, data: Buffer | string, options: WriteOptions): Promise<void> {
  const display = options.display ?? out;
  const { abs, dir } = await checkOutputPath(out, options);
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  temporary(tmp, true);
  try {
    await fs.writeFile(tmp, data, { flag: 'wx' });
    if (options.force) {
      await fs.rename(tmp, abs);
    } else {
      try {
        await fs.link(tmp, abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new OutputError(`El archivo «${display}» ya existe; use --force para reemplazarlo o indique otro nombre con -o.`);
        // File systems without hard links: fall back to a rename after re-checking.
        if ((code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') && !(await statOrNull(abs))) {
          await fs.rename(tmp, abs);
        } else throw e;
      }
    }
  } catch (e) {
    if (e instanceof OutputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permiso denegado' : code === 'ENOSPC' ? 'no queda espacio en el disco' : code === 'EROFS' ? 'el disco es de solo lectura' : (code ?? 'error del sistema');
    throw new OutputError(`No se pudo escribir «${display}»: ${why}.`, e);
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    temporary(tmp, false);
  }
}

/** Serialises an exceljs workbook and writes it with `writeFileAtomic`. */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, out: string, options: WriteOptions): Promise<void> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await writeFileAtomic(out, buffer, options);
}
