// openCycleWorkflow: its id, request and result.
import type { CycleType } from '../domain/cycles';

/** One opening per type, period and scope, however often HR asks. */
export const openCycleWorkflowId = (type: string, period: string, scopeId: string) =>
  `open-cycle-${type}-${period}-${scopeId}`;

/** Open a cycle (by HR through the API, or by the calendar). */
export interface OpenCycleRequest {
  type: CycleType;
  period: string;
  scopeId: string;
  openedById: string | null;
}
export interface OpenCycleResult {
  cycleId: string;
  created: boolean;
}
