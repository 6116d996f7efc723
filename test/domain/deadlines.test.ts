import { defaultDueOffsetDays } from '../../domain/taskKinds';
import { dueDateFor, planTaskDeadlines } from '../../domain/taskDeadlines';
import { defaultTemplateConfig, defaultWeights, parseTemplateConfig } from '../../domain/templates';

describe('template defaults (DOMAIN.md)', () => {
  test('due offsets: self 5, inspection 7, reviews/survey/feedback 10, county sign-off 12, city approval 15', () => {
    expect(defaultDueOffsetDays).toMatchObject({
      SELF_ASSESSMENT: 5,
      INSPECTION: 7,
      MARKETING_REVIEW: 10,
      CUSTOMER_SURVEY: 10,
      INDUSTRY_FEEDBACK: 10,
      COUNTY_SIGN_OFF: 12,
      CITY_APPROVAL: 15,
    });
  });
  test('weights: performance 40, customer 20, industry 10, self 10, marketing review 20 (the half-year skill score only in the half-year)', () => {
    expect(defaultWeights).toEqual({
      performance: 40,
      customer: 20,
      industry: 10,
      selfEvaluation: 10,
      marketingReview: 20,
      skill: 0,
      supervisor: 0, // the 360° supervisor review counts only where a template gives it a weight
      peer: 0, // and so does the peer review
    });
    expect(defaultTemplateConfig('HALF_YEAR').weights).toEqual({
      performance: 0,
      customer: 0,
      industry: 0,
      selfEvaluation: 0,
      marketingReview: 0,
      skill: 100,
      supervisor: 0,
      peer: 0,
    });
    expect(Object.values(defaultWeights).reduce((a, b) => a + b, 0)).toBe(100);
  });
  test('the monthly template opens a self-assessment due in 5 days with reminders 2 days before and on the due date', () => {
    const t = defaultTemplateConfig('MONTHLY');
    expect(t.tasks.SELF_ASSESSMENT).toMatchObject({ dueOffsetDays: 5, reminderDaysBeforeDue: [2, 0] });
    expect(parseTemplateConfig(t)).toEqual(t);
  });
  test('a template with a bad policy is refused', () => {
    const t = defaultTemplateConfig('MONTHLY');
    expect(() =>
      parseTemplateConfig({ ...t, tasks: { SELF_ASSESSMENT: { ...t.tasks.SELF_ASSESSMENT, afterGrace: 'ignore' } } }),
    ).toThrow();
  });
});

describe('task deadlines', () => {
  const policy = { reminderDaysBeforeDue: [2, 0], graceDays: 3 };
  // Opened 1 Nov 2026 10:00 Shanghai (02:00 UTC).
  const openedAt = new Date('2026-11-01T02:00:00Z');

  test('due 5 days after the day it opened', () => {
    expect(dueDateFor(openedAt, 5)).toBe('2026-11-06');
  });

  test('reminders at 09:00 Shanghai 2 days before and on the due date; escalations when overdue and after the grace period', () => {
    const plan = planTaskDeadlines(openedAt, '2026-11-06', policy, 9);
    expect(plan.dueAt.toISOString()).toBe('2026-11-06T16:00:00.000Z'); // end of 6 Nov, Shanghai
    expect(plan.steps.map((s) => [s.kind, s.at.toISOString()])).toEqual([
      ['reminder', '2026-11-04T01:00:00.000Z'],
      ['reminder', '2026-11-06T01:00:00.000Z'],
      ['escalation', '2026-11-06T16:00:00.000Z'],
      ['escalation', '2026-11-09T16:00:00.000Z'],
      ['graceExpired', '2026-11-09T16:00:00.000Z'],
    ]);
  });

  test('a reminder already past when the task opens is not sent', () => {
    const late = new Date('2026-11-04T03:00:00Z'); // after 09:00 on 4 Nov
    const plan = planTaskDeadlines(late, '2026-11-06', policy, 9);
    expect(plan.steps.filter((s) => s.kind === 'reminder').map((s) => s.at.toISOString())).toEqual([
      '2026-11-06T01:00:00.000Z',
    ]);
  });
});
