// Annual grade proposal (年度等级推荐): the county head proposes a grade per manager,
// with the date approved changes take effect (rules in ../gradeDetermination).
import { gradeProposalSchema } from '../gradeDetermination';
import { defineTaskKind } from './definition';

export const gradeProposal = defineTaskKind({
  kind: 'GRADE_PROPOSAL',
  names: { 'zh-CN': '年度等级推荐', en: 'annual grade proposal' },
  actor: 'COUNTY_HEAD',
  assignee: 'actorRole',
  // Days after the proposal opens (it follows the published annual results).
  defaultDueOffsetDays: 10,
  policyKind: 'decision',
  policySlot: 'gradeDetermination',
  schema: gradeProposalSchema,
  components: [],
  form: [
    { name: 'effectiveDate', type: 'date', label: { 'zh-CN': '生效日期', en: 'Effective date' } },
    { name: 'proposals', type: 'gradeProposals' },
  ],
});
