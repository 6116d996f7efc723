// 督察结果导入: an inspector imports the county's inspection results from a CSV file, as the
// reviewer imports KPIs. The template lists the inspector's managers; every bad row is named
// with its column and nothing is saved; a GBK file from Excel goes in whole, scored as
// 100 minus the deductions; the same file again changes nothing.
import iconv from 'iconv-lite';
import { defaultTemplateConfig } from '../domain/templates';
import { openCountyCycleWithTasks, startHarness, type Harness } from './support/harness';

const inspectionOnly = () => {
  const t = defaultTemplateConfig('MONTHLY');
  return { ...t, tasks: { INSPECTION: t.tasks.INSPECTION! } };
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: inspectionOnly() } });
});
afterAll(() => h?.close());

test("the county's inspections from one CSV file: template, every bad row named, a GBK file in whole", async () => {
  const inspector = await h.login('inspector01');
  const { cycleId } = await openCountyCycleWithTasks(h, await h.login('hr'), {
    countyCode: 'C01',
    period: '2026-11',
    kind: 'INSPECTION',
    count: 3,
  });
  const base = `/api/cycles/${cycleId}/inspections`;

  // The template: a row per manager whose inspection is the inspector's, every check item's columns.
  const res = await fetch(`${h.baseUrl}${base}/template`, { headers: { authorization: `Bearer ${inspector}` } });
  expect(res.status).toBe(200);
  expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('督察结果-2026-11.csv');
  const template = Buffer.from(await res.arrayBuffer())
    .subarray(3)
    .toString('utf8');
  const [header, ...rows] = template.split(/\r?\n/);
  expect(header).toBe(
    '员工编号,姓名,首末签到扣分,首末签到说明,电话抽检扣分,电话抽检说明,实地检查扣分,实地检查说明,工作本、客户手册扣分,工作本、客户手册说明',
  );
  expect(rows.slice(0, 3)).toEqual(['M001,王伟,,,,,,,,', 'M002,李娜,,,,,,,,', 'M003,张敏,,,,,,,,']);
  expect((await h.api('GET', `${base}/template`, { token: await h.login('reviewer01') })).status).toBe(403);

  const send = (text: string, token = inspector) =>
    fetch(`${h.baseUrl}${base}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'accept-language': 'zh-CN' },
      body: iconv.encode(text.replace(/\r?\n/g, '\r\n'), 'gbk'), // as Excel saves CSV on a Chinese Windows
    });
  // Line 3: a deduction that is not a number; line 4: a passed item (0) with 2.3 elsewhere: both named.
  const bad = await send(
    [header, 'M001,王伟,0,,0,,0,,0,', 'M002,李娜,两分,,0,,0,,0,', 'M003,张敏,0,,2.3,,0,,0,'].join('\n'),
  );
  expect(bad.status).toBe(400);
  const refused = (await bad.json()) as { title: string; errors: Array<{ field: string; message: string }> };
  expect(refused.title).toBe('文件有误（第 3、4 行），未导入任何数据');
  expect(refused.errors.map((e) => e.field)).toEqual([
    'line 3: firstLastCheckInDeduction',
    'line 4: phoneSpotCheckDeduction',
  ]);
  expect(refused.errors[0]!.message).toBe('第 3 行 首末签到扣分：不是数字');
  // Another county's manager is a row error too.
  const other = await send([header, 'M004,赵强,0,,0,,0,,0,'].join('\n'));
  expect(other.status).toBe(400);
  expect(((await other.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(
    '第 2 行 员工编号：M004 在本期没有由您办理的督察检查',
  );
  expect((await send([header, 'M001,王伟,0,,0,,0,,0,'].join('\n'), await h.login('m001'))).status).toBe(403);
  expect(await h.db.prisma.submission.count()).toBe(0);

  // Fixed: the three go in at once; M002 lost 2 points on the phone spot check, with the note.
  const good = [
    header,
    'M001,王伟,0,,0,,0,,0,',
    'M002,李娜,0,,2,"11 月 5 日抽检两户未回访",0,,0,',
    'M003,张敏,1.5,末签缺失一次,0,,0,,,',
  ].join('\n');
  const ok = await send(good);
  expect(ok.status).toBe(201);
  expect(await ok.json()).toMatchObject({ imported: 3, alreadySubmitted: 0, notAccepted: 0 });
  const scores = await h.db.prisma.score.findMany({
    where: { component: 'inspection', evaluation: { cycleId } },
    include: { evaluation: { select: { manager: { select: { employeeNo: true } } } } },
  });
  expect(Object.fromEntries(scores.map((s) => [s.evaluation.manager.employeeNo, Number(s.value)]))).toEqual({
    M001: 100,
    M002: 98,
    M003: 98.5,
  });
  const m002 = await h.db.prisma.submission.findFirstOrThrow({
    where: { task: { cycleId, evaluation: { manager: { employeeNo: 'M002' } } } },
  });
  expect((m002.payload as { items: unknown[] }).items[1]).toEqual({
    item: 'PHONE_SPOT_CHECK',
    passed: false,
    deduction: 2,
    note: '11 月 5 日抽检两户未回访',
  });
  // The same file again (a retry): every row already in, nothing new.
  expect(await (await send(good)).json()).toMatchObject({ imported: 0, alreadySubmitted: 3 });
  expect(await h.db.prisma.submission.count()).toBe(3);
}, 120_000);
