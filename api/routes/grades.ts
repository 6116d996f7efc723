// Annual grade determination as people read it: each county's review with, per manager,
// the inputs (basic conditions, half-year skill, annual composite and rank) and the
// proposed and decided changes; quotas in use; a manager's grade and star history.
import { Router } from 'express';
import { z } from 'zod';
import { shanghaiDate, shanghaiMinute } from '../../domain/calendar';
import { basicConditions } from '../../domain/gradeDetermination';
import { defaultGradeQuota, quotaUsage, type QuotaUsage } from '../../domain/gradeQuotas';
import { gradeNames, grades, type Grade } from '../../domain/grades';
import { nameOf as codeName } from '../../domain/codeNames';
import { exportFormat, sendTable } from '../exports';
import { parseTemplateConfig } from '../../domain/templates';
import { actorOf, authenticate, countiesInScope } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';
import { gradeAndPayReaders } from '../../domain/roles';

export const gradeReviewListQuery = z.object({ cycleId: z.uuid().optional() });
export const gradeChangeListQuery = z.object({
  cycleId: z.uuid().optional(),
  status: z.enum(['PROPOSED', 'APPROVED', 'REJECTED', 'APPLIED']).optional(),
  format: exportFormat,
});
const reviewText = { 'zh-CN': '等级评定', en: 'Grade review' };
const managerText = { 'zh-CN': '客户经理', en: 'Manager' };
const day = (d: Date) => d.toISOString().slice(0, 10);

export function gradeRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use(['/grade-reviews', '/grade-changes', '/grade-quotas', '/managers/:id/grades'], authenticate(ctx.prisma));

  /** Grade changes in the user's scope with who proposed and decided them, as JSON, CSV or XLSX. */
  router.get('/grade-changes', async (req, res) => {
    const query = parseInput(gradeChangeListQuery, req.query, 'query', requestLanguage(req));
    const counties = await countiesInScope(ctx.prisma, actorOf(req), gradeAndPayReaders);
    if (counties !== 'all' && counties.length === 0) throw problems.forbidden(reviewText);
    const changes = await ctx.prisma.gradeChange.findMany({
      where: {
        ...(query.status ? { status: query.status } : {}),
        gradeReview: {
          ...(query.cycleId ? { cycleId: query.cycleId } : {}),
          ...(counties === 'all' ? {} : { countyId: { in: counties } }),
        },
      },
      include: {
        manager: { include: { county: true } },
        gradeReview: { include: { cycle: { select: { period: true } } } },
      },
      orderBy: [{ proposedAt: 'asc' }, { manager: { employeeNo: 'asc' } }],
      take: 20_000,
    });
    const people = await ctx.prisma.user.findMany({
      where: {
        id: {
          in: [...new Set(changes.flatMap((c) => [c.proposedById, c.decidedById]).filter((x): x is string => !!x))],
        },
      },
      select: { id: true, displayName: true },
    });
    const nameOf = (uid: string | null) => (uid ? (people.find((p) => p.id === uid)?.displayName ?? '') : '');
    if (query.format === 'csv' || query.format === 'xlsx') {
      const lang = requestLanguage(req);
      const bi = (zh: string, en: string) => (lang === 'en' ? en : zh);
      const header = [
        bi('年度', 'Year'),
        bi('县区', 'County'),
        bi('工号', 'Employee no.'),
        bi('姓名', 'Name'),
        bi('原等级', 'From grade'),
        bi('推荐等级', 'Proposed grade'),
        bi('推荐理由', 'Reason'),
        bi('生效日期', 'Effective'),
        bi('状态', 'Status'),
        bi('推荐人', 'Proposed by'),
        bi('审定人', 'Decided by'),
        bi('审定时间', 'Decided at'),
        bi('审定意见', 'Decision note'),
      ];
      const rows = changes.map((c) => [
        c.gradeReview.cycle.period,
        lang === 'en' ? c.manager.county.nameEn : c.manager.county.name,
        c.manager.employeeNo,
        c.manager.name,
        gradeNames[c.fromGrade][lang],
        gradeNames[c.toGrade][lang],
        c.reason,
        c.effectiveDate,
        codeName('gradeChangeStatus', c.status, lang),
        nameOf(c.proposedById),
        nameOf(c.decidedById),
        shanghaiMinute(c.decidedAt),
        c.decisionReason ?? '',
      ]);
      const file = { name: 'grade-changes', sheet: bi('等级调整', 'Grade changes') };
      return sendTable(res, query.format, file, header, rows);
    }
    res.json({
      gradeChanges: changes.map((c) => ({
        id: c.id,
        period: c.gradeReview.cycle.period,
        countyId: c.gradeReview.countyId,
        managerId: c.managerId,
        employeeNo: c.manager.employeeNo,
        name: c.manager.name,
        from: c.fromGrade,
        to: c.toGrade,
        reason: c.reason,
        effectiveDate: c.effectiveDate,
        status: c.status,
        proposedBy: nameOf(c.proposedById),
        decidedBy: nameOf(c.decidedById),
        decidedAt: c.decidedAt,
        decisionReason: c.decisionReason,
      })),
    });
  });

  router.get('/grade-reviews', async (req, res) => {
    const query = parseInput(gradeReviewListQuery, req.query, 'query', requestLanguage(req));
    const counties = await countiesInScope(ctx.prisma, actorOf(req), gradeAndPayReaders);
    const reviews = await ctx.prisma.gradeReview.findMany({
      where: {
        ...(query.cycleId ? { cycleId: query.cycleId } : {}),
        ...(counties === 'all' ? {} : { countyId: { in: counties } }),
      },
      include: { cycle: { select: { type: true, period: true } }, _count: { select: { changes: true } } },
      orderBy: { createdAt: 'desc' },
      take: 500,
    });
    res.json({ gradeReviews: reviews });
  });

  router.get('/grade-reviews/:id', async (req, res) => {
    const id = String(req.params.id);
    const review = await findOr404(id, reviewText, (id) =>
      ctx.prisma.gradeReview.findUnique({
        where: { id },
        include: {
          cycle: true,
          tasks: { select: { id: true, kind: true, round: true, status: true, dueDate: true, assigneeId: true } },
          changes: { orderBy: [{ round: 'asc' }] },
        },
      }),
    );
    const counties = await countiesInScope(ctx.prisma, actorOf(req), gradeAndPayReaders);
    if (counties !== 'all' && !counties.includes(review.countyId)) throw problems.forbidden(reviewText);
    const year = review.cycle.period.slice(0, 4);
    const managers = await ctx.prisma.manager.findMany({
      where: { countyId: review.countyId, active: true },
      orderBy: { employeeNo: 'asc' },
    });
    const ids = managers.map((m) => m.id);
    const [annual, skills] = await Promise.all([
      ctx.prisma.evaluation.findMany({
        where: { cycleId: review.cycleId, managerId: { in: ids } },
        select: { managerId: true, compositeScore: true, rank: true, cohortSize: true },
      }),
      ctx.prisma.score.findMany({
        where: {
          component: 'skill',
          evaluation: { managerId: { in: ids }, cycle: { type: 'HALF_YEAR', period: { startsWith: year } } },
        },
        include: { evaluation: { select: { managerId: true, cycle: { select: { period: true } } } } },
      }),
    ]);
    const today = shanghaiDate(new Date());
    res.json({
      gradeReview: {
        id: review.id,
        cycleId: review.cycleId,
        period: review.cycle.period,
        countyId: review.countyId,
        status: review.status,
        round: review.round,
        tasks: review.tasks,
      },
      managers: managers.map((m) => {
        const a = annual.find((e) => e.managerId === m.id);
        const skill = skills
          .filter((s) => s.evaluation.managerId === m.id)
          .sort((x, y) => (x.evaluation.cycle.period < y.evaluation.cycle.period ? 1 : -1))[0];
        return {
          managerId: m.id,
          employeeNo: m.employeeNo,
          name: m.name,
          grade: m.grade,
          area: m.area,
          employment: m.employment,
          basicConditions: basicConditions(
            { education: m.education, hireDate: day(m.hireDate), postStartDate: day(m.postStartDate) },
            today,
          ),
          skill: skill
            ? {
                period: skill.evaluation.cycle.period,
                score: Number(skill.value),
                missing: skill.missing,
                ...(skill.details as object),
              }
            : null,
          annual: a
            ? {
                compositeScore: a.compositeScore === null ? null : Number(a.compositeScore),
                rank: a.rank,
                cohortSize: a.cohortSize,
              }
            : null,
          changes: review.changes.filter((c) => c.managerId === m.id),
        };
      }),
    });
  });

  /** Grades now, and once the approved changes take effect, against each level's cap. */
  router.get('/grade-quotas', async (req, res) => {
    const counties = await countiesInScope(ctx.prisma, actorOf(req), gradeAndPayReaders);
    if (counties !== 'all' && counties.length === 0) throw problems.forbidden(reviewText);
    const [managers, pending, template] = await Promise.all([
      ctx.prisma.manager.findMany({ where: { active: true }, select: { id: true, grade: true, countyId: true } }),
      ctx.prisma.gradeChange.findMany({ where: { status: 'APPROVED' }, orderBy: { decidedAt: 'asc' } }),
      ctx.prisma.evaluationTemplate.findFirst({ where: { cycleType: 'ANNUAL' }, orderBy: { version: 'desc' } }),
    ]);
    const quotas = template ? parseTemplateConfig(template.config).gradeDetermination.quotas : defaultGradeQuota;
    const projected = new Map(managers.map((m) => [m.id, m.grade]));
    for (const p of pending) if (projected.has(p.managerId)) projected.set(p.managerId, p.toGrade);
    const city = {
      now: quotaUsage(
        managers.map((m) => m.grade),
        quotas,
      ),
      afterApprovedChanges: quotaUsage([...projected.values()], quotas),
    };
    // The nine-step ladder (三级九档) with trainees: head count per assessed grade.
    const ladderOf = (list: typeof managers) =>
      grades.map((grade) => ({ grade, count: list.filter((m) => m.grade === grade).length }));
    if (counties === 'all') {
      const units = await ctx.prisma.orgUnit.findMany({
        where: { kind: 'COUNTY' },
        select: { id: true, code: true, name: true, nameEn: true },
        orderBy: { code: 'asc' },
      });
      const byCounty = units.map((county) => ({
        county,
        ladder: ladderOf(managers.filter((m) => m.countyId === county.id)),
      }));
      return void res.json({
        scope: 'city',
        headCount: managers.length,
        quotas,
        ...city,
        ladder: ladderOf(managers),
        byCounty,
      });
    }
    // A county head: the county's own counts, against the city's caps that bind them.
    const mine = managers.filter((m) => counties.includes(m.countyId));
    const countyUsage = (grades: Grade[], cityUsage: QuotaUsage[]) =>
      quotaUsage(grades, quotas).map((u) => ({ ...u, cap: cityUsage.find((c) => c.level === u.level)!.cap }));
    res.json({
      scope: 'county',
      headCount: mine.length,
      quotas,
      ladder: ladderOf(mine),
      now: countyUsage(
        mine.map((m) => m.grade),
        city.now,
      ),
      afterApprovedChanges: countyUsage(
        mine.map((m) => projected.get(m.id)!),
        city.afterApprovedChanges,
      ),
    });
  });

  /** A manager's grade history (who proposed, who approved, when, why) and star history. */
  router.get('/managers/:id/grades', async (req, res) => {
    const actor = actorOf(req);
    const id = String(req.params.id);
    const manager = await findOr404(id, managerText, (id) => ctx.prisma.manager.findUnique({ where: { id } }));
    if (actor.managerId !== manager.id) {
      const counties = await countiesInScope(ctx.prisma, actor, gradeAndPayReaders);
      if (counties !== 'all' && !counties.includes(manager.countyId)) throw problems.forbidden(managerText);
    }
    const [history, changes, stars] = await Promise.all([
      ctx.prisma.gradeHistory.findMany({ where: { managerId: manager.id }, orderBy: { effectiveDate: 'asc' } }),
      ctx.prisma.gradeChange.findMany({ where: { managerId: manager.id }, orderBy: { proposedAt: 'asc' } }),
      ctx.prisma.starHistory.findMany({ where: { managerId: manager.id }, orderBy: { createdAt: 'asc' } }),
    ]);
    const people = await ctx.prisma.user.findMany({
      where: { id: { in: changes.flatMap((c) => [c.proposedById, c.decidedById]).filter((x): x is string => !!x) } },
      select: { id: true, displayName: true },
    });
    const name = (uid: string | null) => (uid ? (people.find((p) => p.id === uid)?.displayName ?? uid) : null);
    res.json({
      manager: {
        id: manager.id,
        employeeNo: manager.employeeNo,
        name: manager.name,
        grade: manager.grade,
        starRating: manager.starRating,
        skillLevel: manager.skillLevel,
        skillPeriod: manager.skillPeriod,
      },
      gradeHistory: history.map((h) => ({
        from: h.fromGrade,
        to: h.toGrade,
        effectiveDate: day(h.effectiveDate),
        reason: h.reason,
        changeId: h.decisionId,
      })),
      gradeChanges: changes.map((c) => ({
        id: c.id,
        round: c.round,
        from: c.fromGrade,
        to: c.toGrade,
        reason: c.reason,
        effectiveDate: c.effectiveDate,
        status: c.status,
        proposedBy: name(c.proposedById),
        proposedAt: c.proposedAt,
        decidedBy: name(c.decidedById),
        decidedAt: c.decidedAt,
        decisionReason: c.decisionReason,
        appliedAt: c.appliedAt,
      })),
      starHistory: stars.map((s) => ({
        period: s.period,
        cycleId: s.cycleId,
        from: s.fromStars,
        to: s.toStars,
        reason: s.reason,
        at: s.createdAt,
      })),
    });
  });

  return router;
}
