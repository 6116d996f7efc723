import { defaultSkillPolicy, skillPolicySchema, skillResult } from '../../domain/skillAssessment';

test('skill score is exam 60% + ability review 40% by default; the level is the highest threshold reached', () => {
  expect(skillResult({ examScore: 90, abilityReview: 80 })).toEqual({ score: 86, level: 'SENIOR' });
  expect(skillResult({ examScore: 80, abilityReview: 70 })).toEqual({ score: 76, level: 'MIDDLE' });
  expect(skillResult({ examScore: 70, abilityReview: 45 })).toEqual({ score: 60, level: 'JUNIOR' });
  expect(skillResult({ examScore: 50, abilityReview: 70 })).toEqual({ score: 58, level: 'NONE' });
});

test('weights and thresholds come from the template', () => {
  const policy = { examWeight: 50, abilityWeight: 50, thresholds: { SENIOR: 90, MIDDLE: 75, JUNIOR: 60 } };
  expect(skillResult({ examScore: 90, abilityReview: 80 }, policy)).toEqual({ score: 85, level: 'MIDDLE' });
  expect(
    skillPolicySchema.safeParse({ ...defaultSkillPolicy, thresholds: { SENIOR: 60, MIDDLE: 70, JUNIOR: 50 } }).success,
  ).toBe(false);
  expect(skillPolicySchema.safeParse({ ...defaultSkillPolicy, examWeight: 0, abilityWeight: 0 }).success).toBe(false);
});
