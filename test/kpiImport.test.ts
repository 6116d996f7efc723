// A county's marketing reviews imported from CSV: one bad row rejects the file with
// its line number and nothing is saved; a good file submits every review once; the
// template lists the reviewer's managers, and a GBK file from Excel reads as well as UTF-8.
import iconv from 'iconv-lite';
import { openCountyCycleWithTasks, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const header = '员工编号,销量完成率,访销成功率,基础数据维护,审核评分,审核意见';

test("import the county's KPIs and reviews from a CSV file", async () => {
  const hr = await h.login('hr');
  const reviewer01 = await h.login('reviewer01');
  const reviewer02 = await h.login('reviewer02');
  const { cycleId } = await openCountyCycleWithTasks(h, hr, {
    countyCode: 'C01',
    period: '2026-11',
    kind: 'MARKETING_REVIEW',
    count: 3,
  });
  const cycle = { id: cycleId };
  const csv = (rows: string[]) => ({ body: [header, ...rows].join('\n'), headers: { 'content-type': 'text/csv' } });
  const path = `/api/cycles/${cycle.id}/marketing-reviews/import`;

  // A bad value on line 3 and a manager of another county on line 4: rejected, nothing saved.
  const bad = await h.api('POST', path, {
    token: reviewer01,
    ...csv(['M001,104,96,90,88,完成较好', 'M002,九十,96,90,88,完成', 'M004,100,96,90,88,完成']),
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['line 3: salesVolumeCompletion']);
  const other = await h.api('POST', path, {
    token: reviewer01,
    ...csv(['M001,104,96,90,88,完成较好', 'M004,100,96,90,88,完成']),
  });
  expect(other.status).toBe(400);
  expect(other.body.errors[0].field).toBe('line 3: employeeNo');
  expect(other.body.title).toContain('未导入任何数据');

  // Every bad row is reported at once, the first 100 of them, with the count; still nothing saved.
  const many = await h.api('POST', path, {
    token: reviewer01,
    ...csv(Array.from({ length: 150 }, (_, i) => `X${i},九十,96,90,88,完成\u0000`)),
  });
  expect(many.status).toBe(400);
  expect(many.body.errors).toHaveLength(100);
  expect(many.body.problemCount).toBeGreaterThan(150);
  expect(many.body.title).toContain('另有');
  expect(await h.db.prisma.submission.count()).toBe(0);
  expect(await h.db.prisma.submission.count()).toBe(0);

  // Another county's reviewer, a manager: refused.
  expect((await h.api('POST', path, { token: reviewer02, ...csv(['M001,104,96,90,88,完成较好']) })).status).toBe(400);
  expect(
    (await h.api('POST', path, { token: await h.login('m001'), ...csv(['M001,104,96,90,88,完成较好']) })).status,
  ).toBe(403);

  // A good file: three reviews; the same file again counts once.
  const good = csv([
    'M001,104%,96,90,88,完成较好',
    'M002,95,92,100,80,"数据维护及时, 需提升访销"',
    'M003,80,85,70,70,需加强',
  ]);
  const ok = await h.api('POST', path, { token: reviewer01, ...good });
  expect(ok.status).toBe(201);
  expect(ok.body).toMatchObject({ imported: 3, alreadySubmitted: 0 });
  const again = await h.api('POST', path, { token: reviewer01, ...good });
  expect(again.body).toMatchObject({ imported: 0, alreadySubmitted: 3 });
  expect(await h.db.prisma.submission.count()).toBe(3);
  const m001 = await h.db.prisma.evaluation.findFirstOrThrow({
    where: { manager: { employeeNo: 'M001' } },
    include: { scores: true },
  });
  expect(Object.fromEntries(m001.scores.map((s) => [s.component, Number(s.value)]))).toEqual({
    performance: 96.8,
    marketingReview: 88,
  });
});

test('the template to fill, and a file Excel saved in GBK, go in', async () => {
  const hr = await h.login('hr');
  const reviewer01 = await h.login('reviewer01');
  const { cycleId } = await openCountyCycleWithTasks(h, hr, {
    countyCode: 'C01',
    period: '2026-12',
    kind: 'MARKETING_REVIEW',
    count: 3,
  });
  const cycle = { id: cycleId };
  // The template: a row per manager whose review is the reviewer's, the name beside the number.
  const res = await fetch(`${h.baseUrl}/api/cycles/${cycle.id}/marketing-reviews/template`, {
    headers: { authorization: `Bearer ${reviewer01}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('营销部审核-2026-12.csv');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, so that Excel reads UTF-8
  const template = bytes.subarray(3).toString('utf8');
  expect(template.split(/\r?\n/).slice(0, 4)).toEqual([
    '员工编号,姓名,销量完成率,访销成功率,基础数据维护,审核评分,审核意见',
    'M001,王伟,,,,,',
    'M002,李娜,,,,,',
    'M003,张敏,,,,,',
  ]);
  expect((await h.api('GET', `/api/cycles/${cycle.id}/marketing-reviews/template`, { token: hr })).status).toBe(403);

  // Filled in Excel on a Chinese Windows and saved as CSV: GBK bytes, CRLF, the name column kept.
  const filled = template
    .replace('M001,王伟,,,,,', 'M001,王伟,104%,96,90,88,完成较好')
    .replace('M002,李娜,,,,,', 'M002,李娜,95,92,100,80,数据维护及时')
    .replace('M003,张敏,,,,,', 'M003,张敏,80,85,70,70,需加强')
    .replace(/\r?\n/g, '\r\n');
  const gbk = iconv.encode(filled, 'gbk');
  expect(gbk.toString('utf8')).not.toContain('员工编号'); // really not UTF-8
  const imported = await fetch(`${h.baseUrl}/api/cycles/${cycle.id}/marketing-reviews/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${reviewer01}`, 'content-type': 'text/csv' },
    body: gbk,
  });
  expect(imported.status).toBe(201);
  expect(await imported.json()).toMatchObject({ imported: 3, alreadySubmitted: 0, notAccepted: 0 });
  const m002 = await h.db.prisma.submission.findFirstOrThrow({
    where: { task: { cycleId: cycle.id, evaluation: { manager: { employeeNo: 'M002' } } } },
  });
  expect(m002.payload).toMatchObject({ comment: '数据维护及时' });
});
