/**
 * `--mapa mapa.json`: reads and checks the mapping file (the zod schema of `app/mapping.ts`) once,
 * before the verb runs. Any problem — no such file, not JSON, a wrong key — is one Spanish usage
 * line (exit code 2) naming the file and the path of what is wrong.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseMappingText } from '../app/mapping';
import type { WorkbookMapping } from '../domain/mapping';
import { UsageError } from './types';

/** A mapping is a few kilobytes; a larger file is not one. */
const MAX_MAPPING_BYTES = 1024 * 1024;

export async function loadMappingFile(file: string, cwd: string): Promise<WorkbookMapping> {
  const abs = path.resolve(cwd, file);
  const q = `«${file}»`;
  let text: string;
  try {
    const stat = await fs.stat(abs);
    if (!stat.isFile()) throw new UsageError(`El mapa ${q} no es un archivo; indique un archivo .json (tablero --help).`);
    if (stat.size > MAX_MAPPING_BYTES) throw new UsageError(`El mapa ${q} pesa más de 1 MB: no es un mapa de columnas.`);
    text = await fs.readFile(abs, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `No se encontró el mapa ${q}.` : `No se puede leer el mapa ${q} (${code ?? 'error del sistema'}).`);
  }
  const r = parseMappingText(text);
  if (!r.ok) throw new UsageError(`El mapa ${q} no es válido: ${r.problem}.`);
  return r.mapping;
}
