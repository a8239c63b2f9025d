import { periodDeadline, reportDeadline } from './deadline';

describe('reportDeadline', () => {
  it('is 15 calendar days after the end when that day is a business day', () => {
    expect(reportDeadline('2025-06-30')).toBe('2025-07-15'); // Tuesday
    expect(reportDeadline('2025-09-30')).toBe('2025-10-15'); // Wednesday
  });
  it('moves a Saturday over the weekend to Monday', () => {
    // 2023-06-30 + 15 = Saturday 15 July 2023 → Monday 17 July.
    expect(reportDeadline('2023-06-30')).toBe('2023-07-17');
  });
  it('moves a Saturday past a holiday Monday to Tuesday', () => {
    // 2022-09-30 + 15 = Saturday 15 October 2022; Monday 17 is Día de la Raza (12 Oct moved) → Tuesday 18.
    expect(reportDeadline('2022-09-30')).toBe('2022-10-18');
  });
  it('moves a holiday Monday to Tuesday', () => {
    // 2025-08-03 + 15 = Monday 18 August 2025 (Asunción moved from Friday 15) → Tuesday 19.
    expect(reportDeadline('2025-08-03')).toBe('2025-08-19');
  });
  it('keeps a Monday that is not a holiday', () => {
    // 2024-03-31 + 15 = Monday 15 April 2024.
    expect(reportDeadline('2024-03-31')).toBe('2024-04-15');
    // 2023-12-31 + 15 = Monday 15 January 2024 (Reyes was moved to 8 January).
    expect(reportDeadline('2023-12-31')).toBe('2024-01-15');
  });
  it('crosses the year end', () => {
    expect(reportDeadline('2025-12-31')).toBe('2026-01-15'); // Thursday
  });
  it('handles a leap-day period end', () => {
    // 2024-02-29 + 15 = Friday 15 March 2024.
    expect(reportDeadline('2024-02-29')).toBe('2024-03-15');
  });
});

describe('periodDeadline', () => {
  it('gives the deadline of a quarter and of a month', () => {
    expect(periodDeadline(2025, 2)).toBe('2025-07-15');
    expect(periodDeadline(2025, 4)).toBe('2026-01-15');
    // March 2025 ends Monday 31; + 15 = Tuesday 15 April 2025.
    expect(periodDeadline(2025, 3, 'month')).toBe('2025-04-15');
  });
  it('throws for a period that does not exist', () => {
    expect(() => periodDeadline(2025, 0)).toThrow(RangeError);
  });
});
