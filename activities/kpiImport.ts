// The rows of a checked KPI file, submitted to the managers' evaluation workflows.
import { heartbeat } from '@temporalio/activity';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { submitTaskUpdate } from '../workflows/humanTask.messages';
import type { KpiImportRow, KpiImportRowResult } from '../workflows/kpiImport.messages';
import type { RefusalType } from '../workflows/refusals';
import type { ActivityDeps } from './deps';

/** Refusals that no retry changes: the row is reported, the file goes on. */
const finalRefusals: RefusalType[] = ['TaskClosed', 'NotAccepted', 'InvalidSubmission'];

/** Why an update was refused for good, or undefined when it may go through later (then thrown). */
function finalRefusal(err: unknown): string | undefined {
  if (err instanceof WorkflowNotFoundError) return 'the evaluation has ended';
  if (!(err instanceof WorkflowUpdateFailedError) || !(err.cause instanceof ApplicationFailure)) return undefined;
  return finalRefusals.includes(err.cause.type as RefusalType) ? err.cause.message : undefined;
}

export function kpiImportActivities({ temporal }: ActivityDeps) {
  return {
    /**
     * A page of rows, one update each with the file's key: a retry after a crash or an
     * outage submits nothing twice. A task not yet taken by its workflow is retried.
     */
    async applyKpiImportRows(input: {
      requestId: string;
      submittedById: string;
      rows: KpiImportRow[];
    }): Promise<KpiImportRowResult[]> {
      const results: KpiImportRowResult[] = [];
      for (const row of input.rows) {
        heartbeat(row.line);
        const { line, employeeNo } = row;
        try {
          const done = await temporal.workflow.getHandle(row.workflowId).executeUpdate(submitTaskUpdate, {
            args: [
              {
                taskId: row.taskId,
                requestId: input.requestId,
                submittedById: input.submittedById,
                payload: row.payload,
              },
            ],
            updateId: `submit:${row.taskId}:${input.requestId}`,
          });
          results.push({ line, employeeNo, outcome: done.outcome, submissionId: done.submissionId });
        } catch (err) {
          const reason = finalRefusal(err);
          if (reason === undefined) throw err;
          results.push({ line, employeeNo, outcome: 'notAccepted', reason });
        }
      }
      return results;
    },
  };
}
