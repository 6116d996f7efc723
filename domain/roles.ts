// Roles, who acts on which task, and who a late task escalates to.

export const roles = [
  'MANAGER',
  'INSPECTOR',
  'MARKETING_REVIEWER',
  'INDUSTRY_PARTNER',
  'COUNTY_HEAD',
  'CITY_APPROVER',
  'HR',
  'ADMIN',
] as const;
export type Role = (typeof roles)[number];

/** The supervisor a role's overdue task goes to: manager → county head → city approver. */
const supervisorOf: Partial<Record<Role, Role>> = {
  MANAGER: 'COUNTY_HEAD',
  INSPECTOR: 'COUNTY_HEAD',
  MARKETING_REVIEWER: 'COUNTY_HEAD',
  INDUSTRY_PARTNER: 'COUNTY_HEAD',
  COUNTY_HEAD: 'CITY_APPROVER',
  CITY_APPROVER: 'HR',
};

/** Who escalation level 1, 2, … of a task reaches: the supervisor, then theirs. */
export function escalationTarget(actor: Role, level: number): Role {
  let role: Role = actor;
  for (let i = 0; i < level; i++) role = supervisorOf[role] ?? role;
  return role;
}

/**
 * The chain of command from a role up (manager → county head → city approver → HR): who a
 * task goes to, in order, when nobody holds the role it asks for. The role itself first.
 */
export function chainOfCommand(from: Role): Role[] {
  const chain: Role[] = [from];
  for (let next = supervisorOf[from]; next && !chain.includes(next); next = supervisorOf[next]) chain.push(next);
  return chain;
}

/** County-scoped roles see one county; city-wide roles see all of them. */
export const cityWideRoles: ReadonlySet<Role> = new Set(['CITY_APPROVER', 'HR', 'ADMIN']);

/** Roles an administrator grants to staff accounts; a manager's account comes with their record. */
export const staffRoles = [
  'INSPECTOR',
  'MARKETING_REVIEWER',
  'INDUSTRY_PARTNER',
  'COUNTY_HEAD',
  'CITY_APPROVER',
  'HR',
  'ADMIN',
] as const satisfies readonly Role[];

/** A city-wide role is held over the city, every other role over one county. */
export function roleScopeKind(role: Role): 'CITY' | 'COUNTY' {
  return cityWideRoles.has(role) ? 'CITY' : 'COUNTY';
}

// Who may see what, by name (each route takes one of these, never a list of its own).
/** A county's cycles, tasks, evaluations and timelines (the managers see their own). */
export const evaluationReaders = [
  'HR',
  'CITY_APPROVER',
  'ADMIN',
  'COUNTY_HEAD',
  'INSPECTOR',
  'MARKETING_REVIEWER',
] as const satisfies readonly Role[];
/** The org: counties and their managers; industry partners see the managers they rate. */
export const orgViewers = [...evaluationReaders, 'INDUSTRY_PARTNER'] as const satisfies readonly Role[];
/** Results talk records (情感沟通): the county's leaders and the city; the manager sees their own. */
export const talkReaders = ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD'] as const satisfies readonly Role[];
/** Grades, quotas, pay and bottom-ranking cases: the county's head and the city. */
/** City analytics (全市分析): the city sees every county, a county head their own. */
export const analyticsReaders = ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD'] as const satisfies readonly Role[];
export const gradeAndPayReaders = ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD'] as const satisfies readonly Role[];
/** A manager's retail customers (never the survey answers). */
export const customerListReaders = [
  'HR',
  'ADMIN',
  'CITY_APPROVER',
  'COUNTY_HEAD',
  'MARKETING_REVIEWER',
] as const satisfies readonly Role[];
/** Who adds, moves and retires managers and their customers. */
export const managerMaintainers = ['HR', 'ADMIN'] as const satisfies readonly Role[];
/** The pay table itself (each manager's statement is for their county's head and the city). */
export const payTableReaders = ['HR', 'ADMIN'] as const satisfies readonly Role[];
/** Who reads the calendars (HR changes them). */
export const calendarReaders = ['HR', 'CITY_APPROVER', 'ADMIN'] as const satisfies readonly Role[];
/** Incidents (故障): the steps that kept failing, and their retry. */
/** Who reads complaints (投诉) of their scope; a manager reads their own, never another's. */
export const complaintReaders = [
  'HR',
  'CITY_APPROVER',
  'ADMIN',
  'COUNTY_HEAD',
  'INSPECTOR',
] as const satisfies readonly Role[];
/** Who registers and decides them: the inspection and evaluation center, which is HR here (考评中心). */
export const complaintKeepers = ['HR'] as const satisfies readonly Role[];
/** Who records a manager's visit days and check-ins besides the manager: the county's inspector (督察员). */
export const visitLogRecorders = ['INSPECTOR'] as const satisfies readonly Role[];
/** Who reviews a manager's work book week by week (按周批阅): the county's head and inspector. */
export const visitLogReviewers = ['COUNTY_HEAD', 'INSPECTOR'] as const satisfies readonly Role[];
export const incidentKeepers = ['HR', 'ADMIN'] as const satisfies readonly Role[];
