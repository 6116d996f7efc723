// Results talk (情感沟通): who gets a talk, how the talks are split among the county's
// leaders, what a record must hold, and the template's defaults.
import {
  splitTalks,
  talkDateProblem,
  talkRecordSchema,
  talkSelection,
  talkAcknowledgementSchema,
} from '../../domain/resultsTalk';
import { defaultTemplateConfig, parseTemplateConfig } from '../../domain/templates';

// A county of six, ranked 1–6 (rank from the bottom 6–1); the 2nd was flagged (a missing task).
const county = [1, 2, 3, 4, 5, 6].map((rank) => ({
  evaluationId: `e${rank}`,
  rank,
  rankFromBottom: 7 - rank,
  flagged: rank === 2,
}));

test('by default every published result gets a talk, best rank first', () => {
  const chosen = talkSelection([...county].reverse(), 'all', 3);
  expect(chosen.map((c) => c.result.evaluationId)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  expect(chosen.every((c) => c.reason === 'all')).toBe(true);
});

test('a template may limit the talks to the flagged and the bottom N (ties included)', () => {
  const chosen = talkSelection(county, 'flaggedAndBottom', 3);
  expect(chosen.map((c) => [c.result.evaluationId, c.reason])).toEqual([
    ['e2', 'flagged'],
    ['e4', 'bottom'],
    ['e5', 'bottom'],
    ['e6', 'bottom'],
  ]);
  // Two share the last place: both are within the bottom 1.
  const tied = [
    { evaluationId: 'a', rank: 1, rankFromBottom: 2, flagged: false },
    { evaluationId: 'b', rank: 2, rankFromBottom: 1, flagged: false },
    { evaluationId: 'c', rank: 2, rankFromBottom: 1, flagged: false },
  ];
  expect(talkSelection(tied, 'flaggedAndBottom', 1).map((c) => c.result.evaluationId)).toEqual(['b', 'c']);
});

test('talks are split among the leaders in turn by rank; without a leader they are unassigned', () => {
  const split = splitTalks(['r1', 'r2', 'r3', 'r4', 'r5'], ['lead-b', 'lead-a']);
  expect(split.map((s) => s.leaderId)).toEqual(['lead-a', 'lead-b', 'lead-a', 'lead-b', 'lead-a']);
  expect(splitTalks(['r1'], []).map((s) => s.leaderId)).toEqual([null]);
});

test('a record holds the four answers and a real date, held after publication and not in the future', () => {
  const record = {
    heldOn: '2026-12-03',
    wentWell: '走访到位',
    wentBadly: '资料更新慢',
    causes: '月末集中录入',
    agreedChange: '每周五更新',
  };
  expect(talkRecordSchema.safeParse(record).success).toBe(true);
  expect(talkRecordSchema.safeParse({ ...record, heldOn: '2026-02-30' }).success).toBe(false);
  expect(talkRecordSchema.safeParse({ ...record, causes: '' }).success).toBe(false);
  expect(talkRecordSchema.safeParse({ ...record, agreedChange: 'x\u0000y' }).success).toBe(false);
  expect(talkDateProblem('2026-12-03', '2026-12-02', '2026-12-04')).toBeNull();
  expect(talkDateProblem('2026-12-01', '2026-12-02', '2026-12-04')?.en).toContain('after the results');
  expect(talkDateProblem('2026-12-05', '2026-12-02', '2026-12-04')?.en).toContain('future');
  expect(talkAcknowledgementSchema.safeParse({ decision: 'acknowledge' }).success).toBe(true);
  expect(talkAcknowledgementSchema.safeParse({ decision: 'refuse' }).success).toBe(false);
});

test('templates hold talks with everyone, due 7 days after publication, acknowledged within 3', () => {
  const t = defaultTemplateConfig('MONTHLY').resultsTalk;
  expect(t).toMatchObject({ enabled: true, scope: 'all', bottomN: 3 });
  expect(t.RESULTS_TALK).toMatchObject({ dueOffsetDays: 7, afterGrace: 'extend' });
  expect(t.TALK_ACKNOWLEDGEMENT).toMatchObject({ dueOffsetDays: 3, afterGrace: 'closeAsMissing' });
  // A template stored before talks existed gets the same defaults.
  const { resultsTalk: _none, ...older } = defaultTemplateConfig('MONTHLY');
  expect(parseTemplateConfig(older).resultsTalk).toEqual(t);
});
