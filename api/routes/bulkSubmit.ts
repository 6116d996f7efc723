// Many evaluations entered at once by the person who holds them: the inspector's grid for
// the whole county (督察批量录入), a partner's or reviewer's list. Every row is checked
// first (the task is theirs and open, the payload by its kind's schema); any bad row
// refuses the batch, naming each row and field, and nothing is saved. A batch that
// passes is applied whole by a durable job, like the KPI file.
import { createHash } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { nameOf } from '../../domain/codeNames';
import { batchSubmittable, submissionSchemaOf } from '../../domain/taskKinds';
import { actorOf, authenticate } from '../auth';
import { applyBatch } from '../batchSubmission';
import type { ApiContext } from '../context';
import { idempotencyKey } from './tasks';
import { fieldErrorsOf, HttpProblem, parseInput, requestLanguage, type FieldError } from '../problems';

export const bulkSubmitBody = z
  .object({
    rows: z
      .array(z.object({ taskId: z.uuid(), payload: z.unknown() }).strict())
      .min(1)
      .max(200),
  })
  .strict();

export function bulkSubmitRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.post('/tasks/bulk/submit', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const body = parseInput(bulkSubmitBody, req.body, 'body', lang);
    const tasks = await ctx.prisma.task.findMany({
      where: { id: { in: body.rows.map((r) => r.taskId) } },
      include: { evaluation: { select: { workflowId: true, manager: { select: { employeeNo: true } } } } },
    });
    const taskOf = new Map(tasks.map((t) => [t.id, t]));
    const errors: FieldError[] = [];
    const badRows = new Set<number>();
    const say = (n: number, field: string, zh: string, en: string) => {
      badRows.add(n);
      const at = `body.rows.${n}.${field}`;
      errors.push({ field: at, message: `${at} ${lang === 'en' ? en : zh}` });
    };
    const seen = new Set<string>();
    const payloads: unknown[] = [];
    body.rows.forEach((row, n) => {
      const task = taskOf.get(row.taskId);
      if (seen.has(row.taskId)) return say(n, 'taskId', '与前面的行重复', 'the same task as an earlier row');
      seen.add(row.taskId);
      // Someone else's task reads as unknown: a batch does not tell which ids exist.
      if (!task || task.assigneeId !== actor.id) return say(n, 'taskId', '不是您的任务', 'not a task of yours');
      if (!batchSubmittable[task.kind] || !task.evaluation)
        return say(
          n,
          'taskId',
          `${nameOf('taskKind', task.kind, 'zh-CN')}须逐项提交`,
          `a ${nameOf('taskKind', task.kind, 'en')} is submitted on its own`,
        );
      if (task.status !== 'OPEN' && task.status !== 'SUBMITTED')
        return say(n, 'taskId', '任务已关闭', 'the task is closed');
      const parsed = submissionSchemaOf(task.kind)!.safeParse(row.payload);
      if (parsed.success) payloads[n] = parsed.data;
      else {
        badRows.add(n);
        errors.push(...fieldErrorsOf(parsed.error, ['body', 'rows', String(n), 'payload'], lang));
      }
    });
    if (errors.length) throw rowsProblem([...badRows], errors);

    const headerKey = req.headers['idempotency-key'];
    const requestId = headerKey
      ? parseInput(idempotencyKey, headerKey, 'body', lang)
      : createHash('sha256')
          .update(`${actor.id}:${JSON.stringify(body.rows)}`)
          .digest('hex')
          .slice(0, 32);
    const rows = body.rows.map((row, n) => ({ n, row, task: taskOf.get(row.taskId)! }));
    const open = rows.filter(({ task }) => task.status === 'OPEN');
    await applyBatch(ctx, res, {
      cycleId: rows[0]!.task.cycleId!, // batches hold evaluations' tasks (batchSubmittable), each in a cycle
      key: createHash('sha256')
        .update(`${requestId}:${actor.id}:${open.map(({ task }) => task.id).join(',')}`)
        .digest('hex')
        .slice(0, 32),
      requestId: `batch-${requestId}`,
      submittedById: actor.id,
      already: rows
        .filter(({ task }) => task.status === 'SUBMITTED')
        .map(({ n, task }) => ({
          line: n + 1,
          employeeNo: task.evaluation?.manager.employeeNo ?? '',
          outcome: 'duplicate',
        })),
      rows: open.map(({ n, task }) => ({
        line: n + 1,
        employeeNo: task.evaluation?.manager.employeeNo ?? '',
        taskId: task.id,
        workflowId: task.evaluation!.workflowId,
        payload: payloads[n],
      })),
    });
  });
  return router;
}

/** Every bad row at once (numbered from 1, as the grid shows them), and nothing saved. */
function rowsProblem(rows: number[], errors: FieldError[]): HttpProblem {
  const lines = rows.sort((a, b) => a - b).map((n) => n + 1);
  return new HttpProblem(
    400,
    'invalid_rows',
    {
      'zh-CN': `第 ${lines.join('、')} 行有误，未保存任何结果`,
      en: `Row ${lines.join(', ')} ${lines.length > 1 ? 'have' : 'has'} errors; nothing was saved`,
    },
    errors.slice(0, 200),
    { badRows: lines },
  );
}
