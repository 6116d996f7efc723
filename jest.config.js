/**
 * Jest, two lanes: `unit` (test/domain: the pure rules, seconds) and `integration` (the rest:
 * the real Temporal test server and a real PostgreSQL, PGlite or DATABASE_URL).
 * `npm test` runs both; `npm run test:unit` the first alone.
 */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
  ],
  // The WASM schema engine's glue is ESM only: compile it to CommonJS for Jest.
  'schema-engine-wasm/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
};
const common = {
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: ['/node_modules/(?!@prisma/schema-engine-wasm/)'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test/domain'], testMatch: ['**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/test/domain/'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
    },
  ],
  testTimeout: 120000,
  maxWorkers: 2,
  // The Temporal SDK's native runtime is a process-wide singleton that keeps a handle
  // open after every environment and worker has been shut down.
  forceExit: true,
};
