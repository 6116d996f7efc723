// A checked batch of submissions (a KPI file, the inspector's grid) is applied as one job
// that does not stop half-way: every row goes to its manager's evaluation (a workflow update, idempotent by the file's key), page by page,
// retried through outages; a step that keeps failing is an incident, not a half import.
import { batchActs } from './activities';
import { setIncidentScope } from './incidents';
import type { KpiImportInput, KpiImportResult, KpiImportRowResult } from './kpiImport.messages';

const pageSize = 25;

export async function kpiImportWorkflow(input: KpiImportInput): Promise<KpiImportResult> {
  setIncidentScope({ cycleId: input.cycleId });
  const rows: KpiImportRowResult[] = [];
  for (let i = 0; i < input.rows.length; i += pageSize) {
    const page = input.rows.slice(i, i + pageSize);
    rows.push(
      ...(await batchActs.applyKpiImportRows({
        requestId: input.requestId,
        submittedById: input.submittedById,
        rows: page,
      })),
    );
  }
  return { rows };
}
