// Grade quotas (等级比例): over all customer managers, trainees included, senior at
// most 20%, middle at most 50%, junior at most 30% (DOMAIN.md defaults). A cap is the
// share times the head count, rounded half up. Checked when a grade change is approved.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { roundHalfUp } from './rounding';
import { levelOf, type Grade } from './grades';

export const quotaLevels = ['SENIOR', 'MIDDLE', 'JUNIOR'] as const;
export type QuotaLevel = (typeof quotaLevels)[number];

export const gradeQuotaSchema = lazySchema(() =>
  z.object({
    SENIOR: z.number().min(0).max(1),
    MIDDLE: z.number().min(0).max(1),
    JUNIOR: z.number().min(0).max(1),
  }),
);
export type GradeQuota = z.infer<typeof gradeQuotaSchema>;
export const defaultGradeQuota: GradeQuota = { SENIOR: 0.2, MIDDLE: 0.5, JUNIOR: 0.3 };

/** share × head count, rounded half up (71 × 50% = 35.5 → 36). */
export function gradeQuotaCap(share: number, headCount: number): number {
  return roundHalfUp(share * headCount);
}

export interface QuotaUsage {
  level: QuotaLevel;
  cap: number;
  count: number;
}
export interface QuotaBreach extends QuotaUsage {
  over: number;
}

/** Each level's cap and count over the assessed grades of every customer manager. */
export function quotaUsage(assessedGrades: Grade[], quota: GradeQuota = defaultGradeQuota): QuotaUsage[] {
  const headCount = assessedGrades.length;
  return quotaLevels.map((level) => ({
    level,
    cap: gradeQuotaCap(quota[level], headCount),
    count: assessedGrades.filter((g) => levelOf(g) === level).length,
  }));
}

/** The levels over their cap, with by how many. */
export function quotaBreaches(assessedGrades: Grade[], quota: GradeQuota = defaultGradeQuota): QuotaBreach[] {
  return quotaUsage(assessedGrades, quota)
    .filter((u) => u.count > u.cap)
    .map((u) => ({ ...u, over: u.count - u.cap }));
}

const levelNames: Record<QuotaLevel, { 'zh-CN': string; en: string }> = {
  SENIOR: { 'zh-CN': '高级', en: 'senior' },
  MIDDLE: { 'zh-CN': '中级', en: 'middle' },
  JUNIOR: { 'zh-CN': '初级', en: 'junior' },
};

/** e.g. 中级名额上限 36 人，批准后为 37 人，超出 1 人 / middle: cap 36, would be 37, over by 1 */
export function describeBreach(b: QuotaBreach, lang: 'zh-CN' | 'en'): string {
  return lang === 'zh-CN'
    ? `${levelNames[b.level]['zh-CN']}名额上限 ${b.cap} 人，批准后为 ${b.count} 人，超出 ${b.over} 人`
    : `${levelNames[b.level].en}: cap ${b.cap}, would be ${b.count}, over by ${b.over}`;
}

/**
 * The quota after approving some changes, from the head count per grade (a city of 10,000
 * travels as ten numbers): each approved change moves one person from one grade to another.
 */
export function quotaUsageAfter(
  gradeCounts: Partial<Record<Grade, number>>,
  changes: { fromGrade: Grade; toGrade: Grade }[],
  quota: GradeQuota = defaultGradeQuota,
): QuotaUsage[] {
  const counts = new Map(Object.entries(gradeCounts) as [Grade, number][]);
  for (const c of changes) {
    counts.set(c.fromGrade, (counts.get(c.fromGrade) ?? 0) - 1);
    counts.set(c.toGrade, (counts.get(c.toGrade) ?? 0) + 1);
  }
  const headCount = [...counts.values()].reduce((a, b) => a + b, 0);
  return quotaLevels.map((level) => ({
    level,
    cap: gradeQuotaCap(quota[level], headCount),
    count: [...counts].filter(([g]) => levelOf(g) === level).reduce((a, [, k]) => a + k, 0),
  }));
}
