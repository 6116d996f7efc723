// Customer satisfaction survey (客户满意度调查): a sample of a manager's retail
// customers (零售客户) each gets a personal link; the answers aggregate into a
// satisfaction rate and a score. Answers are kept apart from who gave them.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { shanghaiDate } from './calendar';
import { roundHalfUp2 } from './rounding';
import { multiLine } from './text';

/** Every question is rated 1–5: 非常不满意 1, 不满意 2, 一般 3, 满意 4, 非常满意 5. */
export const surveyQuestions = [
  'serviceAttitude',
  'visitRegularity',
  'businessGuidance',
  'orderingService',
  'informationDelivery',
  'overall',
] as const;
export type SurveyQuestion = (typeof surveyQuestions)[number];

const rating = lazySchema(() => z.coerce.number().int().min(1).max(5));

export const surveyAnswerSchema = lazySchema(() =>
  z.object({
    serviceAttitude: rating, // 服务态度
    visitRegularity: rating, // 走访频次与守时
    businessGuidance: rating, // 经营指导
    orderingService: rating, // 订货服务
    informationDelivery: rating, // 政策与货源信息传递
    overall: rating, // 总体满意度
    comment: multiLine().max(500).optional().default(''),
  }),
);
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

export const customerSurveyPolicySchema = lazySchema(() =>
  z.object({
    /** How many of the manager's retail customers are asked (fewer if the manager has fewer). */
    sampleSize: z.number().int().min(1).max(200),
    /** Responses needed for a score when the survey closes; fewer → the template's policy (extend or missing). */
    minResponses: z.number().int().min(1).max(200),
    /** The branch's target satisfaction rate (95%). */
    satisfactionTarget: z.number().min(0).max(1),
  }),
);
export type CustomerSurveyPolicy = z.infer<typeof customerSurveyPolicySchema>;
export const defaultCustomerSurveyPolicy: CustomerSurveyPolicy = {
  sampleSize: 10,
  minResponses: 3,
  satisfactionTarget: 0.95,
};

/** A customer is satisfied when the overall rating is 满意 (4) or 非常满意 (5). */
export const satisfiedFrom = 4;

/** One response as 0–100: the mean of its six ratings × 20. */
export function responseScore(a: Pick<SurveyAnswer, SurveyQuestion>): number {
  return (surveyQuestions.reduce((s, q) => s + a[q], 0) / surveyQuestions.length) * 20;
}

export interface SurveyOutcome {
  invited: number;
  responses: number;
  /** Share of respondents satisfied overall, 0–1 (4 decimals). */
  satisfactionRate: number;
  /** The customer component, 0–100: the mean response score. */
  score: number;
  meetsTarget: boolean;
}

/** Satisfaction rate and score of the answers received (invitations not answered do not count). */
export function surveyOutcome(
  answers: Pick<SurveyAnswer, SurveyQuestion>[],
  invited: number,
  target = defaultCustomerSurveyPolicy.satisfactionTarget,
): SurveyOutcome {
  const responses = answers.length;
  if (responses === 0) return { invited, responses, satisfactionRate: 0, score: 0, meetsTarget: false };
  const satisfied = answers.filter((a) => a.overall >= satisfiedFrom).length;
  const satisfactionRate = Math.round((satisfied / responses) * 10_000) / 10_000;
  const score = roundHalfUp2(answers.reduce((s, a) => s + responseScore(a), 0) / responses);
  return { invited, responses, satisfactionRate, score, meetsTarget: satisfactionRate >= target };
}

/**
 * Which customers are asked: `size` of them, drawn by a seeded shuffle (the same cycle
 * and manager always draw the same sample, so a retried activity invites the same people).
 */
export function drawSample<T extends { id: string }>(customers: T[], size: number, seed: string): T[] {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const next = () => {
    h = (Math.imul(h ^ (h >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return h / 2 ** 32;
  };
  const pool = [...customers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.min(size, pool.length));
}

/** What a customer reads, in Simplified Chinese and English. */
export const surveyQuestionText: Record<SurveyQuestion, { 'zh-CN': string; en: string }> = {
  serviceAttitude: { 'zh-CN': '客户经理的服务态度', en: "The manager's attitude" },
  visitRegularity: { 'zh-CN': '走访是否按时、频次是否合适', en: 'Visits on time and often enough' },
  businessGuidance: { 'zh-CN': '经营指导（陈列、价格、销售建议）', en: 'Business advice (display, prices, sales)' },
  orderingService: { 'zh-CN': '订货服务是否方便', en: 'Ease of ordering' },
  informationDelivery: { 'zh-CN': '政策与货源信息是否及时传达', en: 'Timely news on policies and supply' },
  overall: { 'zh-CN': '总体满意度', en: 'Overall satisfaction' },
};

export const ratingText: Record<1 | 2 | 3 | 4 | 5, { 'zh-CN': string; en: string }> = {
  5: { 'zh-CN': '非常满意', en: 'Very satisfied' },
  4: { 'zh-CN': '满意', en: 'Satisfied' },
  3: { 'zh-CN': '一般', en: 'Neutral' },
  2: { 'zh-CN': '不满意', en: 'Dissatisfied' },
  1: { 'zh-CN': '非常不满意', en: 'Very dissatisfied' },
};

/** The day (Shanghai) a response is recorded under. */
export const answeredOn = (at: Date): string => shanghaiDate(at);
