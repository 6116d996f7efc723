// Pay (薪酬): versioned pay tables (HR), and monthly pay statements per manager and for
// the city, with every component, as JSON or as a CSV file with Chinese headers.
import { Router } from 'express';
import { z } from 'zod';
import { oneLine } from '../../domain/text';
import { isCalendarDate } from '../../domain/calendar';
import { gradeNames, gradeOn } from '../../domain/grades';
import { roundHalfUp2 } from '../../domain/rounding';
import { payStatement, payTableSchema } from '../../domain/pay';
import { actorOf, authenticate, countiesInScope, hasRole } from '../auth';
import type { ApiContext } from '../context';
import { exportFormat, sendTable, type Column } from '../exports';
import { nameOf } from '../../domain/codeNames';
import { HttpProblem, parseInput, problems, requestLanguage } from '../problems';
import { gradeAndPayReaders, payTableReaders } from '../../domain/roles';

export const newPayTableBody = z.object({
  effectiveFrom: z.string().refine(isCalendarDate, 'YYYY-MM-DD'),
  config: payTableSchema,
});
export const statementQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  countyId: z.uuid().optional(),
  format: exportFormat,
  /** Name, employee number or county (the page; exports and totals cover the whole scope). */
  q: oneLine().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
const day = (d: Date) => d.toISOString().slice(0, 10);

export function payRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use(['/pay-tables', '/pay'], authenticate(ctx.prisma));

  router.get('/pay-tables', async (req, res) => {
    if (!hasRole(actorOf(req), ...payTableReaders))
      throw problems.forbidden({ 'zh-CN': '薪酬标准', en: 'the pay table' });
    const tables = await ctx.prisma.payTable.findMany({ orderBy: { version: 'desc' } });
    res.json({ payTables: tables });
  });

  /** HR adds a version; months from its effective date are paid by it. */
  router.post('/pay-tables', async (req, res) => {
    const actor = actorOf(req);
    if (!hasRole(actor, 'HR'))
      throw problems.forbidden({ 'zh-CN': '只有人力资源部可以修改薪酬标准', en: 'only HR changes the pay table' });
    const body = parseInput(newPayTableBody, req.body, 'body', requestLanguage(req));
    const created = await ctx.prisma.$transaction(async (tx) => {
      const last = await tx.payTable.findFirst({ orderBy: { version: 'desc' } });
      return tx.payTable.create({
        data: {
          version: (last?.version ?? 0) + 1,
          effectiveFrom: body.effectiveFrom,
          config: body.config,
          createdById: actor.id,
        },
      });
    });
    res.status(201).json(created);
  });

  /** A month's pay statements in the user's scope (a manager: their own), with the city's totals. */
  router.get('/pay/statements', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(statementQuery, req.query, 'query', requestLanguage(req));
    const firstDay = `${query.month}-01`;
    const table = await ctx.prisma.payTable.findFirst({
      where: { effectiveFrom: { lte: firstDay } },
      orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }],
    });
    if (!table)
      throw new HttpProblem(404, 'no_pay_table', {
        'zh-CN': `${query.month} 没有生效的薪酬标准`,
        en: `No pay table is in effect for ${query.month}`,
      });
    const counties = await countiesInScope(ctx.prisma, actor, gradeAndPayReaders);
    if (query.countyId && counties !== 'all' && !counties.includes(query.countyId))
      throw problems.forbidden({ 'zh-CN': '该县的工资单', en: 'pay statements of this county' });
    const scope =
      counties === 'all' || counties.length > 0
        ? {
            ...(query.countyId
              ? { countyId: query.countyId }
              : counties === 'all'
                ? {}
                : { countyId: { in: counties } }),
          }
        : actor.managerId
          ? { id: actor.managerId }
          : null;
    if (!scope) throw problems.forbidden({ 'zh-CN': '工资单', en: 'pay statements' });
    const managers = await ctx.prisma.manager.findMany({
      where: { ...scope, active: true },
      include: { county: true, gradeHistory: true },
      orderBy: { employeeNo: 'asc' },
    });
    const config = payTableSchema.parse(table.config);
    const statements = managers.map((m) => {
      const assessedGrade = gradeOn(
        firstDay,
        m.grade,
        m.gradeHistory.map((h) => ({
          fromGrade: h.fromGrade,
          toGrade: h.toGrade,
          effectiveDate: day(h.effectiveDate),
        })),
      );
      const lines = payStatement(
        { assessedGrade, area: m.area, employment: m.employment, postStartDate: day(m.postStartDate) },
        config,
        query.month,
      );
      return {
        managerId: m.id,
        employeeNo: m.employeeNo,
        name: m.name,
        county: m.county.name,
        area: m.area,
        employment: m.employment,
        ...lines,
      };
    });
    const sum = (k: 'basePostWage' | 'floatingWage' | 'seniorityWage' | 'performanceWage' | 'total') =>
      roundHalfUp2(statements.reduce((s, x) => s + x[k], 0));
    const totals = {
      managers: statements.length,
      basePostWage: sum('basePostWage'),
      floatingWage: sum('floatingWage'),
      seniorityWage: sum('seniorityWage'),
      performanceWage: sum('performanceWage'),
      total: sum('total'),
    };
    if (query.format === 'csv' || query.format === 'xlsx') {
      const lang = requestLanguage(req);
      const bi = (zh: string, en: string) => (lang === 'en' ? en : zh);
      const money = (zh: string, en: string): Column => ({ header: bi(zh, en), format: 'money' });
      const header: Column[] = [
        { header: bi('工号', 'Employee no.') },
        { header: bi('姓名', 'Name') },
        { header: bi('县区', 'County') },
        { header: bi('区域', 'Area') },
        { header: bi('用工性质', 'Employment') },
        { header: bi('评定等级', 'Assessed grade') },
        { header: bi('计薪等级', 'Pay grade') },
        money('岗位基本工资', 'Base post wage'),
        money('岗位浮动工资', 'Floating wage'),
        { header: bi('本岗年限', 'Years in post'), format: 'integer' },
        money('年功工资', 'Seniority wage'),
        { header: bi('绩效系数', 'Performance coefficient'), format: 'score' },
        money('绩效工资', 'Performance wage'),
        money('应发合计', 'Total'),
      ];
      const rows = statements.map((s) => [
        s.employeeNo,
        s.name,
        s.county,
        nameOf('area', s.area, lang),
        nameOf('employment', s.employment, lang),
        gradeNames[s.assessedGrade][lang],
        gradeNames[s.payGrade][lang],
        s.basePostWage,
        s.floatingWage,
        s.seniorityYears,
        s.seniorityWage,
        s.performanceCoefficient,
        s.performanceWage,
        s.total,
      ]);
      rows.push([
        bi('合计', 'Total'),
        bi(`${totals.managers} 人`, `${totals.managers} managers`),
        '',
        '',
        '',
        '',
        '',
        totals.basePostWage,
        totals.floatingWage,
        '',
        totals.seniorityWage,
        '',
        totals.performanceWage,
        totals.total,
      ]);
      const file = {
        name: `pay-${query.month}`,
        sheet: bi(`${query.month} 工资单`, `Payroll ${query.month}`),
        title: bi(`${query.month} 客户经理工资单（元）`, `Customer managers' pay, ${query.month} (CNY)`),
      };
      return sendTable(res, query.format, file, header, rows);
    }
    const q = query.q;
    const found = q
      ? statements.filter((x) => x.name.includes(q) || x.employeeNo.includes(q) || x.county.includes(q))
      : statements;
    res.json({
      month: query.month,
      payTable: { version: table.version, effectiveFrom: table.effectiveFrom },
      statements: found.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
      total: found.length,
      page: query.page,
      pageSize: query.pageSize,
      totals,
    });
  });

  return router;
}
