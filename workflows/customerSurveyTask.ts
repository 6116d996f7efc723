// The customer survey inside a manager's evaluation: invite a sample of retail
// customers, remind those who have not answered, close early once all have answered,
// and at the due date close with the score, or apply the template's policy when too
// few answered (extend the survey, or close it as missing).
import { ApplicationFailure, condition } from '@temporalio/workflow';
import { addDays, shanghaiDate } from '../domain/calendar';
import { dueAtOf, dueDateFor, planTaskDeadlines } from '../domain/taskDeadlines';
import type { TemplateConfig } from '../domain/templates';
import { acts } from './activities';
import type { EvaluationTask } from './humanTask';
import type { SubmitTaskResult, TaskState } from './humanTask.messages';
import { customerSurvey } from '../domain/taskKinds/customerSurvey';
import { refuse } from './refusals';
import { now, nowIso } from './clock';
import { deliver } from './delivery';

export class CustomerSurveyTask implements EvaluationTask {
  readonly state: TaskState = {
    kind: customerSurvey.kind,
    phase: 'OPENING',
    remindersSent: 0,
    escalationLevel: 0,
    extensions: 0,
  };
  private answered = false;
  private replan = false;

  constructor(
    private readonly evaluationId: string,
    private readonly template: TemplateConfig,
  ) {}

  get done(): boolean {
    return (
      this.state.phase === 'SUBMITTED' || this.state.phase === 'CLOSED_MISSING' || this.state.phase === 'CANCELLED'
    );
  }

  private get policy() {
    const policy = this.template.tasks[customerSurvey.kind];
    if (!policy) throw ApplicationFailure.nonRetryable(`template has no policy for ${customerSurvey.kind}`);
    return policy;
  }

  /** A customer answered (signalled by the API): the survey may be complete. */
  noteAnswer(): void {
    this.answered = true;
  }

  /** Waits until `at`; closes the survey early if every customer answered meanwhile. */
  private async waitUntil(at: Date): Promise<void> {
    for (;;) {
      const wait = at.getTime() - Date.now();
      if (wait > 0) await condition(() => this.done || this.replan || this.answered, wait);
      if (this.done || this.replan || !this.answered) return;
      this.answered = false;
      const r = await acts.closeCustomerSurvey({ taskId: this.state.taskId!, at: nowIso(), onlyIfComplete: true });
      if (r.outcome === 'scored') this.state.phase = 'SUBMITTED';
    }
  }

  async run(): Promise<void> {
    const openedAt = now();
    const dueDate = dueDateFor(openedAt, this.policy.dueOffsetDays);
    const opened = await acts.openCustomerSurvey({
      evaluationId: this.evaluationId,
      at: openedAt.toISOString(),
      dueDate,
      dueAt: dueAtOf(dueDate).toISOString(),
    });
    Object.assign(this.state, { taskId: opened.taskId, dueDate, phase: 'OPEN' });
    await deliver(opened.outboxIds);

    let planFrom = openedAt;
    for (;;) {
      this.replan = false;
      const plan = planTaskDeadlines(planFrom, this.state.dueDate!, this.policy, this.template.reminderHour);
      for (const step of plan.steps.filter((s) => s.kind === 'reminder')) {
        await this.waitUntil(step.at);
        if (this.done) return;
        if (this.replan) break;
        const r = await acts.remindSurveyCustomers({
          taskId: this.state.taskId!,
          at: nowIso(),
          dueDate: plan.dueDate,
          daysBeforeDue: step.kind === 'reminder' ? step.daysBeforeDue : 0,
        });
        this.state.remindersSent++;
        await deliver(r.outboxIds);
      }
      if (!this.replan) await this.waitUntil(plan.dueAt);
      if (this.done) return;
      if (this.replan) {
        planFrom = now();
        continue;
      }

      // The survey's last day has ended.
      const r = await acts.closeCustomerSurvey({ taskId: this.state.taskId!, at: nowIso(), onlyIfComplete: false });
      if (r.outcome === 'scored' || r.outcome === 'notOpen') {
        this.state.phase = 'SUBMITTED';
        return;
      }
      if (this.policy.afterGrace === 'extend' && this.state.extensions < this.policy.maxExtensions) {
        const extended = addDays(shanghaiDate(now()), this.policy.extendDays);
        await acts.extendTaskDeadline({
          taskId: this.state.taskId!,
          at: nowIso(),
          dueDate: extended,
          dueAt: dueAtOf(extended).toISOString(),
          actorId: null,
          reason: 'policy:extend (too few answers)',
        });
        this.state.extensions++;
        this.state.dueDate = extended;
        planFrom = now();
        continue;
      }
      const closed = await acts.closeTaskAsMissing({ taskId: this.state.taskId!, at: nowIso() });
      this.state.phase = closed.closed ? 'CLOSED_MISSING' : 'SUBMITTED';
      return;
    }
  }

  validateSubmission(): void {
    throw refuse('NotAccepted', 'the customer survey is answered by the customers through their personal links');
  }

  submit(): Promise<SubmitTaskResult> {
    throw refuse('NotAccepted', 'the customer survey takes no submission');
  }

  cancel(): void {
    if (!this.done) this.state.phase = 'CANCELLED';
  }

  async reassign(): Promise<void> {
    throw refuse('NotAccepted', 'the customer survey is answered by customers: there is no one to reassign it to');
  }

  /** HR moves the survey's last day: links live longer and reminders are re-planned. */
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
