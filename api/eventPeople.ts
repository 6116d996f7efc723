// The people and counties an audit trail names by id (actors, assignees, from/to), so a
// page can say who did what, and where, without another request per event.
import type { PrismaClient } from '../prisma/database';

const uuid = /^[0-9a-f-]{36}$/;

export async function peopleOf(
  prisma: PrismaClient,
  events: { actorId: string | null; details: unknown }[],
): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.actorId) ids.add(e.actorId);
    const d = (e.details ?? {}) as Record<string, unknown>;
    for (const v of [d.assigneeId, d.from, d.to, ...(Array.isArray(d.to) ? (d.to as unknown[]) : [])])
      if (typeof v === 'string' && uuid.test(v)) ids.add(v);
  }
  const users = await prisma.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, displayName: true },
  });
  return Object.fromEntries(users.map((u) => [u.id, u.displayName]));
}
