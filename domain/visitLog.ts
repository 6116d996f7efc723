// The visit log (工作本) and first/last check-ins (首末签到, 痕迹化管理): per visit day the
// planned route and customers, the visits made and the mileage, and the first and last
// visit of the day checked in (time and place), entered by the manager or recorded by the
// county's inspector from the phone report. A month's records are the facts behind the
// inspection's check items: days with both check-ins, visits made against the plan.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { addDays, addMonths } from './calendar';
import { calendarDateSchema } from './calendarDate';
import type { CheckItemKind } from './scoring';
import { bilingual } from './issueText';
import type { Names } from './language';
import { roundHalfUp2 } from './rounding';
import { multiLine, oneLine } from './text';

const time = lazySchema(() =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: bilingual('应为时间 HH:MM', 'expected HH:MM') }),
);

/** One check-in (签到): when and where the visit was, as reported. */
export const checkInSchema = lazySchema(() => z.object({ time, place: oneLine().min(1).max(100) }));
export type CheckIn = z.infer<typeof checkInSchema>;

const customerIds = lazySchema(() =>
  z
    .array(z.uuid())
    .max(80)
    .refine((ids) => new Set(ids).size === ids.length, {
      message: bilingual('同一客户只能列一次', 'each customer once'),
    }),
);

/** A visit day as the manager (or the inspector) records it. */
export const visitDaySchema = lazySchema(() =>
  z
    .object({
      route: multiLine().max(500).default(''),
      plannedCustomerIds: customerIds.default([]),
      visitedCustomerIds: customerIds.default([]),
      mileageKm: z.number().min(0).max(1000).default(0),
      firstCheckIn: checkInSchema.nullable().default(null),
      lastCheckIn: checkInSchema.nullable().default(null),
      note: multiLine().max(500).default(''),
    })
    .refine((d) => !d.firstCheckIn || !d.lastCheckIn || d.lastCheckIn.time >= d.firstCheckIn.time, {
      path: ['lastCheckIn', 'time'],
      message: bilingual('末次签到不能早于首次签到', 'the last check-in cannot be before the first'),
    }),
);
export type VisitDayEntry = z.infer<typeof visitDaySchema>;

export const visitDateSchema = calendarDateSchema;

/**
 * Days can be recorded up to today and back to the first day of the previous month (the month
 * an inspection looks at is closed after that): a phone report comes in the same day or soon after.
 */
export function visitDateProblem(date: string, today: string): Names | null {
  if (date > today) return { 'zh-CN': '不能记录未来的日期', en: 'a day in the future cannot be recorded' };
  const firstOfPrevious = `${addMonths(today.slice(0, 7), -1)}-01`;
  if (date < firstOfPrevious)
    return {
      'zh-CN': `只能记录 ${firstOfPrevious} 以后的日期`,
      en: `only days from ${firstOfPrevious} on can be recorded`,
    };
  return null;
}

export interface VisitDayFacts {
  date: string;
  plannedCustomerIds: readonly string[];
  visitedCustomerIds: readonly string[];
  mileageKm: number;
  firstCheckIn: CheckIn | null;
  lastCheckIn: CheckIn | null;
}

/** What a month's visit log says, for the inspector beside the check items it is about. */
export interface MonthFacts {
  daysLogged: number;
  /** Days with both the first and the last visit checked in (首末签到齐全). */
  daysWithBothCheckIns: number;
  /** Days logged without one or both check-ins, by date. */
  daysMissingCheckIn: string[];
  planned: number;
  visited: number;
  /** Visits made to customers that were on the day's plan. */
  visitedOnPlan: number;
  /** visitedOnPlan / planned, 0–1; null when nothing was planned. */
  planShare: number | null;
  mileageKm: number;
}

export function monthFacts(days: readonly VisitDayFacts[]): MonthFacts {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  let planned = 0;
  let visited = 0;
  let visitedOnPlan = 0;
  let mileage = 0;
  const missing: string[] = [];
  for (const d of sorted) {
    planned += d.plannedCustomerIds.length;
    visited += d.visitedCustomerIds.length;
    const plan = new Set(d.plannedCustomerIds);
    visitedOnPlan += d.visitedCustomerIds.filter((id) => plan.has(id)).length;
    mileage += d.mileageKm;
    if (!d.firstCheckIn || !d.lastCheckIn) missing.push(d.date);
  }
  return {
    daysLogged: sorted.length,
    daysWithBothCheckIns: sorted.length - missing.length,
    daysMissingCheckIn: missing,
    planned,
    visited,
    visitedOnPlan,
    planShare: planned ? roundHalfUp2(visitedOnPlan / planned) : null,
    mileageKm: roundHalfUp2(mileage),
  };
}

/** The check items the month's facts are evidence for. */
export const factsForCheckItem: Partial<Record<CheckItemKind, readonly (keyof MonthFacts)[]>> = {
  FIRST_LAST_CHECK_IN: ['daysWithBothCheckIns', 'daysMissingCheckIn'],
  VISIT_LOG_AND_HANDBOOK: ['daysLogged', 'visitedOnPlan', 'planned', 'mileageKm'],
};

/** The months a cycle's period covers (YYYY-MM): a month, a quarter's three, a half-year's six, a year's twelve. */
export function monthsOfPeriod(type: string, period: string): string[] {
  const year = period.slice(0, 4);
  const range = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
  if (type === 'MONTHLY') return [period];
  if (type === 'QUARTERLY') return range((Number(period.slice(-1)) - 1) * 3 + 1, 3);
  if (type === 'HALF_YEAR') return range(period.endsWith('1') ? 1 : 7, 6);
  return range(1, 12);
}

/** The county's weekly review (按周批阅): a comment on the week's work book. */
export const weekReviewSchema = lazySchema(() => z.object({ comment: multiLine().min(2).max(1000) }));

/** The Monday of a date's week (weeks run Monday to Sunday). */
export function weekStartOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The weeks (their Mondays) that have days in a month, in order. */
export function weeksOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const weeks: string[] = [];
  for (let d = weekStartOf(`${month}-01`); d <= `${month}-${String(last).padStart(2, '0')}`; d = addDays(d, 7))
    weeks.push(d);
  return weeks;
}

/** A week can be reviewed once it has begun, and only by its Monday. */
export function weekReviewProblem(weekStart: string, today: string): Names | null {
  if (weekStartOf(weekStart) !== weekStart) return { 'zh-CN': '应为一周的星期一', en: 'expected the Monday of a week' };
  if (weekStart > today) return { 'zh-CN': '这一周还没有开始', en: 'the week has not begun' };
  return null;
}
