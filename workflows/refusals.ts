// Why a workflow refuses an update (a submission, an extension, a reassignment): an
// ApplicationFailure whose `type` the API maps to its status code (api/routes/tasks.ts),
// thrown from validators (nothing recorded) and handlers alike (never a plain Error,
// which would fail the workflow task instead of the update).
import { ApplicationFailure } from '@temporalio/workflow';
import type { FieldProblem } from '../domain/fieldProblem';

export const refusalTypes = [
  /** The task is submitted, closed as missing or cancelled: 409. */
  'TaskClosed',
  /** The task is not one of this workflow's (open) tasks: 409. */
  'UnknownTask',
  /** The kind takes no submission or reassignment this way: 409. */
  'NotAccepted',
  /** A field of the request is wrong; details name each field in both languages: 400. */
  'InvalidSubmission',
  /** An approval would break a grade quota; details carry the breaches: 409. */
  'QuotaExceeded',
] as const;
export type RefusalType = (typeof refusalTypes)[number];

export function refuse(type: RefusalType, message: string, details?: unknown[]): ApplicationFailure {
  return ApplicationFailure.create({ message, type, nonRetryable: true, details });
}

/** A refusal of a submission the API shows as 400, naming each field in the reader's language. */
export function invalid(problems: FieldProblem[]): ApplicationFailure {
  return refuse(
    'InvalidSubmission',
    problems.map((p) => `${p.field}: ${p.en}`).join('; '),
    problems.map((p) => ({ ...p, field: `body.${p.field}` })),
  );
}
