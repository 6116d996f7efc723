// Who holds a role over a county: its own holders and the city's, active accounts only,
// in username order (the first is who a task of that role goes to).
import type { Role } from '../domain/roles';
import type { Tx } from './database';

export async function roleHolders(
  tx: Pick<Tx, 'orgUnit' | 'userRole'>,
  role: Role,
  countyId: string,
): Promise<string[]> {
  const county = await tx.orgUnit.findUniqueOrThrow({ where: { id: countyId } });
  const scopes = [countyId, ...(county.parentId ? [county.parentId] : [])];
  const holders = await tx.userRole.findMany({
    where: { role, orgUnitId: { in: scopes }, user: { active: true } },
    select: { userId: true },
    orderBy: { user: { username: 'asc' } },
  });
  return [...new Set(holders.map((h) => h.userId))];
}
