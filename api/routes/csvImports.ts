// A county's evaluations from one CSV file: the marketing reviews (KPIs, review score,
// comment) and the inspection results (each check item's deduction and note). Every row
// is checked first (values, the manager, an open task of the uploader's); any bad row
// rejects the file, naming each (the first 100), and nothing is saved. A file that passes
// is applied whole by a durable job (kpiImportWorkflow), never half.
import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import { decodeCsvFile, type ImportProblem, type ImportResult } from '../../domain/csvImport';
import { inspectionProblemText, inspectionTemplateHeader, parseInspectionImport } from '../../domain/inspectionImport';
import { importProblemText, kpiTemplateHeader, parseKpiImport } from '../../domain/kpiImport';
import type { Language, Names } from '../../domain/language';
import type { Role } from '../../domain/roles';
import { inspection } from '../../domain/taskKinds/inspection';
import { marketingReview } from '../../domain/taskKinds/marketingReview';
import { taskKindNames, type TaskKind } from '../../domain/taskKinds';
import type { KpiImportRowResult } from '../../workflows/kpiImport.messages';
import { applyBatch } from '../batchSubmission';
import { actorOf, authenticate, hasRole } from '../auth';
import type { ApiContext } from '../context';
import { sendTable } from '../exports';
import { HttpProblem, findOr404, problems, requestLanguage } from '../problems';

interface ImportSpec {
  /** /api/cycles/:id/<path>/import and /template */
  path: string;
  kind: TaskKind;
  role: Role;
  parse: (text: string) => ImportResult<unknown>;
  problemText: (p: ImportProblem, lang: Language) => string;
  templateHeader: (lang: Language) => string[];
  /** The file's name in both languages, and who alone may import. */
  file: Names;
  forbidden: Names;
}

export const csvImports: ImportSpec[] = [
  {
    path: 'marketing-reviews',
    kind: marketingReview.kind,
    role: 'MARKETING_REVIEWER',
    parse: parseKpiImport,
    problemText: importProblemText,
    templateHeader: kpiTemplateHeader,
    file: { 'zh-CN': '营销部审核', en: 'marketing-reviews' },
    forbidden: { 'zh-CN': '只有营销部审核人员可以导入', en: 'only marketing reviewers import reviews' },
  },
  {
    path: 'inspections',
    kind: inspection.kind,
    role: 'INSPECTOR',
    parse: parseInspectionImport,
    problemText: inspectionProblemText,
    templateHeader: inspectionTemplateHeader,
    file: { 'zh-CN': '督察结果', en: 'inspections' },
    forbidden: { 'zh-CN': '只有督察员可以导入督察结果', en: 'only inspectors import inspection results' },
  },
];

const cycleNames = { 'zh-CN': '考评周期', en: 'Cycle' };

export function csvImportRoutes(ctx: ApiContext): Router {
  const router = Router();
  for (const spec of csvImports) {
    router.post(
      `/cycles/:id/${spec.path}/import`,
      authenticate(ctx.prisma),
      express.raw({ type: ['text/csv', 'text/plain', 'application/vnd.ms-excel'], limit: '1mb' }),
      (req, res) => importFile(ctx, spec, req, res),
    );
    router.get(`/cycles/:id/${spec.path}/template`, authenticate(ctx.prisma), (req, res) =>
      sendTemplate(ctx, spec, req, res),
    );
  }
  return router;
}

async function importFile(ctx: ApiContext, spec: ImportSpec, req: express.Request, res: express.Response) {
  const actor = actorOf(req);
  const lang = requestLanguage(req);
  if (!hasRole(actor, spec.role)) throw problems.forbidden(spec.forbidden);
  const cycle = await findOr404(String(req.params.id), cycleNames, (id) =>
    ctx.prisma.cycle.findUnique({ where: { id } }),
  );
  if (!Buffer.isBuffer(req.body))
    throw problems.badRequest([
      { field: 'body', message: lang === 'en' ? 'body: send the file as text/csv' : 'body：请以 text/csv 上传文件' },
    ]);

  const parsed = spec.parse(decodeCsvFile(req.body));
  if (!parsed.ok) throw rowProblems(spec, parsed.problems, lang);
  const managers = await ctx.prisma.manager.findMany({
    where: { employeeNo: { in: parsed.rows.map((r) => r.employeeNo) } },
    select: { id: true, employeeNo: true },
  });
  const tasks = await ctx.prisma.task.findMany({
    where: { cycleId: cycle.id, kind: spec.kind, evaluation: { managerId: { in: managers.map((m) => m.id) } } },
    include: { evaluation: { select: { managerId: true, workflowId: true } } },
  });
  const says = (zh: string, en: string): Names => ({ 'zh-CN': zh, en });
  const taskName = taskKindNames[spec.kind];
  const rowTasks: Array<{ row: (typeof parsed.rows)[number]; task: (typeof tasks)[number] }> = [];
  const rowErrors: ImportProblem[] = [];
  for (const row of parsed.rows) {
    const manager = managers.find((m) => m.employeeNo === row.employeeNo);
    const found = manager && tasks.find((t) => t.evaluation?.managerId === manager.id);
    const problem = (message: Names) => rowErrors.push({ line: row.line, field: 'employeeNo', message });
    if (!manager) problem(says(`没有工号为 ${row.employeeNo} 的客户经理`, `unknown manager ${row.employeeNo}`));
    else if (!found || found.assigneeId !== actor.id)
      problem(
        says(
          `${row.employeeNo} 在本期没有由您办理的${taskName['zh-CN']}`,
          `${row.employeeNo} has no ${taskName.en} of yours in this cycle`,
        ),
      );
    else if (found.status !== 'OPEN' && found.status !== 'SUBMITTED')
      problem(says(`${row.employeeNo} 的${taskName['zh-CN']}已关闭`, `${row.employeeNo}'s ${taskName.en} is closed`));
    else rowTasks.push({ row, task: found });
  }
  if (rowErrors.length) throw rowProblems(spec, rowErrors, lang);

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
      payload: row.value,
    })),
  });
}

/** The file to fill: a row per manager whose task the uploader holds open in this cycle (CSV, UTF-8 with BOM). */
async function sendTemplate(ctx: ApiContext, spec: ImportSpec, req: express.Request, res: express.Response) {
  const actor = actorOf(req);
  const lang = requestLanguage(req);
  if (!hasRole(actor, spec.role)) throw problems.forbidden(spec.forbidden);
  const cycle = await findOr404(String(req.params.id), cycleNames, (id) =>
    ctx.prisma.cycle.findUnique({ where: { id } }),
  );
  const tasks = await ctx.prisma.task.findMany({
    where: { cycleId: cycle.id, kind: spec.kind, assigneeId: actor.id, status: 'OPEN' },
    select: { evaluation: { select: { manager: { select: { employeeNo: true, name: true } } } } },
  });
  const managers = tasks
    .map((t) => t.evaluation?.manager)
    .filter((m): m is { employeeNo: string; name: string } => !!m)
    .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  const header = spec.templateHeader(lang);
  await sendTable(
    res,
    'csv',
    { name: `${spec.file[lang]}-${cycle.period}`, sheet: spec.path },
    header,
    managers.map((m) => [m.employeeNo, m.name, ...header.slice(2).map(() => '')]),
  );
}

/** Every bad row at once (the first 100 of them, and how many more), and nothing imported. */
function rowProblems(spec: ImportSpec, rows: ImportProblem[], lang: Language): HttpProblem {
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
    shown.map((r) => ({ field: `line ${r.line}: ${r.field}`, message: spec.problemText(r, lang) })),
    { problemCount: rows.length },
  );
}
