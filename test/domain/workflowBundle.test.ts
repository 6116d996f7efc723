// The domain modules the workflows import are shared between workflows (preloaded once per
// worker thread, workflows/client/bundle.ts). A module left off the list would be evaluated
// again for every workflow the worker creates, and held by every cached workflow.
import fs from 'node:fs';
import path from 'node:path';
import { sharedDomainModules } from '../../workflows/client/bundle';

const root = path.join(__dirname, '..', '..');
const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/from '\.\.\/domain\/([^']+)'/g)].map((m) => m[1]!);

test('every domain module a workflow imports is preloaded, or imported by a preloaded module', () => {
  const dir = path.join(root, 'workflows');
  const imported = new Set(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => importsOf(path.join(dir, f))),
  );
  const unshared = [...imported].filter((m) => {
    const [top, sub] = m.split('/');
    if (!sharedDomainModules.includes(top as (typeof sharedDomainModules)[number])) return true;
    if (!sub) return false;
    // domain/taskKinds/x: shared if the preloaded index imports it.
    return !fs.readFileSync(path.join(root, 'domain', top!, 'index.ts'), 'utf8').includes(`from './${sub}'`);
  });
  expect(unshared).toEqual([]);
  expect(imported.size).toBeGreaterThan(10);
});
