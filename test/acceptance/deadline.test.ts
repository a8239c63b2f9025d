/**
 * Acceptance — progress.md "Report deadline of a period: 15 calendar days after it ends; when
 * that day is a Saturday, Sunday or Colombian public holiday, the next business day." Holidays:
 * Ley 51 de 1983 (fixed, moved to Monday, Easter-based) and 9 July (moved to Monday) from 2026.
 *
 * Every date was worked out with a printed calendar (weekdays double-checked with `date -d`):
 * the comments give the chain end → +15 → weekday → holiday → deadline.
 */
import { periodDeadline, reportDeadline } from '../../src/domain/deadline';
import { resolveOptions } from '../../src/app/report';
import { buildProgressModel } from '../../src/domain/progress-model';
import { readWorkbook } from '../../src/domain/reader';
import { gridsOf } from '../helpers/xlsx';
import type { SheetSpec } from '../helpers/xlsx';
import { monthCaptureSheet } from '../helpers/sheets';
import { captureSpec } from './harness';

describe('acceptance: report deadline (15 calendar days, next business day, Colombian holidays)', () => {
  // prettier-ignore
  const quarters: [number, number, string, string][] = [
    [2025, 1, '2025-04-15', '31/03 + 15 = mar 15/04/2025 (Semana Santa 2025 is 17–18/04): stays'],
    [2025, 2, '2025-07-15', '30/06 + 15 = mar 15/07/2025: stays'],
    [2025, 3, '2025-10-15', '30/09 + 15 = mié 15/10/2025 (Día de la Raza moved to lun 13/10): stays'],
    [2025, 4, '2026-01-15', '31/12 + 15 = jue 15/01/2026: stays'],
    [2022, 1, '2022-04-18', '31/03 + 15 = vie 15/04/2022 = Viernes Santo (Easter 17/04) → sáb, dom → lun 18/04'],
    [2024, 2, '2024-07-15', '30/06 + 15 = lun 15/07/2024; 9 July 2024 (a Tuesday) is no holiday before Ley 2578 de 2026: stays'],
    [2030, 2, '2030-07-16', '30/06 + 15 = lun 15/07/2030 = 9 July (a Tuesday) moved to Monday (Ley 2578) → mar 16/07'],
    [2026, 2, '2026-07-15', '30/06 + 15 = mié 15/07/2026 (9 July 2026, a Thursday, moved to lun 13/07: not in the way)'],
  ];
  for (const [year, t, want, why] of quarters) {
    it(`T${t} ${year} → ${want} (${why})`, () => {
      expect(periodDeadline(year, t)).toBe(want);
    });
  }

  // prettier-ignore
  const months: [number, number, string, string][] = [
    [2025, 1, '2025-02-17', '31/01 + 15 = sáb 15/02/2025 → lun 17/02'],
    [2025, 2, '2025-03-17', '28/02 + 15 = sáb 15/03/2025 → lun 17/03 (San José 2025 moved to lun 24/03)'],
    [2025, 7, '2025-08-15', '31/07 + 15 = vie 15/08/2025: the Asunción is moved to lun 18/08, so the 15th is a working day'],
    [2025, 10, '2025-11-18', '31/10 + 15 = sáb 15/11/2025 → lun 17/11 = Independencia de Cartagena (mar 11/11 moved) → mar 18/11'],
    [2026, 5, '2026-06-16', '31/05 + 15 = lun 15/06/2026 = Sagrado Corazón (Easter 05/04 + 71) → mar 16/06'],
    [2026, 1, '2026-02-16', '31/01 + 15 = dom 15/02/2026 → lun 16/02'],
  ];
  for (const [year, m, want, why] of months) {
    it(`month ${m} of ${year} → ${want} (${why})`, () => {
      expect(periodDeadline(year, m, 'month')).toBe(want);
    });
  }

  it('a deadline that falls on a holiday Monday after a weekend moves to Tuesday (reportDeadline of any end date)', () => {
    // 15/06/2025 + 15 = lun 30/06/2025 = San Pedro y San Pablo (dom 29/06 moved) → mar 01/07
    expect(reportDeadline('2025-06-15')).toBe('2025-07-01');
    // 28/06/2026 + 15 = lun 13/07/2026 = 9 July 2026 moved to Monday (Ley 2578 de 2026) → mar 14/07
    expect(reportDeadline('2026-06-28')).toBe('2026-07-14');
    // 28/06/2027 + 15 = mar 13/07/2027; 9 July 2027 (a Friday) moved to lun 12/07: the 13th stays
    expect(reportDeadline('2027-06-28')).toBe('2027-07-13');
  });

  async function modelOf(sheets: SheetSpec[], cutoff: string) {
    const wb = readWorkbook(await gridsOf(sheets));
    const options = resolveOptions({ cutoff }, wb, '2025-07-10');
    return buildProgressModel(wb, options);
  }

  it('the progress model carries the deadline of the cut-off period (quarters)', async () => {
    const m = await modelOf([captureSpec([{ code: 'X1', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [5, 5] }])], '2025-06-30');
    expect([m.period, m.deadline]).toEqual(['T2', '2025-07-15']);
    const before = await modelOf([captureSpec([{ code: 'X1', acc: 'Suma', m: 10, p: [5, 5, 0, 0], e: [5, 5] }])], '2025-03-30');
    expect([before.period, before.deadline]).toEqual([null, null]); // nothing measured, no deadline
  });

  it('a month sheet measures months: cut-off 31/10/2025 → period Oct, deadline 18/11/2025', async () => {
    const sheet = monthCaptureSheet([
      { goalCode: 'M1', goal: 'Meta mensual', unit: 'Secretaría de Salud', accumulation: 'Suma', yearGoal: 12, planned: Array(12).fill(1), executed: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, null, null] },
    ]);
    const m = await modelOf([sheet], '2025-10-31');
    expect([m.period, m.deadline]).toEqual(['Oct', '2025-11-18']);
  });

});
