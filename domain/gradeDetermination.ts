// Annual grade determination (综合等级评定): the county head proposes a grade per
// manager (promotion, demotion or unchanged, with a reason); the city approver signs off
// the batch or each change, or rejects with a reason, and the county proposes again for
// those rejected. Approved changes take effect on a date.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import type { CalendarDate } from './calendar';
import { calendarDateSchema } from './calendarDate';
import { gradeChangeKind, grades, type Grade } from './grades';
import type { FieldProblem } from './fieldProblem';
import { fullYears } from './pay';
import { multiLine } from './text';

export const gradeProposalSchema = lazySchema(() =>
  z.object({
    /** The day approved changes take effect. */
    effectiveDate: calendarDateSchema,
    proposals: z
      .array(z.object({ managerId: z.uuid(), proposedGrade: z.enum(grades), reason: multiLine().max(1000).optional() }))
      .min(1)
      .max(2000)
      .refine((items) => new Set(items.map((i) => i.managerId)).size === items.length, 'each manager at most once'),
  }),
);
export type GradeProposal = z.infer<typeof gradeProposalSchema>;

export const gradeSignOffSchema = lazySchema(() =>
  z.discriminatedUnion('decision', [
    /** Every proposed change approved at once. */
    z.object({ decision: z.literal('approveAll'), comment: multiLine().max(2000).optional() }),
    /** Every proposed change rejected: the county proposes again. */
    z.object({ decision: z.literal('rejectAll'), reason: multiLine().min(2).max(2000) }),
    /** Change by change; a rejection needs a reason. */
    z.object({
      decision: z.literal('decideEach'),
      items: z
        .array(
          z.discriminatedUnion('decision', [
            z.object({ managerId: z.uuid(), decision: z.literal('approve') }),
            z.object({ managerId: z.uuid(), decision: z.literal('reject'), reason: multiLine().min(2).max(1000) }),
          ]),
        )
        .min(1),
    }),
  ]),
);
export type GradeSignOff = z.infer<typeof gradeSignOffSchema>;

/** A manager the county must propose for, with the grade they hold now. */
export interface GradeCandidate {
  managerId: string;
  grade: Grade;
}

/** What is wrong with a proposal for these managers (empty: nothing). Changes need a reason; trainees cannot be a target. */
export function proposalProblems(
  proposal: GradeProposal,
  candidates: GradeCandidate[],
  earliestEffectiveDate: CalendarDate,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byId = new Map(candidates.map((c) => [c.managerId, c]));
  proposal.proposals.forEach((p, i) => {
    const c = byId.get(p.managerId);
    if (!c)
      return void problems.push({
        field: `proposals.${i}.managerId`,
        'zh-CN': '该客户经理不在本轮推荐范围内',
        en: 'this manager is not to be graded in this round',
      });
    if (p.proposedGrade === 'TRAINEE' && c.grade !== 'TRAINEE')
      problems.push({
        field: `proposals.${i}.proposedGrade`,
        'zh-CN': '不能推荐回见习',
        en: 'cannot be proposed back to trainee',
      });
    if (gradeChangeKind(c.grade, p.proposedGrade) !== 'unchanged' && !p.reason)
      problems.push({ field: `proposals.${i}.reason`, 'zh-CN': '等级变动须说明理由', en: 'a change needs a reason' });
  });
  const missing = candidates.filter((c) => !proposal.proposals.some((p) => p.managerId === c.managerId));
  if (missing.length)
    problems.push({
      field: 'proposals',
      'zh-CN': `有 ${missing.length} 名客户经理未推荐等级`,
      en: `${missing.length} manager(s) have no proposal`,
    });
  if (proposal.effectiveDate < earliestEffectiveDate)
    problems.push({
      field: 'effectiveDate',
      'zh-CN': `生效日期不能早于 ${earliestEffectiveDate}`,
      en: `must not be before ${earliestEffectiveDate}`,
    });
  return problems;
}

/** The changes of a proposal (unchanged grades need no sign-off). */
export function proposedChanges(
  proposal: GradeProposal,
  candidates: GradeCandidate[],
): Array<{ managerId: string; fromGrade: Grade; toGrade: Grade; reason: string }> {
  const byId = new Map(candidates.map((c) => [c.managerId, c.grade]));
  return proposal.proposals
    .filter((p) => byId.has(p.managerId) && gradeChangeKind(byId.get(p.managerId)!, p.proposedGrade) !== 'unchanged')
    .map((p) => ({
      managerId: p.managerId,
      fromGrade: byId.get(p.managerId)!,
      toGrade: p.proposedGrade,
      reason: p.reason ?? '',
    }));
}

/** Which of the proposed changes a sign-off approves and which it rejects (with why). */
export function signOffOutcome(
  signOff: GradeSignOff,
  changedManagerIds: string[],
): { approved: string[]; rejected: Array<{ managerId: string; reason: string }>; problems: FieldProblem[] } {
  if (signOff.decision === 'approveAll') return { approved: [...changedManagerIds], rejected: [], problems: [] };
  if (signOff.decision === 'rejectAll')
    return {
      approved: [],
      rejected: changedManagerIds.map((managerId) => ({ managerId, reason: signOff.reason })),
      problems: [],
    };
  const problems: FieldProblem[] = [];
  const decided = new Map(signOff.items.map((i) => [i.managerId, i]));
  signOff.items.forEach((item, i) => {
    if (!changedManagerIds.includes(item.managerId))
      problems.push({
        field: `items.${i}.managerId`,
        'zh-CN': '该客户经理没有待审定的等级变动',
        en: 'this manager has no proposed change',
      });
  });
  const undecided = changedManagerIds.filter((id) => !decided.has(id));
  if (undecided.length)
    problems.push({
      field: 'items',
      'zh-CN': `还有 ${undecided.length} 项等级变动未作决定`,
      en: `${undecided.length} change(s) not decided`,
    });
  const approved = signOff.items.filter((i) => i.decision === 'approve').map((i) => i.managerId);
  const rejected = signOff.items.flatMap((i) =>
    i.decision === 'reject' ? [{ managerId: i.managerId, reason: i.reason }] : [],
  );
  return { approved, rejected, problems };
}

/** Basic conditions (基本条件) shown beside a proposal: education, years of work, years in post. */
export function basicConditions(
  m: { education: string; hireDate: CalendarDate; postStartDate: CalendarDate },
  on: CalendarDate,
) {
  return {
    education: m.education,
    yearsOfWork: fullYears(m.hireDate, on),
    yearsInPost: fullYears(m.postStartDate, on),
  };
}
