/** Jest: the whole suite against the real Temporal test server and a real PostgreSQL (PGlite or DATABASE_URL). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
    // The WASM schema engine's glue is ESM only: compile it to CommonJS for Jest.
    'schema-engine-wasm/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@prisma/schema-engine-wasm/)'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  testTimeout: 120000,
  maxWorkers: 2,
  // The Temporal SDK's native runtime is a process-wide singleton that keeps a handle
  // open after every environment and worker has been shut down.
  forceExit: true,
};
