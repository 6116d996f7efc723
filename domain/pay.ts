// Pay (薪酬): base post wage + post floating wage (by level) + seniority wage (contract
// staff) + performance wage (a coefficient by tier). The amounts are a versioned pay
// table; rural managers are paid one grade step higher (domain/grades.ts payGrade).
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { roundHalfUp2 } from './rounding';
import { addDays, type CalendarDate } from './calendar';
import { levelOf, payGrade, tierOf, type Grade } from './grades';

const yuan = lazySchema(() => z.number().min(0).max(1_000_000));

export const payTableSchema = lazySchema(() =>
  z.object({
    /** 岗位基本工资, the same for every customer manager. */
    basePostWage: yuan,
    /** 岗位浮动工资 by level. */
    floatingWageByLevel: z.object({ TRAINEE: yuan, JUNIOR: yuan, MIDDLE: yuan, SENIOR: yuan }),
    /** 绩效工资 = base × the coefficient of the tier. */
    performanceWageBase: yuan,
    performanceCoefficientByTier: z.object({
      TRAINEE: z.number().min(0).max(10),
      C: z.number().min(0).max(10),
      B: z.number().min(0).max(10),
      A: z.number().min(0).max(10),
    }),
  }),
);
export type PayTable = z.infer<typeof payTableSchema>;

/** The demo city's first pay table (an example: every figure is the city's to set). */
export const examplePayTable: PayTable = {
  basePostWage: 2200,
  floatingWageByLevel: { TRAINEE: 0, JUNIOR: 600, MIDDLE: 1200, SENIOR: 1800 },
  performanceWageBase: 1500,
  performanceCoefficientByTier: { TRAINEE: 0.8, C: 1.0, B: 1.1, A: 1.2 },
};

/** Whole years from `from` to `on` (a year is full on its anniversary). */
export function fullYears(from: CalendarDate, on: CalendarDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return Math.max(0, oy - fy - (om < fm || (om === fm && od < fd) ? 1 : 0));
}

/**
 * 年功工资 for contract staff with at least 3 full years in the customer-manager post:
 * years × 4 yuan up to 10 years, × 6 for 11–15, × 8 above 15 (3 → 12, 10 → 40, 12 → 72, 16 → 128).
 */
export function seniorityWage(employment: 'FORMAL' | 'CONTRACT', fullYearsInPost: number): number {
  if (employment !== 'CONTRACT' || fullYearsInPost < 3) return 0;
  const perYear = fullYearsInPost <= 10 ? 4 : fullYearsInPost <= 15 ? 6 : 8;
  return fullYearsInPost * perYear;
}

export interface PayInput {
  assessedGrade: Grade;
  area: 'URBAN' | 'RURAL';
  employment: 'FORMAL' | 'CONTRACT';
  postStartDate: CalendarDate;
}

export interface PayStatementLines {
  assessedGrade: Grade;
  /** The grade paid at (rural: one step up). */
  payGrade: Grade;
  basePostWage: number;
  floatingWage: number;
  seniorityYears: number;
  seniorityWage: number;
  performanceCoefficient: number;
  performanceWage: number;
  total: number;
}

const money = roundHalfUp2; // yuan, to the fen

/** The last day of a month YYYY-MM: seniority is counted in full years on that day. */
export function lastDayOfMonth(month: string): CalendarDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
}

/** One manager's pay for a month under a pay table. */
export function payStatement(input: PayInput, table: PayTable, month: string): PayStatementLines {
  const grade = payGrade(input.assessedGrade, input.area);
  const floatingWage = table.floatingWageByLevel[levelOf(grade)];
  const seniorityYears = fullYears(input.postStartDate, lastDayOfMonth(month));
  const seniority = seniorityWage(input.employment, seniorityYears);
  const performanceCoefficient = table.performanceCoefficientByTier[tierOf(grade)];
  const performanceWage = money(table.performanceWageBase * performanceCoefficient);
  return {
    assessedGrade: input.assessedGrade,
    payGrade: grade,
    basePostWage: table.basePostWage,
    floatingWage,
    seniorityYears,
    seniorityWage: seniority,
    performanceCoefficient,
    performanceWage,
    total: money(table.basePostWage + floatingWage + seniority + performanceWage),
  };
}
