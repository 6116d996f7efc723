// Database tooling without Prisma's native engine:
//   npm run db:migrate:create -- <name>   new migration from schema.prisma changes
//   npm run db:migrate:deploy             apply pending migrations to DATABASE_URL (or the embedded data folder)
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { applyMigrations, createMigration } from '../prisma/migrate';

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === 'create') {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: db:migrate:create -- <name in snake_case>');
    const pglite = new PGlite('memory://');
    try {
      const created = await createMigration(new PrismaPGlite(pglite), name);
      console.log(
        created ? `created prisma/migrations/${created}/migration.sql` : 'schema unchanged: no migration created',
      );
    } finally {
      await pglite.close();
    }
  } else if (command === 'deploy') {
    const url = process.env.DATABASE_URL;
    if (url) {
      const applied = await applyMigrations(new PrismaPg({ connectionString: url }));
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } else {
      const pglite = new PGlite(path.resolve(process.env.DATA_DIR ?? 'data', 'pglite'));
      try {
        const applied = await applyMigrations(new PrismaPGlite(pglite));
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await pglite.close();
      }
    }
  } else {
    throw new Error('usage: tsx scripts/db.ts create <name> | deploy');
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
