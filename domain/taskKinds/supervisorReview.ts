// Supervisor review (上级考评, one side of the 360° review): the county head rates each of the
// county's managers on attitude, execution, teamwork and competence; the supervisor component
// is their mean. A template option: it counts with the weight the template gives it.
import { z } from 'zod';
import { lazySchema } from '../lazySchema';
import { roundHalfUp2 } from '../rounding';
import { multiLine } from '../text';
import { commentField, defineTaskKind, scoreField } from './definition';

export const supervisorItems = ['attitude', 'execution', 'teamwork', 'competence'] as const;

export const supervisorReviewSchema = lazySchema(() =>
  z.object({
    attitude: z.number().min(0).max(100),
    execution: z.number().min(0).max(100),
    teamwork: z.number().min(0).max(100),
    competence: z.number().min(0).max(100),
    comment: multiLine().min(2).max(2000),
  }),
);
export type SupervisorReview = z.infer<typeof supervisorReviewSchema>;

/** The supervisor component (0–100): the mean of the four ratings. */
export function supervisorScore(r: Pick<SupervisorReview, (typeof supervisorItems)[number]>): number {
  return roundHalfUp2(supervisorItems.reduce((sum, item) => sum + r[item], 0) / supervisorItems.length);
}

export const supervisorReview = defineTaskKind({
  kind: 'SUPERVISOR_REVIEW',
  names: { 'zh-CN': '上级考评', en: 'supervisor review' },
  actor: 'COUNTY_HEAD',
  assignee: 'actorRole',
  defaultDueOffsetDays: 10,
  policyKind: 'evaluation',
  policySlot: 'tasks',
  // No cycle gathers it by default: a template adds it with its weight (360° review).
  schema: supervisorReviewSchema,
  components: ['supervisor'],
  score: (r) => [
    {
      component: 'supervisor',
      value: supervisorScore(r),
      details: { attitude: r.attitude, execution: r.execution, teamwork: r.teamwork, competence: r.competence },
    },
  ],
  form: [
    scoreField('attitude', '工作态度', 'Attitude'),
    scoreField('execution', '执行力', 'Execution'),
    scoreField('teamwork', '团队协作', 'Teamwork'),
    scoreField('competence', '业务能力', 'Competence'),
    commentField('comment', undefined, true),
  ],
});
