import type { CellValue } from './grid';
import type { Parsed } from './sheet';
import {
  accumulationAliases,
  defaultSources,
  errorCodeOf,
  excelErrorCodes,
  isDateFormat,
  isPercentFormat,
  matchSource,
  parseAccumulation,
  parseCode,
  parseDate,
  parseDateText,
  parseGoalState,
  parseGoalType,
  parseNumber,
  parseNumberText,
  parsePercent,
  parseSource,
  parseText,
  parseValue,
  parseYesNo,
  sourceAliases,
} from './values';
import { toExcelSerial } from './dates';

const ok = (value: unknown, fromText?: boolean): Parsed =>
  (fromText ? { status: 'ok', value, fromText: true } : { status: 'ok', value }) as Parsed;
const invalid = (text: string): Parsed => ({ status: 'invalid', text });
const blank: Parsed = { status: 'blank' };

describe('Colombian numbers typed as text', () => {
  it.each<[string, number]>([
    ['1.234.567', 1234567],
    ['$ 1.234.567,50', 1234567.5],
    ['$1.234.567,50', 1234567.5],
    ['1234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['1.234', 1234],
    ['1.5', 1.5],
    ['0.45', 0.45],
    ['0.450', 0.45],
    ['12.3456', 12.3456],
    ['0,5', 0.5],
    [',5', 0.5],
    ['1702', 1702],
    ['  42  ', 42],
    ['-1.234', -1234],
    ['- $ 1.234', -1234],
    ['$ -1.234', -1234],
    ['(1.234)', -1234],
    ['1 234 567', 1234567],
    ['1\u00a0234,5', 1234.5],
    ['-0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberText(text)).toEqual({ value, percent: false });
  });

  it.each<[string, number]>([
    ['45 %', 45],
    ['45%', 45],
    ['45,5 %', 45.5],
    ['-3 %', -3],
  ])('reads %j as %d points with a percent sign', (text, value) => {
    expect(parseNumberText(text)).toEqual({ value, percent: true });
  });

  it.each(['abc', '', '$', '.', ',', '1,234,567', '1.2.3', '12.34.567', '1,5,0', '1.234.56', '5.', '5,', '1e5', '1 2', '--5', '12 abc', '0.123,5', 'x'.repeat(100)])(
    'rejects %j',
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );
});

describe('number, magnitude and money cells', () => {
  it.each<[CellValue | undefined, Parsed]>([
    [null, blank],
    [undefined, blank],
    ['', blank],
    ['   \n ', blank],
    [0, ok(0)],
    [-5, ok(-5)],
    [1234.5, ok(1234.5)],
    ['1.234', ok(1234, true)],
    ['$ 1.234.567,50', ok(1234567.5, true)],
    ['45 %', ok(0.45, true)],
    ['no aplica', invalid('no aplica')],
    ['  N/A ', invalid('N/A')],
    [true, invalid('VERDADERO')],
    [new Date(Date.UTC(2025, 5, 30)), invalid('30/06/2025')],
    [Number.NaN, invalid('NaN')],
    [{ error: '#DIV/0!' }, { status: 'error', code: '#DIV/0!' }],
    ['#REF!', { status: 'error', code: '#REF!' }],
  ])('parses %p', (raw, expected) => {
    expect(parseNumber(raw)).toEqual(expected);
  });

  it('never changes the value it read: the raw text is only read', () => {
    const row: CellValue[] = ['1.234'];
    parseNumber(row[0]);
    expect(row[0]).toBe('1.234');
  });
});

describe('percent cells are returned as fractions', () => {
  it.each<[CellValue, string | undefined, Parsed]>([
    [0.45, '0%', ok(0.45)],
    [0.455, '0.0 %', ok(0.455)],
    [45, undefined, ok(0.45)],
    [45, 'General', ok(0.45)],
    [100, '#,##0', ok(1)],
    ['45%', undefined, ok(0.45, true)],
    ['45,5 %', undefined, ok(0.455, true)],
    ['45', undefined, ok(0.45, true)],
    ['45%', '0%', ok(0.45, true)],
    [-10, undefined, ok(-0.1)],
    ['mucho', undefined, invalid('mucho')],
    [{ error: '#VALUE!' }, '0%', { status: 'error', code: '#VALUE!' }],
    [null, '0%', blank],
  ])('parses %p with format %p', (raw, fmt, expected) => {
    expect(parsePercent(raw, fmt)).toEqual(expected);
  });

  it('ignores a % that is literal text inside quotes of a number format', () => {
    expect(isPercentFormat('0 "%"')).toBe(false);
    expect(isPercentFormat('0.00%')).toBe(true);
  });
});

describe('dates', () => {
  it.each<[string, string]>([
    ['30/06/2025', '2025-06-30'],
    ['1/2/2025', '2025-02-01'],
    ['30-06-2025', '2025-06-30'],
    ['30.06.2025', '2025-06-30'],
    ['2025-06-30', '2025-06-30'],
    ['2025/06/30', '2025-06-30'],
    ['01-sep-22', '2022-09-01'],
    ['15-ene-2025', '2025-01-15'],
    ['15-Ene-2025', '2025-01-15'],
    ['15 ene. 2025', '2025-01-15'],
    ['01-Sept-2024', '2024-09-01'],
    ['15 de marzo de 2025', '2025-03-15'],
    ['15 de Marzo del 2025', '2025-03-15'],
    ['Lunes, 3 de noviembre de 2025', '2025-11-03'],
    ['29/02/2024', '2024-02-29'],
    ['30/06/25', '2025-06-30'],
    ['30/06/2025 00:00:00', '2025-06-30'],
    ['2025-06-30T00:00:00', '2025-06-30'],
    ['15 de diciembre de 1999', '1999-12-15'],
  ])('reads %j as %s (day before month)', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each(['31/02/2025', '29/02/2025', '32/01/2025', '00/01/2025', '15/13/2025', '15-foo-2025', '2025', 'mañana', '06/30/2025', ''])(
    'rejects %j',
    (text) => {
      expect(parseDateText(text)).toBeUndefined();
    },
  );

  it('reads an exceljs Date as its UTC calendar day', () => {
    expect(parseDate(new Date(Date.UTC(2024, 1, 29)))).toEqual(ok('2024-02-29'));
  });

  it.each(['dd/mm/yyyy', 'd-mmm-yy', 'yyyy-mm-dd', 'mm-dd-yy', '[$-es-CO]dd/mm/yyyy', 'mmm yyyy', 'd "de" mmmm "de" yyyy'])(
    'reads a serial with the date format %j',
    (fmt) => {
      expect(isDateFormat(fmt)).toBe(true);
      expect(parseDate(toExcelSerial('2025-06-30'), fmt)).toEqual(ok('2025-06-30'));
    },
  );

  it.each(['General', '0', '#,##0.00', '0%', 'h:mm:ss', '[h]:mm', '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', '"Día" 0'])(
    'does not take %j for a date format',
    (fmt) => {
      expect(isDateFormat(fmt)).toBe(false);
    },
  );

  it('does not take a bare number for a date', () => {
    expect(parseDate(45838)).toEqual(invalid('45838'));
    expect(parseDate(45838, '0')).toEqual(invalid('45838'));
  });

  it('marks text dates as read from text and keeps invalid text', () => {
    expect(parseDate(' 15-ene-2025 ')).toEqual(ok('2025-01-15', true));
    expect(parseDate('31/02/2025')).toEqual(invalid('31/02/2025'));
    expect(parseDate('#N/A')).toEqual({ status: 'error', code: '#N/A' });
    expect(parseDate(new Date(Number.NaN))).toEqual(invalid(''));
  });
});

describe('Excel error values', () => {
  it.each(excelErrorCodes)('recognises %s as an object and as a string', (code) => {
    expect(errorCodeOf({ error: code })).toBe(code);
    expect(errorCodeOf(code)).toBe(code);
  });

  it('is an error in every kind of column', () => {
    for (const type of ['text', 'number', 'percent', 'date', 'goalCode', 'accumulation', 'source', 'yesNo', 'goalState'] as const) {
      expect(parseValue(type, { error: '#NAME?' })).toEqual({ status: 'error', code: '#NAME?' });
    }
  });

  it('does not take ordinary text starting with # for an error', () => {
    expect(errorCodeOf('#1 meta')).toBeUndefined();
    expect(parseText('#REFORMA')).toEqual(ok('#REFORMA'));
  });
});

describe('codes and text', () => {
  it.each<[CellValue, Parsed]>([
    [1702, ok('1702')],
    [' 1702 ', ok('1702')],
    ['0170', ok('0170')],
    ['1702-01', ok('1702-01')],
    [2024520010035, ok('2024520010035')],
    [true, invalid('VERDADERO')],
    ['', blank],
  ])('reads the code %p', (raw, expected) => {
    expect(parseCode(raw)).toEqual(expected);
  });

  it.each<[CellValue, Parsed]>([
    ['  Vacunar niños \n', ok('Vacunar niños')],
    [25, ok('25')],
    [false, ok('FALSO')],
    [new Date(Date.UTC(2025, 0, 15)), ok('15/01/2025')],
    ['=HYPERLINK("x")', ok('=HYPERLINK("x")')],
  ])('reads the text %p', (raw, expected) => {
    expect(parseText(raw)).toEqual(expected);
  });
});

describe('enumerations compare after normalising', () => {
  it.each<[string, string]>([
    ['Producto', 'Producto'],
    ['PRODUCTO', 'Producto'],
    ['Gestión', 'Gestión'],
    ['gestion', 'Gestión'],
    ['Meta de gestión', 'Gestión'],
    ['Administrativa', 'Administrativa'],
  ])('tipo de meta %j → %s', (text, value) => {
    expect(parseGoalType(text)).toEqual(ok(value));
  });

  it('rejects an unknown tipo de meta', () => {
    expect(parseGoalType('Resultado')).toEqual(invalid('Resultado'));
    expect(parseGoalType(3)).toEqual(invalid('3'));
  });

  const accumulationCases = Object.entries(accumulationAliases).flatMap(([id, names]) => names.map((n) => [n, id] as const));
  it.each(accumulationCases)('tipo de acumulación %j → %s', (text, id) => {
    expect(parseAccumulation(text)).toEqual(ok(id));
    expect(parseAccumulation(text.toUpperCase())).toEqual(ok(id));
  });

  it.each([
    ['Sumatoria', 'suma'],
    ['Reducción', 'decreciente'],
    ['REDUCCION', 'decreciente'],
    ['Indicador de flujo', 'suma'],
    ['De stock', 'creciente'],
    ['Tipo constante', 'constante'],
  ])('names every DNP alias of progress.md: %j → %s', (text, id) => {
    expect(parseAccumulation(text)).toEqual(ok(id));
  });

  it('rejects an unknown tipo de acumulación', () => {
    expect(parseAccumulation('Promedio')).toEqual(invalid('Promedio'));
  });

  it.each<[CellValue, boolean]>([
    ['Sí', true],
    ['SI', true],
    ['si', true],
    ['S', true],
    ['x', true],
    ['X', true],
    ['No', false],
    ['NO', false],
    ['n', false],
    [true, true],
    [false, false],
  ])('sí / no %p → %p', (raw, value) => {
    expect(parseYesNo(raw)).toEqual(ok(value));
  });

  it('rejects other answers to sí / no', () => {
    expect(parseYesNo('Tal vez')).toEqual(invalid('Tal vez'));
    expect(parseYesNo(1)).toEqual(invalid('1'));
  });

  it.each([
    ['Eliminada', 'eliminada'],
    ['Meta eliminada', 'eliminada'],
    ['META ELIMINADA', 'eliminada'],
    ['Activa', 'activa'],
  ])('estado de la meta %j → %s', (text, value) => {
    expect(parseGoalState(text)).toEqual(ok(value));
  });

  it('keeps a blank estado blank and rejects unknown states', () => {
    expect(parseGoalState('')).toEqual(blank);
    expect(parseGoalState('Suspendida')).toEqual(invalid('Suspendida'));
  });
});

describe('fuente de financiación', () => {
  it.each(defaultSources)('accepts the canonical %j in any case', (name) => {
    expect(parseSource(name)).toEqual(ok(name));
    expect(parseSource(name.toUpperCase())).toEqual(ok(name));
  });

  const aliasCases = Object.entries(sourceAliases).flatMap(([name, aliases]) => aliases.map((a) => [a, name] as const));
  it.each(aliasCases)('accepts the alias %j as %s', (alias, name) => {
    expect(matchSource(alias)).toBe(name);
  });

  it.each([
    ['SGP - Salud', 'SGP Salud'],
    ['SGP – Educación', 'SGP Educación'],
    ['SGP-Agua potable', 'SGP Agua potable'],
    ['ICLD - Recursos propios', 'Recursos propios'],
    ['Recursos propios - ICLD', 'Recursos propios'],
    ['ICLD', 'Recursos propios'],
    ['SGR', 'SGR'],
    ['Sistema General de Participaciones - Salud', 'SGP Salud'],
    ['SGR - Asignaciones directas', 'SGR'],
    ['Cofinanciación - Departamento', 'Cofinanciación'],
  ])('reads %j as %s (text before or after a dash, bare acronyms)', (text, name) => {
    expect(parseSource(text)).toEqual(ok(name));
  });

  it('rejects unknown sources unless the user added them', () => {
    expect(parseSource('Fondo Local')).toEqual(invalid('Fondo Local'));
    expect(parseSource('fondo local', ['Fondo Local'])).toEqual(ok('Fondo Local'));
    expect(parseSource('Donación - Fondo local', ['Fondo Local'])).toEqual(ok('Fondo Local'));
    expect(parseValue('source', 'FONDO LOCAL', undefined, { extraSources: ['Fondo Local'] })).toEqual(ok('Fondo Local'));
  });

  it('is not fooled by object-prototype names', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(parseSource(name)).toEqual(invalid(name));
      expect(parseAccumulation(name)).toEqual(invalid(name));
      expect(parseDateText(`1-${name}-2025`)).toBeUndefined();
    }
  });
});
