// HR's reminder now (催办) of a set of open tasks: ids, input and result.
export const remindNowWorkflowId = (requestId: string) => `remind-now-${requestId}`;

export interface RemindNowInput {
  taskIds: string[];
  actorId: string;
  /** HR's note, in the mail. */
  note?: string;
  at: string;
}

export interface RemindNowResult {
  /** Tasks whose assignee was mailed now. */
  reminded: string[];
  /** Not open any more, or reminded by hand within the hour already. */
  skipped: string[];
}
