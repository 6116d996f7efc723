// A fresh, migrated database for one test file: in-memory PGlite by default; with
// DATABASE_URL, a new database on that server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { openDatabase, type Database } from '../../prisma/database';

export interface TestDatabase extends Database {
  /** A URL another process can use (only for PostgreSQL servers). */
  url?: string;
}

export interface SharedTestDatabase extends TestDatabase {
  url: string;
  /**
   * An outage as a database restart looks to its clients: every connection is cut, and new
   * ones are refused for `ms`; open transactions are rolled back. The test's own client is
   * cut too.
   */
  interrupt(ms: number): Promise<void>;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function asAdmin(serverUrl: string, ...statements: string[]): Promise<void> {
  const admin = new PgClient({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const sql of statements) await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createServerDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void>; interrupt(ms: number): Promise<void> }> {
  const name = `kaoping_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await asAdmin(serverUrl, `CREATE DATABASE ${name}`);
  return {
    url: withDatabaseName(serverUrl, name),
    // The server is shared by the other test files: only this database goes away.
    async interrupt(ms) {
      await asAdmin(
        serverUrl,
        `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
      );
      await new Promise((r) => setTimeout(r, ms));
      await asAdmin(serverUrl, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    },
    drop: () => asAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A new, migrated database on the PostgreSQL server at `serverUrl`, dropped on close. */
async function serverTestDatabase(serverUrl: string): Promise<SharedTestDatabase> {
  const created = await createServerDatabase(serverUrl);
  const db = await openDatabase({ kind: 'postgres', url: created.url }, { migrate: true, poolSize: 5 });
  return {
    ...db,
    url: created.url,
    interrupt: created.interrupt,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ kind: 'pglite', dataDir: 'memory://' }, { migrate: true });
  return serverTestDatabase(serverUrl);
}

/**
 * A database other processes can reach too (for a worker in a child process): the
 * server of DATABASE_URL, or in-memory PGlite served over the PostgreSQL protocol
 * (pglite-socket), which the test itself also uses through adapter-pg.
 */
export async function openSharedTestDatabase(): Promise<SharedTestDatabase> {
  if (process.env.DATABASE_URL) return serverTestDatabase(process.env.DATABASE_URL);
  const { PGlite } = await import('@electric-sql/pglite');
  const { sequenceSafePGliteServer } = await import('./pgliteSocket');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const { applyMigrations } = await import('../../prisma/migrate');
  const pglite = new PGlite('memory://');
  await applyMigrations(new PrismaPGlite(pglite));
  let server = sequenceSafePGliteServer(pglite);
  await server.start();
  const conn = server.getServerConn();
  const url = `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`;
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 4 });
  return {
    ...db,
    url,
    async interrupt(ms) {
      await server.stop();
      // A server aborts the transactions of the connections it lost.
      if (pglite.isInTransaction()) await pglite.exec('ROLLBACK');
      await new Promise((r) => setTimeout(r, ms));
      server = sequenceSafePGliteServer(pglite, Number(conn.split(':').pop()));
      await server.start();
    },
    async close() {
      await db.close();
      await server.stop();
      await pglite.close();
    },
  };
}
