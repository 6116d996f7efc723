// Zod's issues in the words a person needs to fix the value, in both languages.
import { z } from 'zod';
import { issueNames } from '../../domain/issueText';

const namesOf = (schema: z.ZodType, value: unknown) => issueNames(schema.safeParse(value).error!.issues[0]!);

test('a deduction off the half-point step names the step', () => {
  expect(namesOf(z.number().multipleOf(0.5), 2.3)).toEqual({
    'zh-CN': '须为 0.5 的整数倍',
    en: 'must be a multiple of 0.5',
  });
});

test('a number out of range names the limit; a missing field is required', () => {
  expect(namesOf(z.number().max(100), 101)['zh-CN']).toBe('不能大于 100');
  expect(namesOf(z.object({ a: z.string() }), {}).en).toBe('is required');
});
