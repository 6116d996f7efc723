// Complaints (投诉受理): the inspection and evaluation center (HR) registers a retail
// customer's complaint about a manager (channel, date, customer, what happened); the
// manager may answer within a few days; the center decides, confirmed (属实) or not, with
// a reason. Each confirmed complaint deducts from the inspection of the month it was
// received in (template, default 2 points), and complaints are analysed by kind.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { calendarDateSchema } from './calendarDate';
import { bilingual } from './issueText';
import type { Names } from './language';
import { roundHalfUp2 } from './rounding';
import { multiLine, oneLine } from './text';

/** How the complaint came in (受理渠道). */
export const complaintChannels = ['HOTLINE', 'PHONE', 'VISIT', 'LETTER', 'ONLINE'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];
export const complaintChannelNames: Record<ComplaintChannel, Names> = {
  HOTLINE: { 'zh-CN': '12313 热线', en: '12313 hotline' },
  PHONE: { 'zh-CN': '电话', en: 'Phone' },
  VISIT: { 'zh-CN': '来访', en: 'In person' },
  LETTER: { 'zh-CN': '信函', en: 'Letter' },
  ONLINE: { 'zh-CN': '网络/微信', en: 'Online / WeChat' },
};

/** What it is about (投诉归类), the categories the analysis counts by. */
export const complaintKinds = ['ATTITUDE', 'VISITS', 'SUPPLY', 'POLICY', 'DISCIPLINE', 'OTHER'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];
export const complaintKindNames: Record<ComplaintKind, Names> = {
  ATTITUDE: { 'zh-CN': '服务态度', en: 'Attitude' },
  VISITS: { 'zh-CN': '拜访服务不到位', en: 'Visits not made' },
  SUPPLY: { 'zh-CN': '货源与订货', en: 'Supply and ordering' },
  POLICY: { 'zh-CN': '政策宣传解释', en: 'Policy explained wrongly' },
  DISCIPLINE: { 'zh-CN': '工作纪律与廉洁', en: 'Discipline and integrity' },
  OTHER: { 'zh-CN': '其他', en: 'Other' },
};

export const complaintStatuses = ['AWAITING_ANSWER', 'UNDER_REVIEW', 'CONFIRMED', 'NOT_CONFIRMED'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const complaintStatusNames: Record<ComplaintStatus, Names> = {
  AWAITING_ANSWER: { 'zh-CN': '待客户经理说明', en: 'Awaiting the answer' },
  UNDER_REVIEW: { 'zh-CN': '待认定', en: 'To be decided' },
  CONFIRMED: { 'zh-CN': '属实', en: 'Confirmed' },
  NOT_CONFIRMED: { 'zh-CN': '不属实', en: 'Not confirmed' },
};

/** Points a confirmed complaint deducts from the month's inspection, unless the template says otherwise. */
export const defaultComplaintDeduction = 2;

/** The month (YYYY-MM) a complaint received on `receivedOn` (a Shanghai date) counts in. */
export function complaintMonth(receivedOn: string): string {
  return receivedOn.slice(0, 7);
}

export const registerComplaintSchema = lazySchema(() =>
  z.object({
    managerId: z.uuid(),
    channel: z.enum(complaintChannels),
    kind: z.enum(complaintKinds),
    /** The day it was received (Shanghai); never in the future (checked against today by the API). */
    receivedOn: calendarDateSchema,
    /** The retail customer (零售户) who complained, as the center recorded them. */
    customerName: oneLine().min(1).max(60),
    customerPhone: z
      .string()
      .regex(/^[\d+\- ]{5,20}$/, { message: bilingual('电话号码格式不对', 'not a phone number') })
      .optional(),
    content: multiLine().min(5).max(2000),
  }),
);
export type RegisterComplaint = z.infer<typeof registerComplaintSchema>;

/** A complaint can be registered up to a year after it was received, never before. */
export function receivedOnProblem(receivedOn: string, today: string): Names | null {
  if (receivedOn > today) return { 'zh-CN': '受理日期不能晚于今天', en: 'the date received cannot be in the future' };
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  if (receivedOn < yearAgo)
    return { 'zh-CN': '受理日期不能早于一年前', en: 'the date received cannot be more than a year ago' };
  return null;
}

/** The manager's answer (客户经理说明). */
export const complaintAnswerSchema = lazySchema(() => z.object({ answer: multiLine().min(2).max(2000) }));
export type ComplaintAnswer = z.infer<typeof complaintAnswerSchema>;

export const complaintDecisions = ['confirmed', 'not_confirmed'] as const;
export type ComplaintDecision = (typeof complaintDecisions)[number];
export const complaintDecisionNames: Record<ComplaintDecision, Names> = {
  confirmed: { 'zh-CN': '属实（扣分）', en: 'Confirmed (deducts)' },
  not_confirmed: { 'zh-CN': '不属实', en: 'Not confirmed' },
};
/** The center's decision (投诉认定), always with its reason. */
export const complaintDecisionSchema = lazySchema(() =>
  z.object({
    decision: z.enum(complaintDecisions),
    reason: multiLine().min(2).max(2000),
  }),
);
export type ComplaintDecisionSubmission = z.infer<typeof complaintDecisionSchema>;

/** What a month's confirmed complaints take off its inspection. */
export interface ComplaintDeduction {
  complaintId: string;
  receivedOn: string;
  kind: ComplaintKind;
  points: number;
}

/** The total a month's confirmed complaints deduct (each at the points fixed when it was decided). */
export function complaintPoints(confirmed: readonly { points: number }[]): number {
  return roundHalfUp2(confirmed.reduce((sum, c) => sum + c.points, 0));
}

export interface ComplaintRow {
  kind: ComplaintKind;
  countyId: string;
  month: string;
  status: ComplaintStatus;
}

export interface ComplaintTally {
  total: number;
  confirmed: number;
  notConfirmed: number;
  open: number;
  /** Confirmed among the decided, 0–1 (null when none is decided yet). */
  confirmedShare: number | null;
}

const emptyTally = (): ComplaintTally => ({ total: 0, confirmed: 0, notConfirmed: 0, open: 0, confirmedShare: null });

function add(tally: ComplaintTally, status: ComplaintStatus): void {
  tally.total++;
  if (status === 'CONFIRMED') tally.confirmed++;
  else if (status === 'NOT_CONFIRMED') tally.notConfirmed++;
  else tally.open++;
  const decided = tally.confirmed + tally.notConfirmed;
  tally.confirmedShare = decided ? roundHalfUp2(tally.confirmed / decided) : null;
}

/**
 * Complaint analysis (投诉分析、归类): counts by kind, by county and by month, each with how
 * many were confirmed; kinds in the registry's order, counties and months as found (sorted).
 */
export function analyseComplaints(rows: readonly ComplaintRow[]): {
  overall: ComplaintTally;
  byKind: ({ kind: ComplaintKind } & ComplaintTally)[];
  byCounty: ({ countyId: string } & ComplaintTally)[];
  byMonth: ({ month: string } & ComplaintTally)[];
} {
  const overall = emptyTally();
  const kinds = new Map(complaintKinds.map((k) => [k, emptyTally()]));
  const counties = new Map<string, ComplaintTally>();
  const months = new Map<string, ComplaintTally>();
  for (const row of rows) {
    add(overall, row.status);
    add(kinds.get(row.kind)!, row.status);
    for (const [map, key] of [
      [counties, row.countyId],
      [months, row.month],
    ] as const) {
      if (!map.has(key)) map.set(key, emptyTally());
      add(map.get(key)!, row.status);
    }
  }
  const sorted = (map: Map<string, ComplaintTally>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    overall,
    byKind: complaintKinds.map((kind) => ({ kind, ...kinds.get(kind)! })),
    byCounty: sorted(counties).map(([countyId, t]) => ({ countyId, ...t })),
    byMonth: sorted(months).map(([month, t]) => ({ month, ...t })),
  };
}

/** How a complaint's task names what it is about where a cycle would be named (mails, the inbox). */
export function complaintLabel(receivedOn: string, lang: 'zh-CN' | 'en'): string {
  return lang === 'zh-CN' ? `客户投诉（${receivedOn} 受理）` : `customer complaint received ${receivedOn}`;
}

/** The complaints a result's `complaints` score already counts (its details, as settled). */
export function countedComplaintIds(details: unknown): string[] {
  const list = (details as { complaints?: { complaintId?: unknown }[] } | null)?.complaints ?? [];
  return list.map((c) => c.complaintId).filter((id): id is string => typeof id === 'string');
}
