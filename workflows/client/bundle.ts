// How the workflows are bundled (npm run build, the tests, a worker that bundles at start).
// The zod library is preloaded: evaluated once per worker thread and shared by every
// workflow, instead of evaluated again for each workflow the worker creates (most of a
// workflow's creation cost; docs/benchmark.md). The SDK freezes what preloaded modules
// export, which zod's library exports tolerate; schemas built by our own modules are not
// preloaded (zod writes onto a schema when first used), so each workflow still builds its own.
/** The entry point of the workflow bundle (workflows/index). */
export const workflowsPath = require.resolve('..');

/** Modules evaluated once per worker thread and shared by every workflow. */
export const preloadModules = [require.resolve('../sharedZod')];

/** The options of bundleWorkflowCode that every bundle of ours uses. */
export const workflowBundleOptions = { workflowsPath, preloadModules };
