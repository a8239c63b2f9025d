import Holidays from 'date-holidays';
import { colombianHolidays, easterSunday, holidayDates, isBusinessDay, isColombianHoliday, nextBusinessDay, nextMonday } from './holidays';

/** Monday on or after 9 July (Ley 2578 de 2026). */
function july9Monday(year: number): string {
  return nextMonday(`${year}-07-09`);
}

describe('easterSunday', () => {
  it('finds the earliest and latest possible Easter', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
  it('finds known Easter Sundays', () => {
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
  });
});

describe('nextMonday', () => {
  it('keeps a Monday and moves every other day forward', () => {
    expect(nextMonday('2025-06-30')).toBe('2025-06-30');
    expect(nextMonday('2025-06-29')).toBe('2025-06-30'); // Sunday
    expect(nextMonday('2025-07-01')).toBe('2025-07-07'); // Tuesday
  });
});

describe('colombianHolidays', () => {
  it('has 18 holidays before 2026 and 19 from 2026 on', () => {
    expect(colombianHolidays(2025)).toHaveLength(18);
    expect(colombianHolidays(2026)).toHaveLength(19);
  });
  it('keeps both names when two holidays share a Monday', () => {
    const jun30 = colombianHolidays(2014).filter((h) => h.date === '2014-06-30').map((h) => h.name);
    expect(jun30).toEqual(expect.arrayContaining(['Sagrado Corazón de Jesús', 'San Pedro y San Pablo']));
    expect(holidayDates(2014)).toHaveLength(17);
  });
  it('moves 9 July to Monday from 2026 on only', () => {
    expect(isColombianHoliday('2026-07-13')).toBe(true);
    expect(isColombianHoliday('2025-07-14')).toBe(false);
  });
  it('lists the 2025 holidays', () => {
    expect(holidayDates(2025)).toEqual([
      '2025-01-01', '2025-01-06', '2025-03-24', '2025-04-17', '2025-04-18', '2025-05-01', '2025-06-02',
      '2025-06-23', '2025-06-30', '2025-07-20', '2025-08-07', '2025-08-18', '2025-10-13', '2025-11-03',
      '2025-11-17', '2025-12-08', '2025-12-25',
    ]);
  });

  // Reference: the `date-holidays` package (country CO, type "public"). Its data moves 9 July to
  // Monday from 2026 ("La virgen de Chiquinquirá", citing Ley 2578 de 2026's text in the Rama
  // Judicial's SIDN); should a version lack that law, the expected set is the library's plus that
  // Monday from 2026 on — that is what we assert.
  it('agrees with date-holidays (CO, public) for 2000–2030, plus Ley 2578 de 2026', () => {
    const lib = new Holidays('CO');
    for (let year = 2000; year <= 2030; year++) {
      const expected = new Set(
        lib
          .getHolidays(year)
          .filter((h) => h.type === 'public' && h.date.slice(0, 4) === String(year))
          .map((h) => h.date.slice(0, 10))
          // The library lists Easter Sunday as a public day; it is a Sunday, not a festivo of Ley 51.
          .filter((d) => d !== easterSunday(year)),
      );
      if (year >= 2026) expected.add(july9Monday(year));
      expect({ year, dates: holidayDates(year) }).toEqual({ year, dates: [...expected].sort() });
    }
  });
});

describe('isBusinessDay', () => {
  it('is false on weekends', () => {
    expect(isBusinessDay('2025-07-19')).toBe(false); // Saturday
    expect(isBusinessDay('2025-07-20')).toBe(false); // Sunday (and holiday)
  });
  it('is false on holidays that fall on weekdays', () => {
    expect(isBusinessDay('2025-04-17')).toBe(false); // Jueves Santo
    expect(isBusinessDay('2025-08-07')).toBe(false);
  });
  it('is true on ordinary weekdays', () => {
    expect(isBusinessDay('2025-07-15')).toBe(true);
  });
});

describe('nextBusinessDay', () => {
  it('skips a Saturday, Sunday and holiday Monday in a row', () => {
    // 2025-08-16 Saturday, 17 Sunday, 18 Monday (Asunción moved).
    expect(nextBusinessDay('2025-08-16')).toBe('2025-08-19');
  });
  it('keeps a business day', () => {
    expect(nextBusinessDay('2025-07-15')).toBe('2025-07-15');
  });
});
