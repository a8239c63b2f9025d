/**
 * Excel's errors as one clear Spanish line for the pane. office-js rejects `context.sync()` with an
 * `OfficeExtension.Error` whose `code` names the cause (`InvalidOperationInCellEditMode`,
 * `AccessDenied`, `RequestPayloadSizeLimitExceeded`, …) and whose `debugInfo.errorLocation` names
 * the API that failed. Nothing here depends on Office types: the error is read by duck typing, so
 * the same mapping serves the real Excel, the in-memory double and office-addin-mock.
 */
import { UserError } from '../app/errors';

export type ExcelErrorKind =
  | 'cell-edit'
  | 'protected'
  | 'workbook-protected'
  | 'payload'
  | 'invalid-operation'
  | 'focus'
  | 'not-found'
  | 'unsupported'
  | 'cancelled'
  | 'generic';

/** Where the adapter was when Excel failed: used to name the sheet in the message. */
export interface ErrorContext {
  /** The sheet being written (for a protected sheet). */
  readonly sheet?: string;
  /** What the user asked for, e.g. "marcar las celdas" — used in the generic message. */
  readonly action?: string;
  /** True when the adapter undid what it had written before failing. */
  readonly rolledBack?: boolean;
}

/** The only error the adapter lets out: `message` is one Spanish line, ready for the pane. */
export class ExcelHostError extends UserError {
  readonly kind: ExcelErrorKind;
  /** The Office error code, when there was one (for logs and tests). */
  readonly code?: string;
  override readonly cause?: unknown;
  constructor(kind: ExcelErrorKind, message: string, code?: string, cause?: unknown) {
    super(message);
    this.name = 'ExcelHostError';
    this.kind = kind;
    this.code = code;
    this.cause = cause;
  }

  /** The same error with more words at the end (what happened to the workbook). */
  withSuffix(suffix: string): ExcelHostError {
    return new ExcelHostError(this.kind, this.message + suffix, this.code, this.cause);
  }
}

interface OfficeLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly debugInfo?: { readonly code?: unknown; readonly message?: unknown; readonly errorLocation?: unknown };
}

/** The error code of an office-js error (`debugInfo.code` is the more specific when both exist). */
export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as OfficeLikeError;
  const inner = typeof o.debugInfo?.code === 'string' ? o.debugInfo.code : undefined;
  const outer = typeof o.code === 'string' ? o.code : undefined;
  return inner && inner !== 'GeneralException' ? inner : (outer ?? inner);
}

function errorLocation(e: unknown): string {
  if (typeof e !== 'object' || e === null) return '';
  const loc = (e as OfficeLikeError).debugInfo?.errorLocation;
  return typeof loc === 'string' ? loc : '';
}

/** Excel busy, the request dropped, or the workbook no longer the active one. */
const BUSY_CODES = new Set(['ActivityLimitReached', 'ServiceNotAvailable', 'RequestAborted', 'InactiveWorkbook']);

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'PayloadTooLarge']);

/** True for Excel's "request or response too large" errors (the adapter retries smaller). */
export function isPayloadError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code !== undefined && PAYLOAD_CODES.has(code);
}

/**
 * Errors worth one quiet retry of a read. `GeneralException` is included (Excel gives it for
 * passing conditions too) but, if it persists, it is reported as what it is: an unknown failure.
 */
export function isTransientError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === 'GeneralException' || (code !== undefined && BUSY_CODES.has(code));
}

/** APIs that change the workbook's structure: AccessDenied there means "Proteger libro". */
const STRUCTURE_APIS = /^(WorksheetCollection\.add|Worksheet\.(delete|name|position|visibility|copy))\b/;

export const messages = {
  cellEdit: 'Excel está en modo de edición de celda: presione Entrar o Esc y vuelva a intentar.',
  protectedSheet: (sheet: string) => `La hoja «${sheet}» está protegida: desprotéjala (Revisar › Desproteger hoja) y vuelva a intentar.`,
  protectedUnknown: 'Una hoja del libro está protegida: desprotéjala (Revisar › Desproteger hoja) y vuelva a intentar.',
  workbookProtected: 'La estructura del libro está protegida: desprotéjala (Revisar › Proteger libro) y vuelva a intentar.',
  payload: 'La operación es demasiado grande para Excel aun dividida en partes (límite de 5 MB por solicitud); pruebe con la hoja activa o con menos filas.',
  invalidOperation: (action: string) => `Excel no permitió ${action} en este momento; cierre los cuadros de diálogo abiertos y vuelva a intentar.`,
  focus: 'Excel está ocupado o el libro dejó de estar activo. Vuelva a la ventana del libro y vuelva a intentar.',
  notFound: (sheet?: string) => (sheet ? `No se encontró la hoja «${sheet}»: ¿se cambió su nombre o se eliminó?` : 'No se encontró la hoja o la celda: ¿se cambió el nombre o se eliminó?'),
  unsupported: 'Esta versión de Excel no admite la operación; actualice Office o use Excel en la web.',
  cancelled: 'Operación cancelada.',
  generic: (action: string) => `Excel no pudo ${action}. Vuelva a intentar; si el problema continúa, cierre y abra el panel.`,
  untouched: 'El libro quedó como estaba.',
} as const;

/**
 * Turns anything thrown inside `Excel.run` into an `ExcelHostError` with one Spanish line.
 * An `ExcelHostError` passes through (with the rollback note added when it applies).
 */
export function toExcelHostError(e: unknown, ctx: ErrorContext = {}): ExcelHostError {
  const suffix = ctx.rolledBack ? ` ${messages.untouched}` : '';
  if (e instanceof ExcelHostError) {
    if (!suffix || e.message.endsWith(messages.untouched)) return e;
    return new ExcelHostError(e.kind, e.message + suffix, e.code, e.cause);
  }
  // Only the code decides: `message` and `debugInfo.message` are localised ("protegida" in an
  // es-CO Excel) and not meant for users ("Error handling with the application-specific APIs").
  const code = officeErrorCode(e);
  const action = ctx.action ?? 'completar la operación';
  const make = (kind: ExcelErrorKind, message: string) => new ExcelHostError(kind, message + suffix, code, e);
  if (code === 'InvalidOperationInCellEditMode') return make('cell-edit', messages.cellEdit);
  if (code === 'AccessDenied') {
    if (ctx.sheet) return make('protected', messages.protectedSheet(ctx.sheet));
    if (STRUCTURE_APIS.test(errorLocation(e))) return make('workbook-protected', messages.workbookProtected);
    return make('protected', messages.protectedUnknown);
  }
  if (isPayloadError(e)) return make('payload', messages.payload);
  if (code === 'ItemNotFound') return make('not-found', messages.notFound(ctx.sheet));
  if (code === 'ApiNotFound' || code === 'NotImplemented' || code === 'UnsupportedOperation' || code === 'UnsupportedFeature') return make('unsupported', messages.unsupported);
  if (code !== undefined && BUSY_CODES.has(code)) return make('focus', messages.focus);
  if (code === 'InvalidOperation') return make('invalid-operation', messages.invalidOperation(action));
  return make('generic', messages.generic(action));
}
