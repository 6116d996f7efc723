// Updates on a workflow from a request: refusals mapped to their status code, a task the
// workflow has not taken yet waited for briefly, and a deadline so that no request hangs.
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import type { FieldProblem } from '../domain/fieldProblem';
import { describeBreach, type QuotaBreach } from '../domain/gradeQuotas';
import type { Language } from '../domain/language';
import type { RefusalType } from '../workflows/refusals';
import { HttpProblem, problems } from './problems';
import { isOutage } from './outages';
import type { Logger } from './log';

/** How long a request waits for its update; then 503 with Retry-After (sending it again is safe). */
const updateDeadlineMs = 15_000;
/**
 * Calls to Temporal that go on after their request was answered (a 503 past the deadline):
 * a shutting-down API (or a test's teardown) lets them settle before it closes its
 * connection, so none is cut off mid-retry.
 */
const background = new Set<Promise<unknown>>();
function keepTrack(call: Promise<unknown>): void {
  const settled = call.then(
    () => undefined,
    () => undefined,
  );
  background.add(settled);
  void settled.finally(() => background.delete(settled));
}

/** Waits (at most `ms`) for the calls still running after their answer. */
export async function settleBackgroundCalls(ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all([...background]),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * A task whose row exists but whose workflow has not taken it yet, or has not been started
 * yet (a cycle opens a page's tasks, then starts the page's workflows): asked again, briefly.
 */
const notYetRetries = [100, 200, 400, 800, 1500, 2000, 3000, 3000];

export async function executeUpdate<Ret, Args extends [unknown, ...unknown[]]>(
  temporal: Client,
  lang: Language,
  workflowId: string,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  updateId?: string,
): Promise<Ret> {
  const attempt = () =>
    temporal.workflow.getHandle(workflowId).executeUpdate(update, { args, ...(updateId ? { updateId } : {}) });
  const run = async () => {
    for (const wait of [...notYetRetries, null]) {
      try {
        return await attempt();
      } catch (err) {
        const notYet = refusalOf(err) === 'UnknownTask' || err instanceof WorkflowNotFoundError;
        if (wait === null || !notYet) throw err;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    throw new Error('unreachable');
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(problems.busy(5)), updateDeadlineMs);
  });
  const running = run();
  keepTrack(running); // answered by the race below, or too late to matter
  try {
    return await Promise.race([running, deadline]);
  } catch (err) {
    if (err instanceof HttpProblem) throw err;
    throw updateProblem(err, lang);
  } finally {
    clearTimeout(timer);
  }
}

/** Retries of a signal whose workflow is not started yet, or whose Temporal is away: about 90 s. */
const signalRetries = [...notYetRetries, 5000, 10_000, 20_000, 30_000];

/**
 * Tells a workflow of something already durable in the database (a submission the API
 * recorded). The request is answered once Temporal has the signal (it does not wait for the
 * worker): a crash after that loses nothing. If Temporal or the workflow is not there yet,
 * the signal is sent again in the background and the request gets 503 after the deadline;
 * sent again, it is answered as a duplicate and signals again. Given up for good, the
 * workflow still finds the submission in the database at its next step.
 */
export async function signalRecorded<Args extends unknown[]>(
  temporal: Client,
  log: Logger,
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<void> {
  const run = async (): Promise<boolean> => {
    for (const wait of [...signalRetries, null]) {
      try {
        await temporal.workflow.getHandle(workflowId).signal(signal, ...args);
        return true;
      } catch (err) {
        // A workflow that has finished took everything it needed (a duplicate sent late).
        if (err instanceof WorkflowNotFoundError && /already completed/i.test(err.message)) return true;
        if (wait === null) {
          log.warn(
            { workflowId, signal: signal.name, err: String(err) },
            'signal given up: the workflow reads it at its next step',
          );
          return false;
        }
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    return false;
  };
  const sent = run();
  keepTrack(sent);
  let timer: NodeJS.Timeout | undefined;
  const landed = await Promise.race([
    sent,
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), updateDeadlineMs))),
  ]);
  clearTimeout(timer);
  if (!landed) throw problems.busy(5);
}

function refusalOf(err: unknown): RefusalType | undefined {
  const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
  return cause instanceof ApplicationFailure ? (cause.type as RefusalType | undefined) : undefined;
}

/** The API's answer to a refused update: by the refusal's type (workflows/refusals.ts). */
function updateProblem(err: unknown, lang: Language): HttpProblem {
  if (err instanceof WorkflowNotFoundError) return taskClosed();
  if (!(err instanceof WorkflowUpdateFailedError)) return transportProblem(err);
  const cause = err.cause;
  const type = cause instanceof ApplicationFailure ? (cause.type as RefusalType | undefined) : undefined;
  switch (type) {
    case 'InvalidSubmission': {
      const details = (cause as ApplicationFailure).details as FieldProblem[];
      return problems.badRequest(details.map((d) => ({ field: d.field, message: `${d.field} ${d[lang]}` })));
    }
    case 'QuotaExceeded':
      return quotaExceeded(((cause as ApplicationFailure).details ?? []) as QuotaBreach[]);
    case 'TaskClosed':
    case 'UnknownTask':
      return taskClosed();
    default:
      // NotAccepted, or the workflow ended while the update ran.
      return problems.conflict('not_accepted', {
        'zh-CN': `未被受理：${cause?.message ?? ''}`,
        en: `Not accepted: ${cause?.message ?? ''}`,
      });
  }
}

const taskClosed = () => problems.conflict('task_closed', { 'zh-CN': '任务已关闭', en: 'The task is closed' });

function quotaExceeded(breaches: QuotaBreach[]): HttpProblem {
  return new HttpProblem(
    409,
    'quota_exceeded',
    {
      'zh-CN': `超出等级比例，不能批准：${breaches.map((b) => describeBreach(b, 'zh-CN')).join('；')}`,
      en: `Over the grade quota, not approved: ${breaches.map((b) => describeBreach(b, 'en')).join('; ')}`,
    },
    [],
    { breaches },
  );
}

function transportProblem(err: unknown): HttpProblem {
  if (isOutage(err) || (err instanceof Error && /UNAVAILABLE|DEADLINE_EXCEEDED|connect/i.test(err.message)))
    return problems.unavailable();
  throw err;
}

/** A started workflow's result if it comes within the deadline; else undefined (it goes on). */
export async function resultWithin<T>(result: Promise<T>, ms = updateDeadlineMs): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  keepTrack(result); // a failure after the deadline is the workflow's, not this request's
  try {
    return await Promise.race([result, late]);
  } finally {
    clearTimeout(timer);
  }
}
