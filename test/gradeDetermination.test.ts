// Annual grade determination (综合等级评定) on the small organisation (4 managers:
// caps senior 1, middle 2, junior 1): the county head proposes after the annual results
// are published; an approval that breaks a quota is refused with its numbers; the city
// decides change by change, the county proposes again for the one rejected; approved
// changes take effect on their date, enter the grade history and move the pay.
import ExcelJS from 'exceljs';
import { addDays, shanghaiDate, shanghaiInstant } from '../domain/calendar';
import { defaultTemplateConfig, type TemplateConfig } from '../domain/templates';
import { eventually, startHarness, type Harness } from './support/harness';
import { validSelfAssessment } from './support/fixtures';

function annualSelfOnly(): TemplateConfig {
  const t = defaultTemplateConfig('ANNUAL');
  return { ...t, tasks: { SELF_ASSESSMENT: t.tasks.SELF_ASSESSMENT! } };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ templates: { ANNUAL: annualSelfOnly() } });
});
afterAll(() => h?.close());

test('proposal, a quota breach refused with its numbers, decisions per change, effective date, pay', async () => {
  const t: Record<string, string> = {};
  for (const u of ['hr', 'head01', 'head02', 'approver', 'm001', 'm002', 'm003']) t[u] = await h.login(u);
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  const m = Object.fromEntries((await h.db.prisma.manager.findMany()).map((x) => [x.employeeNo, x]));
  const opened = await h.api('POST', '/api/cycles', {
    token: t.hr,
    body: { type: 'ANNUAL', period: '2026', countyId: countyA.id },
  });
  expect(opened.status).toBe(201);
  const selfTasks = await eventually(
    async () => {
      const x = await h.db.prisma.task.findMany({ where: { kind: 'SELF_ASSESSMENT' }, include: { assignee: true } });
      return x.length === 3 ? x : undefined;
    },
    20_000,
    'three self-assessments',
  );
  for (const task of selfTasks)
    expect(
      (
        await h.api('POST', `/api/tasks/${task.id}/submission`, {
          token: t[task.assignee.username],
          body: validSelfAssessment,
        })
      ).status,
    ).toBe(201);
  const signOff = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'COUNTY_SIGN_OFF' } }).then((x) => x ?? undefined),
    20_000,
    'sign-off',
  );
  expect(
    (await h.api('POST', `/api/tasks/${signOff.id}/submission`, { token: t.head01, body: { decision: 'signOff' } }))
      .status,
  ).toBe(201);
  const approval = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'CITY_APPROVAL' } }).then((x) => x ?? undefined),
    20_000,
    'approval',
  );
  expect(
    (await h.api('POST', `/api/tasks/${approval.id}/submission`, { token: t.approver, body: { decision: 'approve' } }))
      .status,
  ).toBe(201);

  // Published: the county head gets the grade proposal, with each manager's inputs.
  const proposal = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { kind: 'GRADE_PROPOSAL' }, include: { assignee: true } })
        .then((x) => x ?? undefined),
    20_000,
    'grade proposal',
  );
  expect(proposal.assignee.username).toBe('head01');
  const review = await h.api('GET', `/api/grade-reviews/${proposal.gradeReviewId}`, { token: t.head01 });
  expect(review.status).toBe(200);
  expect(review.body.managers).toHaveLength(3);
  expect(review.body.managers[0]).toMatchObject({
    employeeNo: 'M001',
    grade: 'MIDDLE_B',
    basicConditions: { education: 'BACHELOR' },
    annual: { rank: expect.any(Number), cohortSize: 3 },
  });
  expect((await h.api('GET', `/api/grade-reviews/${proposal.gradeReviewId}`, { token: t.head02 })).status).toBe(403);

  const today = shanghaiDate(new Date(await h.env.currentTimeMs()));
  const nextNextMonth = (() => {
    const [y, mo] = today.split('-').map(Number) as [number, number];
    const n = mo + 2;
    return `${n > 12 ? y + 1 : y}-${String(((n - 1) % 12) + 1).padStart(2, '0')}-01`;
  })();
  const body = {
    effectiveDate: nextNextMonth,
    proposals: [
      { managerId: m.M001!.id, proposedGrade: 'SENIOR_C', reason: '年度综合排名第一，技能考评优秀' },
      { managerId: m.M002!.id, proposedGrade: 'MIDDLE_C', reason: '业绩突出，满足晋升中级条件' },
      { managerId: m.M003!.id, proposedGrade: 'JUNIOR_C', reason: '见习期满，考核合格' },
    ],
  };
  // Every manager needs a proposal, and a change needs a reason: 400 naming the field.
  const missing = await h.api('POST', `/api/tasks/${proposal.id}/submission`, {
    token: t.head01,
    body: { ...body, proposals: body.proposals.slice(0, 2) },
  });
  expect(missing.status).toBe(400);
  expect(missing.body.errors[0]).toEqual({
    field: 'body.proposals',
    message: 'body.proposals 有 1 名客户经理未推荐等级',
  });
  const noReason = await h.api('POST', `/api/tasks/${proposal.id}/submission`, {
    token: t.head01,
    body: { ...body, proposals: [{ ...body.proposals[0], reason: undefined }, ...body.proposals.slice(1)] },
  });
  expect(noReason.status).toBe(400);
  expect(noReason.body.errors[0]).toEqual({
    field: 'body.proposals.0.reason',
    message: 'body.proposals.0.reason 等级变动须说明理由',
  });
  expect((await h.api('POST', `/api/tasks/${proposal.id}/submission`, { token: t.approver, body })).status).toBe(403);
  expect((await h.api('POST', `/api/tasks/${proposal.id}/submission`, { token: t.head01, body })).status).toBe(201);

  // Approving all would make 2 senior of 4 managers (cap 20% × 4 = 0.8 → 1): refused with the numbers; nothing recorded.
  const signOffGrades = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { kind: 'GRADE_SIGN_OFF' }, include: { assignee: true } })
        .then((x) => x ?? undefined),
    20_000,
    'grade sign-off',
  );
  expect(signOffGrades.assignee.username).toBe('approver');
  const breach = await h.api('POST', `/api/tasks/${signOffGrades.id}/submission`, {
    token: t.approver,
    body: { decision: 'approveAll' },
  });
  expect(breach.status).toBe(409);
  expect(breach.body.code).toBe('quota_exceeded');
  expect(breach.body.breaches).toEqual([{ level: 'SENIOR', cap: 1, count: 2, over: 1 }]);
  expect(breach.body.title).toContain('高级名额上限 1 人，批准后为 2 人，超出 1 人');
  expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id: signOffGrades.id } })).status).toBe('OPEN');
  expect(await h.db.prisma.gradeChange.count({ where: { status: 'PROPOSED' } })).toBe(3);

  // Deciding each: M001's promotion rejected with a reason, the other two approved.
  const undecided = await h.api('POST', `/api/tasks/${signOffGrades.id}/submission`, {
    token: t.approver,
    body: { decision: 'decideEach', items: [{ managerId: m.M002!.id, decision: 'approve' }] },
  });
  expect(undecided.status).toBe(400);
  const decided = await h.api('POST', `/api/tasks/${signOffGrades.id}/submission`, {
    token: t.approver,
    body: {
      decision: 'decideEach',
      items: [
        { managerId: m.M001!.id, decision: 'reject', reason: '高级名额已满，明年再议' },
        { managerId: m.M002!.id, decision: 'approve' },
        { managerId: m.M003!.id, decision: 'approve' },
      ],
    },
  });
  expect(decided.status).toBe(201);
  const quotas = await h.api('GET', '/api/grade-quotas', { token: t.hr });
  expect(quotas.body.afterApprovedChanges).toEqual([
    { level: 'SENIOR', cap: 1, count: 1 },
    { level: 'MIDDLE', cap: 2, count: 2 },
    { level: 'JUNIOR', cap: 1, count: 1 },
  ]);

  // The county proposes again for M001 only: unchanged, no reason needed; nothing more to sign off.
  const again = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'GRADE_PROPOSAL', round: 2 } }).then((x) => x ?? undefined),
    20_000,
    'round 2',
  );
  const round2 = await h.api('POST', `/api/tasks/${again.id}/submission`, {
    token: t.head01,
    body: {
      effectiveDate: nextNextMonth,
      proposals: [{ managerId: m.M002!.id, proposedGrade: 'MIDDLE_C', reason: 'x' }],
    },
  });
  expect(round2.status).toBe(400); // only those rejected are proposed again
  expect(
    (
      await h.api('POST', `/api/tasks/${again.id}/submission`, {
        token: t.head01,
        body: { effectiveDate: nextNextMonth, proposals: [{ managerId: m.M001!.id, proposedGrade: 'MIDDLE_B' }] },
      })
    ).status,
  ).toBe(201);
  await eventually(
    async () => (await h.db.prisma.gradeReview.findFirstOrThrow()).status === 'APPROVED' || undefined,
    20_000,
    'approved',
  );

  // Before the effective date: grades and pay unchanged. M002 is rural: paid one step up (junior A → middle C).
  const effectiveMonth = nextNextMonth.slice(0, 7);
  const before = await h.api('GET', `/api/pay/statements?month=${effectiveMonth}`, { token: t.hr });
  const payOf = (r: typeof before, no: string) =>
    r.body.statements.find((s: { employeeNo: string }) => s.employeeNo === no);
  expect(payOf(before, 'M002')).toMatchObject({
    assessedGrade: 'JUNIOR_A',
    payGrade: 'MIDDLE_C',
    floatingWage: 1200,
    performanceCoefficient: 1.0,
  });
  expect(payOf(before, 'M003')).toMatchObject({
    assessedGrade: 'TRAINEE',
    payGrade: 'TRAINEE',
    floatingWage: 0,
    performanceCoefficient: 0.8,
    total: 2200 + 0 + 1200,
  });
  expect((await h.db.prisma.manager.findUniqueOrThrow({ where: { id: m.M002!.id } })).grade).toBe('JUNIOR_A');

  // The effective date comes: grades change, the history and the audit record it, the managers are told.
  await h.env.sleep(shanghaiInstant(nextNextMonth).getTime() + 60_000 - (await h.env.currentTimeMs()));
  await eventually(
    async () => (await h.db.prisma.gradeReview.findFirstOrThrow()).status === 'COMPLETED' || undefined,
    20_000,
    'completed',
  );
  expect((await h.db.prisma.manager.findUniqueOrThrow({ where: { id: m.M002!.id } })).grade).toBe('MIDDLE_C');
  expect((await h.db.prisma.manager.findUniqueOrThrow({ where: { id: m.M003!.id } })).grade).toBe('JUNIOR_C');
  expect((await h.db.prisma.manager.findUniqueOrThrow({ where: { id: m.M001!.id } })).grade).toBe('MIDDLE_B');
  await h.smtp.waitFor((mails) =>
    mails.some((x) => x.to.includes('m002@test.local') && x.subject.includes('等级调整')),
  );

  const history = await h.api('GET', `/api/managers/${m.M002!.id}/grades`, { token: t.m002 });
  expect(history.body.gradeHistory).toEqual([
    {
      from: 'JUNIOR_A',
      to: 'MIDDLE_C',
      effectiveDate: nextNextMonth,
      reason: '业绩突出，满足晋升中级条件',
      changeId: expect.any(String),
    },
  ]);
  expect(history.body.gradeChanges[0]).toMatchObject({
    status: 'APPLIED',
    proposedBy: '甲县负责人',
    decidedBy: '市局考评组 陈明',
  });
  const rejected = await h.api('GET', `/api/managers/${m.M001!.id}/grades`, { token: t.hr });
  expect(rejected.body.gradeChanges[0]).toMatchObject({ status: 'REJECTED', decisionReason: '高级名额已满，明年再议' });
  expect((await h.api('GET', `/api/managers/${m.M001!.id}/grades`, { token: t.m002 })).status).toBe(403);
  expect(
    await h.db.prisma.auditLog.count({
      where: { action: { in: ['grade.proposed', 'grade.approved', 'grade.rejected', 'grade.changed'] } },
    }),
  ).toBe(3 + 2 + 1 + 2);

  // Pay moves with the grade: M003's level (trainee → junior) moves the floating wage; M002's
  // pay grade middle C → middle B is a tier change that moves the performance coefficient.
  const after = await h.api('GET', `/api/pay/statements?month=${effectiveMonth}`, { token: t.hr });
  expect(payOf(after, 'M003')).toMatchObject({
    assessedGrade: 'JUNIOR_C',
    floatingWage: 600,
    performanceCoefficient: 1.0,
    total: 2200 + 600 + 1500,
  });
  const contractYears = Number(effectiveMonth.slice(0, 4)) - 2019 - (Number(effectiveMonth.slice(5)) < 7 ? 1 : 0);
  expect(payOf(after, 'M002')).toMatchObject({
    assessedGrade: 'MIDDLE_C',
    payGrade: 'MIDDLE_B',
    floatingWage: 1200,
    performanceCoefficient: 1.1,
    performanceWage: 1650,
    seniorityYears: contractYears,
    seniorityWage: contractYears * 4,
  });
  // The month before still pays the old grades.
  const monthBefore = addDays(nextNextMonth, -1).slice(0, 7);
  expect(payOf(await h.api('GET', `/api/pay/statements?month=${monthBefore}`, { token: t.hr }), 'M003')).toMatchObject({
    assessedGrade: 'TRAINEE',
  });
  // A manager sees their own statement only; CSV with Chinese headers for HR.
  const own = await h.api('GET', `/api/pay/statements?month=${effectiveMonth}`, { token: t.m002 });
  expect(own.body.statements.map((s: { employeeNo: string }) => s.employeeNo)).toEqual(['M002']);
  const csv = await fetch(`${h.baseUrl}/api/pay/statements?month=${effectiveMonth}&format=csv`, {
    headers: { authorization: `Bearer ${t.hr}` },
  });
  expect(csv.headers.get('content-type')).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain(
    '工号,姓名,县区,区域,用工性质,评定等级,计薪等级,岗位基本工资,岗位浮动工资,本岗年限,年功工资,绩效系数,绩效工资,应发合计',
  );
  expect(text).toContain('合计,4 人');
  expect((await h.api('GET', '/api/pay/statements?month=2026-13', { token: t.hr })).status).toBe(400);

  // Exports as Excel files: pay statements, grade changes, the annual ranking.
  const xlsx = async (path: string, language = 'zh-CN') => {
    const r = await fetch(`${h.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${t.hr}`, 'accept-language': language },
    });
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await r.arrayBuffer()) as unknown as ArrayBuffer);
    return book.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
  };
  const pay = await xlsx(`/api/pay/statements?month=${effectiveMonth}&format=xlsx`);
  expect(pay[0]![0]).toBe(`${effectiveMonth} 客户经理工资单（元）`);
  expect(pay[1]).toEqual([
    '工号',
    '姓名',
    '县区',
    '区域',
    '用工性质',
    '评定等级',
    '计薪等级',
    '岗位基本工资',
    '岗位浮动工资',
    '本岗年限',
    '年功工资',
    '绩效系数',
    '绩效工资',
    '应发合计',
  ]);
  expect(pay.find((r) => r[0] === 'M003')).toEqual([
    'M003',
    '张敏',
    '甲县',
    '城区',
    '正式员工',
    '初级C档',
    '初级C档',
    2200,
    600,
    2,
    0,
    1,
    1500,
    4300,
  ]);
  const payEn = await xlsx(`/api/pay/statements?month=${effectiveMonth}&format=xlsx`, 'en');
  expect(payEn[1]!.slice(0, 7)).toEqual([
    'Employee no.',
    'Name',
    'County',
    'Area',
    'Employment',
    'Assessed grade',
    'Pay grade',
  ]);
  expect(payEn.find((r) => r[0] === 'M003')!.slice(3, 5)).toEqual(['Urban', 'Formal staff']);
  const changesEn = await xlsx('/api/grade-changes?format=xlsx', 'en');
  expect(changesEn[0]![8]).toBe('Status');
  expect(changesEn.slice(1).map((r) => r[8])).toEqual(['Rejected', 'In effect', 'In effect']);
  const changes = await xlsx('/api/grade-changes?format=xlsx');
  expect(changes[0]).toEqual([
    '年度',
    '县区',
    '工号',
    '姓名',
    '原等级',
    '推荐等级',
    '推荐理由',
    '生效日期',
    '状态',
    '推荐人',
    '审定人',
    '审定时间',
    '审定意见',
  ]);
  expect(changes.slice(1).map((r) => [r[2], r[4], r[5], r[8], r[9], r[10], r[12]])).toEqual([
    ['M001', '中级B档', '高级C档', '未批准', '甲县负责人', '市局考评组 陈明', '高级名额已满，明年再议'],
    ['M002', '初级A档', '中级C档', '已生效', '甲县负责人', '市局考评组 陈明', ''],
    ['M003', '见习', '初级C档', '已生效', '甲县负责人', '市局考评组 陈明', ''],
  ]);
  const ranking = await xlsx(`/api/cycles/${opened.body.id}/results?format=xlsx`);
  expect(String(ranking[0]![0])).toMatch(/^2026年度考评结果（导出于 \d{4}-\d\d-\d\d \d\d:\d\d）$/);
  expect(ranking[1]).toEqual([
    '县区',
    '名次',
    '倒数名次',
    '参评人数',
    '工号',
    '姓名',
    '自我评价 (100%)',
    '督察扣分',
    '投诉扣分',
    '客户满意率',
    '综合得分',
    '星级变化',
    '每月之星',
    '标记',
    '末位淘汰标记',
    '县级签核人',
    '签核时间',
    '市级审批人',
    '审批时间',
    '申诉',
    '阶段',
  ]);
  const m003 = ranking.find((r) => r[4] === 'M003')!;
  expect(m003.slice(0, 11)).toEqual(['甲县', 1, 1, 3, 'M003', '张敏', 85, undefined, undefined, undefined, 85]);
  expect(m003[15]).toBe('甲县负责人');
  expect(m003[20]).toBe('已发布');
  expect(ranking).toHaveLength(5); // the title, the header, three managers
  expect(
    await fetch(`${h.baseUrl}/api/grade-changes?format=csv`, { headers: { authorization: `Bearer ${t.hr}` } }).then(
      (r) => r.text(),
    ),
  ).toContain('2026,甲县,M002,李娜,初级A档,中级C档');
});
