// The task queue every workflow and activity runs on (TEMPORAL_TASK_QUEUE overrides it).
export const taskQueue = 'kaoping';
