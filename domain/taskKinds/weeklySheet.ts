// The weekly one-sheet (一张纸), the manager's part: fill the week's sheet (saved as a draft
// through the week on its own page) and submit it by Sunday night. Due 6 days after its
// Monday; a returned sheet comes back to the manager as a new round.
import { sheetSubmissionSchema } from '../weeklySheet';
import { defineTaskKind } from './definition';

export const weeklySheet = defineTaskKind({
  kind: 'WEEKLY_SHEET',
  names: { 'zh-CN': '周工作一张纸', en: 'weekly one-sheet' },
  actor: 'MANAGER',
  assignee: 'manager',
  defaultDueOffsetDays: 6,
  policyKind: 'evaluation',
  policySlot: 'weeklySheet',
  schema: sheetSubmissionSchema,
  components: [],
  // The sheet is filled on its own page (its six blocks); the task page links to it.
  form: [{ name: 'sheet', type: 'weeklySheet' }],
});
