// A county's KPI file (营销部审核导入), applied as one durable job: ids, input and result.
export const kpiImportWorkflowId = (cycleId: string, importKey: string) => `kpi-import-${cycleId}-${importKey}`;

/** One checked row: the marketing review for one manager's open task. */
export interface KpiImportRow {
  line: number;
  employeeNo: string;
  taskId: string;
  /** The manager's evaluation workflow, which takes the submission. */
  workflowId: string;
  payload: unknown;
}

export interface KpiImportInput {
  cycleId: string;
  /** The file's key: each row's submission is idempotent by it. */
  requestId: string;
  submittedById: string;
  rows: KpiImportRow[];
}

export interface KpiImportRowResult {
  line: number;
  employeeNo: string;
  /** accepted now, duplicate (sent before), notAccepted (the task closed after the file was checked). */
  outcome: 'accepted' | 'duplicate' | 'notAccepted';
  submissionId?: string;
  reason?: string;
}

export interface KpiImportResult {
  rows: KpiImportRowResult[];
}
