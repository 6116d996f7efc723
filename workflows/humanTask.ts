// One human task inside a workflow: open it, remind, escalate, apply the template's
// policy after the grace period, and accept its submission. Deadlines are durable
// timers (condition with a timeout) that move when the due date is extended.
import { ApplicationFailure, condition, log, patched, setHandler } from '@temporalio/workflow';
import { addDays, shanghaiDate } from '../domain/calendar';
import { dueAtOf, dueDateFor, planTaskDeadlines } from '../domain/taskDeadlines';
import type { TaskKind } from '../domain/taskKinds';
import { policyFor, type TemplateConfig } from '../domain/templates';
import type { TaskSubject } from '../activities/tasks';
import { acts, localActs } from './activities';
import {
  extendDeadlineUpdate,
  reassignTaskUpdate,
  submitTaskUpdate,
  type PreOpenedTask,
  type SubmitTaskRequest,
  type SubmitTaskResult,
  type TaskState,
} from './humanTask.messages';
import { refuse } from './refusals';
import { now, nowIso } from './clock';
import { deliver } from './delivery';

/** What a manager's evaluation asks of each of its tasks. */
export interface EvaluationTask {
  readonly state: TaskState;
  readonly done: boolean;
  run(): Promise<void>;
  validateSubmission(request: SubmitTaskRequest): void;
  submit(request: SubmitTaskRequest): Promise<SubmitTaskResult>;
  cancel(): void;
  reassign(assigneeId: string, actorId: string, reason: string): Promise<void>;
  extend(dueDate: string, actorId: string, reason: string): Promise<void>;
}

export class HumanTask implements EvaluationTask {
  readonly state: TaskState;
  private replan = false;
  /** What the accepted submission said (a decision, for sign-off and approval). */
  payload: unknown;

  constructor(
    kind: TaskKind,
    private readonly subject: TaskSubject,
    private readonly template: TemplateConfig,
    private readonly anchor?: Date,
    /** A later step is never due before the step it follows (末位淘汰: the approval after HR's decision). */
    private readonly notBefore?: string,
    /** Already opened, at `at`, with its opening mail sent by whoever opened it. */
    private readonly preOpened?: PreOpenedTask & { at: string },
  ) {
    this.state = { kind, phase: 'OPENING', remindersSent: 0, escalationLevel: 0, extensions: 0 };
    if (preOpened) Object.assign(this.state, { taskId: preOpened.taskId, dueDate: preOpened.dueDate, phase: 'OPEN' });
  }

  get done(): boolean {
    return (
      this.state.phase === 'SUBMITTED' || this.state.phase === 'CLOSED_MISSING' || this.state.phase === 'CANCELLED'
    );
  }

  private get policy() {
    const policy = policyFor(this.template, this.state.kind);
    if (!policy) throw ApplicationFailure.nonRetryable(`template has no policy for ${this.state.kind}`);
    return policy;
  }

  /** Runs the task until it is submitted or closed by policy. */
  async run(): Promise<void> {
    const openedAt = this.preOpened ? new Date(this.preOpened.at) : await this.open();
    let planFrom = openedAt;
    for (;;) {
      this.replan = false;
      const plan = planTaskDeadlines(planFrom, this.state.dueDate!, this.policy, this.template.reminderHour);
      let replanned = false;
      for (const step of plan.steps) {
        const wait = step.at.getTime() - Date.now();
        if (wait > 0) await condition(() => this.done || this.replan, wait);
        if (this.done) return;
        if (this.replan) {
          replanned = true;
          break;
        }
        const taskId = this.state.taskId!;
        if (step.kind === 'reminder') {
          const r = await acts.remindTask({
            taskId,
            at: nowIso(),
            dueDate: plan.dueDate,
            daysBeforeDue: step.daysBeforeDue,
          });
          if (this.foundSubmitted(r.submissionId)) continue;
          if (r.outboxIds.length) this.state.remindersSent++;
          await deliver(r.outboxIds);
        } else if (step.kind === 'escalation') {
          const r = await acts.escalateTask({ taskId, at: nowIso(), dueDate: plan.dueDate, level: step.level });
          if (this.foundSubmitted(r.submissionId)) continue;
          this.state.escalationLevel = Math.max(this.state.escalationLevel, step.level);
          log.info('task overdue: escalated', { kind: this.state.kind, taskId, level: step.level });
          await deliver(r.outboxIds);
        } else if (this.policy.afterGrace === 'extend' && this.state.extensions < this.policy.maxExtensions) {
          const dueDate = addDays(shanghaiDate(now()), this.policy.extendDays);
          await acts.extendTaskDeadline({
            taskId,
            at: nowIso(),
            dueDate,
            dueAt: dueAtOf(dueDate).toISOString(),
            actorId: null,
            reason: 'policy:extend',
          });
          this.state.extensions++;
          this.state.dueDate = dueDate;
          log.info('task extended by policy', { kind: this.state.kind, taskId, dueDate });
          replanned = true;
          break;
        } else {
          const r = await acts.closeTaskAsMissing({ taskId, at: nowIso() });
          if (r.closed) this.state.phase = 'CLOSED_MISSING';
          this.foundSubmitted(r.submissionId);
          log.info('grace period over', { kind: this.state.kind, taskId, closedAsMissing: r.closed });
          // else a submission won the race and marked the task submitted
          await condition(() => this.done);
          return;
        }
      }
      if (!replanned) {
        await condition(() => this.done);
        return;
      }
      planFrom = now();
    }
  }

  /** Opens the task (its row, audit line and opening mail); returns when it was opened. */
  private async open(): Promise<Date> {
    const openedAt = now();
    let dueDate = dueDateFor(openedAt, this.policy.dueOffsetDays, this.anchor);
    if (this.notBefore && this.notBefore > dueDate) dueDate = this.notBefore;
    const opened = await acts.openTask({
      subject: this.subject,
      kind: this.state.kind,
      at: openedAt.toISOString(),
      dueDate,
      dueAt: dueAtOf(dueDate).toISOString(),
    });
    // A submission the API recorded while the row was being opened stays submitted.
    Object.assign(this.state, { taskId: opened.taskId, dueDate, phase: this.done ? this.state.phase : 'OPEN' });
    log.info('task opened', { kind: this.state.kind, taskId: opened.taskId, dueDate });
    await deliver(opened.outboxIds);
    return openedAt;
  }

  /** Rejects, before anything is recorded, a submission this task cannot take. */
  validateSubmission(request: SubmitTaskRequest): void {
    if (request.taskId !== this.state.taskId) throw refuse('UnknownTask', `task ${request.taskId} is not this task`);
    if (this.state.phase === 'CLOSED_MISSING' || this.state.phase === 'CANCELLED')
      throw refuse('TaskClosed', 'task closed');
  }

  async submit(request: SubmitTaskRequest): Promise<SubmitTaskResult> {
    if (this.state.phase === 'SUBMITTED' && this.state.submissionId)
      return { outcome: 'duplicate', submissionId: this.state.submissionId };
    const record = {
      taskId: request.taskId,
      at: nowIso(),
      requestId: request.requestId,
      submittedById: request.submittedById,
      payload: request.payload,
    };
    // Workflows that took submissions before the local step keep replaying the activity.
    const r = patched('local-record-submission')
      ? await localActs.recordSubmission(record)
      : await acts.recordSubmission(record);
    if (r.outcome === 'closed') throw refuse('TaskClosed', 'task closed');
    this.state.phase = 'SUBMITTED';
    this.state.submissionId = r.submissionId!;
    this.payload = request.payload;
    return { outcome: r.outcome, submissionId: r.submissionId!, scores: r.scores };
  }

  /**
   * A submission recorded outside the workflow (by the API, or found by a reminder or the
   * grace period's close after its signal was lost): the task is done. A task closed or
   * cancelled meanwhile stays so: the database's guard let only one of them through.
   */
  recorded(submissionId: string): void {
    if (this.state.phase !== 'OPENING' && this.state.phase !== 'OPEN') return;
    this.state.phase = 'SUBMITTED';
    this.state.submissionId = submissionId;
  }

  /**
   * A step found the task submitted in the database. An evaluation's task takes that as its
   * submission (the API's signal was lost); elsewhere the submit update itself carries the
   * decision the workflow needs, so only the update marks the task submitted.
   */
  private foundSubmitted(submissionId: string | undefined): boolean {
    if (!submissionId || !('evaluationId' in this.subject)) return false;
    this.recorded(submissionId);
    return true;
  }

  /** The evaluation was withdrawn (the manager left): stop reminding and escalating. */
  cancel(): void {
    if (!this.done) this.state.phase = 'CANCELLED';
  }

  /** HR gives the task to someone else; its deadlines stay. */
  async reassign(assigneeId: string, actorId: string, reason: string): Promise<void> {
    if (this.done) throw refuse('TaskClosed', 'task is no longer open');
    const r = await acts.reassignTask({ taskId: this.state.taskId!, at: nowIso(), assigneeId, actorId, reason });
    await deliver(r.outboxIds);
  }

  /** HR moves the due date: reminders and escalations are re-planned from now. */
  async extend(dueDate: string, actorId: string, reason: string): Promise<void> {
    if (this.done) throw refuse('TaskClosed', 'task is no longer open');
    await acts.extendTaskDeadline({
      taskId: this.state.taskId!,
      at: nowIso(),
      dueDate,
      dueAt: dueAtOf(dueDate).toISOString(),
      actorId,
      reason,
    });
    this.state.dueDate = dueDate;
    this.replan = true;
  }
}

/**
 * The submit, reassign and extend updates of a workflow that runs one human task at a
 * time (county review, grade determination, bottom-ranking case). `validate` adds the
 * workflow's own checks of a submission.
 */
export function handleOneTaskAtATime(
  current: () => HumanTask | undefined,
  validate: (task: HumanTask, request: SubmitTaskRequest) => void,
): void {
  const currentTask = (taskId: string) => {
    const task = current();
    if (!task || task.state.taskId !== taskId) throw refuse('UnknownTask', `task ${taskId} is not open here`);
    return task;
  };
  const openTask = (taskId: string) => {
    const task = currentTask(taskId);
    if (task.done) throw refuse('TaskClosed', 'task is no longer open');
    return task;
  };
  setHandler(submitTaskUpdate, (request) => currentTask(request.taskId).submit(request), {
    validator: (request) => {
      const task = currentTask(request.taskId);
      task.validateSubmission(request);
      validate(task, request);
    },
  });
  setHandler(
    reassignTaskUpdate,
    async (r) => {
      await openTask(r.taskId).reassign(r.assigneeId, r.actorId, r.reason);
      return { assigneeId: r.assigneeId };
    },
    { validator: (r) => void openTask(r.taskId) },
  );
  setHandler(
    extendDeadlineUpdate,
    async (r) => {
      await openTask(r.taskId).extend(r.dueDate, r.actorId, r.reason);
      return { dueDate: r.dueDate };
    },
    { validator: (r) => void openTask(r.taskId) },
  );
}
