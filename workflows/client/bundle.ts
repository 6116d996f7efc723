// How the workflows are bundled (npm run build, the tests, a worker that bundles at start).
// Preloaded modules are evaluated once per worker thread and shared, frozen, by every
// workflow; the rest are evaluated again for each workflow the worker creates, and held by
// it while it is cached (docs/benchmark.md). Shared: the zod library and the pure rules of
// domain/ (no state, no I/O); their schemas are stand-ins that freeze without freezing the
// schema, which zod writes onto when first used (domain/lazySchema.ts). Not shared: the
// workflows and the SDK's workflow library, which hold each workflow's own state.
/** The entry point of the workflow bundle (workflows/index). */
export const workflowsPath = require.resolve('..');

/**
 * The domain modules the workflows import (with what they import in turn).
 * `test/domain/workflowBundle.test.ts` checks that the list keeps up with the imports.
 */
export const sharedDomainModules = [
  'bottomRankCases',
  'calendar',
  'concurrency',
  'cycles',
  'fieldProblem',
  'gradeDetermination',
  'gradeQuotas',
  'incidents',
  'lazySchema',
  'objections',
  'resultsTalk',
  'taskDeadlines',
  'taskKinds',
  'templates',
] as const;

/** Modules evaluated once per worker thread and shared by every workflow; sharedZod first. */
export const preloadModules = [
  require.resolve('../stackFrames'),
  require.resolve('../sharedZod'),
  ...sharedDomainModules.map((m) => require.resolve(`../../domain/${m}`)),
];

/** The options of bundleWorkflowCode that every bundle of ours uses. */
export const workflowBundleOptions = { workflowsPath, preloadModules };
