// A county's marketing reviews (KPIs, review score, comment) from one CSV file.
// Every row is checked first (values, the manager, an open task of the uploader's); any
// bad row rejects the file, naming each (the first 100), and nothing is saved. A file that
// passes is applied whole by a durable job (kpiImportWorkflow), never half.
import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import {
  decodeCsvFile,
  importProblemText,
  kpiTemplateHeader,
  parseKpiImport,
  type ImportProblem,
} from '../../domain/kpiImport';
import type { Language } from '../../domain/language';
import type { KpiImportRowResult } from '../../workflows/kpiImport.messages';
import { applyBatch } from '../batchSubmission';
import { actorOf, authenticate, hasRole } from '../auth';
import type { ApiContext } from '../context';
import { HttpProblem, findOr404, problems, requestLanguage } from '../problems';
import { marketingReview } from '../../domain/taskKinds/marketingReview';
import { sendTable } from '../exports';

export function kpiImportRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.post(
    '/cycles/:id/marketing-reviews/import',
    authenticate(ctx.prisma),
    express.raw({ type: ['text/csv', 'text/plain', 'application/vnd.ms-excel'], limit: '1mb' }),
    async (req, res) => {
      const actor = actorOf(req);
      const lang = requestLanguage(req);
      if (!hasRole(actor, 'MARKETING_REVIEWER')) throw problems.forbidden(onlyReviewers);
      const id = String(req.params.id);
      const cycle = await findOr404(id, { 'zh-CN': '考评周期', en: 'Cycle' }, (id) =>
        ctx.prisma.cycle.findUnique({ where: { id } }),
      );
      if (!Buffer.isBuffer(req.body))
        throw problems.badRequest([
          {
            field: 'body',
            message: lang === 'en' ? 'body: send the file as text/csv' : 'body：请以 text/csv 上传文件',
          },
        ]);

      const parsed = parseKpiImport(decodeCsvFile(req.body));
      if (!parsed.ok) throw rowProblems(parsed.problems, lang);
      const managers = await ctx.prisma.manager.findMany({
        where: { employeeNo: { in: parsed.rows.map((r) => r.employeeNo) } },
        select: { id: true, employeeNo: true },
      });
      const tasks = await ctx.prisma.task.findMany({
        where: {
          cycleId: cycle.id,
          kind: marketingReview.kind,
          evaluation: { managerId: { in: managers.map((m) => m.id) } },
        },
        include: { evaluation: { select: { managerId: true, workflowId: true } } },
      });
      const rowTasks: Array<{ row: (typeof parsed.rows)[number]; task: (typeof tasks)[number] }> = [];
      const rowErrors: ImportProblem[] = [];
      for (const row of parsed.rows) {
        const manager = managers.find((m) => m.employeeNo === row.employeeNo);
        const task = manager && tasks.find((t) => t.evaluation?.managerId === manager.id);
        if (!manager)
          rowErrors.push({
            line: row.line,
            field: 'employeeNo',
            message: { 'zh-CN': `没有工号为 ${row.employeeNo} 的客户经理`, en: `unknown manager ${row.employeeNo}` },
          });
        else if (!task || task.assigneeId !== actor.id)
          rowErrors.push({
            line: row.line,
            field: 'employeeNo',
            message: {
              'zh-CN': `${row.employeeNo} 在本期没有由您办理的营销部审核`,
              en: `${row.employeeNo} has no marketing review of yours in this cycle`,
            },
          });
        else if (task.status !== 'OPEN' && task.status !== 'SUBMITTED')
          rowErrors.push({
            line: row.line,
            field: 'employeeNo',
            message: {
              'zh-CN': `${row.employeeNo} 的营销部审核已关闭`,
              en: `${row.employeeNo}'s marketing review is closed`,
            },
          });
        else rowTasks.push({ row, task });
      }
      if (rowErrors.length) throw rowProblems(rowErrors, lang);

      const fileHash = createHash('sha256').update(req.body).digest('hex').slice(0, 24);
      const already: KpiImportRowResult[] = rowTasks
        .filter(({ task }) => task.status === 'SUBMITTED')
        .map(({ row }) => ({ line: row.line, employeeNo: row.employeeNo, outcome: 'duplicate' }));
      const toApply = rowTasks.filter(({ task }) => task.status === 'OPEN');
      // One durable job per file and set of open tasks: the same file sent again joins it.
      const importKey = createHash('sha256')
        .update(`${fileHash}:${actor.id}:${toApply.map(({ task }) => task.id).join(',')}`)
        .digest('hex')
        .slice(0, 32);
      await applyBatch(ctx, res, {
        cycleId: cycle.id,
        key: importKey,
        requestId: `import-${fileHash}`,
        submittedById: actor.id,
        already,
        rows: toApply.map(({ row, task }) => ({
          line: row.line,
          employeeNo: row.employeeNo,
          taskId: task.id,
          workflowId: task.evaluation!.workflowId,
          payload: row.review,
        })),
      });
    },
  );
  /** The file to fill: a row per manager whose review the reviewer holds open in this cycle (CSV, UTF-8 with BOM). */
  router.get('/cycles/:id/marketing-reviews/template', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    if (!hasRole(actor, 'MARKETING_REVIEWER')) throw problems.forbidden(onlyReviewers);
    const cycle = await findOr404(String(req.params.id), { 'zh-CN': '考评周期', en: 'Cycle' }, (id) =>
      ctx.prisma.cycle.findUnique({ where: { id } }),
    );
    const tasks = await ctx.prisma.task.findMany({
      where: { cycleId: cycle.id, kind: marketingReview.kind, assigneeId: actor.id, status: 'OPEN' },
      select: { evaluation: { select: { manager: { select: { employeeNo: true, name: true } } } } },
    });
    const managers = tasks
      .map((t) => t.evaluation?.manager)
      .filter((m): m is { employeeNo: string; name: string } => !!m)
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
    const header = kpiTemplateHeader(lang);
    await sendTable(
      res,
      'csv',
      { name: `${lang === 'en' ? 'marketing-reviews' : '营销部审核'}-${cycle.period}`, sheet: 'reviews' },
      header,
      managers.map((m) => [m.employeeNo, m.name, ...header.slice(2).map(() => '')]),
    );
  });
  return router;
}

const onlyReviewers = { 'zh-CN': '只有营销部审核人员可以导入', en: 'only marketing reviewers import reviews' };

/** Every bad row at once (the first 100 of them, and how many more), and nothing imported. */
function rowProblems(rows: ImportProblem[], lang: Language): HttpProblem {
  const shown = rows.slice(0, 100);
  const lines = [...new Set(shown.map((r) => r.line))];
  const more = rows.length - shown.length;
  return new HttpProblem(
    400,
    'invalid_file',
    {
      'zh-CN': `文件有误（第 ${lines.join('、')} 行${more ? `，另有 ${more} 处` : ''}），未导入任何数据`,
      en: `The file has errors (line ${lines.join(', ')}${more ? `, and ${more} more` : ''}); nothing was imported`,
    },
    shown.map((r) => ({ field: `line ${r.line}: ${r.field}`, message: importProblemText(r, lang) })),
    { problemCount: rows.length },
  );
}
