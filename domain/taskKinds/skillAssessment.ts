// Half-year skill-level assessment (技能等级考评): the exam score and the ability review
// give the skill score and the level recorded (rules in ../skillAssessment).
import { skillAssessmentSchema, skillResult } from '../skillAssessment';
import { commentField, defineTaskKind, scoreField } from './definition';

export const skillAssessment = defineTaskKind({
  kind: 'SKILL_ASSESSMENT',
  names: { 'zh-CN': '技能等级考评', en: 'skill assessment' },
  actor: 'MARKETING_REVIEWER',
  assignee: 'actorRole',
  defaultDueOffsetDays: 10,
  policyKind: 'evaluation',
  policySlot: 'tasks',
  defaultInCycles: ['HALF_YEAR'],
  schema: skillAssessmentSchema,
  components: ['skill'],
  score: (a, rules) => {
    const r = skillResult(a, rules.skillAssessment);
    return [
      {
        component: 'skill',
        value: r.score,
        details: { examScore: a.examScore, abilityReview: a.abilityReview, skillLevel: r.level },
      },
    ];
  },
  form: [
    scoreField('examScore', '技能考试成绩', 'Exam score'),
    scoreField('abilityReview', '能力评审', 'Ability review'),
    commentField(),
  ],
});
