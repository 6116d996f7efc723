// managerJoinWorkflow: its id and input.
export const managerJoinWorkflowId = (managerId: string) => `manager-join-${managerId}`;

/** A manager who joined: they join every cycle already open whose county review has not started. */
export interface ManagerJoinInput {
  managerId: string;
  actorId: string;
}
