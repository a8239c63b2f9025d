/**
 * The user-facing error: a problem the person can act on, said in one plain Spanish line — the
 * command line prints it (exit code 2), the pane shows it as is. Checked with `instanceof
 * UserError`; anything else that reaches a top level is a bug ("Error interno").
 */
export class UserError extends Error {
  /** The underlying error (shown only with TABLERO_DEBUG=1). */
  readonly detail?: unknown;
  constructor(message: string, detail?: unknown) {
    super(message);
    this.name = 'UserError';
    this.detail = detail;
  }
}

/** An input that cannot be used: one Spanish line, exit code 2. */
export class InputError extends UserError {
  constructor(message: string, detail?: unknown) {
    super(message, detail);
    this.name = 'InputError';
  }
}

/**
 * A workbook that does not hold the vigencia asked for (`vigenciaNotInWorkbook`): unusable alone,
 * but among several files reported together it is one file left out, with this reason.
 */
export class VigenciaNotHeldError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'VigenciaNotHeldError';
  }
}

/** Refused or failed output: one Spanish line (exit code 2). */
export class OutputError extends UserError {
  constructor(message: string, detail?: unknown) {
    super(message, detail);
    this.name = 'OutputError';
  }
}

/**
 * A workbook whose package is not whole (a part it lists is missing, its relationships are gone):
 * thrown by the readers' package check (`xlsx/package.ts`); `reason` completes «está dañado o
 * incompleto: …» in Spanish.
 */
export class DamagedWorkbookError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DamagedWorkbookError';
  }
}
