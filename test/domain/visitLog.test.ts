// Visit log rules (工作本, 首末签到): the month's facts behind the inspection's check items,
// which days can be recorded, and a day's check-ins in order.
import {
  monthFacts,
  monthsOfPeriod,
  visitDateProblem,
  visitDaySchema,
  weekReviewProblem,
  weekStartOf,
  weeksOfMonth,
} from '../../domain/visitLog';

test('the month’s facts: days with both check-ins, visits against the plan, mileage', () => {
  const both = { first: { time: '08:30', place: '城关' }, last: { time: '17:00', place: '北关' } };
  const facts = monthFacts([
    {
      date: '2026-11-11',
      plannedCustomerIds: ['a'],
      visitedCustomerIds: ['a'],
      mileageKm: 8,
      firstCheckIn: both.first,
      lastCheckIn: null,
    },
    {
      date: '2026-11-10',
      plannedCustomerIds: ['a', 'b', 'c'],
      visitedCustomerIds: ['a', 'b', 'd'],
      mileageKm: 12.5,
      firstCheckIn: both.first,
      lastCheckIn: both.last,
    },
    {
      date: '2026-11-12',
      plannedCustomerIds: [],
      visitedCustomerIds: [],
      mileageKm: 0,
      firstCheckIn: null,
      lastCheckIn: null,
    },
  ]);
  expect(facts).toEqual({
    daysLogged: 3,
    daysWithBothCheckIns: 1,
    daysMissingCheckIn: ['2026-11-11', '2026-11-12'],
    planned: 4,
    visited: 4,
    visitedOnPlan: 3,
    planShare: 0.75,
    mileageKm: 20.5,
  });
  expect(monthFacts([])).toMatchObject({ daysLogged: 0, planShare: null, mileageKm: 0 });
});

test('days from the first of the previous month up to today can be recorded', () => {
  expect(visitDateProblem('2026-12-06', '2026-12-06')).toBeNull();
  expect(visitDateProblem('2026-11-01', '2026-12-06')).toBeNull();
  expect(visitDateProblem('2026-10-31', '2026-12-06')?.en).toBe('only days from 2026-11-01 on can be recorded');
  expect(visitDateProblem('2026-12-07', '2026-12-06')?.en).toMatch(/future/);
  expect(visitDateProblem('2025-12-01', '2026-01-15')).toBeNull(); // across the year
});

test('a day’s last check-in is not before its first; times are HH:MM; customers once each', () => {
  const first = { time: '08:30', place: '城关' };
  const issues = (v: object) => visitDaySchema.safeParse(v).error?.issues.map((i) => i.path.join('.')) ?? [];
  expect(issues({ firstCheckIn: first, lastCheckIn: { time: '08:29', place: '北关' } })).toEqual(['lastCheckIn.time']);
  expect(issues({ firstCheckIn: { time: '8:30', place: '城关' } })).toEqual(['firstCheckIn.time']);
  const id = '5f0f4a52-8f83-4c8b-9d5e-1b7c8a8c2a11';
  expect(issues({ plannedCustomerIds: [id, id] })).toEqual(['plannedCustomerIds']);
  expect(visitDaySchema.parse({})).toMatchObject({ route: '', mileageKm: 0, firstCheckIn: null, lastCheckIn: null });
});

test('the months a cycle’s inspection covers', () => {
  expect(monthsOfPeriod('MONTHLY', '2026-11')).toEqual(['2026-11']);
  expect(monthsOfPeriod('QUARTERLY', '2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  expect(monthsOfPeriod('HALF_YEAR', '2026-H1')).toHaveLength(6);
  expect(monthsOfPeriod('ANNUAL', '2026').at(-1)).toBe('2026-12');
});

test('weeks run Monday to Sunday; a month’s weeks are those with a day in it', () => {
  expect(weekStartOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
  expect(weekStartOf('2026-11-30')).toBe('2026-11-30'); // a Monday
  expect(weeksOfMonth('2026-11')).toEqual([
    '2026-10-26',
    '2026-11-02',
    '2026-11-09',
    '2026-11-16',
    '2026-11-23',
    '2026-11-30',
  ]);
  expect(weekReviewProblem('2026-12-01', '2026-12-06')?.en).toBe('expected the Monday of a week');
  expect(weekReviewProblem('2026-12-07', '2026-12-06')?.en).toBe('the week has not begun');
  expect(weekReviewProblem('2026-11-30', '2026-12-06')).toBeNull();
});
