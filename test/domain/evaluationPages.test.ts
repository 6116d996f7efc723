// Pages of a cycle's evaluations cut in advance (page steps side by side): every
// evaluation in exactly one page, also one that joins after the cut.
import { cutIntoPages, pageHolds } from '../../domain/evaluationPages';

const ids = Array.from({ length: 7 }, (_, i) => `e${i}`);
const owners = (pages: ReturnType<typeof cutIntoPages>, id: string) => pages.filter((p) => pageHolds(p, id)).length;

test('seven evaluations, pages of three: three pages, the last open-ended', () => {
  expect(cutIntoPages(ids, 3)).toEqual([
    { afterId: null, throughId: 'e2' },
    { afterId: 'e2', throughId: 'e5' },
    { afterId: 'e5', throughId: null },
  ]);
});

test('an exact multiple makes no empty page; none at all for no evaluations', () => {
  expect(cutIntoPages(ids.slice(0, 6), 3)).toEqual([
    { afterId: null, throughId: 'e2' },
    { afterId: 'e2', throughId: null },
  ]);
  expect(cutIntoPages([], 200)).toEqual([]);
  expect(cutIntoPages(['only'], 200)).toEqual([{ afterId: null, throughId: null }]);
});

test('every id in exactly one page, including ones added between, before and after', () => {
  const pages = cutIntoPages(ids, 3);
  for (const id of [...ids, 'a', 'e25', 'e2a', 'e5', 'e55', 'z']) expect(owners(pages, id)).toBe(1);
});
