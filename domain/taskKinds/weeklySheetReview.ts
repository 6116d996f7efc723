// The weekly one-sheet, the county's review (按周批阅): the county head (or whom HR gives
// it to) reads the week's sheet and signs it off with a comment, or returns it to the
// manager with the reason.
import { weeklySheetReviewSchema } from '../weeklySheet';
import { commentField, defineTaskKind, reasonField } from './definition';

export const weeklySheetReview = defineTaskKind({
  kind: 'WEEKLY_SHEET_REVIEW',
  names: { 'zh-CN': '一张纸批阅', en: 'weekly sheet review' },
  actor: 'COUNTY_HEAD',
  assignee: 'actorRole',
  // Days after the sheet came in.
  defaultDueOffsetDays: 3,
  policyKind: 'decision',
  policySlot: 'weeklySheet',
  schema: weeklySheetReviewSchema,
  components: [],
  form: [
    {
      name: 'decision',
      type: 'select',
      label: { 'zh-CN': '批阅', en: 'Review' },
      options: [
        { value: 'reviewed', label: { 'zh-CN': '已阅', en: 'Reviewed' } },
        { value: 'return', label: { 'zh-CN': '退回修改', en: 'Return' } },
      ],
      required: true,
    },
    commentField('comment', { field: 'decision', in: ['reviewed'] }, true),
    reasonField({ field: 'decision', in: ['return'] }),
  ],
});
