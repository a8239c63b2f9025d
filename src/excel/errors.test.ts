import { ExcelHostError, isPayloadError, messages, officeErrorCode, toExcelHostError } from './errors';

const office = (code: string, message = 'x', errorLocation?: string) => ({ name: 'RichApi.Error', code, message, debugInfo: { code, message, errorLocation } });

describe('toExcelHostError', () => {
  test.each([
    [office('InvalidOperationInCellEditMode'), {}, 'cell-edit', 'Excel está en modo de edición de celda: presione Entrar o Esc y vuelva a intentar.'],
    [office('AccessDenied', 'The cell is on a protected sheet'), { sheet: 'PE-F-012' }, 'protected', 'La hoja «PE-F-012» está protegida: desprotéjala (Revisar › Desproteger hoja) y vuelva a intentar.'],
    [office('AccessDenied'), {}, 'protected', messages.protectedUnknown],
    [office('RequestPayloadSizeLimitExceeded'), {}, 'payload', messages.payload],
    [office('ResponsePayloadSizeLimitExceeded'), {}, 'payload', messages.payload],
    [office('PayloadTooLarge'), {}, 'payload', messages.payload],
    [office('InvalidOperation'), { action: 'marcar las celdas' }, 'invalid-operation', 'Excel no permitió marcar las celdas en este momento; cierre los cuadros de diálogo abiertos y vuelva a intentar.'],
    [office('GeneralException', 'There was an internal error while processing the request.'), {}, 'generic', messages.generic('completar la operación')],
    [office('InactiveWorkbook'), {}, 'focus', messages.focus],
    // es-CO Excel localises message and debugInfo.message; only the code decides.
    [office('AccessDenied', 'La celda que intenta cambiar está en una hoja protegida.', 'Range.values'), {}, 'protected', messages.protectedUnknown],
    [office('AccessDenied', 'No se puede cambiar: el libro está protegido.', 'WorksheetCollection.add'), {}, 'workbook-protected', messages.workbookProtected],
    [office('GeneralException', 'Excel perdió el foco'), {}, 'generic', messages.generic('completar la operación')],
    [office('GeneralException', 'The cell is protected'), {}, 'generic', messages.generic('completar la operación')],
    [office('ItemNotFound'), { sheet: 'Techos' }, 'not-found', 'No se encontró la hoja «Techos»: ¿se cambió su nombre o se eliminó?'],
    [office('ApiNotFound'), {}, 'unsupported', messages.unsupported],
    [new TypeError('x is undefined'), { action: 'leer el libro' }, 'generic', 'Excel no pudo leer el libro. Vuelva a intentar; si el problema continúa, cierre y abra el panel.'],
    ['Error, property was not loaded', {}, 'generic', messages.generic('completar la operación')],
  ])('%o → %s', (e, ctx, kind, message) => {
    const out = toExcelHostError(e, ctx);
    expect(out).toBeInstanceOf(ExcelHostError);
    expect(out.kind).toBe(kind);
    expect(out.message).toBe(message);
    expect(out.message).not.toMatch(/RichApi|Error,|stack|undefined/);
  });

  test('says when the workbook was left as it was', () => {
    expect(toExcelHostError(office('InvalidOperation'), { rolledBack: true }).message).toMatch(/ El libro quedó como estaba\.$/);
    const once = toExcelHostError(office('InvalidOperation'), { rolledBack: true });
    expect(toExcelHostError(once, { rolledBack: true }).message.match(/quedó como estaba/g)).toHaveLength(1);
  });

  test('codes and payload errors are recognised from code, debugInfo or message', () => {
    expect(officeErrorCode({ code: 'GeneralException', debugInfo: { code: 'AccessDenied' } })).toBe('AccessDenied');
    expect(officeErrorCode(null)).toBeUndefined();
    expect(isPayloadError(office('RequestPayloadSizeLimitExceeded', 'El tamaño de la carga de la solicitud superó el límite.'))).toBe(true);
    // A message is never trusted: English text without the code is not a payload error.
    expect(isPayloadError(new Error('The request payload size has exceeded the limit'))).toBe(false);
    expect(isPayloadError(office('InvalidArgument'))).toBe(false);
  });
});
