// Peer review (同级考评, DOMAIN.md "360° review"): a quarterly template adds it with its weight;
// each manager of the county rates 3 peers drawn at random (never themself); a manager's peer
// score is the mean of at least 3 raters, else it is neither shown nor counted; and nobody
// but the rater can see who gave what.
import type { Browser } from 'playwright-core';
import type { Organisation } from '../prisma/seed';
import { roundHalfUp2 } from '../domain/rounding';
import { defaultTemplateConfig } from '../domain/templates';
import { smallOrganisation, validSelfAssessment } from './support/fixtures';
import { launchBrowser } from './support/browser';
import { eventually, startHarness, type Harness } from './support/harness';
import { field, openTask, scriptErrors, shot, signedIn } from './support/pages';

const organisation = (): Organisation => {
  const org = smallOrganisation();
  const like = org.managers[0]!;
  // 甲县 with five managers: each rates 3 of the other 4, and is rated by 3.
  org.managers.push({ ...like, employeeNo: 'M005', name: '赵磊' }, { ...like, employeeNo: 'M006', name: '孙丽' });
  return org;
};

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  const t = defaultTemplateConfig('QUARTERLY');
  const policy = { ...t.tasks.SELF_ASSESSMENT!, reminderDaysBeforeDue: [], graceDays: 1 };
  h = await startHarness({
    organisation: organisation(),
    templates: {
      QUARTERLY: {
        ...t,
        weights: {
          ...t.weights,
          performance: 0,
          customer: 0,
          industry: 0,
          marketingReview: 0,
          selfEvaluation: 10,
          peer: 10,
        },
        tasks: { SELF_ASSESSMENT: policy, PEER_REVIEW: { ...policy, afterGrace: 'closeAsMissing' } },
        peerReview: { peersPerRater: 3 },
      },
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** Rater n (M001 → 0 … M006 → 4) gives each of their peers n×5 + 75 on every item. */
const ratingOf = (employeeNo: string) => 75 + 5 * ['M001', 'M002', 'M003', 'M005', 'M006'].indexOf(employeeNo);

test('five managers rate three peers each; a peer score needs 3 raters; nobody else sees who gave what', async () => {
  const hr = await h.login('hr');
  const county = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  const opened = await h.api('POST', '/api/cycles', {
    token: hr,
    body: { type: 'QUARTERLY', period: '2026-Q3', countyId: county.id },
  });
  expect(opened.status).toBe(201);
  const cycleId = opened.body.id as string;
  const peerTasks = await eventually(
    async () => {
      const tasks = await h.db.prisma.task.findMany({
        where: { cycleId, kind: 'PEER_REVIEW' },
        include: { evaluation: { include: { manager: true } } },
      });
      return tasks.length === 5 ? tasks : undefined;
    },
    30_000,
    'five peer reviews',
  );

  // The draw: 15 pairs, nobody rates themself, everyone rates 3 and is rated by 3.
  const pairs = await h.db.prisma.peerAssignment.findMany({ where: { cycleId } });
  expect(pairs).toHaveLength(15);
  expect(pairs.every((p) => p.raterEvaluationId !== p.rateeEvaluationId)).toBe(true);
  const evaluations = peerTasks.map((t) => t.evaluation!);
  for (const e of evaluations) {
    expect(pairs.filter((p) => p.raterEvaluationId === e.id)).toHaveLength(3);
    expect(pairs.filter((p) => p.rateeEvaluationId === e.id)).toHaveLength(3);
  }
  const managerOf = new Map(evaluations.map((e) => [e.id, e.manager]));
  const peersOf = (evaluationId: string) =>
    pairs.filter((p) => p.raterEvaluationId === evaluationId).map((p) => managerOf.get(p.rateeEvaluationId)!);

  // The rater sees their three peers; HR sees that the task exists, not whom it rates.
  const first = peerTasks.find((t) => t.evaluation!.manager.employeeNo === 'M001')!;
  const m001 = await h.login('m001');
  const context = await h.api('GET', `/api/tasks/${first.id}/context`, { token: m001 });
  expect(context.status).toBe(200);
  expect(context.body.peers.map((p: { id: string }) => p.id).sort()).toEqual(
    peersOf(first.evaluationId!)
      .map((m) => m.id)
      .sort(),
  );
  expect((await h.api('GET', `/api/tasks/${first.id}/context`, { token: hr })).body.peers).toBeNull();
  expect((await h.api('GET', `/api/tasks/${first.id}`, { token: await h.login('m002') })).status).toBe(403);

  const ratingsBy = (rater: string, peers: { id: string }[]) =>
    peers.map((p) => ({
      managerId: p.id,
      cooperation: ratingOf(rater),
      sharing: ratingOf(rater),
      discipline: ratingOf(rater),
    }));
  const own = peersOf(first.evaluationId!);
  const self = evaluations.find((e) => e.manager.employeeNo === 'M001')!.manager;
  // Exactly the assigned peers: not two of them, not oneself, not twice the same.
  for (const ratings of [
    ratingsBy('M001', own.slice(0, 2)),
    ratingsBy('M001', [...own.slice(0, 2), self]),
    ratingsBy('M001', [own[0]!, own[0]!, own[1]!]),
  ]) {
    const refused = await h.api('POST', `/api/tasks/${first.id}/submission`, { token: m001, body: { ratings } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('body.ratings');
  }
  const outOfRange = ratingsBy('M001', own).map((r, i) => (i === 0 ? { ...r, sharing: 101 } : r));
  expect(
    (await h.api('POST', `/api/tasks/${first.id}/submission`, { token: m001, body: { ratings: outOfRange } })).status,
  ).toBe(400);
  expect(await h.db.prisma.submission.count({ where: { taskId: first.id } })).toBe(0);

  // Everyone submits the self-assessment (90) and, but M006, the peer review.
  for (const t of peerTasks) {
    const no = t.evaluation!.manager.employeeNo;
    const token = await h.login(no.toLowerCase());
    const selfTask = await h.db.prisma.task.findFirstOrThrow({
      where: { evaluationId: t.evaluationId, kind: 'SELF_ASSESSMENT' },
    });
    const sent = await h.api('POST', `/api/tasks/${selfTask.id}/submission`, {
      token,
      body: { ...validSelfAssessment, attitude: 90, knowledge: 90, skills: 90 },
    });
    expect(sent.status).toBe(201);
    if (no === 'M006' || no === 'M002') continue;
    const rated = await h.api('POST', `/api/tasks/${t.id}/submission`, {
      token,
      body: { ratings: ratingsBy(no, peersOf(t.evaluationId!)) },
    });
    expect(rated.status).toBe(201);
    expect(rated.body.scores).toEqual({}); // nothing scores on the rater's own result
  }
  // M002 rates in the page: the three peers drawn, every item required, the promise of anonymity.
  const m002 = peerTasks.find((t) => t.evaluation!.manager.employeeNo === 'M002')!;
  const page = await signedIn(h, browser, 'm002');
  await openTask(h, page, 'PEER_REVIEW');
  await page.waitForSelector('#peer-ratings');
  const peers = peersOf(m002.evaluationId!);
  for (const p of peers) expect(await page.locator('#peer-ratings').textContent()).toContain(p.name);
  await page.click('#task-form button[type=submit]');
  await page.waitForSelector('#task-form .ant-form-item-explain-error');
  for (let i = 0; i < peers.length; i++)
    for (const item of ['cooperation', 'sharing', 'discipline'])
      await page.fill(field('task-form', `ratings.${i}.${item}`), String(ratingOf('M002')));
  await shot(page, '81-peer-review-form');
  await page.click('#task-form button[type=submit]');
  await page.waitForSelector('#task-done');
  expect(scriptErrors(page)).toEqual([]);

  // M006 lets theirs run out: after the due date and the grace day it closes as missing.
  const late = peerTasks.find((t) => t.evaluation!.manager.employeeNo === 'M006')!;
  await h.env.sleep(late.dueAt.getTime() + 2 * 86_400_000 + 60_000 - (await h.env.currentTimeMs()));
  await eventually(
    async () => (await h.db.prisma.countyReview.count({ where: { cycleId } })) === 1,
    30_000,
    'the county review',
  );
  expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id: late.id } })).status).toBe('CLOSED_MISSING');

  // Each ratee: the raters who sent their review. Three: the mean counts; two: left out.
  const ratedByM006 = new Set(
    pairs.filter((p) => p.raterEvaluationId === late.evaluationId).map((p) => p.rateeEvaluationId),
  );
  let counted = 0;
  for (const e of evaluations) {
    const raters = pairs
      .filter((p) => p.rateeEvaluationId === e.id && p.raterEvaluationId !== late.evaluationId)
      .map((p) => managerOf.get(p.raterEvaluationId)!.employeeNo);
    const result = await h.db.prisma.evaluation.findUniqueOrThrow({ where: { id: e.id }, include: { scores: true } });
    const peer = result.scores.find((s) => s.component === 'peer');
    if (ratedByM006.has(e.id)) {
      expect(raters).toHaveLength(2);
      expect(peer).toBeUndefined();
      expect(Number(result.compositeScore)).toBe(90); // the self-assessment alone
    } else {
      counted += 1;
      expect(raters).toHaveLength(3);
      const mean = raters.reduce((s, r) => s + ratingOf(r), 0) / 3;
      expect(Number(peer!.value)).toBeCloseTo(mean, 2);
      expect(peer!.details).toMatchObject({ raters: 3 });
      // The stored peer score (to 2 places) and the self-assessment's 90, half each.
      expect(Number(result.compositeScore)).toBe(roundHalfUp2((90 + Number(peer!.value)) / 2));
    }
  }
  expect(counted).toBe(2); // M006 and the one peer M006 did not rate

  // The ratee reads the aggregate; neither the page nor the timeline names a rater.
  const countedOne = evaluations.find((e) => !ratedByM006.has(e.id) && e.id !== late.evaluationId)!;
  const token = await h.login(countedOne.manager.employeeNo.toLowerCase());
  const result = await h.api('GET', `/api/evaluations/${countedOne.id}`, { token });
  expect(result.status).toBe(200);
  expect(result.body.explanation.gathered).toEqual(['selfEvaluation', 'peer']);
  expect(result.body.explanation.peer).toMatchObject({ counted: true, raters: 3, minimumRaters: 3 });
  const raterIds = pairs
    .filter((p) => p.rateeEvaluationId === countedOne.id)
    .flatMap((p) => [
      p.raterEvaluationId,
      managerOf.get(p.raterEvaluationId)!.id,
      managerOf.get(p.raterEvaluationId)!.name,
    ]);
  const timeline = await h.api('GET', `/api/managers/${countedOne.managerId}/timeline`, { token: hr });
  for (const text of [JSON.stringify(result.body), JSON.stringify(timeline.body)])
    for (const id of raterIds) expect(text).not.toContain(id);
  const notCounted = evaluations.find((e) => ratedByM006.has(e.id))!;
  const other = await h.api('GET', `/api/evaluations/${notCounted.id}`, { token: hr });
  expect(other.body.explanation.gathered).toEqual(['selfEvaluation']);
  expect(other.body.explanation.peer).toMatchObject({ counted: false, raters: null, items: null });

  // A submitted peer review: its rater reads it back; HR and the county head read that it was sent.
  const sentBack = await h.api('GET', `/api/tasks/${first.id}`, { token: m001 });
  expect(sentBack.body.task.submission.payload.ratings).toHaveLength(3);
  for (const reader of ['hr', 'head01']) {
    const seen = await h.api('GET', `/api/tasks/${first.id}`, { token: await h.login(reader) });
    expect(seen.status).toBe(200);
    expect(seen.body.task.status).toBe('SUBMITTED');
    expect(seen.body.task.submission.payload).toBeNull();
  }
  // The pages: the ratee's result with the aggregate, one left out, HR on a sent peer review.
  const ratee = await signedIn(h, browser, countedOne.manager.employeeNo.toLowerCase());
  await ratee.goto(`${h.baseUrl}/app/#/evaluations/${countedOne.id}`);
  await ratee.waitForSelector('#peer-result #peer-raters');
  expect(await ratee.textContent('#peer-raters')).toContain('3 位同事');
  await shot(ratee, '82-peer-review-result');
  const hrPage = await signedIn(h, browser, 'hr');
  await hrPage.goto(`${h.baseUrl}/app/#/evaluations/${notCounted.id}`);
  await hrPage.waitForSelector('#peer-not-counted');
  await shot(hrPage, '83-peer-review-not-counted');
  await hrPage.goto(`${h.baseUrl}/app/#/tasks/${first.id}`);
  await hrPage.waitForSelector('#peer-hidden');
  await shot(hrPage, '84-peer-review-hidden');
  expect(scriptErrors(ratee)).toEqual([]);
  expect(scriptErrors(hrPage)).toEqual([]);

  const settled = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'peerReview.settled', cycleId } });
  expect(settled.details).toMatchObject({ countyId: county.id, rated: 5, counted: 2 });
}, 240_000);
