// A cycle's evaluations cut into pages by id before any is started, so the cycle's
// workflow can run several page steps at once and each page's range is fixed.

/** After `afterId` (null: from the first) through `throughId` (null: to the last). */
export interface EvaluationPage {
  afterId: string | null;
  throughId: string | null;
}

/** Pages of `pageSize` over ids sorted ascending; the ranges cover every id, also ones added later. */
export function cutIntoPages(sortedIds: readonly string[], pageSize: number): EvaluationPage[] {
  const pages: EvaluationPage[] = [];
  for (let i = 0; i < sortedIds.length; i += pageSize) {
    const end = i + pageSize;
    pages.push({
      afterId: i === 0 ? null : sortedIds[i - 1]!,
      throughId: end >= sortedIds.length ? null : sortedIds[end - 1]!,
    });
  }
  return pages;
}

/**
 * Whether `id` falls in the page, comparing as JavaScript does. The activity asks the database
 * the same question with its own collation, which is the order the ids were cut in.
 */
export function pageHolds(page: EvaluationPage, id: string): boolean {
  return (page.afterId === null || id > page.afterId) && (page.throughId === null || id <= page.throughId);
}
