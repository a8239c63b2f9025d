/** What every `tablero` verb receives: parsed arguments and the process's streams. */
import { UserError } from '../app/errors';
import type { WorkbookMapping } from '../domain/mapping';

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal (progress bars are drawn only then, or when asked). */
  readonly stderrIsTTY: boolean;
  /**
   * Progress as plain lines when stderr is NOT a terminal (`TABLERO_PROGRESO=1`: a CI log, the
   * bench). Off by default: on a pipe stderr carries only what went wrong, one line.
   */
  readonly plainProgress?: boolean;
  readonly cwd: string;
  /** "Today" for default cut-offs; injectable for tests. */
  readonly now: Date;
}

export interface ParsedArgs {
  readonly verb: string;
  readonly files: readonly string[];
  readonly corte?: string;
  readonly json: boolean;
  readonly output?: string;
  readonly force: boolean;
  readonly vigencia?: string;
  /** `aprobar` / `comparar`: date of the approval. */
  readonly fecha?: string;
  /** `aprobar`: the act (acta) of the Consejo de Gobierno. */
  readonly acta?: string;
  /** `--incluir-ocultas`: read hidden sheets too. */
  readonly includeHidden?: boolean;
  /** `--mapa`: the mapping file as given, and its content once checked (`cli/mapa.ts`). */
  readonly mapa?: string;
  readonly mapping?: WorkbookMapping;
  /** `aprobar --reemplazar`: replace the approval the workbook already stores. */
  readonly replace?: boolean;
  /** `informe --publico`: the Ley 1474 art. 74 version. */
  readonly publico: boolean;
}

/** A verb returns its exit code: 0 ok, 1 errors found, 2 unusable input or wrong usage. */
export type Command = (args: ParsedArgs, io: CliIO) => Promise<number>;

/** Unusable input or wrong usage: one Spanish line on stderr, exit code 2. Never a stack trace. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
