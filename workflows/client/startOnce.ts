// Starting a workflow once, from the API or an activity: by function reference (typed
// arguments), with explicit id policies. A run with the same id that is running is
// used as it is; one that has finished is not started again.
import type { Client, WorkflowHandle, WorkflowStartOptions } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, type Workflow } from '@temporalio/common';

export interface StartOnceOptions<T extends Workflow> {
  workflowId: string;
  taskQueue: string;
  args: Parameters<T>;
}

/** Starts `workflow` under `workflowId` unless a run with that id exists; returns its handle. */
export async function startWorkflowOnce<T extends Workflow>(
  client: Client,
  workflow: T,
  options: StartOnceOptions<T>,
): Promise<WorkflowHandle<T>> {
  try {
    const start = {
      workflowId: options.workflowId,
      taskQueue: options.taskQueue,
      args: options.args,
      workflowIdConflictPolicy: 'USE_EXISTING', // running: attach to it
      workflowIdReusePolicy: 'REJECT_DUPLICATE', // finished: never run twice
    } as unknown as WorkflowStartOptions<T>; // the SDK types args by a conditional type TS cannot narrow here
    return await client.workflow.start(workflow, start);
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return client.workflow.getHandle<T>(options.workflowId);
  }
}
