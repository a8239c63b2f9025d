import { cellsToAreas, joinAddresses } from './address';
import { parseRange, quoteSheet, rangeAddress, stripSheet } from '../domain/grid';
import { needsTextFormat, shiftFormula, widthPoints } from './format';
import { isIsoDate, toExcelSerial } from '../domain/dates';

describe('addresses', () => {
  test('parses what Excel returns, with or without a (quoted) sheet', () => {
    expect(parseRange("'Hoja 1'!B3:F20")).toEqual({ top: 3, left: 2, bottom: 20, right: 6 });
    expect(parseRange('Hoja!$A$1')).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseRange('A:A')).toBeUndefined();
    expect(stripSheet("'a!b'!C3")).toBe('C3');
    expect(quoteSheet('Hoja 1')).toBe("'Hoja 1'");
    expect(quoteSheet('Techos')).toBe('Techos');
  });

  test('groups cells into rectangles (runs down a column, joined across equal columns)', () => {
    const areas = cellsToAreas([
      { row: 5, col: 2 },
      { row: 6, col: 2 },
      { row: 7, col: 2 },
      { row: 5, col: 3 },
      { row: 6, col: 3 },
      { row: 7, col: 3 },
      { row: 9, col: 2 },
      { row: 9, col: 2 },
    ]);
    expect(areas.map(rangeAddress)).toEqual(['B5:C7', 'B9']);
  });

  test('address strings never pass the limit', () => {
    const areas = Array.from({ length: 5000 }, (_, i) => ({ top: 2 * i + 1, bottom: 2 * i + 1, left: 4, right: 4 }));
    const parts = joinAddresses(areas, 8192);
    expect(parts.every((p) => p.length <= 8192)).toBe(true);
    expect(parts.join(',').split(',')).toHaveLength(5000);
    expect(joinAddresses(areas.slice(0, 10), 8192, 3)).toHaveLength(4);
  });
});

describe('formats', () => {
  test.each(['=HYPERLINK("x")', '+57 300 123 4567', '-5', '@x', '\tx', '\rx', '00123', '45 %', '2025', '30/06/2025', '12:30', 'TRUE', 'verdadero', '1.234,5'])(
    '%j must be written as Text',
    (s) => expect(needsTextFormat(s)).toBe(true),
  );
  test.each(['Vías rurales', 'Meta 12 de 40', 'N/A', ''])('%j can stay General', (s) => expect(needsTextFormat(s)).toBe(false));

  test('ISO dates become Excel serials; widths become points', () => {
    expect(toExcelSerial('2025-06-30')).toBe(45838);
    expect(toExcelSerial('1900-03-01')).toBe(61);
    expect(isIsoDate('2025-06-30')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('nope')).toBe(false);
    expect(widthPoints(8.43)).toBeCloseTo(48, 0);
  });

  test('shifts relative references of a CF formula, keeping strings and $-anchors', () => {
    expect(shiftFormula('AND(ISNUMBER(E12),E12>=0.8)', 3, 1)).toBe('AND(ISNUMBER(F15),F15>=0.8)');
    expect(shiftFormula('E12="E12"', 1, 0)).toBe('E13="E12"');
    expect(shiftFormula('$E$12+E$12+$E12', 2, 2)).toBe('$E$12+G$12+$E14');
  });
});
