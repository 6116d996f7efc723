// How many frames a stack trace keeps inside the workflow sandbox. The SDK records a stack
// for every promise a workflow creates (for Temporal's stack-trace query), maps each frame
// through the bundle's source map, and keeps it while the promise is pending: a cached
// workflow holds hundreds. A few frames still say where a workflow waits and where an
// error came from. Preloaded first (workflows/client/bundle.ts), before the SDK freezes
// the sandbox's globals.
export const workflowStackFrames = 4;
Error.stackTraceLimit = workflowStackFrames;
