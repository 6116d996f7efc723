'use strict';
// Where the Temporal binaries are, in this order: an explicit environment variable,
// the project-local install (.tools/venv/bin), PATH. Returns undefined when not found,
// in which case callers fall back to the SDK's own download.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const kinds = {
  cli: { env: 'TEMPORAL_CLI_PATH', name: 'temporal' },
  testServer: { env: 'TEMPORAL_TEST_SERVER_PATH', name: 'temporal-test-server' },
};

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findTemporalBinary(kind) {
  const { env, name } = kinds[kind];
  const fromEnv = process.env[env];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  const local = path.join(root, '.tools', 'venv', 'bin', name);
  if (isExecutable(local)) return local;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/**
 * The dev server's settings for Kaoping: workflow updates on, and a workflow whose workflow
 * task fails twice in a row (a bug or a non-determinism after a deployment) is marked with
 * the TemporalReportedProblems search attribute, which the daily sweep lists as an incident.
 */
const devServerDynamicConfig = [
  'frontend.enableUpdateWorkflowExecution=true',
  'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
  'system.numConsecutiveWorkflowTaskProblemsToTriggerSearchAttribute=2',
].flatMap((value) => ['--dynamic-config-value', value]);

module.exports = { findTemporalBinary, devServerDynamicConfig };
