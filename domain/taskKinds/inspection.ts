// County inspection (县级督察): the inspector's check results for one manager, item by
// item: first-and-last visit check-in (首末签到), phone spot check (电话抽检), on-site
// check (实地检查), visit log and customer handbook (工作本、客户手册).
import { z } from 'zod';
import { lazySchema } from '../lazySchema';
import { checkItemKinds, inspectionDeductions, inspectionScore } from '../scoring';
import { defineTaskKind } from './definition';
import { oneLine } from '../text';
import { bilingual } from '../issueText';

export const checkItemSchema = lazySchema(() =>
  z.object({
    item: z.enum(checkItemKinds),
    passed: z.boolean(),
    /** Points deducted when the item failed (0 when passed). */
    deduction: z.number().min(0).max(100).multipleOf(0.5),
    note: oneLine().max(1000).optional(),
    /** References to evidence: photo or document ids, links. */
    evidence: z.array(oneLine().min(1).max(500)).max(20).optional(),
  }),
);

export const inspectionSchema = lazySchema(() =>
  z.object({ items: z.array(checkItemSchema).min(1).max(checkItemKinds.length) }).superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((i, n) => {
      if (seen.has(i.item))
        ctx.addIssue({
          code: 'custom',
          path: ['items', n, 'item'],
          message: bilingual('每个检查项只能出现一次', 'each check item once'),
        });
      seen.add(i.item);
      if (i.passed && i.deduction !== 0)
        ctx.addIssue({
          code: 'custom',
          path: ['items', n, 'deduction'],
          message: bilingual('合格的检查项不扣分', 'a passed item deducts nothing'),
        });
    });
  }),
);
export type Inspection = z.infer<typeof inspectionSchema>;

export function inspectionResult(v: Inspection): { score: number; deductions: number } {
  return { score: inspectionScore(v.items), deductions: inspectionDeductions(v.items) };
}

export const inspection = defineTaskKind({
  kind: 'INSPECTION',
  names: { 'zh-CN': '督察检查', en: 'inspection' },
  actor: 'INSPECTOR',
  assignee: 'actorRole',
  defaultDueOffsetDays: 7,
  policyKind: 'evaluation',
  policySlot: 'tasks',
  defaultInCycles: ['MONTHLY', 'QUARTERLY', 'ANNUAL'],
  schema: inspectionSchema,
  components: ['inspection'],
  score: (s) => {
    const r = inspectionResult(s);
    return [{ component: 'inspection', value: r.score, details: { deductions: r.deductions } }];
  },
  form: [{ name: 'items', type: 'checkItems' }],
});
