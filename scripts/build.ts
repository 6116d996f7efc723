// `npm run build`: the production build in dist/. TypeScript compiled to CommonJS, the
// workflows bundled once (the worker loads the bundle instead of bundling at start), and
// what the compiled code reads beside itself: the migrations and schema, the web app.
// `npm run api`, `npm run worker` and `npm run migrate` then run plain node on dist/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '../workflows/client/bundle';

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');

function step(name: string, run: () => void | Promise<void>) {
  const started = Date.now();
  return Promise.resolve(run()).then(() =>
    console.log(`build: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  );
}

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  await step('TypeScript compiled into dist/', () => {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  });
  await step('workflows bundled into dist/workflows/bundle.js', async () => {
    const { code } = await bundleWorkflowCode({
      ...workflowBundleOptions,
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
    });
    fs.writeFileSync(path.join(dist, 'workflows', 'bundle.js'), code);
  });
  await step('web app built and copied', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'buildWeb.js')], { cwd: root, stdio: 'inherit' });
    const web = path.join(root, 'api', 'web', 'dist');
    if (!fs.existsSync(path.join(web, 'index.html')))
      throw new Error('api/web/dist has no build: run npm install first');
    fs.cpSync(web, path.join(dist, 'api', 'web', 'dist'), { recursive: true });
  });
  await step('migrations and schema copied', () => {
    fs.cpSync(path.join(root, 'prisma', 'migrations'), path.join(dist, 'prisma', 'migrations'), { recursive: true });
    fs.copyFileSync(path.join(root, 'prisma', 'schema.prisma'), path.join(dist, 'prisma', 'schema.prisma'));
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
