import { cutoffPeriod, defaultCutoff, isPeriodOpen, periodCount, periodEnd, periodLabel, periodOfCutoff, periodStart } from './periods';

describe('periodEnd', () => {
  it('throws for period 0 and beyond the last period', () => {
    expect(() => periodEnd(2025, 0)).toThrow(RangeError);
    expect(() => periodEnd(2025, 5)).toThrow(RangeError);
    expect(() => periodEnd(2025, 13, 'month')).toThrow(RangeError);
  });
  it('ends February on the leap day in leap years', () => {
    expect(periodEnd(2024, 2, 'month')).toBe('2024-02-29');
    expect(periodEnd(2025, 2, 'month')).toBe('2025-02-28');
    expect(periodEnd(2000, 2, 'month')).toBe('2000-02-29');
    expect(periodEnd(2100, 2, 'month')).toBe('2100-02-28');
  });
  it('ends quarters on 31 Mar, 30 Jun, 30 Sep and 31 Dec', () => {
    expect([1, 2, 3, 4].map((k) => periodEnd(2025, k))).toEqual(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31']);
  });
  it('ends months on their last day', () => {
    expect(periodEnd(2025, 4, 'month')).toBe('2025-04-30');
    expect(periodEnd(2025, 12, 'month')).toBe('2025-12-31');
  });
});

describe('periodStart', () => {
  it('starts quarters on the first day of their first month', () => {
    expect(periodStart(2025, 1)).toBe('2025-01-01');
    expect(periodStart(2025, 3)).toBe('2025-07-01');
    expect(periodStart(2025, 11, 'month')).toBe('2025-11-01');
  });
});

describe('periodCount', () => {
  it('is 4 for quarters and 12 for months', () => {
    expect(periodCount('quarter')).toBe(4);
    expect(periodCount('month')).toBe(12);
    expect(periodCount()).toBe(4);
  });
});

describe('cutoffPeriod', () => {
  it('returns 0 before the end of the first period', () => {
    expect(cutoffPeriod('2025-01-01', 2025)).toBe(0);
    expect(cutoffPeriod('2025-03-30', 2025)).toBe(0);
    expect(cutoffPeriod('2025-01-30', 2025, 'month')).toBe(0);
  });
  it('returns 0 for a cut-off in an earlier year', () => {
    expect(cutoffPeriod('2024-12-31', 2025)).toBe(0);
  });
  it('counts a period that ends on the cut-off day', () => {
    expect(cutoffPeriod('2025-03-31', 2025)).toBe(1);
    expect(cutoffPeriod('2025-06-30', 2025)).toBe(2);
    expect(cutoffPeriod('2025-12-31', 2025)).toBe(4);
  });
  it('does not count a period that ends the day after the cut-off', () => {
    expect(cutoffPeriod('2025-06-29', 2025)).toBe(1);
    expect(cutoffPeriod('2025-09-29', 2025)).toBe(2);
  });
  it('counts the leap day as the end of February', () => {
    expect(cutoffPeriod('2024-02-28', 2024, 'month')).toBe(1);
    expect(cutoffPeriod('2024-02-29', 2024, 'month')).toBe(2);
  });
  it('measures every period for a cut-off in a later year', () => {
    expect(cutoffPeriod('2026-01-15', 2025)).toBe(4);
    expect(cutoffPeriod('2030-01-01', 2025, 'month')).toBe(12);
  });
  it('counts months', () => {
    expect(cutoffPeriod('2025-06-30', 2025, 'month')).toBe(6);
    expect(cutoffPeriod('2025-07-15', 2025, 'month')).toBe(6);
  });
});

describe('defaultCutoff', () => {
  it('gives 31 December of the previous year in the first quarter', () => {
    expect(defaultCutoff('2025-01-01')).toBe('2024-12-31');
    expect(defaultCutoff('2025-03-31')).toBe('2024-12-31');
  });
  it('does not count a period on its own last day', () => {
    expect(defaultCutoff('2025-06-30')).toBe('2025-03-31');
    expect(defaultCutoff('2025-07-01')).toBe('2025-06-30');
  });
  it('cuts a report filled in October at 30 September', () => {
    expect(defaultCutoff('2025-10-20')).toBe('2025-09-30');
  });
  it('gives 31 December on 31 December only after the year ends', () => {
    expect(defaultCutoff('2025-12-31')).toBe('2025-09-30');
    expect(defaultCutoff('2026-01-02')).toBe('2025-12-31');
  });
  it('ends on the leap day for months', () => {
    expect(defaultCutoff('2024-03-01', 'month')).toBe('2024-02-29');
    expect(defaultCutoff('2024-01-15', 'month')).toBe('2023-12-31');
  });
});

describe('periodLabel', () => {
  it('labels quarters T1–T4 and months Ene–Dic', () => {
    expect(periodLabel(2)).toBe('T2');
    expect(periodLabel(6, 'month')).toBe('Jun');
    expect(periodLabel(12, 'month')).toBe('Dic');
  });
  it('throws for period 0', () => {
    expect(() => periodLabel(0)).toThrow(RangeError);
  });
});

describe('periodOfCutoff', () => {
  it('is null when nothing is measured', () => {
    expect(periodOfCutoff('2025-02-01', 2025)).toBeNull();
  });
  it('labels the last measured period', () => {
    expect(periodOfCutoff('2025-06-30', 2025)).toBe('T2');
    expect(periodOfCutoff('2025-08-10', 2025, 'month')).toBe('Jul');
    expect(periodOfCutoff('2026-03-01', 2025)).toBe('T4');
  });
});

describe('an annual follow-up (DNP: one period, the year)', () => {
  it('has one period ending 31 December, measured so far from the year start', () => {
    expect(periodCount('year')).toBe(1);
    expect(periodEnd(2025, 1, 'year')).toBe('2025-12-31');
    expect(cutoffPeriod('2025-09-30', 2025, 'year')).toBe(1);
    expect(cutoffPeriod('2024-12-31', 2025, 'year')).toBe(0);
    expect(periodLabel(1, 'year')).toBe('año');
    expect(() => periodEnd(2025, 2, 'year')).toThrow(RangeError);
  });
  it('is open (not yet due) until 31 December', () => {
    expect(isPeriodOpen('2025-09-30', 2025, 'year')).toBe(true);
    expect(isPeriodOpen('2025-12-31', 2025, 'year')).toBe(false);
    expect(isPeriodOpen('2026-03-31', 2025, 'year')).toBe(false);
    expect(isPeriodOpen('2025-09-30', 2025, 'quarter')).toBe(false);
  });
  it('defaults its cut-off to the last quarter ended, as the report runs "so far"', () => {
    expect(defaultCutoff('2025-10-20', 'year')).toBe('2025-09-30');
  });
});
