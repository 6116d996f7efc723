// Bundles the workflow code once for every test file, and builds the web app again when
// its sources (or the domain rules it imports) changed since the last build, so the
// browser tests never drive stale pages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '../../workflows/client/bundle';

export const bundlePath = path.join(__dirname, '..', '..', 'test-output', 'workflow-bundle.js');

const root = path.join(__dirname, '..', '..');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

function buildWebIfStale(): void {
  const built = path.join(root, 'api', 'web', 'dist', 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sources = [path.join(root, 'api', 'web', 'src'), path.join(root, 'domain')];
  if (Math.max(...sources.map(newestChange)) > builtAt)
    execFileSync(process.execPath, [path.join(root, 'scripts', 'buildWeb.js')], { stdio: 'inherit' });
}

export default async function globalSetup(): Promise<void> {
  buildWebIfStale();
  const { code } = await bundleWorkflowCode({
    ...workflowBundleOptions,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
  });
  fs.mkdirSync(path.dirname(bundlePath), { recursive: true });
  fs.writeFileSync(bundlePath, code);
}
