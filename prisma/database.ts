// Opens the database: the PostgreSQL server named by a URL (adapter-pg), or embedded
// PGlite in-process (a data folder, or memory:// for tests).
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient, type Prisma } from '../generated/prisma/client';
import { applyMigrations } from './migrate';

export type { PrismaClient };

/** A transaction's client (inside prisma.$transaction). */
export type Tx = Prisma.TransactionClient;

/** Under load a transaction may wait for a pooled connection; Temporal retries past this. */
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface Database {
  prisma: PrismaClient;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations first (embedded use and tests; production runs `db:migrate:deploy`). */
  migrate?: boolean;
  /** Connection-pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === 'postgres') {
    const factory = new PrismaPg({ connectionString: target.url, max: options.poolSize ?? 20 });
    if (options.migrate) await applyMigrations(factory);
    const prisma = new PrismaClient({ adapter: factory, transactionOptions });
    return { prisma, target, close: () => prisma.$disconnect() };
  }
  const pglite = new PGlite(target.dataDir);
  await pglite.waitReady;
  const factory = new PrismaPGlite(pglite);
  if (options.migrate) await applyMigrations(factory);
  const prisma = new PrismaClient({ adapter: factory, transactionOptions });
  return {
    prisma,
    target,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close(); // $disconnect leaves PGlite open and the process hanging
    },
  };
}
