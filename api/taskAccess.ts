// Who may read a task: its assignee, and the people who read evaluations of its county.
import type { PrismaClient } from '../prisma/database';
import { evaluationReaders } from '../domain/roles';
import { countiesInScope, type Actor } from './auth';

export async function canViewTask(
  prisma: PrismaClient,
  actor: Actor,
  task: { assigneeId: string; countyId: string },
): Promise<boolean> {
  if (task.assigneeId === actor.id) return true;
  const counties = await countiesInScope(prisma, actor, evaluationReaders);
  return counties === 'all' || counties.includes(task.countyId);
}
