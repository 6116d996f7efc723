// The append-only audit log: who did what, when. Entries written by retried
// activities carry a dedupe key so a retry never records an event twice.
import type { Prisma } from '../generated/prisma/client';

export interface AuditEntry {
  /** When it happened; omitted: now (the database's clock). Activities pass the workflow's time. */
  at?: Date;
  actorId: string | null; // null: the system (a timer, a policy)
  action: string;
  entityType: string;
  entityId: string;
  cycleId?: string | null;
  details?: Prisma.InputJsonValue;
  dedupeKey?: string;
}

/** Any client that can write the log: the PrismaClient or a transaction. */
type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

/** Records the entry; returns false when an entry with the same dedupe key already exists. */
export async function recordAudit(tx: AuditWriter, entry: AuditEntry): Promise<boolean> {
  if (entry.dedupeKey) {
    const created = await tx.auditLog.createMany({ data: [entry], skipDuplicates: true });
    return created.count === 1;
  }
  await tx.auditLog.create({ data: entry });
  return true;
}
