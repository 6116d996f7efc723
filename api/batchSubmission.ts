// A checked batch of submissions (a KPI file, the inspector's grid) applied as one durable
// job (kpiImportWorkflow): every row reaches its task's workflow, idempotent by the batch's
// key, retried through outages, never half. The answer waits a moment for the job: 201
// with each row's outcome, or 202 when it is still going (the rows show as they land).
import type { Response } from 'express';
import { startWorkflowOnce } from '../workflows/client/startOnce';
import { kpiImportWorkflow } from '../workflows/kpiImport';
import { kpiImportWorkflowId, type KpiImportRow, type KpiImportRowResult } from '../workflows/kpiImport.messages';
import type { ApiContext } from './context';
import { resultWithin } from './workflowUpdates';

export interface Batch {
  cycleId: string;
  /** One job per key: the same batch sent again joins it. */
  key: string;
  /** Each row's submission is idempotent by it. */
  requestId: string;
  submittedById: string;
  rows: KpiImportRow[];
  /** Rows whose task was submitted before: reported as duplicates, not sent. */
  already: KpiImportRowResult[];
}

export async function applyBatch(ctx: ApiContext, res: Response, batch: Batch): Promise<void> {
  if (batch.rows.length === 0) {
    res.status(201).json(batchSummary(batch.already));
    return;
  }
  const handle = await startWorkflowOnce(ctx.temporal, kpiImportWorkflow, {
    workflowId: kpiImportWorkflowId(batch.cycleId, batch.key),
    taskQueue: ctx.taskQueue,
    args: [
      { cycleId: batch.cycleId, requestId: batch.requestId, submittedById: batch.submittedById, rows: batch.rows },
    ],
  });
  const done = await resultWithin(handle.result());
  // 202: accepted as a whole; every row goes in, the submissions show as they do.
  if (!done) {
    res.status(202).json({ pending: true, importId: batch.key, rows: batch.rows.length });
    return;
  }
  res.status(201).json(batchSummary([...batch.already, ...done.rows]));
}

function batchSummary(rows: KpiImportRowResult[]) {
  const sorted = [...rows].sort((a, b) => a.line - b.line);
  return {
    imported: sorted.filter((r) => r.outcome === 'accepted').length,
    alreadySubmitted: sorted.filter((r) => r.outcome === 'duplicate').length,
    notAccepted: sorted.filter((r) => r.outcome === 'notAccepted').length,
    rows: sorted,
  };
}
