// 全市分析: two published months of county A (five managers) and one of county B, through the
// engine. The city page shows each county's distribution and trend, the managers one bad month
// from a bottom-ranking flag (末位预警, DOMAIN.md's rules: bottom 2 in 2 consecutive months,
// bottom 3 three times a year), trajectories, and the grade ladder against its quotas.
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { testPassword } from './support/fixtures';
import { publishCountyCycle, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';
import { scriptErrors, shot, signedIn } from './support/pages';

let h: Harness;
let browser: Browser;
const ids: Record<string, string> = {};
beforeAll(async () => {
  [h, browser] = await Promise.all([
    startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } }),
    launchBrowser(),
  ]);
  const hr = await h.login('hr');
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  for (const [no, name] of [
    ['M005', '钱敏'],
    ['M006', '孙磊'],
  ] as const) {
    const joined = await h.api('POST', '/api/org/managers', {
      token: hr,
      body: {
        employeeNo: no,
        name,
        countyId: countyA.id,
        area: 'URBAN',
        employment: 'CONTRACT',
        hireDate: '2024-03-01',
        postStartDate: '2024-03-01',
        education: 'BACHELOR',
        grade: 'JUNIOR_B',
        username: no.toLowerCase(),
        email: `${no.toLowerCase()}@test.local`,
        password: testPassword,
      },
    });
    expect(joined.status).toBe(201);
  }
  // September, from the bottom: M003 1, M006 2, M002 3, M005 4, M001 5.
  await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: '2026-09',
    countyCode: 'C01',
    selfScores: { m001: 95, m002: 85, m003: 70, m005: 90, m006: 75 },
  });
  // October: M002 1, M006 2 (its second month in the bottom 2: flagged), M003 3, M001 4, M005 5.
  await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: '2026-10',
    countyCode: 'C01',
    selfScores: { m001: 92, m002: 72, m003: 88, m005: 94, m006: 80 },
  });
  await publishCountyCycle(h, { type: 'MONTHLY', period: '2026-10', countyCode: 'C02', selfScores: { m004: 86 } });
  for (const m of await h.db.prisma.manager.findMany()) ids[m.employeeNo] = m.id;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('the latest month: distribution per county, trend, and who is one bad month from a flag', async () => {
  const res = await h.api('GET', '/api/analytics/city?type=MONTHLY', { token: await h.login('hr') });
  expect(res.status).toBe(200);
  const a = res.body;
  expect([a.period, a.periods]).toEqual(['2026-10', ['2026-10', '2026-09']]);
  const code = (countyId: string) => a.counties.find((c: { id: string }) => c.id === countyId).code;
  const byCode = Object.fromEntries(a.distribution.counties.map((c: { countyId: string }) => [code(c.countyId), c]));
  // 72, 80, 88, 92, 94: QUARTILE.INC 80, 88, 92; mean 85.2; bands 70–80: 1, 80–90: 2, 90–100: 2.
  expect(byCode.C01).toMatchObject({ count: 5, min: 72, q1: 80, median: 88, q3: 92, max: 94, mean: 85.2 });
  expect(byCode.C01.bands).toEqual([0, 0, 1, 2, 2]);
  expect(byCode.C02).toMatchObject({ count: 1, mean: 86, median: 86 });
  expect(a.distribution.city).toMatchObject({ count: 6, mean: 85.33 });
  // The trend: September 83 (95, 85, 70, 90, 75) then 85.2 in county A; county B has October only.
  expect(a.trend.periods).toEqual(['2026-09', '2026-10']);
  const trend = Object.fromEntries(
    a.trend.counties.map((c: { countyId: string; means: number[] }) => [code(c.countyId), c.means]),
  );
  expect(trend).toEqual({ C01: [83, 85.2], C02: [null, 86] });

  // 末位预警 for November. M006 is bottom 2 in Oct (flagged already) and bottom 3 twice; M002
  // bottom 2 in Oct and bottom 3 twice; M003 bottom 3 twice. M004 is alone in county B: always last.
  expect(a.watch.period).toBe('2026-10');
  const watch = a.watch.managers.map(
    (w: { manager: { employeeNo: string }; risks: unknown[]; flaggedNow: boolean; nextPeriod: string }) => [
      w.manager.employeeNo,
      w.nextPeriod,
      w.risks,
      w.flaggedNow,
    ],
  );
  const both = [
    { rule: 'consecutive', bottom: 2 },
    { rule: 'yearly', bottom: 3, times: 2 },
  ];
  expect(watch).toEqual([
    ['M002', '2026-11', both, false],
    ['M004', '2026-11', [{ rule: 'consecutive', bottom: 2 }], false],
    ['M006', '2026-11', both, true],
    ['M003', '2026-11', [{ rule: 'yearly', bottom: 3, times: 2 }], false],
  ]);
  const m006 = a.watch.managers.find((w: { manager: { employeeNo: string } }) => w.manager.employeeNo === 'M006');
  expect(m006.months).toEqual([
    { period: '2026-09', rankFromBottom: 2, cohortSize: 5 },
    { period: '2026-10', rankFromBottom: 2, cohortSize: 5 },
  ]);

  // September on its own: the watch list is as it stood then.
  const sept = await h.api('GET', '/api/analytics/city?type=MONTHLY&period=2026-09', { token: await h.login('hr') });
  expect(sept.body.watch.managers.map((w: { manager: { employeeNo: string } }) => w.manager.employeeNo)).toEqual([
    'M003',
    'M006',
  ]);
});

test('scopes: a county head sees their county; a manager or partner nothing; bad input 400', async () => {
  const head = await h.api('GET', '/api/analytics/city', { token: await h.login('head01') });
  expect(head.status).toBe(200);
  expect(head.body.counties.map((c: { code: string }) => c.code)).toEqual(['C01']);
  expect(head.body.watch.managers.map((w: { manager: { employeeNo: string } }) => w.manager.employeeNo)).toEqual([
    'M002',
    'M006',
    'M003',
  ]);
  expect((await h.api('GET', '/api/analytics/city', { token: await h.login('m001') })).status).toBe(403);
  expect((await h.api('GET', '/api/analytics/city', { token: await h.login('partner02') })).status).toBe(403);
  const bad = await h.api('GET', '/api/analytics/city?type=MONTHLY&period=2026-Q4', { token: await h.login('hr') });
  expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'query.period']);
  const path = `/api/analytics/trajectories?managerIds=${ids.M002}`;
  expect((await h.api('GET', path, { token: await h.login('head02') })).status).toBe(403);
  expect((await h.api('GET', '/api/analytics/trajectories?managerIds=x', { token: await h.login('hr') })).status).toBe(
    400,
  );
});

test('trajectories: score and rank per month', async () => {
  const res = await h.api('GET', `/api/analytics/trajectories?managerIds=${ids.M002},${ids.M004}`, {
    token: await h.login('hr'),
  });
  expect(res.status).toBe(200);
  expect(res.body.periods).toEqual(['2026-09', '2026-10']);
  const points = Object.fromEntries(
    res.body.managers.map((m: { employeeNo: string; points: { compositeScore: number; rank: number }[] }) => [
      m.employeeNo,
      m.points.map((p) => [p.compositeScore, p.rank]),
    ]),
  );
  expect(points).toEqual({
    M002: [
      [85, 3],
      [72, 5],
    ],
    M004: [
      [null, null],
      [86, 1],
    ],
  });
});

test('the page: charts, the watch list in words, trajectories of those at risk, the grade ladder', async () => {
  const page = await signedIn(h, browser, 'hr');
  await page.goto(`${h.baseUrl}/app/#/analytics`);
  await page.waitForSelector('#analytics-distribution tr.ant-table-row');
  expect(await page.locator('#analytics-distribution tr.ant-table-row').count()).toBe(2);
  await page.locator('#watch-list tr.ant-table-row').first().waitFor();
  expect(await page.locator('#watch-list tr.ant-table-row').count()).toBe(4);
  const first = await page.locator('#watch-list tr.ant-table-row').first().textContent();
  expect(first).toContain('M002');
  expect(first).toContain('下月排名后 2 位即触发（连续末位）');
  expect(first).toContain('下月排名后 3 位即为年内第 3 次');
  expect(await page.locator('#watch-list', { hasText: '本月已标记' }).count()).toBe(1);
  // The trajectories start with those at risk: their names are the chart's legend.
  await page.locator('#trajectory-chart svg', { hasText: '孙磊（M006）' }).waitFor();
  await page.locator('#analytics-boxplot svg', { hasText: '甲县' }).waitFor();
  await page.locator('#ladder-chart svg', { hasText: '初级B档' }).waitFor();
  expect(await page.locator('#ladder-by-county tr.ant-table-row').count()).toBe(2);
  await shot(page, '65-city-analytics');
  expect(scriptErrors(page)).toEqual([]);

  // A county head: their own county, the same page.
  const head = await signedIn(h, browser, 'head01');
  await head.goto(`${h.baseUrl}/app/#/analytics`);
  await head.waitForSelector('#analytics-distribution tr.ant-table-row');
  expect(await head.locator('#analytics-distribution tr.ant-table-row').count()).toBe(1);
  expect(scriptErrors(head)).toEqual([]);
}, 120_000);
