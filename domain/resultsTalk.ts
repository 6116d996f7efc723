// Results talk (情感沟通): after each month's published results the county's leaders talk
// with each manager, split among them: what went well, what did not, why, and what to
// change. The talk is recorded and the manager acknowledges it (DOMAIN.md).
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { calendarDateSchema } from './calendarDate';
import type { Names } from './language';
import { multiLine } from './text';

/** Who gets a talk: every manager (default), or only the flagged and the bottom N. */
/** A talk's states (ResultsTalkStatus): to hold, to acknowledge, then acknowledged, not, or cancelled (the manager left). */
export const talkStatuses = ['TO_HOLD', 'TO_ACKNOWLEDGE', 'ACKNOWLEDGED', 'UNACKNOWLEDGED', 'CANCELLED'] as const;
export const talkScopes = ['all', 'flaggedAndBottom'] as const;
export type TalkScope = (typeof talkScopes)[number];
export const defaultTalkBottomN = 3;

/** Why a manager is on the list: everyone is, or they were flagged, or ranked in the bottom N. */
export type TalkReason = 'all' | 'flagged' | 'bottom';
export const talkReasonNames: Record<TalkReason, Names> = {
  all: { 'zh-CN': '每月例行谈话', en: 'monthly talk with every manager' },
  flagged: { 'zh-CN': '本期被标记', en: 'flagged this period' },
  bottom: { 'zh-CN': '排名靠后', en: 'in the bottom ranks' },
};

export interface TalkCandidate {
  evaluationId: string;
  rank: number | null;
  rankFromBottom: number | null;
  flagged: boolean;
}

/**
 * The published results that get a talk, best rank first: all of them, or the flagged
 * and those within `bottomN` of the bottom (ties included, as the ranking shares them).
 */
export function talkSelection<T extends TalkCandidate>(
  results: readonly T[],
  scope: TalkScope,
  bottomN: number,
): { result: T; reason: TalkReason }[] {
  const chosen: { result: T; reason: TalkReason }[] = [];
  for (const result of results) {
    if (scope === 'all') chosen.push({ result, reason: 'all' });
    else if (result.flagged) chosen.push({ result, reason: 'flagged' });
    else if (result.rankFromBottom !== null && result.rankFromBottom <= bottomN)
      chosen.push({ result, reason: 'bottom' });
  }
  return chosen.sort((a, b) => (a.result.rank ?? Infinity) - (b.result.rank ?? Infinity));
}

/**
 * Splits the talks among the county's leaders in turn (分工谈话): the i-th talk by rank goes
 * to leader i mod n, so each holds about as many and each sees a spread of ranks.
 * Without a leader every talk is unassigned (null): the task then walks the chain of command.
 */
export function splitTalks<T>(
  talks: readonly T[],
  leaderIds: readonly string[],
): { talk: T; leaderId: string | null }[] {
  const leaders = [...leaderIds].sort();
  return talks.map((talk, i) => ({ talk, leaderId: leaders.length ? leaders[i % leaders.length]! : null }));
}

/** What the leader records (谈话记录): the four questions of the talk, each a short text. */
export const talkRecordSchema = lazySchema(() =>
  z.object({
    heldOn: calendarDateSchema,
    wentWell: multiLine().min(2).max(2000), // 做得好的
    wentBadly: multiLine().min(2).max(2000), // 不足
    causes: multiLine().min(2).max(2000), // 原因
    agreedChange: multiLine().min(2).max(2000), // 商定的改进
  }),
);
export type TalkRecord = z.infer<typeof talkRecordSchema>;

/** The manager's acknowledgement (确认): that the record is theirs, with a comment if they wish. */
export const talkAcknowledgementSchema = lazySchema(() =>
  z.object({
    decision: z.literal('acknowledge'),
    comment: multiLine().max(2000).optional(),
  }),
);
export type TalkAcknowledgement = z.infer<typeof talkAcknowledgementSchema>;

export const talkRecordLabels: Record<keyof TalkRecord, Names> = {
  heldOn: { 'zh-CN': '谈话日期', en: 'Held on' },
  wentWell: { 'zh-CN': '做得好的方面', en: 'What went well' },
  wentBadly: { 'zh-CN': '存在的不足', en: 'What did not go well' },
  causes: { 'zh-CN': '原因分析', en: 'Why' },
  agreedChange: { 'zh-CN': '商定的改进措施', en: 'Agreed change' },
};

/** A talk is held on or after the day the results were published, and not in the future. */
export function talkDateProblem(heldOn: string, publishedOn: string, today: string): Names | null {
  if (heldOn < publishedOn)
    return {
      'zh-CN': `谈话日期不能早于结果发布日（${publishedOn}）`,
      en: `a talk is held after the results (${publishedOn})`,
    };
  if (heldOn > today) return { 'zh-CN': '谈话日期不能晚于今天', en: 'a talk cannot be held in the future' };
  return null;
}
