import { formatDate, formatMoney, formatNumber, formatPercent } from './format';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0.001, '0'],
    [12, '12'],
    [1234.5, '1.234,5'],
    [1234567, '1.234.567'],
    [-1234.567, '-1.234,57'],
    [0.25, '0,25'],
    [0.1 + 0.2, '0,3'],
    [999.999, '1.000'],
  ])('%p → %s', (n, text) => expect(formatNumber(n)).toBe(text));

  it('keeps up to the decimals asked for', () => expect(formatNumber(13.9123456, 6)).toBe('13,912346'));
});

describe('formatMoney', () => {
  it.each([
    [0, '$ 0'],
    [1234567, '$ 1.234.567'],
    [12_000_000, '$ 12.000.000'],
    [1234567.5, '$ 1.234.568'],
    [8_022_767_934.51, '$ 8.022.767.935'],
    [0.4, '$ 0'],
    [-0.4, '$ 0'],
    [-5_000_000, '-$ 5.000.000'],
    [999.999, '$ 1.000'],
  ])('%p → %s', (n, text) => expect(formatMoney(n)).toBe(text));

  it.each([
    [1234567.5, '$ 1.234.567,50'],
    [1234567, '$ 1.234.567'],
    [-0.4, '-$ 0,40'],
  ])('with cents, %p → %s (a value read from one cell, quoted back)', (n, text) => expect(formatMoney(n, { cents: true })).toBe(text));
});

describe('formatPercent', () => {
  it.each([
    [0.455, '45,5 %'],
    [1, '100 %'],
    [0, '0 %'],
    [1.2, '120 %'],
    [-0.1, '-10 %'],
    [0.36666, '36,7 %'],
  ])('%p → %s', (n, text) => expect(formatPercent(n)).toBe(text));
});

describe('formatDate', () => {
  it('reads day/month/year', () => expect(formatDate('2025-06-30')).toBe('30/06/2025'));
  it('keeps leap days', () => expect(formatDate('2024-02-29')).toBe('29/02/2024'));
});
