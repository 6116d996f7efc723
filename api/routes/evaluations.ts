// One manager's result in one cycle: component scores, composite, rank, flags, and the
// manager's own targets, plan and focus for the period (三自定). The manager sees their
// own; their county's roles and the city see it too. Only the manager sets the plan.
import { Router } from 'express';
import { kpiNames, type Kpis } from '../../domain/marketingReview';
import { periodPlanEditable, periodPlanSchema, targetsAgainstActual, type PeriodPlan } from '../../domain/periodPlan';
import type { Prisma } from '../../generated/prisma/client';
import { actorOf, authenticate, countiesInScope, type Actor } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';
import { recordAudit } from '../../prisma/audit';
import { evaluationReaders, talkReaders, type Role } from '../../domain/roles';
import { selfAssessment } from '../../domain/taskKinds/selfAssessment';
import { explanationOf } from '../resultExplanation';
import { loadResultSheets, resultSheetQuery, sendResultSheets } from '../resultSheet';
import { cycleLabel } from '../../domain/notifications';
import { objectionView, objectionWindowOf } from './objections';
import { resultsTalkView } from './resultsTalks';

const evaluationText = { 'zh-CN': '考评结果', en: 'Evaluation' };
const periodPlanText = { 'zh-CN': '三自定（本期目标、计划与重点）', en: 'Period plan (targets, plan and focus)' };

export function evaluationRoutes(ctx: ApiContext): Router {
  const router = Router();

  const loadEvaluation = async (id: string) => {
    const evaluation = await findOr404(id, evaluationText, (id) =>
      ctx.prisma.evaluation.findUnique({
        where: { id },
        include: {
          scores: true,
          periodPlan: true,
          tasks: { where: { kind: selfAssessment.kind }, select: { status: true } },
          cycle: {
            select: { id: true, type: true, period: true, status: true, template: { select: { config: true } } },
          },
          manager: { select: { id: true, employeeNo: true, name: true, countyId: true } },
        },
      }),
    );
    return evaluation;
  };
  type Loaded = Awaited<ReturnType<typeof loadEvaluation>>;

  /** The manager themself, or a holder of one of `roles` over the evaluation's county. */
  const mayRead = async (actor: Actor, evaluation: Loaded, roles: readonly Role[]) => {
    if (actor.managerId === evaluation.managerId) return true;
    const counties = await countiesInScope(ctx.prisma, actor, roles);
    return counties === 'all' || counties.includes(evaluation.countyId);
  };
  const requireReader = async (actor: Actor, evaluation: Loaded) => {
    if (!(await mayRead(actor, evaluation, evaluationReaders))) throw problems.forbidden(evaluationText);
  };

  const editable = (evaluation: Loaded) => periodPlanEditable(evaluation.stage, evaluation.tasks[0]?.status ?? null);

  const periodPlanView = (evaluation: Loaded) => {
    if (!evaluation.periodPlan) return null;
    const stored = evaluation.periodPlan.targets as Kpis; // JSONB keeps its own key order: give the KPIs in theirs
    const targets = Object.fromEntries(kpiNames.map((k) => [k, stored[k]])) as Kpis;
    const performance = evaluation.scores.find((s) => s.component === 'performance' && !s.missing);
    const actual = (performance?.details as { kpis?: Kpis } | null)?.kpis ?? null;
    return {
      targets,
      plan: evaluation.periodPlan.plan,
      focus: evaluation.periodPlan.focus,
      updatedAt: evaluation.periodPlan.updatedAt,
      outcome: targetsAgainstActual(targets, actual),
    };
  };

  router.get('/evaluations/:id', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const evaluation = await loadEvaluation(String(req.params.id));
    await requireReader(actor, evaluation);
    const { tasks: _selfAssessment, periodPlan: _plan, cycle, ...rest } = evaluation;
    const { template, ...cycleFields } = cycle;
    res.json({
      ...rest,
      cycle: cycleFields,
      compositeScore: evaluation.compositeScore === null ? null : Number(evaluation.compositeScore),
      scores: evaluation.scores.map((s) => ({
        component: s.component,
        value: Number(s.value),
        missing: s.missing,
        details: s.details,
      })),
      periodPlan: periodPlanView(evaluation),
      periodPlanEditable: actor.managerId === evaluation.managerId && editable(evaluation),
      explanation: await explanationOf(ctx.prisma, evaluation),
      objection: await objectionView(ctx.prisma, evaluation.id),
      // The talk's record: the manager's own, and the county's leaders and the city (not the inspectors).
      resultsTalk: (await mayRead(actor, evaluation, talkReaders))
        ? await resultsTalkView(ctx.prisma, { evaluationId: evaluation.id })
        : null,
      objectionWindow: {
        ...objectionWindowOf(evaluation, template.config),
        mine: actor.managerId === evaluation.managerId,
      },
    });
  });

  /** The result sheet (考评表): the printable A4 page (`format=html`) or its PDF. */
  router.get('/evaluations/:id/sheet', authenticate(ctx.prisma), async (req, res) => {
    const lang = requestLanguage(req);
    const { format } = parseInput(resultSheetQuery, req.query, 'query', lang);
    const evaluation = await loadEvaluation(String(req.params.id));
    await requireReader(actorOf(req), evaluation);
    const sheets = await loadResultSheets(ctx.prisma, { id: evaluation.id });
    const label = cycleLabel(evaluation.cycle.type, evaluation.cycle.period, lang);
    const who = `${evaluation.manager.name}（${evaluation.manager.employeeNo}）`;
    await sendResultSheets(
      res,
      {
        sheets,
        lang,
        format,
        title: lang === 'en' ? `${label}: ${who}` : `${label} · ${who}`,
        fileName: `${evaluation.cycle.period}-${evaluation.manager.employeeNo}-${evaluation.manager.name}`,
      },
      ctx.pdf,
    );
  });

  /**
   * 三自定: the manager sets (or changes) their own targets, plan and focus for the
   * period, until they submit the self-assessment. Sending the same plan again changes
   * nothing and records nothing.
   */
  router.put('/evaluations/:id/period-plan', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const evaluation = await loadEvaluation(String(req.params.id));
    if (actor.managerId !== evaluation.managerId) {
      await requireReader(actor, evaluation); // someone who may not even see it: 403 for the evaluation
      throw problems.forbidden(periodPlanText); // only the manager sets their own plan
    }
    const body: PeriodPlan = parseInput(periodPlanSchema, req.body, 'body', requestLanguage(req));
    if (!editable(evaluation)) {
      throw problems.conflict('period_plan_locked', {
        'zh-CN': '自我评价已提交（或本期评价已结束），三自定不能再修改',
        en: 'The self-assessment is submitted (or the evaluation is over): the period plan can no longer change',
      });
    }
    const stored = evaluation.periodPlan;
    const same =
      !!stored &&
      kpiNames.every((k) => (stored.targets as Kpis)[k] === body.targets[k]) &&
      stored.plan === body.plan &&
      stored.focus === body.focus;
    if (!same) {
      const targets = body.targets as unknown as Prisma.InputJsonValue;
      await ctx.prisma.$transaction(async (tx) => {
        await tx.periodPlan.upsert({
          where: { evaluationId: evaluation.id },
          create: { evaluationId: evaluation.id, targets, plan: body.plan, focus: body.focus },
          update: { targets, plan: body.plan, focus: body.focus },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          action: evaluation.periodPlan ? 'evaluation.periodPlanChanged' : 'evaluation.periodPlanSet',
          entityType: 'evaluation',
          entityId: evaluation.id,
          cycleId: evaluation.cycleId,
          details: body,
        });
      });
    }
    res.status(stored ? 200 : 201).json(periodPlanView(await loadEvaluation(evaluation.id)));
  });

  return router;
}
