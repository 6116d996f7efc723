// The API contract: every HTTP route under /api is in the OpenAPI document, and the
// document names no route that does not exist.
import { createApp } from '../api/app';
import { openApiDocument } from '../api/openapi';
import type { ApiContext } from '../api/context';

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

function routesOf(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route)
      return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${prefix}${layer.route!.path}`);
    if (layer.handle.stack) {
      const mount = layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : '';
      return routesOf(layer.handle.stack, `${prefix}${mount}`);
    }
    return [];
  });
}

test('every /api route is documented at /openapi.json, and only those', () => {
  const app = createApp({} as ApiContext) as unknown as { router: { stack: Layer[] } };
  const served = new Set(
    routesOf(app.router.stack)
      .filter((r) => r.split(' ')[1]!.startsWith('/api/'))
      .map((r) => r.replace(/:(\w+)/g, '{$1}')),
  );
  const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
  const documented = new Set(
    Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
  );
  expect(served.size).toBeGreaterThan(30);
  expect([...served].filter((r) => !documented.has(r)).sort()).toEqual([]);
  expect([...documented].filter((r) => !served.has(r)).sort()).toEqual([]);
});
