// Complaint rules (投诉受理, DOMAIN.md "Complaints"): each confirmed complaint deducts 2 points
// (the template's default) from the inspection of the month it was received in, on top of
// the inspection's own deductions; complaints are analysed by kind, county and month.
import { renderComplaintDecided } from '../../domain/complaintNotifications';
import {
  analyseComplaints,
  complaintMonth,
  complaintPoints,
  countedComplaintIds,
  defaultComplaintDeduction,
  receivedOnProblem,
  registerComplaintSchema,
} from '../../domain/complaints';
import { compositeScore } from '../../domain/scoring';
import { compositeInputs, deductionsOf, defaultTemplateConfig, parseTemplateConfig } from '../../domain/templates';

test('a confirmed complaint deducts 2 points by default, from the month it was received in', () => {
  expect(defaultComplaintDeduction).toBe(2);
  expect(defaultTemplateConfig('MONTHLY').complaint.deductionPoints).toBe(2);
  // A template saved before complaints existed reads with the default.
  const { complaint: _dropped, ...older } = defaultTemplateConfig('MONTHLY');
  expect(parseTemplateConfig(older).complaint.deductionPoints).toBe(2);
  expect(complaintMonth('2026-11-30')).toBe('2026-11');
  expect(complaintPoints([{ points: 2 }, { points: 2 }, { points: 1.5 }])).toBe(5.5);
  expect(complaintPoints([])).toBe(0);
});

test('complaints count with the inspection deductions in the composite', () => {
  const template = defaultTemplateConfig('MONTHLY');
  const scores = [
    { component: 'performance', value: 80, missing: false, details: null },
    { component: 'customer', value: 90, missing: false, details: null },
    { component: 'industry', value: 85, missing: false, details: null },
    { component: 'selfEvaluation', value: 88, missing: false, details: null },
    { component: 'marketingReview', value: 75, missing: false, details: null },
    { component: 'inspection', value: 95, missing: false, details: { deductions: 5 } },
    {
      component: 'complaints',
      value: 4,
      missing: false,
      details: { complaints: [{ complaintId: 'a' }, { complaintId: 'b' }] },
    },
  ];
  expect(deductionsOf(scores)).toEqual({ inspection: 5, complaints: 4, total: 9 });
  const { values, deductions } = compositeInputs(scores, template);
  expect(values).not.toHaveProperty('complaints');
  expect(deductions).toBe(9);
  // 40×80 + 20×90 + 10×85 + 10×88 + 20×75 = 8230 / 100 = 82.30, less 5 (inspection) and 2 × 2 (complaints)
  const all = ['performance', 'customer', 'industry', 'selfEvaluation', 'marketingReview'] as const;
  expect(compositeScore(template.weights, values, [...all], deductions)).toBe(73.3);
  expect(countedComplaintIds(scores[6]!.details)).toEqual(['a', 'b']);
  expect(countedComplaintIds(null)).toEqual([]);
});

test('a complaint is received today or in the past year, never in the future', () => {
  expect(receivedOnProblem('2026-12-06', '2026-12-06')).toBeNull();
  expect(receivedOnProblem('2025-12-06', '2026-12-06')).toBeNull();
  expect(receivedOnProblem('2026-12-07', '2026-12-06')?.en).toMatch(/future/);
  expect(receivedOnProblem('2025-12-05', '2026-12-06')?.en).toMatch(/a year ago/);
});

test('the registration takes a known channel and kind, a date, short text without control characters', () => {
  const ok = {
    managerId: '5f0f4a52-8f83-4c8b-9d5e-1b7c8a8c2a11',
    channel: 'HOTLINE',
    kind: 'ATTITUDE',
    receivedOn: '2026-11-20',
    customerName: ' 城关便利店 ',
    content: '服务态度生硬，订货问题没有解释。',
  };
  expect(registerComplaintSchema.parse(ok).customerName).toBe('城关便利店');
  const issues = (value: object) =>
    registerComplaintSchema.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];
  expect(issues({ ...ok, channel: 'FAX' })).toEqual(['channel']);
  expect(issues({ ...ok, receivedOn: '2026-02-30' })).toEqual(['receivedOn']);
  expect(issues({ ...ok, content: 'bad\u0000text here' })).toEqual(['content']);
  expect(issues({ ...ok, customerPhone: 'call me' })).toEqual(['customerPhone']);
});

test('the analysis counts by kind (every kind listed), county and month, with the confirmed share', () => {
  const rows = [
    { kind: 'ATTITUDE', countyId: 'c1', month: '2026-11', status: 'CONFIRMED' },
    { kind: 'ATTITUDE', countyId: 'c2', month: '2026-11', status: 'NOT_CONFIRMED' },
    { kind: 'VISITS', countyId: 'c1', month: '2026-12', status: 'CONFIRMED' },
    { kind: 'SUPPLY', countyId: 'c1', month: '2026-12', status: 'AWAITING_ANSWER' },
  ] as const;
  const a = analyseComplaints(rows);
  expect(a.overall).toEqual({ total: 4, confirmed: 2, notConfirmed: 1, open: 1, confirmedShare: 0.67 });
  expect(a.byKind.map((k) => [k.kind, k.total])).toEqual([
    ['ATTITUDE', 2],
    ['VISITS', 1],
    ['SUPPLY', 1],
    ['POLICY', 0],
    ['DISCIPLINE', 0],
    ['OTHER', 0],
  ]);
  expect(a.byKind[0]!.confirmedShare).toBe(0.5);
  expect(a.byKind[3]!.confirmedShare).toBeNull();
  expect(a.byCounty.map((c) => [c.countyId, c.total, c.confirmed])).toEqual([
    ['c1', 3, 2],
    ['c2', 1, 0],
  ]);
  expect(a.byMonth.map((m) => [m.month, m.total])).toEqual([
    ['2026-11', 2],
    ['2026-12', 2],
  ]);
});

test('the decision mail says what was deducted and what it did to the month, in both languages', () => {
  const base = {
    recipientName: '李娜',
    receivedOn: '2026-11-20',
    kind: 'ATTITUDE' as const,
    points: 2,
    month: '2026-11',
    reason: '回访属实',
    url: 'http://kaoping.test/app/#/complaints/x',
  };
  const zh = renderComplaintDecided(
    { ...base, confirmed: true, result: { composite: { from: 81, to: 79 }, rank: { from: 2, to: 3 } } },
    'zh-CN',
  );
  expect(zh.subject).toBe('【投诉认定】2026-11-20 客户投诉：属实');
  expect(zh.text).toContain('扣 2026-11 督察分 2.00 分：综合得分 81.00 → 79.00，排名第 2 → 第 3。');
  expect(zh.text).toContain('理由：回访属实。');
  const notYet = renderComplaintDecided({ ...base, confirmed: true, result: null }, 'en');
  expect(notYet.text).toContain('2.00 points come off the inspection of 2026-11, counted when the month is scored.');
  const dismissed = renderComplaintDecided({ ...base, confirmed: false, result: null }, 'en');
  expect(dismissed.subject).toBe('[Kaoping] The complaint of 2026-11-20: not confirmed');
  expect(dismissed.text).toContain('Nothing is deducted.');
});
