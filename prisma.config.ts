import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The native schema engine cannot be downloaded on offline machines. `prisma generate`
// only needs *an* executable here; migrations go through the WebAssembly schema engine
// (scripts/db.ts: `npm run db:migrate:create`, `npm run db:migrate:deploy`).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'scripts', 'schemaEngineOffline');

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/kaoping' },
});
