// A schema built on its first use rather than when its module loads. Workflows use the
// rules, not the schemas: building every schema when the worker loads the domain modules
// was most of a workflow's creation cost (docs/benchmark.md). The API, the activities and
// the web app use the schema as before.

type SharedFlag = { __kaopingSharedModules?: boolean };

/**
 * Called in the workflow sandbox before the shared domain modules load
 * (workflows/sharedZod.ts): the worker freezes those modules' exports and shares them
 * between workflows, so their schemas must be stand-ins that freeze on their own.
 */
export function markSharedModules(): void {
  (globalThis as SharedFlag).__kaopingSharedModules = true;
}

/**
 * `build()` runs once, the first time anything reads the schema; until then the schema is
 * a stand-in that forwards every read, write and `instanceof` to what `build` returns.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build());
  if ((globalThis as SharedFlag).__kaopingSharedModules) return frozenSafeStandIn(schema);
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => Reflect.has(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    ownKeys: () => Reflect.ownKeys(schema()),
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    // A proxy may only report properties its (empty, extensible) target could have: configurable ones.
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

/**
 * The stand-in of a shared module: it shows no own properties, so freezing it (as the
 * worker freezes what it shares) freezes the stand-in alone, never the schema behind it,
 * which zod writes onto when first used. Reads, writes and `instanceof` reach the schema.
 */
function frozenSafeStandIn<T extends object>(schema: () => T): T {
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => Reflect.has(schema(), key),
    ownKeys: () => [],
    getOwnPropertyDescriptor: () => undefined,
    // Once frozen, a proxy must answer its target's prototype: the target takes the schema's first.
    getPrototypeOf: (target) => Reflect.getPrototypeOf(Object.isExtensible(target) ? schema() : target),
    preventExtensions: (target) => {
      Object.setPrototypeOf(target, Reflect.getPrototypeOf(schema()));
      return Reflect.preventExtensions(target);
    },
  });
}
