// Workflow time: inside a workflow Date.now() is the workflow's own clock (deterministic
// on replay), so these are safe to call anywhere in workflow code.
export const now = (): Date => new Date(Date.now());
export const nowIso = (): string => now().toISOString();
