// forEachLimit: the page step's and the mail batch's "a few at a time".
import { forEachLimit } from '../../domain/concurrency';

const tick = () => new Promise((r) => setTimeout(r, 1));

test('every item once, never more than the limit at a time', async () => {
  let running = 0;
  let peak = 0;
  const seen: number[] = [];
  await forEachLimit(
    Array.from({ length: 50 }, (_, i) => i),
    8,
    async (i) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      seen.push(i);
      running--;
    },
  );
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  expect(peak).toBe(8);
});

test('a failure does not stop the others; the first failure is thrown once all settled', async () => {
  const done: number[] = [];
  await expect(
    forEachLimit([1, 2, 3, 4, 5], 2, async (i) => {
      await tick();
      if (i === 2 || i === 4) throw new Error(`item ${i}`);
      done.push(i);
    }),
  ).rejects.toThrow('item 2');
  expect(done.sort()).toEqual([1, 3, 5]);
});

test('no items: nothing runs', async () => {
  const fn = jest.fn(async () => undefined);
  await forEachLimit([], 4, fn);
  expect(fn).not.toHaveBeenCalled();
});
