// Fuzz: every operation of the OpenAPI document, with real ids in its path, gets bodies and
// query strings full of what users and attackers send (control characters, huge and
// negative numbers, long strings, wrong types, unknown fields, odd JSON). Nothing may
// answer 5xx or take longer than 5 s.
import { z } from 'zod';
import { operations } from '../api/openapi';
import {
  selfAssessmentOnlyTemplate,
  startHarness,
  taskAssignedTo,
  openCountyCycle,
  type Harness,
} from './support/harness';

let h: Harness;
const t: Record<string, string> = {};
let ids: Record<string, string>;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  for (const u of ['hr', 'admin', 'm001', 'head01']) t[u] = await h.login(u);
  const { cycleId, county } = await openCountyCycle(h, t.hr!, 'C01', '2026-11');
  const task = await taskAssignedTo(h, 'm001');
  const manager = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M001' } });
  const user = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'inspector01' } });
  ids = {
    cycle: cycleId,
    task: task.id,
    evaluation: task.evaluationId!,
    manager: manager.id,
    user: user.id,
    county: county.id,
  };
});
afterAll(() => h?.close());

/** Rows a request could write. */
const counts = async () => ({
  submissions: await h.db.prisma.submission.count(),
  users: await h.db.prisma.user.count(),
  managers: await h.db.prisma.manager.count(),
  customers: await h.db.prisma.retailCustomer.count(),
  cycles: await h.db.prisma.cycle.count(),
  templates: await h.db.prisma.evaluationTemplate.count(),
  payTables: await h.db.prisma.payTable.count(),
  counties: await h.db.prisma.orgUnit.count(),
});

/** A real id for the path's `{id}`, chosen by what the path is about. */
function pathFor(path: string): string {
  const kind = /\/api\/(\w[\w-]*)\//.exec(path)?.[1] ?? '';
  const byPrefix: Record<string, string> = {
    cycles: ids.cycle!,
    tasks: ids.task!,
    evaluations: ids.evaluation!,
    managers: ids.manager!,
    org: ids.manager!,
    admin: ids.user!,
    'grade-reviews': ids.cycle!,
  };
  return path
    .replace('{id}', byPrefix[kind] ?? ids.cycle!)
    .replace('{type}', 'MONTHLY')
    .replace('{token}', 'A'.repeat(32));
}

const badValues: unknown[] = [
  'a\u0000b',
  '\u0007\u001b[31m',
  'x'.repeat(20_000),
  '=HYPERLINK("http://x")',
  1e308,
  -1e308,
  -1,
  0.5,
  true,
  null,
  [],
  {},
  ['a\u0000'],
  { $gt: '' },
];

/** The top-level keys a body or query schema names (nested ones get the odd values via the key). */
function keysOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    anyOf?: Array<{ properties?: Record<string, unknown> }>;
    oneOf?: Array<{ properties?: Record<string, unknown> }>;
  };
  const all = [json, ...(json.anyOf ?? []), ...(json.oneOf ?? [])].flatMap((s) => Object.keys(s.properties ?? {}));
  return [...new Set(all)];
}

test('every operation answers odd input without a 5xx, within 5 s', async () => {
  const failures: string[] = [];
  let requests = 0;
  for (const op of operations) {
    const path = pathFor(op.path);
    const bodyKeys = keysOf(op.body);
    const queryKeys = op.query ? Object.keys(op.query.shape) : [];
    const bodies: unknown[] = op.method === 'get' ? [undefined] : [{}, [], 'text', 42, null, { unknown: 1 }];
    for (const key of bodyKeys) for (const v of badValues) bodies.push({ [key]: v });
    const queries: string[] = [''];
    for (const key of queryKeys)
      for (const v of ['a\u0000b', 'x'.repeat(5_000), '-1', '1e308', '[]', '%00'])
        queries.push(`?${key}=${encodeURIComponent(v)}`);
    const before = await counts();
    let accepted = false; // a value of the list that happens to be valid for this operation
    // Logging out would end the sessions the rest of the run uses.
    const tokens = op.path === '/api/auth/logout' ? [undefined] : [t.hr, t.admin, t.m001, undefined];
    for (const token of tokens) {
      for (const body of bodies) {
        for (const q of body === bodies[0] ? queries : ['']) {
          const started = performance.now();
          const res = await fetch(`${h.baseUrl}${path}${q}`, {
            method: op.method.toUpperCase(),
            headers: {
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          await res.arrayBuffer();
          requests++;
          const ms = performance.now() - started;
          if (op.method !== 'get' && res.status < 300) accepted = true;
          if (res.status >= 500 || ms > 5_000)
            failures.push(
              `${op.method} ${op.path}${q.slice(0, 40)} ${JSON.stringify(body)?.slice(0, 60)}: ${res.status} in ${Math.round(ms)} ms`,
            );
        }
      }
    }
    // What only refused requests met is unchanged.
    if (!accepted && JSON.stringify(await counts()) !== JSON.stringify(before))
      failures.push(`${op.method} ${op.path}: refused requests changed ${JSON.stringify(before)}`);
  }
  expect(requests).toBeGreaterThan(2_000);
  expect(failures).toEqual([]);
}, 600_000);
