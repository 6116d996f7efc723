// A schema built on its first use rather than when its module loads. The worker evaluates
// the domain modules again for every workflow it creates, and workflows use the rules, not
// the schemas: building every schema at load was most of a workflow's creation cost
// (docs/benchmark.md). The API, the activities and the web app use the schema as before.

/**
 * `build()` runs once, the first time anything reads the schema; until then the schema is
 * a stand-in that forwards every read, write and `instanceof` to what `build` returns.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build());
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
