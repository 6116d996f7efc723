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
