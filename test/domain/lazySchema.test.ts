// Schemas are built on first use (domain/lazySchema.ts), so a workflow, which the worker
// creates by evaluating the domain modules again, builds none of them.
import { z } from 'zod';
import { lazySchema, markSharedModules } from '../../domain/lazySchema';

describe('lazySchema', () => {
  test('builds once, on the first read, and then behaves as the schema it built', () => {
    const build = jest.fn(() => z.object({ score: z.number().min(0).max(100) }));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();

    expect(schema.parse({ score: 88 })).toEqual({ score: 88 });
    expect(schema.safeParse({ score: 101 }).success).toBe(false);
    expect(schema instanceof z.ZodObject).toBe(true);
    expect(Object.keys(schema.shape)).toEqual(['score']);
    expect(build).toHaveBeenCalledTimes(1);
  });

  test('composes: inside objects, unions, refinements and JSON Schema', () => {
    const score = lazySchema(() => z.number().int().min(0).max(100));
    const approve = lazySchema(() => z.object({ decision: z.literal('approve'), score }));
    const decision = lazySchema(() =>
      z.discriminatedUnion('decision', [approve, z.object({ decision: z.literal('return'), reason: z.string() })]),
    );
    const refined = lazySchema(() => approve.refine((a) => a.score >= 60, { message: 'below 60' }));

    expect(decision.parse({ decision: 'approve', score: 70 })).toEqual({ decision: 'approve', score: 70 });
    expect(decision.safeParse({ decision: 'approve', score: 70.5 }).success).toBe(false);
    expect(refined.safeParse({ decision: 'approve', score: 59 }).error?.issues[0]?.message).toBe('below 60');
    expect(approve.extend({ comment: z.string().optional() }).parse({ decision: 'approve', score: 1 })).toBeTruthy();
    expect(z.toJSONSchema(decision, { io: 'input' })).toMatchObject({
      oneOf: [{ type: 'object' }, { type: 'object' }],
    });
  });
});

test('loading the workflow modules builds no schema', () => {
  let reads = 0;
  jest.isolateModules(() => {
    jest.doMock('zod', () => {
      const actual = jest.requireActual<object>('zod');
      return new Proxy(actual, {
        get: (target, key) => {
          if (key !== '__esModule') reads++;
          return Reflect.get(target, key);
        },
      });
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded here, under the counting zod
    require('../../workflows');
  });
  expect(reads).toBe(0);
});

describe('in a shared module (the worker preloads the domain and freezes it)', () => {
  /** What the worker does to a shared module's exports (@temporalio/worker, reusable-vm). */
  const deepFreeze = (object: object, visited = new WeakSet<object>()): object => {
    if (visited.has(object) || Object.isFrozen(object)) return object;
    visited.add(object);
    for (const key of Reflect.ownKeys(object)) {
      const value = (object as Record<PropertyKey, unknown>)[key];
      if (value && (typeof value === 'object' || typeof value === 'function')) deepFreeze(value, visited);
    }
    return Object.freeze(object);
  };
  const shared = globalThis as { __kaopingSharedModules?: boolean };
  beforeEach(() => markSharedModules());
  afterEach(() => delete shared.__kaopingSharedModules);

  test('the stand-in freezes alone: the schema behind it parses, composes and passes instanceof', () => {
    const score = lazySchema(() => z.number().int().min(0).max(100));
    const approve = lazySchema(() => z.object({ decision: z.literal('approve'), score }));
    const exported = deepFreeze({ approve, score, kinds: { approve: { schema: approve } } });

    expect(Object.isFrozen(exported)).toBe(true);
    expect(Object.isFrozen(approve)).toBe(true);
    // zod writes onto a schema when it is first used: frozen, this would throw.
    expect(approve.parse({ decision: 'approve', score: 70 })).toEqual({ decision: 'approve', score: 70 });
    expect(approve.safeParse({ decision: 'approve', score: 101 }).success).toBe(false);
    expect(approve instanceof z.ZodObject).toBe(true);
    expect(z.object({ inner: approve }).parse({ inner: { decision: 'approve', score: 1 } })).toBeTruthy();
  });
});
