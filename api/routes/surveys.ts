// Retail customers answer the satisfaction survey through their personal link: no
// account, the token is the only credential. The answer is written to the database
// here, not passed through a workflow, so that no workflow history ever holds an
// answer beside the link it came from; the manager's workflow is then signalled so
// it can close the survey once every customer has answered.
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { answeredOn, surveyAnswerSchema, surveyQuestions, type SurveyAnswer } from '../../domain/customerSurvey';
import { languageOf, periodLabel, type Language } from '../../domain/notifications';
import { hashSurveyToken } from '../../prisma/surveyLinks';
import { customerSurveyAnsweredSignal } from '../../workflows/managerEvaluation.messages';
import type { ApiContext } from '../context';
import { HttpProblem, parseInput, problems, requestLanguage } from '../problems';
import { renderSurveyPage } from '../pages/surveyPage';
import { fallbackLog } from '../log';

const surveyText = { 'zh-CN': '调查链接', en: 'Survey link' };
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

type Lookup =
  | {
      kind: 'open';
      invitationId: string;
      taskId: string;
      workflowId: string;
      managerName: string;
      cycleType: string;
      period: string;
      dueDate: string;
    }
  | { kind: 'notFound' | 'alreadyAnswered' | 'expired' };

export function surveyRoutes(ctx: ApiContext) {
  async function lookup(token: string, now: Date): Promise<Lookup> {
    if (!tokenSchema.safeParse(token).success) return { kind: 'notFound' };
    const invitation = await ctx.prisma.surveyInvitation.findUnique({
      where: { tokenHash: hashSurveyToken(token) },
      include: { task: { include: { cycle: true, evaluation: { include: { manager: true } } } } },
    });
    if (!invitation) return { kind: 'notFound' };
    if (invitation.answered) return { kind: 'alreadyAnswered' };
    if (invitation.task.status !== 'OPEN' || invitation.expiresAt <= now) return { kind: 'expired' };
    const { task } = invitation;
    return {
      kind: 'open',
      invitationId: invitation.id,
      taskId: task.id,
      workflowId: task.evaluation!.workflowId,
      managerName: task.evaluation!.manager.name,
      cycleType: task.cycle!.type, // a survey's task is an evaluation's
      period: task.cycle!.period,
      dueDate: task.dueDate,
    };
  }

  /** Single use: the invitation is marked answered and the answer stored in one transaction. */
  async function recordAnswer(token: string, answers: SurveyAnswer): Promise<Lookup['kind']> {
    const now = new Date();
    const found = await lookup(token, now);
    if (found.kind !== 'open') return found.kind;
    const won = await ctx.prisma.$transaction(async (tx) => {
      const marked = await tx.surveyInvitation.updateMany({
        where: { id: found.invitationId, answered: false, expiresAt: { gt: now }, task: { status: 'OPEN' } },
        data: { answered: true },
      });
      if (marked.count === 0) return false;
      await tx.surveyResponse.create({ data: { taskId: found.taskId, answers, answeredOn: answeredOn(now) } });
      return true;
    });
    if (!won) return (await lookup(token, now)).kind;
    try {
      await ctx.temporal.workflow.getHandle(found.workflowId).signal(customerSurveyAnsweredSignal);
    } catch (err) {
      // The answer is stored; the survey still closes on its due date.
      fallbackLog.warn({ err: err instanceof Error ? err.message : err }, 'could not signal the survey answer');
    }
    return 'open';
  }

  const gone = (kind: 'alreadyAnswered' | 'expired') =>
    kind === 'alreadyAnswered'
      ? new HttpProblem(410, 'survey_answered', { 'zh-CN': '此链接已使用过', en: 'This link has been used already' })
      : new HttpProblem(410, 'survey_expired', { 'zh-CN': '此调查已结束，链接已失效', en: 'This survey has ended' });

  function throwUnlessOpen(kind: Lookup['kind']): void {
    if (kind === 'notFound') throw problems.notFound(surveyText);
    if (kind === 'alreadyAnswered' || kind === 'expired') throw gone(kind);
  }

  // JSON, for other clients (and the API document).
  const api = Router();
  api.get('/surveys/:token', async (req, res) => {
    const found = await lookup(String(req.params.token), new Date());
    throwUnlessOpen(found.kind);
    if (found.kind !== 'open') return;
    const lang = requestLanguage(req);
    res.json({
      managerName: found.managerName,
      period: periodLabel(found.cycleType, found.period, lang),
      dueDate: found.dueDate,
      questions: surveyQuestions,
      ratings: [1, 2, 3, 4, 5],
    });
  });
  api.post('/surveys/:token', async (req, res) => {
    const answers = parseInput(surveyAnswerSchema, req.body, 'body', requestLanguage(req));
    throwUnlessOpen(await recordAnswer(String(req.params.token), answers));
    res.status(201).json({ accepted: true });
  });

  // The page a customer opens from the mail.
  const pages = Router();
  const pageLanguage = (req: Request): Language =>
    typeof req.query.lang === 'string' ? languageOf(req.query.lang) : requestLanguage(req);
  const selfUrl = (req: Request) => `/survey/${encodeURIComponent(String(req.params.token))}`;
  pages.get('/survey/:token', async (req, res) => {
    const lang = pageLanguage(req);
    const found = await lookup(String(req.params.token), new Date());
    const status = found.kind === 'open' ? 200 : found.kind === 'notFound' ? 404 : 410;
    const state =
      found.kind === 'open'
        ? {
            kind: 'form' as const,
            managerName: found.managerName,
            periodLabel: periodLabel(found.cycleType, found.period, lang),
            dueDate: found.dueDate,
          }
        : { kind: found.kind };
    res
      .status(status)
      .type('html')
      .send(renderSurveyPage(state, lang, selfUrl(req)));
  });
  pages.post('/survey/:token', express.urlencoded({ extended: false, limit: '20kb' }), async (req, res) => {
    const lang = pageLanguage(req);
    const token = String(req.params.token);
    const parsed = surveyAnswerSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const found = await lookup(token, new Date());
      if (found.kind !== 'open')
        return void res
          .status(found.kind === 'notFound' ? 404 : 410)
          .type('html')
          .send(renderSurveyPage({ kind: found.kind }, lang, selfUrl(req)));
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        errors[String(issue.path[0])] = lang === 'zh-CN' ? '请选择一项' : 'Please choose one';
      if (errors.comment) errors.comment = lang === 'zh-CN' ? '最多 500 字' : 'At most 500 characters';
      const values = Object.fromEntries(Object.entries(req.body ?? {}).map(([k, v]) => [k, String(v)]));
      return void res
        .status(400)
        .type('html')
        .send(
          renderSurveyPage(
            {
              kind: 'form',
              managerName: found.managerName,
              periodLabel: periodLabel(found.cycleType, found.period, lang),
              dueDate: found.dueDate,
              values,
              errors,
            },
            lang,
            selfUrl(req),
          ),
        );
    }
    const kind = await recordAnswer(token, parsed.data);
    const status = kind === 'open' ? 201 : kind === 'notFound' ? 404 : 410;
    res
      .status(status)
      .type('html')
      .send(renderSurveyPage({ kind: kind === 'open' ? 'thanks' : kind }, lang, selfUrl(req)));
  });

  return { api, pages };
}
