// Workflow code must stay compatible with the histories of workflows already running
// (a cycle lasts weeks): histories recorded by earlier versions, replayed with today's
// workflow code, must give the same commands. A change that breaks one needs `patched()`.
// test/histories holds histories exported with `temporal workflow show --output json`
// from `npm start`'s demo city (see test/histories/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { bundlePath } from './support/globalSetup';

const dir = path.join(__dirname, 'histories');
const histories = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('there are recorded histories to replay', () => {
  expect(histories.length).toBeGreaterThanOrEqual(8);
});

test.each(histories)('%s replays with the current workflow code', async (file) => {
  const history = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  await Worker.runReplayHistory({ workflowBundle: { code: fs.readFileSync(bundlePath, 'utf8') } }, history, file);
});
