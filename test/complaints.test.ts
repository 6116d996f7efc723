// Complaints (投诉受理, DOMAIN.md "Complaints"): the center registers a retail customer's
// complaint, the manager answers, the center decides; a confirmed complaint deducts 2 points
// (the template's default) from the inspection of the month it was received in, whether
// that month is already published (re-ranked, those who moved told) or not yet scored.
import { shanghaiDate } from '../domain/calendar';
import { defaultTemplateConfig } from '../domain/templates';
import { eventually, publishCountyCycle, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  const t = defaultTemplateConfig('MONTHLY');
  h = await startHarness({ templates: { MONTHLY: { ...t, tasks: { SELF_ASSESSMENT: t.tasks.SELF_ASSESSMENT! } } } });
});
afterAll(async () => {
  await h?.close();
});

// Months relative to today: a complaint is never received in the future.
const today = shanghaiDate(new Date());
const thisMonth = today.slice(0, 7);
const lastMonth = (() => {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

const managerId = async (username: string) =>
  (await h.db.prisma.manager.findFirstOrThrow({ where: { user: { username } } })).id;
const evaluationOf = (username: string, cycleId: string) =>
  h.db.prisma.evaluation.findFirstOrThrow({ where: { cycleId, manager: { user: { username } } } });

/** The open task of `kind` for the complaint, submitted by `username` after reading its context. */
async function act(complaintId: string, kind: string, username: string, body: object) {
  const task = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { complaintId, kind: kind as never, status: 'OPEN' } })
        .then((x) => x ?? undefined),
    20_000,
    kind,
  );
  const token = await h.login(username);
  const context = await h.api('GET', `/api/tasks/${task.id}/context`, { token });
  const res = await h.api('POST', `/api/tasks/${task.id}/submission`, { token, body });
  return { task, context, res };
}

async function register(body: object, key?: string) {
  return h.api('POST', '/api/complaints', {
    token: await h.login('hr'),
    body,
    headers: key ? { 'idempotency-key': key } : {},
  });
}

const decided = (id: string) =>
  eventually(
    async () => {
      const c = await h.db.prisma.complaint.findUniqueOrThrow({ where: { id } });
      return c.status === 'CONFIRMED' || c.status === 'NOT_CONFIRMED' ? c : undefined;
    },
    20_000,
    'the decision',
  );

test('a confirmed complaint takes 2 points off a published month: re-ranked, the manager and who moved told', async () => {
  // 甲县, self-assessment only: the composite is the self-evaluation score, less any deductions.
  const cycleId = await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: lastMonth,
    countyCode: 'C01',
    selfScores: { m001: 95, m002: 81, m003: 80 },
  });
  const m002 = await managerId('m002');
  const complaint = {
    managerId: m002,
    channel: 'HOTLINE',
    kind: 'ATTITUDE',
    receivedOn: `${lastMonth}-20`,
    customerName: '城关便利店 王老板',
    customerPhone: '139 0000 1234',
    content: '上门服务时态度生硬，订货问题没有解释清楚。',
  };

  // Only the center registers; bad input names its field; an unknown manager is 404.
  const byManager = await h.api('POST', '/api/complaints', { token: await h.login('m001'), body: complaint });
  expect(byManager.status).toBe(403);
  const badKind = await register({ ...complaint, kind: 'RUDE' });
  expect(badKind.status).toBe(400);
  expect(JSON.stringify(badKind.body.errors)).toContain('body.kind');
  const future = await register({ ...complaint, receivedOn: '2999-01-01' });
  expect(future.status).toBe(400);
  expect(JSON.stringify(future.body.errors)).toContain('body.receivedOn');
  const unknown = await register({ ...complaint, managerId: '00000000-0000-4000-8000-000000000000' });
  expect(unknown.status).toBe(404);
  expect(await h.db.prisma.complaint.count()).toBe(0);

  // Registered once, whatever the retries: the same Idempotency-Key is the same complaint.
  const first = await register(complaint, 'complaint-form-0001');
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ status: 'AWAITING_ANSWER', month: lastMonth, points: 2 });
  const again = await register(complaint, 'complaint-form-0001');
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(first.body.id);
  const id: string = first.body.id;

  // The manager reads it (never the customer's phone); another manager may not.
  const own = await h.api('GET', `/api/complaints/${id}`, { token: await h.login('m002') });
  expect(own.status).toBe(200);
  expect(own.body).toMatchObject({ customerName: '城关便利店 王老板', customerPhone: null });
  const other = await h.api('GET', `/api/complaints/${id}`, { token: await h.login('m001') });
  expect(other.status).toBe(403);
  expect((await h.api('GET', '/api/complaints', { token: await h.login('m001') })).body.total).toBe(0);

  // The manager answers; the center sees the answer and what a confirmation does: 81 → 79.
  const answer = await act(id, 'COMPLAINT_ANSWER', 'm002', { answer: '当天系统故障，已向客户解释并道歉。' });
  expect(answer.res.status).toBe(201);
  expect(answer.task.cycleId).toBeNull();
  const empty = await act(id, 'COMPLAINT_DECISION', 'hr', { decision: 'confirmed', reason: '' });
  expect(empty.res.status).toBe(400);
  expect(empty.context.body.complaint).toMatchObject({
    answer: '当天系统故障，已向客户解释并道歉。',
    customerPhone: '139 0000 1234',
    monthResult: { compositeScore: 81, rank: 2, ifConfirmed: 79 },
  });
  const decision = await act(id, 'COMPLAINT_DECISION', 'hr', {
    decision: 'confirmed',
    reason: '回访客户属实，服务态度问题成立',
  });
  expect(decision.res.status).toBe(201);
  expect((await decided(id)).status).toBe('CONFIRMED');

  // 81 − 2 = 79: m002 falls from 2nd to 3rd, m003 rises to 2nd.
  const [e1, e2, e3] = await Promise.all(['m001', 'm002', 'm003'].map((u) => evaluationOf(u, cycleId)));
  expect([Number(e2!.compositeScore), e2!.rank]).toEqual([79, 3]);
  expect([Number(e3!.compositeScore), e3!.rank]).toEqual([80, 2]);
  expect(e1!.rank).toBe(1);
  const score = await h.db.prisma.score.findUniqueOrThrow({
    where: { evaluationId_component: { evaluationId: e2!.id, component: 'complaints' } },
  });
  expect(Number(score.value)).toBe(2);

  // The result page explains it; the export has the column.
  const page = await h.api('GET', `/api/evaluations/${e2!.id}`, { token: await h.login('m002') });
  expect(page.body.explanation).toMatchObject({
    deductions: 2,
    inspectionDeductions: 0,
    complaints: [{ complaintId: id, receivedOn: `${lastMonth}-20`, kind: 'ATTITUDE', points: 2 }],
  });
  const csv = await fetch(`${h.baseUrl}/api/cycles/${cycleId}/results?format=csv`, {
    headers: { authorization: `Bearer ${await h.login('hr')}` },
  }).then((r) => r.text());
  expect(csv).toContain('投诉扣分');
  expect(csv.split(/\r?\n/).find((line) => line.includes('m002') || line.includes('M002'))).toContain(',2,');

  await eventually(
    async () => (h.smtp.mails.some((m) => m.subject.includes('【投诉认定】')) ? true : undefined),
    20_000,
    'the decision mail',
  );
  const mail = h.smtp.mails.find((m) => m.subject.includes('【投诉认定】'))!;
  expect(mail.text).toContain(`扣 ${lastMonth} 督察分 2.00 分`);
  expect(mail.text).toContain('综合得分 81.00 → 79.00，排名第 2 → 第 3');
  await eventually(
    async () => (h.smtp.mails.some((m) => m.subject.includes('排名变动')) ? true : undefined),
    20_000,
    'the rank mail to m003',
  );
  const audit = await h.db.prisma.auditLog.findMany({ where: { action: { startsWith: 'complaint.' } } });
  expect(audit.map((a) => a.action).sort()).toEqual([
    'complaint.answered',
    'complaint.confirmed',
    'complaint.registered',
  ]);
});

test('a complaint confirmed before the month is scored counts when it is; the analysis counts by kind, county and month', async () => {
  const [m001, m003] = await Promise.all([managerId('m001'), managerId('m003')]);
  const base = {
    channel: 'PHONE',
    receivedOn: `${thisMonth}-01`,
    customerName: '东街烟酒店',
    content: '约定的拜访日没有来，也没有电话说明。',
  };
  const confirmed = await register({ ...base, managerId: m001, kind: 'VISITS' });
  const dismissed = await register({ ...base, managerId: m003, kind: 'SUPPLY' });
  expect([confirmed.status, dismissed.status]).toEqual([201, 201]);
  await act(confirmed.body.id, 'COMPLAINT_ANSWER', 'm001', { answer: '当天临时被抽调参加会议。' });
  await act(dismissed.body.id, 'COMPLAINT_ANSWER', 'm003', { answer: '货源按政策分配，已解释。' });
  const notOpen = await act(confirmed.body.id, 'COMPLAINT_DECISION', 'hr', {
    decision: 'confirmed',
    reason: '未按计划拜访属实',
  });
  expect(notOpen.context.body.complaint.monthResult).toBeNull(); // the month's cycle is not open yet
  await act(dismissed.body.id, 'COMPLAINT_DECISION', 'hr', { decision: 'not_confirmed', reason: '货源分配符合政策' });
  expect((await decided(confirmed.body.id)).status).toBe('CONFIRMED');
  expect((await decided(dismissed.body.id)).status).toBe('NOT_CONFIRMED');

  // The month is published later: m001's 95 less 2 is 93; m003's dismissed complaint takes nothing.
  const cycleId = await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: thisMonth,
    countyCode: 'C01',
    selfScores: { m001: 95, m002: 81, m003: 70 },
  });
  const [e1, e3] = await Promise.all([evaluationOf('m001', cycleId), evaluationOf('m003', cycleId)]);
  expect(Number(e1.compositeScore)).toBe(93);
  expect(Number(e3.compositeScore)).toBe(70);

  // The analysis (投诉分析): three complaints over two months, two confirmed.
  const hr = await h.login('hr');
  const analysis = await h.api('GET', `/api/complaints/analysis?from=${lastMonth}&to=${thisMonth}`, { token: hr });
  expect(analysis.status).toBe(200);
  expect(analysis.body.overall).toMatchObject({
    total: 3,
    confirmed: 2,
    notConfirmed: 1,
    open: 0,
    confirmedShare: 0.67,
  });
  const kinds = Object.fromEntries(analysis.body.byKind.map((k: { kind: string; total: number }) => [k.kind, k.total]));
  expect(kinds).toMatchObject({ ATTITUDE: 1, VISITS: 1, SUPPLY: 1, POLICY: 0 });
  expect(analysis.body.byMonth.map((m: { month: string; total: number }) => [m.month, m.total])).toEqual([
    [lastMonth, 1],
    [thisMonth, 2],
  ]);
  expect(analysis.body.byCounty).toEqual([
    expect.objectContaining({ total: 3, county: expect.objectContaining({ code: 'C01' }) }),
  ]);
  const listed = await h.api('GET', `/api/complaints?status=CONFIRMED&month=${thisMonth}`, { token: hr });
  expect(listed.body).toMatchObject({ total: 1, counts: { CONFIRMED: 1, NOT_CONFIRMED: 1 } });
  // The center's records (投诉台账) as a file: the same filters, codes in words, no phone numbers.
  const csv = await fetch(`${h.baseUrl}/api/complaints?format=csv&month=${thisMonth}`, {
    headers: { authorization: `Bearer ${hr}` },
  }).then((r) => r.text());
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe(
    '受理日期,扣分月份,县区,工号,姓名,类别,渠道,投诉客户,状态,扣分,投诉内容,客户经理说明,认定理由,登记时间',
  );
  expect(lines).toHaveLength(3);
  expect(lines.find((l) => l.includes('拜访服务不到位'))).toContain(',属实,2,');
  expect(lines.find((l) => l.includes('货源与订货'))).toContain(',不属实,0,');
  const bad = await h.api('GET', '/api/complaints?month=2026-13', { token: hr });
  expect(bad.status).toBe(400);
});
