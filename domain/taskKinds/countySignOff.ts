// County sign-off (县级审核): the county head signs off the county's scored results; in
// quarterly cycles the sign-off recommends one excellent manager to the city.
import { z } from 'zod';
import { lazySchema } from '../lazySchema';
import { commentField, defineTaskKind } from './definition';
import { multiLine } from '../text';

/** Cycle types whose county sign-off must recommend one excellent manager. */
const recommendingCycleTypes = ['QUARTERLY'];
export const recommendationRequired = (cycleType: string) => recommendingCycleTypes.includes(cycleType);

export const countySignOffSchema = lazySchema(() =>
  z.object({
    decision: z.literal('signOff'),
    comment: multiLine().max(2000).optional(),
    /** Quarterly cycles: the one excellent manager the county recommends to the city. */
    recommendedManagerId: z.uuid().optional(),
  }),
);

export const countySignOff = defineTaskKind({
  kind: 'COUNTY_SIGN_OFF',
  names: { 'zh-CN': '县级审核', en: 'county sign-off' },
  actor: 'COUNTY_HEAD',
  assignee: 'actorRole',
  defaultDueOffsetDays: 12,
  policyKind: 'decision',
  policySlot: 'approvals',
  schema: countySignOffSchema,
  components: [],
  form: [
    { name: 'decision', type: 'fixed', value: 'signOff' },
    commentField(),
    {
      name: 'recommendedManagerId',
      type: 'countyManager',
      label: { 'zh-CN': '推荐优秀客户经理', en: 'Recommended excellent manager' },
      cycleTypes: recommendingCycleTypes,
    },
  ],
});
