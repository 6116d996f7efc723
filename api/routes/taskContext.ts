// What a decision task decides (审批卡片), the way an approval app shows it: for a county
// sign-off or a city approval the county's managers with their results and the approval
// chain; for a grade task the quota the decision moves; for a bottom-ranking case the
// manager, the months that raised the flag and the options the rules allow.
import { Router } from 'express';
import { allowedActions } from '../../domain/bottomRankCases';
import { defaultGradeQuota } from '../../domain/gradeQuotas';
import type { Grade } from '../../domain/grades';
import { rankCohort } from '../../domain/ranking';
import { scoreChange, scoreOutliers } from '../../domain/reviewInsights';
import { complaintsComponent, compositeInputs, deductionsOf, parseTemplateConfig } from '../../domain/templates';
import { actorOf, authenticate } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, problems } from '../problems';
import { monthsOfPeriod } from '../../domain/visitLog';
import { sheetDraftSchema, summariseMonths } from '../../domain/weeklySheet';
import { complaintDecisionContext } from './complaints';
import { visitFactsOf } from './visitLog';
import { previousTalk, resultsTalkView } from './resultsTalks';
import { canViewTask } from '../taskAccess';
import { peersToRate } from '../peerReviews';

const taskText = { 'zh-CN': '任务', en: 'Task' };
type Prisma = ApiContext['prisma'];

export function taskContextRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/tasks/:id/context', authenticate(ctx.prisma));

  router.get('/tasks/:id/context', async (req, res) => {
    const actor = actorOf(req);
    const task = await findOr404(String(req.params.id), taskText, (id) =>
      ctx.prisma.task.findUnique({
        where: { id },
        include: {
          cycle: true,
          countyReview: true,
          gradeReview: true,
          bottomRankCase: true,
          objection: true,
          complaint: true,
        },
      }),
    );
    if (!(await canViewTask(ctx.prisma, actor, task))) throw problems.forbidden(taskText);
    const county = await ctx.prisma.orgUnit.findUnique({
      where: { id: task.countyId },
      select: { id: true, code: true, name: true, nameEn: true },
    });
    const base = {
      kind: task.kind,
      round: task.round,
      county,
      cycle: task.cycle ? { id: task.cycle.id, type: task.cycle.type, period: task.cycle.period } : null,
    };
    if (task.complaintId)
      return void res.json({ ...base, complaint: await complaintDecisionContext(ctx.prisma, task.complaintId, actor) });
    if (task.weeklySheetId) {
      const sheet = await ctx.prisma.weeklySheet.findUniqueOrThrow({
        where: { id: task.weeklySheetId },
        select: { id: true, weekStart: true, status: true },
      });
      return void res.json({ ...base, weeklySheet: sheet });
    }
    if (!task.cycle) return void res.json(base);
    if (task.evaluationId && task.kind === 'PEER_REVIEW')
      // Who rates whom is the rater's alone to see.
      return void res.json({
        ...base,
        peers: actor.id === task.assigneeId ? await peersToRate(ctx.prisma, task.evaluationId) : null,
      });
    if (task.evaluationId && task.kind === 'SELF_ASSESSMENT')
      return void res.json({
        ...base,
        weeklySheets: await periodSheets(ctx.prisma, task.evaluationId, task.cycle),
      });
    if (task.evaluationId && task.kind === 'INSPECTION')
      return void res.json({ ...base, fieldFacts: await inspectionFacts(ctx.prisma, task.evaluationId, task.cycle) });
    if (task.countyReviewId) {
      const [review, managers] = await Promise.all([
        reviewChain(ctx.prisma, task.countyReviewId),
        countyResults(ctx.prisma, task.cycle, task.countyId),
      ]);
      return void res.json({ ...base, review, managers });
    }
    if (task.gradeReviewId) return void res.json({ ...base, quota: await quotaContext(ctx.prisma) });
    if (task.bottomRankCaseId) return void res.json({ ...base, case: await caseContext(ctx.prisma, task) });
    if (task.objectionId)
      return void res.json({ ...base, objection: await objectionContext(ctx.prisma, task.objectionId) });
    if (task.resultsTalkId) return void res.json({ ...base, talk: await talkContext(ctx.prisma, task.resultsTalkId) });
    res.json(base);
  });
  return router;
}

/** The period's weekly one-sheets (一张纸) summarised for the self-assessment: completion and the weeks' main work. */
async function periodSheets(prisma: Prisma, evaluationId: string, cycle: { type: string; period: string }) {
  const { managerId } = await prisma.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    select: { managerId: true },
  });
  const months = monthsOfPeriod(cycle.type, cycle.period);
  const sheets = await prisma.weeklySheet.findMany({
    where: { managerId, month: { in: months } },
    select: { weekStart: true, submittedAt: true, onTime: true, content: true },
  });
  return summariseMonths(
    months,
    sheets.map((s) => ({ ...s, content: s.content ? sheetDraftSchema.parse(s.content) : null })),
  );
}

/** The visit log's facts (工作本、首末签到) over the months the inspection covers, beside its check items. */
async function inspectionFacts(prisma: Prisma, evaluationId: string, cycle: { type: string; period: string }) {
  const { managerId } = await prisma.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    select: { managerId: true },
  });
  const months = monthsOfPeriod(cycle.type, cycle.period);
  const facts = await visitFactsOf(prisma, [managerId], months);
  return { managerId, months, ...facts[managerId]! };
}

/** The county's managers in this cycle: composite, each component, deductions, rank, flags, the previous period. */
async function countyResults(
  prisma: Prisma,
  cycle: { id: string; type: 'MONTHLY' | 'QUARTERLY' | 'HALF_YEAR' | 'ANNUAL'; period: string },
  countyId: string,
) {
  const [evaluations, flags] = await Promise.all([
    prisma.evaluation.findMany({
      where: { cycleId: cycle.id, countyId, stage: { not: 'WITHDRAWN' } },
      include: {
        manager: { select: { id: true, name: true, employeeNo: true, employment: true, area: true, grade: true } },
        scores: { select: { component: true, value: true, missing: true, details: true } },
      },
      orderBy: [{ rank: 'asc' }, { manager: { employeeNo: 'asc' } }],
    }),
    prisma.bottomRankFlag.findMany({ where: { cycleId: cycle.id }, select: { managerId: true, rules: true } }),
  ]);
  const ids = evaluations.map((e) => e.managerId);
  const earlier = await prisma.evaluation.findMany({
    where: { managerId: { in: ids }, cycle: { type: cycle.type, period: { lt: cycle.period } } },
    select: { managerId: true, compositeScore: true, rank: true, cycle: { select: { period: true } } },
    orderBy: { cycle: { period: 'desc' } },
  });
  const previous = new Map<string, { period: string; compositeScore: number | null; rank: number | null }>();
  for (const e of earlier) {
    if (!previous.has(e.managerId))
      previous.set(e.managerId, {
        period: e.cycle.period,
        compositeScore: e.compositeScore === null ? null : Number(e.compositeScore),
        rank: e.rank,
      });
  }
  const rulesByManager = new Map(flags.map((f) => [f.managerId, f.rules]));
  const rows = evaluations.map((e) => {
    const score = e.compositeScore === null ? null : Number(e.compositeScore);
    const before = previous.get(e.managerId) ?? null;
    const deducted = e.scores.some((s) => s.component === 'inspection' || s.component === complaintsComponent);
    return {
      evaluationId: e.id,
      manager: e.manager,
      stage: e.stage,
      compositeScore: score,
      rank: e.rank,
      rankFromBottom: e.rankFromBottom,
      cohortSize: e.cohortSize,
      monthlyStar: e.monthlyStar,
      flagReasons: e.flagReasons,
      bottomRankRules: rulesByManager.get(e.managerId) ?? null,
      components: e.scores
        .filter((s) => s.component !== 'inspection' && s.component !== complaintsComponent)
        .map((s) => ({ component: s.component, value: Number(s.value), missing: s.missing })),
      // The inspection's and the month's confirmed complaints' (投诉扣分), as the composite takes them.
      deductions: deducted ? deductionsOf(e.scores).total : null,
      previous: before,
      change: scoreChange(score, before?.compositeScore ?? null),
    };
  });
  const outliers = scoreOutliers(
    rows.map((r) => ({ id: r.evaluationId, score: r.compositeScore, previous: r.previous?.compositeScore ?? null })),
  );
  // Before the city approves there is no rank yet: the county's order by composite, marked provisional.
  const provisional = new Map(
    rankCohort(
      rows.filter((r) => r.compositeScore !== null).map((r) => ({ managerId: r.manager.id, score: r.compositeScore! })),
    ).map((r) => [r.managerId, r.rank]),
  );
  return rows
    .map((r) => ({
      ...r,
      provisionalRank: provisional.get(r.manager.id) ?? null,
      outliers: outliers.get(r.evaluationId) ?? [],
    }))
    .sort((a, b) => (a.rank ?? a.provisionalRank ?? 1e9) - (b.rank ?? b.provisionalRank ?? 1e9));
}

/** Every step of a county's review, each round: who, when, what they decided and why. */
async function reviewChain(prisma: Prisma, countyReviewId: string) {
  const review = await prisma.countyReview.findUniqueOrThrow({
    where: { id: countyReviewId },
    include: {
      tasks: {
        include: { submission: true, assignee: { select: { displayName: true } } },
        orderBy: [{ round: 'asc' }, { openedAt: 'asc' }],
      },
    },
  });
  const chain = review.tasks.map((t) => {
    const p = (t.submission?.payload ?? {}) as {
      decision?: string;
      comment?: string;
      reason?: string;
      recommendedManagerId?: string;
    };
    return {
      taskId: t.id,
      kind: t.kind,
      round: t.round,
      assignee: t.assignee.displayName,
      status: t.status,
      openedAt: t.openedAt,
      dueDate: t.dueDate,
      submittedAt: t.submittedAt,
      decision: p.decision ?? null,
      comment: p.comment ?? null,
      reason: p.reason ?? null,
      recommendedManagerId: p.recommendedManagerId ?? null,
    };
  });
  const returns = chain
    .filter((s) => s.kind === 'CITY_APPROVAL' && s.decision === 'return')
    .map((s) => ({ round: s.round, reason: s.reason, by: s.assignee, at: s.submittedAt }));
  const signOffs = chain.filter((s) => s.kind === 'COUNTY_SIGN_OFF' && s.submittedAt);
  const latestSignOff = signOffs[signOffs.length - 1] ?? null;
  return {
    status: review.status,
    round: review.round,
    recommendedManagerId: review.recommendedManagerId,
    headComment: latestSignOff?.comment ?? null,
    chain,
    returns,
  };
}

/** Head count per grade after the changes approved but not yet in effect, with the caps' shares. */
async function quotaContext(prisma: Prisma) {
  const [groups, approved, template] = await Promise.all([
    prisma.manager.groupBy({ by: ['grade'], where: { active: true }, _count: { _all: true } }),
    prisma.gradeChange.findMany({
      where: { status: 'APPROVED', manager: { active: true } },
      select: { fromGrade: true, toGrade: true },
    }),
    prisma.evaluationTemplate.findFirst({ where: { cycleType: 'ANNUAL' }, orderBy: { version: 'desc' } }),
  ]);
  const gradeCounts: Partial<Record<Grade, number>> = {};
  for (const g of groups) gradeCounts[g.grade] = g._count._all;
  for (const c of approved) {
    gradeCounts[c.fromGrade] = (gradeCounts[c.fromGrade] ?? 0) - 1;
    gradeCounts[c.toGrade] = (gradeCounts[c.toGrade] ?? 0) + 1;
  }
  const quotas = template ? parseTemplateConfig(template.config).gradeDetermination.quotas : defaultGradeQuota;
  return { gradeCounts, quotas };
}

/** The case's manager, the monthly ranks of the flag's year, HR's decision and the options the rules allow. */
async function caseContext(prisma: Prisma, task: { bottomRankCaseId: string | null }) {
  const c = await prisma.bottomRankCase.findUniqueOrThrow({
    where: { id: task.bottomRankCaseId! },
    include: {
      flag: true,
      manager: { select: { id: true, name: true, employeeNo: true, employment: true, area: true, grade: true } },
      tasks: {
        include: { submission: true, assignee: { select: { displayName: true } } },
        orderBy: [{ round: 'asc' }, { openedAt: 'asc' }],
      },
    },
  });
  const year = c.flag.period.slice(0, 4);
  const months = await prisma.evaluation.findMany({
    where: { managerId: c.managerId, cycle: { type: 'MONTHLY', period: { startsWith: year, lte: c.flag.period } } },
    select: {
      compositeScore: true,
      rank: true,
      rankFromBottom: true,
      cohortSize: true,
      cycle: { select: { period: true } },
    },
    orderBy: { cycle: { period: 'asc' } },
  });
  return {
    id: c.id,
    status: c.status,
    manager: c.manager,
    flag: { period: c.flag.period, rules: c.flag.rules, liftedAt: c.flag.liftedAt },
    months: months.map((m) => ({
      period: m.cycle.period,
      compositeScore: m.compositeScore === null ? null : Number(m.compositeScore),
      rank: m.rank,
      rankFromBottom: m.rankFromBottom,
      cohortSize: m.cohortSize,
    })),
    allowedActions: allowedActions(c.manager.employment),
    chain: c.tasks.map((t) => ({
      taskId: t.id,
      kind: t.kind,
      round: t.round,
      assignee: t.assignee.displayName,
      status: t.status,
      dueDate: t.dueDate,
      submittedAt: t.submittedAt,
      payload: t.submission?.payload ?? null,
    })),
  };
}

/**
 * What an objection asks to change: the manager's result, the components objected to with
 * their scores, the reason, the county's opinion, and what the composite is made of (the
 * template's weights, every score, the deductions) and the cohort's composites, so the
 * decider sees the new composite and rank an adjustment would give before deciding.
 */
async function objectionContext(prisma: Prisma, objectionId: string) {
  const o = await prisma.objection.findUniqueOrThrow({
    where: { id: objectionId },
    include: {
      evaluation: {
        include: {
          scores: true,
          manager: { select: { id: true, name: true, employeeNo: true } },
          cycle: { include: { template: true } },
        },
      },
      tasks: {
        include: { submission: true, assignee: { select: { displayName: true } } },
        orderBy: [{ round: 'asc' }, { openedAt: 'asc' }],
      },
    },
  });
  const e = o.evaluation;
  const config = parseTemplateConfig(e.cycle.template.config);
  const { values, deductions, gathered } = compositeInputs(e.scores, config);
  const cohortCounties =
    config.rankingCohort === 'city'
      ? (await prisma.countyReview.findMany({ where: { cycleId: e.cycleId }, select: { countyId: true } })).map(
          (r) => r.countyId,
        )
      : [e.countyId];
  const cohort = await prisma.evaluation.findMany({
    where: { cycleId: e.cycleId, countyId: { in: cohortCounties }, stage: 'PUBLISHED' },
    select: { managerId: true, compositeScore: true },
  });
  return {
    id: o.id,
    status: o.status,
    reason: o.reason,
    filedAt: o.createdAt,
    components: o.components,
    manager: e.manager,
    evaluation: {
      ...resultOf(e),
      scores: e.scores.map((s) => ({
        component: s.component,
        value: Number(s.value),
        missing: s.missing,
        details: s.details,
      })),
    },
    composition: { weights: config.weights, gathered, values, deductions },
    cohort: cohort.map((c) => ({ managerId: c.managerId, score: Number(c.compositeScore ?? 0) })),
    chain: o.tasks.map((t) => ({
      taskId: t.id,
      kind: t.kind,
      assignee: t.assignee.displayName,
      status: t.status,
      dueDate: t.dueDate,
      submittedAt: t.submittedAt,
      payload: t.submission?.payload ?? null,
    })),
  };
}

/**
 * What a results talk is about: the manager's published result (composite, rank from the top
 * and the bottom, flags, every component), why they are on the list, what the last talk
 * agreed, and (for the acknowledgement) the record itself.
 */
async function talkContext(prisma: Prisma, resultsTalkId: string) {
  const talk = await prisma.resultsTalk.findUniqueOrThrow({
    where: { id: resultsTalkId },
    include: {
      evaluation: {
        include: { scores: true, manager: { select: { id: true, name: true, employeeNo: true, area: true } } },
      },
    },
  });
  const e = talk.evaluation;
  return {
    record: await resultsTalkView(prisma, { id: talk.id }),
    reason: talk.reason,
    manager: e.manager,
    evaluation: {
      ...resultOf(e),
      monthlyStar: e.monthlyStar,
      flagged: e.flagged,
      flagReasons: e.flagReasons,
      publishedAt: e.publishedAt,
      scores: e.scores.map((s) => ({ component: s.component, value: Number(s.value), missing: s.missing })),
    },
    previous: await previousTalk(prisma, talk.managerId, talk.createdAt),
  };
}

/** A published result's figures as the decision cards read them. */
function resultOf(e: {
  id: string;
  compositeScore: { toString(): string } | null;
  rank: number | null;
  rankFromBottom: number | null;
  cohortSize: number | null;
}) {
  return {
    id: e.id,
    compositeScore: e.compositeScore === null ? null : Number(e.compositeScore),
    rank: e.rank,
    rankFromBottom: e.rankFromBottom,
    cohortSize: e.cohortSize,
  };
}
