// evaluationCycleWorkflow: its id, input, query and signal.
import { defineQuery, defineSignal } from '@temporalio/workflow';

/** A cycle: its type, period and scope (the city or a county) by code. */
export const cycleWorkflowId = (type: string, period: string, scopeCode: string) =>
  `cycle-${type}-${period}-${scopeCode}`;

export interface EvaluationCycleInput {
  cycleId: string;
}

export const cycleStatusQuery = defineQuery<{ phase: string; evaluations: number; started: number }>('cycleStatus');
/** A county of the cycle moved on (its evaluations scored, its results published): look again now. */
export const cycleProgressedSignal = defineSignal('cycleProgressed');
