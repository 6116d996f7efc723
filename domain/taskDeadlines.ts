// When a human task (人工任务) is due, when it is reminded and when it escalates.
// The due date is a Shanghai calendar date; the task is overdue once that day ends.
import { addDays, shanghaiDate, shanghaiInstant, type CalendarDate } from './calendar';
import type { TaskPolicy } from './templates';

export type DeadlineStep =
  | { kind: 'reminder'; at: Date; daysBeforeDue: number }
  | { kind: 'escalation'; at: Date; level: 1 | 2 }
  | { kind: 'graceExpired'; at: Date };

export interface TaskDeadlines {
  dueDate: CalendarDate;
  /** End of the due date (next midnight, Shanghai): overdue from this instant. */
  dueAt: Date;
  /** Every step, in time order. */
  steps: DeadlineStep[];
}

/** The instant a task with this due date becomes overdue: the next midnight, Shanghai. */
export function dueAtOf(dueDate: CalendarDate): Date {
  return shanghaiInstant(addDays(dueDate, 1));
}

/** Days an actor always gets, even when a stage opens late or after a return. */
export const minimumDaysToAct = 2;

/**
 * The due date `dueOffsetDays` after the cycle opened (`anchor`; by default the day the
 * task opened), but never less than `minimumDaysToAct` days after the task opened.
 */
export function dueDateFor(openedAt: Date, dueOffsetDays: number, anchor: Date = openedAt): CalendarDate {
  const fromAnchor = addDays(shanghaiDate(anchor), dueOffsetDays);
  const earliest = addDays(shanghaiDate(openedAt), minimumDaysToAct);
  return fromAnchor > earliest ? fromAnchor : earliest;
}

/**
 * Reminders at `reminderHour` on the days before the due date (and on it), skipping
 * any already past when the task opened; escalation to the supervisor once overdue;
 * again, one level further up, when the grace period ends, when the policy applies.
 */
export function planTaskDeadlines(
  openedAt: Date,
  dueDate: CalendarDate,
  policy: Pick<TaskPolicy, 'reminderDaysBeforeDue' | 'graceDays'>,
  reminderHour: number,
): TaskDeadlines {
  const dueAt = dueAtOf(dueDate);
  const reminders: DeadlineStep[] = [...new Set(policy.reminderDaysBeforeDue)]
    .sort((a, b) => b - a)
    .map((daysBeforeDue) => ({
      kind: 'reminder' as const,
      daysBeforeDue,
      at: shanghaiInstant(addDays(dueDate, -daysBeforeDue), reminderHour),
    }))
    .filter((step) => step.at.getTime() > openedAt.getTime() && step.at.getTime() < dueAt.getTime());
  const graceEnd = new Date(dueAt.getTime() + policy.graceDays * 24 * 60 * 60 * 1000);
  return {
    dueDate,
    dueAt,
    steps: [
      ...reminders,
      { kind: 'escalation', level: 1, at: dueAt },
      { kind: 'escalation', level: 2, at: graceEnd },
      { kind: 'graceExpired', at: graceEnd },
    ],
  };
}
