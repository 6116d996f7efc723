import { addDays, daysBetween, isCalendarDate, shanghaiDate, shanghaiInstant } from '../../domain/calendar';
import { currentPeriod, isValidPeriod, periodOf } from '../../domain/cycles';

describe('Asia/Shanghai calendar', () => {
  test('the Shanghai date of an instant is UTC+8', () => {
    expect(shanghaiDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(shanghaiDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });
  test('midnight and 09:00 Shanghai as instants', () => {
    expect(shanghaiInstant('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(shanghaiInstant('2026-12-01', 9).toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });
  test('date arithmetic across months, years and leap days', () => {
    expect(addDays('2026-11-28', 5)).toBe('2026-12-03');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
    expect(daysBetween('2026-11-01', '2026-11-06')).toBe(5);
  });
  test('calendar dates are validated', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-1-5')).toBe(false);
  });
});

describe('cycle periods', () => {
  test('monthly on the 1st, quarterly on 1 Jan/Apr/Jul/Oct, half-year on 1 Jan/Jul, annual on 1 Jan', () => {
    expect(periodOf('MONTHLY', '2026-11-01')).toBe('2026-11');
    expect(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'].map((d) => periodOf('QUARTERLY', d))).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(['2026-01-01', '2026-07-01'].map((d) => periodOf('HALF_YEAR', d))).toEqual(['2026-H1', '2026-H2']);
    expect(periodOf('ANNUAL', '2026-01-01')).toBe('2026');
  });
  test('the period is taken in Shanghai time: 1 Dec 00:30 Shanghai is still 30 Nov in UTC', () => {
    expect(currentPeriod('MONTHLY', new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
  });
  test('period keys are validated per cycle type', () => {
    expect(isValidPeriod('MONTHLY', '2026-11')).toBe(true);
    expect(isValidPeriod('MONTHLY', '2026-13')).toBe(false);
    expect(isValidPeriod('QUARTERLY', '2026-Q5')).toBe(false);
    expect(isValidPeriod('HALF_YEAR', '2026-H2')).toBe(true);
    expect(isValidPeriod('ANNUAL', '26')).toBe(false);
  });
});
