// The weekly one-sheet (客户经理一张纸工作法, PDCA, DOMAIN.md): one sheet per manager per week
// (Monday–Sunday) tying the month's targets to the week and its days (月目标 → 周计划 → 日落实).
// Its blocks: marketing targets, work tasks (last week's open problems carried in, the top
// focus, at most 5 ticked checklist items, the visit plan), daily tracking, improvement, the
// communication channel; the links block is the system's own pages. Filled by ticking and
// short entries, saved as a draft through the week, submitted at its end, reviewed by the county.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { addDays } from './calendar';
import { bilingual } from './issueText';
import type { Names } from './language';
import { kpiNames, type KpiName, type Kpis } from './marketingReview';
import { roundHalfUp2 } from './rounding';
import { multiLine, oneLine } from './text';
import { weekStartOf } from './visitLog';

/** At most this many checklist items are ticked a week (每周最多 5 项). */
export const maxTickedItems = 5;

/** The seven categories of the checklist, each with its usual items (其他及临时工作 is free text). */
export const checklistCategories = [
  'SERVE_CUSTOMERS',
  'MARKET_ANALYSIS',
  'INFORMATION_GATHERING',
  'TERMINAL_BUILDING',
  'INTEGRITY_GROUPS',
  'INDUSTRY_COORDINATION',
  'OTHER',
] as const;
export type ChecklistCategory = (typeof checklistCategories)[number];

const n = (zh: string, en: string): Names => ({ 'zh-CN': zh, en });
export const checklistCategoryNames: Record<ChecklistCategory, Names> = {
  SERVE_CUSTOMERS: n('服务客户', 'Serving customers'),
  MARKET_ANALYSIS: n('市场分析', 'Market analysis'),
  INFORMATION_GATHERING: n('信息采集', 'Information gathering'),
  TERMINAL_BUILDING: n('终端建设', 'Terminal building'),
  INTEGRITY_GROUPS: n('诚信互助小组', 'Integrity mutual-help groups'),
  INDUSTRY_COORDINATION: n('获取工商协同信息', 'Industry–commerce coordination'),
  OTHER: n('其他及临时工作', 'Other and temporary work'),
};

/** The items a category offers to tick (codes, named in both languages). */
export const checklistItems: Record<ChecklistCategory, Record<string, Names>> = {
  SERVE_CUSTOMERS: {
    KEY_CUSTOMER_VISITS: n('重点客户走访', 'Visits to key customers'),
    NEW_PRODUCT_PROMOTION: n('新品推介', 'New products introduced'),
    ORDERING_GUIDANCE: n('订货指导', 'Ordering guidance'),
  },
  MARKET_ANALYSIS: {
    SALES_TRENDS: n('销售走势分析', 'Sales trends'),
    PRICE_CHECK: n('零售价格监测', 'Retail price check'),
  },
  INFORMATION_GATHERING: {
    CUSTOMER_DATA: n('客户信息采集与更新', 'Customer data updated'),
    COMPETITOR_INFO: n('竞品与市场信息', 'Competitors and market news'),
  },
  TERMINAL_BUILDING: {
    DISPLAY: n('陈列指导', 'Display guidance'),
    MODEL_STORE: n('示范终端建设', 'Model store building'),
  },
  INTEGRITY_GROUPS: {
    GROUP_MEETING: n('互助小组活动', 'Group meeting'),
    INTEGRITY_RECORDS: n('诚信档案维护', 'Integrity records'),
  },
  INDUSTRY_COORDINATION: {
    BRAND_FEEDBACK: n('品牌培育信息反馈', 'Brand feedback to the partner'),
    JOINT_VISIT: n('工商联合走访', 'Joint visit with the partner'),
  },
  OTHER: {
    TEMPORARY: n('临时工作', 'Temporary work'),
  },
};

export const communicationAudiences = ['MARKETING_DIRECTOR', 'MONOPOLY_STAFF', 'RETAIL_CUSTOMERS'] as const;
export const communicationAudienceNames: Record<(typeof communicationAudiences)[number], Names> = {
  MARKETING_DIRECTOR: n('营销部主任', 'Marketing director'),
  MONOPOLY_STAFF: n('专卖人员', 'Monopoly staff'),
  RETAIL_CUSTOMERS: n('零售客户', 'Retail customers'),
};
export const communicationKinds = ['MARKET_STATE', 'SUGGESTION', 'ANOMALY', 'REMINDER'] as const;
export const communicationKindNames: Record<(typeof communicationKinds)[number], Names> = {
  MARKET_STATE: n('市场状态', 'Market state'),
  SUGGESTION: n('建议', 'Suggestion'),
  ANOMALY: n('异常', 'Anomaly'),
  REMINDER: n('提醒', 'Reminder'),
};

/** Monday 0 … Sunday 6. */
export const weekdayNames: Names[] = ['一', '二', '三', '四', '五', '六', '日'].map((d, i) =>
  n(`周${d}`, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i]!),
);

const short = (max: number) => oneLine().max(max);
const day = lazySchema(() => z.number().int().min(0).max(6));
const percent = lazySchema(() => z.number().min(0).max(300).nullable());
const problem = lazySchema(() => z.object({ text: short(200).min(1), resolved: z.boolean().default(false) }));
export type SheetProblem = z.infer<typeof problem>;

const tickedItem = lazySchema(() =>
  z
    .object({
      category: z.enum(checklistCategories),
      item: z.string().min(1).max(40),
      how: short(200).min(2), // how it will be done (落实措施)
    })
    .refine((t) => t.item in checklistItems[t.category], {
      path: ['item'],
      message: bilingual('该类别没有这一项', 'no such item in the category'),
    }),
);

/** The sheet's content, every block optional while it is a draft (filled as the week goes). */
export const sheetDraftSchema = lazySchema(() =>
  z.object({
    /** 1 营销目标: the week's actual figures (its targets come from the month's plan). */
    actuals: z
      .object(Object.fromEntries(kpiNames.map((k) => [k, percent])) as Record<KpiName, typeof percent>)
      .partial()
      .default({}),
    /** 2 工作任务: last week's open problems, each marked resolved or still open. */
    carriedIn: z.array(problem).max(20).default([]),
    focus: short(200).default(''),
    ticked: z.array(tickedItem).default([]),
    visitPlan: z
      .array(z.object({ day, customerId: z.uuid(), focus: short(100).default(''), done: z.boolean().default(false) }))
      .max(150)
      .default([]),
    /** 3 执行跟踪: per day. */
    daily: z
      .array(
        z.object({
          day,
          indicators: short(200).default(''),
          tasks: short(200).default(''),
          completed: z.boolean().default(false),
          temporaryWork: short(200).default(''),
          problem: short(200).default(''),
          fix: short(200).default(''),
        }),
      )
      .max(7)
      .default([]),
    /** 4 改进措施. */
    mainWork: short(500).default(''),
    problems: z.array(problem).max(10).default([]),
    measures: short(500).default(''),
    /** 5 沟通绿色通道. */
    communication: z
      .array(
        z.object({
          audience: z.enum(communicationAudiences),
          kind: z.enum(communicationKinds),
          content: short(300).min(2),
          howTold: short(100).default(''),
        }),
      )
      .max(20)
      .default([]),
  }),
);
export type SheetContent = z.infer<typeof sheetDraftSchema>;

const tickLimitMessage = bilingual(
  `每周最多勾选 ${maxTickedItems} 项工作任务，请先取消一项`,
  `at most ${maxTickedItems} tasks a week: untick one first`,
);

/** A draft may be saved with up to 5 ticked items too: the 6th is refused as it is ticked. */
export const sheetDraftBodySchema = lazySchema(() =>
  sheetDraftSchema.superRefine((s, ctx) => {
    if (s.ticked.length > maxTickedItems) ctx.addIssue({ code: 'custom', path: ['ticked'], message: tickLimitMessage });
    const seen = new Set<string>();
    s.ticked.forEach((t, i) => {
      const key = `${t.category}/${t.item}`;
      if (seen.has(key) && t.category !== 'OTHER')
        ctx.addIssue({
          code: 'custom',
          path: ['ticked', i, 'item'],
          message: bilingual('同一项只能勾选一次', 'each item once'),
        });
      seen.add(key);
    });
  }),
);

/** What a submitted sheet must hold: the focus, at least one ticked task, the week's main work. */
export const sheetSubmissionSchema = lazySchema(() =>
  sheetDraftBodySchema.superRefine((s, ctx) => {
    if (s.focus.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['focus'],
        message: bilingual('请填写本周重点', 'the week’s focus is required'),
      });
    if (s.ticked.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['ticked'],
        message: bilingual('请至少勾选一项工作任务', 'tick at least one task'),
      });
    if (s.mainWork.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['mainWork'],
        message: bilingual('请填写本周主要工作及成效', 'the week’s main work is required'),
      });
  }),
);

/** 2026-12-07 起一周 / the week of 2026-12-07: where a task names its week (mails: "…一周的周工作一张纸"). */
export function weekLabel(weekStart: string, lang: 'zh-CN' | 'en'): string {
  return lang === 'zh-CN' ? `${weekStart} 起一周` : `the week of ${weekStart}`;
}

/** The week's Sunday (the sheet is due that night). */
export const weekEndOf = (weekStart: string) => addDays(weekStart, 6);

/** The month a week belongs to: the month of its Thursday (so each week has one month). */
export const monthOfWeek = (weekStart: string) => addDays(weekStart, 3).slice(0, 7);

/** The Mondays of the weeks that belong to a month (by their Thursday). */
export function weeksBelongingTo(month: string): string[] {
  const weeks: string[] = [];
  for (let w = weekStartOf(`${month}-01`); w <= `${month}-31`; w = addDays(w, 7))
    if (monthOfWeek(w) === month) weeks.push(w);
  return weeks;
}

/**
 * The week's targets from the month's (三自定): sales volume completion accumulates over the
 * month, so by the week's last day it is the month's target pro rata to the days gone; the
 * rates (order success, data maintenance) hold all month. Null where the month has no plan.
 */
export function weekTargets(monthTargets: Kpis | null, weekStart: string): Kpis | null {
  if (!monthTargets) return null;
  const month = monthOfWeek(weekStart);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const end = weekEndOf(weekStart);
  const through = end.slice(0, 7) === month ? Number(end.slice(8)) : end < month ? 0 : days;
  return {
    salesVolumeCompletion: roundHalfUp2((monthTargets.salesVolumeCompletion * through) / days),
    orderSuccessRate: monthTargets.orderSuccessRate,
    basicDataMaintenance: monthTargets.basicDataMaintenance,
  };
}

/** Each KPI's week target, actual and gap (actual − target; null until both are there). */
export function targetGaps(targets: Kpis | null, actuals: Partial<Record<KpiName, number | null>>) {
  return kpiNames.map((kpi) => {
    const target = targets?.[kpi] ?? null;
    const actual = actuals[kpi] ?? null;
    return { kpi, target, actual, gap: target === null || actual === null ? null : roundHalfUp2(actual - target) };
  });
}

/**
 * Last week's open problems, carried into this week on their own: the problems it carried
 * in and did not resolve, then the problems it found and did not resolve (each once).
 */
export function carriedProblems(previous: Pick<SheetContent, 'carriedIn' | 'problems'> | null): SheetProblem[] {
  if (!previous) return [];
  const open = [...previous.carriedIn, ...previous.problems].filter((p) => !p.resolved).map((p) => p.text);
  return [...new Set(open)].map((text) => ({ text, resolved: false }));
}

/** A sheet is on time when its first submission came by the end of its Sunday (Shanghai). */
export function submittedOnTime(submittedAt: Date, dueAt: Date): boolean {
  return submittedAt.getTime() <= dueAt.getTime();
}

export interface MonthSheets {
  weeks: number;
  submitted: number;
  onTime: number;
  /** Share of the month's weeks with a sheet submitted on time, in percent. */
  onTimeRate: number;
  /** The weeks' main work, one line each: the self-assessment's work summary starts from it. */
  summary: string;
}

/** The month's sheets summarised for the self-assessment (一张纸 → 月度自我评价). */
export function summariseMonth(
  month: string,
  sheets: readonly {
    weekStart: string;
    submittedAt: Date | null;
    onTime: boolean | null;
    content: SheetContent | null;
  }[],
): MonthSheets {
  const weeks = weeksBelongingTo(month);
  const mine = sheets.filter((s) => weeks.includes(s.weekStart)).sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const submitted = mine.filter((s) => s.submittedAt);
  const onTime = submitted.filter((s) => s.onTime).length;
  const summary = submitted
    .filter((s) => s.content?.mainWork)
    .map((s) => `${s.weekStart.slice(5)}：${s.content!.mainWork}`)
    .join('\n');
  return {
    weeks: weeks.length,
    submitted: submitted.length,
    onTime,
    onTimeRate: weeks.length ? roundHalfUp2((100 * onTime) / weeks.length) : 0,
    summary,
  };
}

/** The county's review (批阅): signed off with a comment, or returned with the reason. */
export const weeklySheetReviewSchema = lazySchema(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('reviewed'), comment: multiLine().min(2).max(1000) }),
    z.object({ decision: z.literal('return'), reason: multiLine().min(2).max(1000) }),
  ]),
);
export type WeeklySheetReview = z.infer<typeof weeklySheetReviewSchema>;

/** The sheets of a period's months together (a quarter's self-assessment reads three months). */
export function summariseMonths(months: readonly string[], sheets: Parameters<typeof summariseMonth>[1]): MonthSheets {
  const each = months.map((m) => summariseMonth(m, sheets));
  const weeks = each.reduce((s, m) => s + m.weeks, 0);
  const onTime = each.reduce((s, m) => s + m.onTime, 0);
  return {
    weeks,
    submitted: each.reduce((s, m) => s + m.submitted, 0),
    onTime,
    onTimeRate: weeks ? roundHalfUp2((100 * onTime) / weeks) : 0,
    summary: each
      .map((m) => m.summary)
      .filter(Boolean)
      .join('\n'),
  };
}
