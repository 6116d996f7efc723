// Drafts (草稿): what the assignee has typed into a task's form, saved on the server as they
// type, so a reload, another browser or another device finds it. Only the task's assignee
// keeps one; it is gone once the task is submitted (the submission's transaction deletes it).
import { Router } from 'express';
import { z } from 'zod';
import { controlCharacterIssue } from '../../domain/text';
import type { Prisma } from '../../generated/prisma/client';
import { actorOf, authenticate } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';

const taskText = { 'zh-CN': '任务', en: 'Task' };
/** A long form's worth (a self-assessment with its summaries) many times over. */
const maxDraftBytes = 64 * 1024;
/* eslint-disable-next-line no-control-regex -- matching control characters is the point */
const controlButLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const hasControl = (v: unknown): boolean =>
  typeof v === 'string'
    ? controlButLineBreaks.test(v)
    : Array.isArray(v)
      ? v.some(hasControl)
      : v !== null && typeof v === 'object'
        ? Object.values(v).some(hasControl)
        : false;

/** Any half-filled form (not checked by the kind's schema until it is submitted). */
export const draftBody = z
  .object({
    payload: z
      .record(z.string().max(200), z.unknown())
      .refine((p) => JSON.stringify(p).length <= maxDraftBytes, { message: `at most ${maxDraftBytes} bytes` })
      .refine((p) => !hasControl(p), { message: controlCharacterIssue }),
  })
  .strict();

export function taskDraftRoutes(ctx: ApiContext): Router {
  const router = Router();
  /** The task, if the caller is its assignee (403 otherwise, 404 for an unknown id). */
  const ownTask = async (actorId: string, id: string) => {
    const task = await findOr404(id, taskText, (id) => ctx.prisma.task.findUnique({ where: { id } }));
    if (task.assigneeId !== actorId) throw problems.forbidden(taskText);
    return task;
  };

  router.get('/tasks/:id/draft', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const task = await ownTask(actor.id, String(req.params.id));
    const draft =
      task.status === 'OPEN'
        ? await ctx.prisma.taskDraft.findUnique({ where: { taskId_userId: { taskId: task.id, userId: actor.id } } })
        : null;
    res.json({ draft: draft && { payload: draft.payload, updatedAt: draft.updatedAt } });
  });

  router.put('/tasks/:id/draft', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const body = parseInput(draftBody, req.body, 'body', requestLanguage(req));
    const task = await ownTask(actor.id, String(req.params.id));
    if (task.status !== 'OPEN')
      throw problems.conflict('task_closed', {
        'zh-CN': '任务已提交或关闭，草稿不再保存',
        en: 'The task is submitted or closed: no draft is kept',
      });
    const payload = body.payload as Prisma.InputJsonValue;
    const draft = await ctx.prisma.taskDraft.upsert({
      where: { taskId_userId: { taskId: task.id, userId: actor.id } },
      create: { taskId: task.id, userId: actor.id, payload },
      update: { payload },
    });
    res.json({ draft: { payload: draft.payload, updatedAt: draft.updatedAt } });
  });

  return router;
}
