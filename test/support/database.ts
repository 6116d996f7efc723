// A fresh, migrated database for one test file: in-memory PGlite by default; with
// DATABASE_URL, a new database on that server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { openDatabase, type Database } from '../../prisma/database';

export interface TestDatabase extends Database {
  /** A URL another process can use (only for PostgreSQL servers). */
  url?: string;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kaoping_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new PgClient({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabaseName(serverUrl, name),
    async drop() {
      const c = new PgClient({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ kind: 'pglite', dataDir: 'memory://' }, { migrate: true });
  const created = await createServerDatabase(serverUrl);
  const db = await openDatabase({ kind: 'postgres', url: created.url }, { migrate: true, poolSize: 5 });
  return {
    ...db,
    url: created.url,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}

/**
 * A database other processes can reach too (for a worker in a child process): the
 * server of DATABASE_URL, or in-memory PGlite served over the PostgreSQL protocol
 * (pglite-socket), which the test itself also uses through adapter-pg.
 */
export async function openSharedTestDatabase(): Promise<TestDatabase & { url: string }> {
  if (process.env.DATABASE_URL) {
    const db = await openTestDatabase();
    return db as TestDatabase & { url: string };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { sequenceSafePGliteServer } = await import('./pgliteSocket');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const { applyMigrations } = await import('../../prisma/migrate');
  const pglite = new PGlite('memory://');
  await applyMigrations(new PrismaPGlite(pglite));
  const server = sequenceSafePGliteServer(pglite);
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 4 });
  return {
    ...db,
    url,
    async close() {
      await db.close();
      await server.stop();
      await pglite.close();
    },
  };
}
