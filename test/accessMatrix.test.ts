// The access matrix: one declared policy (who may read what, in their own county or the
// whole city), every cell asserted against the running API. A cell is allowed (2xx) or
// refused (403); the subjects live in county A (C01), so county B's people are "other scope".
import {
  openCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  taskAssignedTo,
  type Harness,
} from './support/harness';

let h: Harness;
const t: Record<string, string> = {};
const people = [
  'hr',
  'approver',
  'admin',
  'head01', // county A's head
  'head02', // county B's head: another scope
  'inspector01',
  'reviewer01',
  'partner02', // county B's partner
  'm001', // the manager the subjects belong to
  'm002', // another manager of county A
] as const;
type Person = (typeof people)[number];

let paths: Record<string, string>;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  for (const u of people) t[u] = await h.login(u);
  const { cycleId } = await openCountyCycle(h, t.hr!, 'C01', '2026-11');
  const task = await taskAssignedTo(h, 'm001');
  const m001 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M001' } });
  const complaint = await h.api('POST', '/api/complaints', {
    token: t.hr,
    body: {
      managerId: m001.id,
      channel: 'PHONE',
      kind: 'ATTITUDE',
      receivedOn: new Date().toISOString().slice(0, 10),
      customerName: '城关便利店',
      content: '服务态度生硬。',
    },
  });
  paths = {
    cycle: cycleId,
    task: task.id,
    evaluation: task.evaluationId!,
    manager: m001.id,
    complaint: complaint.body.id,
  };
});
afterAll(() => h?.close());

const cityWide: Person[] = ['hr', 'approver', 'admin'];
const countyAStaff: Person[] = ['head01', 'inspector01', 'reviewer01'];

/** GET operations: who is allowed; everyone else is refused with 403. */
const policy: Array<{ path: (p: Record<string, string>) => string; allowed: Person[] }> = [
  { path: () => '/api/cycles', allowed: [...cityWide, ...countyAStaff, 'head02'] },
  // County B's head lists cycles (theirs), but county A's cycle is not theirs to read.
  { path: (p) => `/api/cycles/${p.cycle}/status`, allowed: [...cityWide, ...countyAStaff] },
  { path: (p) => `/api/cycles/${p.cycle}/results`, allowed: [...cityWide, ...countyAStaff] },
  { path: (p) => `/api/tasks/${p.task}`, allowed: [...cityWide, ...countyAStaff, 'm001'] },
  { path: (p) => `/api/tasks/${p.task}/timeline`, allowed: [...cityWide, ...countyAStaff, 'm001'] },
  { path: (p) => `/api/tasks/${p.task}/context`, allowed: [...cityWide, ...countyAStaff, 'm001'] },
  { path: (p) => `/api/evaluations/${p.evaluation}`, allowed: [...cityWide, ...countyAStaff, 'm001'] },
  // The result sheet (考评表) as its page: whoever reads the result; a county's sheets: whoever reads its results.
  { path: (p) => `/api/evaluations/${p.evaluation}/sheet`, allowed: [...cityWide, ...countyAStaff, 'm001'] },
  { path: (p) => `/api/cycles/${p.cycle}/sheets`, allowed: [...cityWide, ...countyAStaff] },
  { path: (p) => `/api/managers/${p.manager}/timeline`, allowed: [...cityWide, ...countyAStaff, 'm001'] },
  { path: (p) => `/api/org/managers/${p.manager}/customers`, allowed: [...cityWide, 'head01', 'reviewer01'] },
  { path: () => '/api/org/managers', allowed: [...cityWide, ...countyAStaff, 'head02', 'partner02'] },
  { path: () => '/api/grade-quotas', allowed: [...cityWide, 'head01', 'head02'] },
  { path: () => '/api/grade-changes', allowed: [...cityWide, 'head01', 'head02'] },
  { path: () => '/api/bottom-rank-cases', allowed: [...cityWide, 'head01', 'head02'] },
  // A manager reads their own statement (checked below: only their own).
  { path: () => '/api/pay/statements?month=2026-11', allowed: [...cityWide, 'head01', 'head02', 'm001', 'm002'] },
  { path: () => '/api/pay-tables', allowed: ['hr', 'admin'] },
  { path: () => '/api/admin/users', allowed: ['hr', 'admin'] },
  { path: () => '/api/calendars', allowed: cityWide },
  // Objections and results talks: a manager lists their own, a county its county's (B's head an empty list).
  {
    path: () => '/api/objections',
    allowed: [...cityWide, ...countyAStaff, 'head02', 'm001', 'm002'],
  },
  { path: () => '/api/results-talks', allowed: [...cityWide, 'head01', 'head02', 'm001', 'm002'] },
  // Complaints (投诉): the center, the city, the county's head and inspector; a manager their own.
  { path: () => '/api/complaints', allowed: [...cityWide, 'head01', 'inspector01', 'head02', 'm001', 'm002'] },
  { path: (p) => `/api/complaints/${p.complaint}`, allowed: [...cityWide, 'head01', 'inspector01', 'm001'] },
  // The analysis is the center's and the counties' (B's head: county B's figures), never a manager's.
  { path: () => '/api/complaints/analysis', allowed: [...cityWide, 'head01', 'inspector01', 'head02'] },
  // The visit log (工作本): the manager's own, and whoever reads the county's evaluations.
  { path: (p) => `/api/visit-log?managerId=${p.manager}`, allowed: [...cityWide, ...countyAStaff, 'm001'] },
  { path: (p) => `/api/visit-log/facts?cycleId=${p.cycle}`, allowed: [...cityWide, ...countyAStaff, 'head02'] },
  // Incidents (stalled workflow steps) are for HR and the admin, who can retry them.
  { path: () => '/api/incidents', allowed: ['hr', 'admin'] },
  // The rules people are evaluated by (weights, deadlines) are open to everyone signed in.
  { path: () => '/api/templates', allowed: [...people] },
  // Everyone reads their own notices (the bell); nobody another's (checked below).
  { path: () => '/api/notices', allowed: [...people] },
];

test('every cell of the access matrix', async () => {
  const wrong: string[] = [];
  for (const rule of policy) {
    const path = rule.path(paths);
    for (const person of people) {
      const res = await h.api('GET', path, { token: t[person] });
      const allowed = rule.allowed.includes(person);
      const ok = allowed ? res.status >= 200 && res.status < 300 : res.status === 403;
      if (!ok)
        wrong.push(
          `${person} GET ${path.replace(/[0-9a-f-]{36}/g, ':id')}: ${res.status} (${allowed ? 'allowed' : 'refused'})`,
        );
    }
    expect((await h.api('GET', path)).status).toBe(401);
  }
  expect(wrong).toEqual([]);

  // Scope inside an allowed cell: a manager's pay statements are their own, a county
  // head's their county's.
  const statements = async (who: Person) =>
    (await h.api('GET', '/api/pay/statements?month=2026-11', { token: t[who] })).body.statements.map(
      (s: { employeeNo: string }) => s.employeeNo,
    );
  expect(await statements('m001')).toEqual(['M001']);
  // The cycle's status counted within the county head's scope gives HR's counts (C01's cycle).
  const status = async (who: Person) =>
    (await h.api('GET', `/api/cycles/${paths.cycle}/status`, { token: t[who] })).body;
  const [cityView, headView] = [await status('hr'), await status('head01')];
  expect(headView.totals).toEqual(cityView.totals);
  expect(headView.totals.total).toBeGreaterThan(0);
  expect(headView.byCountyAndStage.map((r: { county: { code: string } }) => r.county.code)).toEqual(['C01']);
  const m001 = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'm001' } });
  const notices = async (who: Person) =>
    (await h.api('GET', '/api/notices?pageSize=100', { token: t[who] })).body.notices.map(
      (n: { userId: string }) => n.userId,
    );
  expect([...new Set(await notices('m001'))]).toEqual([m001.id]); // the task of their cycle and of the complaint
  expect(await notices('hr')).not.toContain(m001.id);
  expect(await statements('head02')).toEqual(['M004']);
  expect((await statements('head01')).sort()).toEqual(['M001', 'M002', 'M003']);
});
