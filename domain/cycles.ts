// Cycle types (考评周期) and their periods.
import { z } from 'zod';
import { shanghaiDate, type CalendarDate } from './calendar';

export const cycleTypes = ['MONTHLY', 'QUARTERLY', 'HALF_YEAR', 'ANNUAL'] as const;
export type CycleType = (typeof cycleTypes)[number];

/** Period keys: 2026-11 (月度), 2026-Q4 (季度), 2026-H2 (半年), 2026 (年度). */
export const periodPatterns: Record<CycleType, RegExp> = {
  MONTHLY: /^\d{4}-(0[1-9]|1[0-2])$/,
  QUARTERLY: /^\d{4}-Q[1-4]$/,
  HALF_YEAR: /^\d{4}-H[12]$/,
  ANNUAL: /^\d{4}$/,
};

export const periodExamples: Record<CycleType, string> = {
  MONTHLY: '2026-11',
  QUARTERLY: '2026-Q4',
  HALF_YEAR: '2026-H2',
  ANNUAL: '2026',
};

export function isValidPeriod(type: CycleType, period: string): boolean {
  return periodPatterns[type].test(period);
}

/** The period a cycle of this type opened on `date` (Shanghai) covers. */
export function periodOf(type: CycleType, date: CalendarDate): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (type) {
    case 'MONTHLY':
      return date.slice(0, 7);
    case 'QUARTERLY':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'HALF_YEAR':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'ANNUAL':
      return year;
  }
}

export function currentPeriod(type: CycleType, now: Date): string {
  return periodOf(type, shanghaiDate(now));
}

export const cycleTypeSchema = z.enum(cycleTypes);

// ---- the opening calendar (考评日历) ----
type CalendarMonth = 'JANUARY' | 'APRIL' | 'JULY' | 'OCTOBER';
/** The months a cycle type opens in (DOMAIN.md): every month; 1 Jan/Apr/Jul/Oct; 1 Jan/Jul; 1 Jan. */
export const openingMonths: Record<CycleType, CalendarMonth[] | undefined> = {
  MONTHLY: undefined,
  QUARTERLY: ['JANUARY', 'APRIL', 'JULY', 'OCTOBER'],
  HALF_YEAR: ['JANUARY', 'JULY'],
  ANNUAL: ['JANUARY'],
};

/**
 * When in its opening month a cycle opens, Shanghai time. *Default* the 1st at 00:05;
 * HR may move it (at most the 28th, so it falls in every month) or pause it, with a note.
 */
export const openingTimeSchema = z.object({
  dayOfMonth: z.number().int().min(1).max(28),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
});
export type OpeningTime = z.infer<typeof openingTimeSchema>;
export const defaultOpeningTime: OpeningTime = { dayOfMonth: 1, hour: 0, minute: 5 };

/** The calendar spec of a cycle type's Temporal Schedule. */
export function openingCalendar(type: CycleType, time: OpeningTime = defaultOpeningTime) {
  const months = openingMonths[type];
  return { dayOfMonth: time.dayOfMonth, hour: time.hour, minute: time.minute, ...(months ? { month: months } : {}) };
}
