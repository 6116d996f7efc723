// What a rule's refusal says, in both languages: Zod's issues turned into the words a
// person needs to fix the value (the limit itself, "required"), and a rule's own message
// written in both languages with `bilingual`.
import type { z } from 'zod';
import type { Names } from './language';
import { weakPasswordIssue } from './passwordPolicy';
import { controlCharacterIssue } from './text';

const marker = 'i18n:';

/** A custom issue's message in both languages (Zod carries one string: this encodes both). */
export const bilingual = (zh: string, en: string): string => marker + JSON.stringify({ 'zh-CN': zh, en });

function decoded(message: string): Names | undefined {
  if (!message.startsWith(marker)) return undefined;
  try {
    return JSON.parse(message.slice(marker.length)) as Names;
  } catch {
    return undefined;
  }
}

const zodMessages: Record<string, Names> = {
  invalid_type: { 'zh-CN': '缺少或类型不正确', en: 'is missing or of the wrong type' },
  too_small: { 'zh-CN': '太小或太短', en: 'is too small or too short' },
  too_big: { 'zh-CN': '太大或太长', en: 'is too large or too long' },
  invalid_format: { 'zh-CN': '格式不正确', en: 'has the wrong format' },
  invalid_value: { 'zh-CN': '取值不在允许范围内', en: 'is not one of the allowed values' },
  unrecognized_keys: { 'zh-CN': '包含未知字段', en: 'has unknown fields' },
  custom: { 'zh-CN': '不符合要求', en: 'is not valid' },
};

/** What a person needs to fix a value out of range: the limit itself. */
function limitMessage(issue: z.core.$ZodIssue): Names | undefined {
  if (issue.code === 'custom' && issue.message === controlCharacterIssue)
    return { 'zh-CN': '不能包含控制字符', en: 'must not contain control characters' };
  if (issue.code === 'custom' && issue.message === weakPasswordIssue)
    return { 'zh-CN': '密码太容易被猜到，请换一个', en: 'is too easy to guess: choose another' };
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
    return { 'zh-CN': '必填', en: 'is required' };
  if (issue.code === 'not_multiple_of')
    return { 'zh-CN': `须为 ${Number(issue.divisor)} 的整数倍`, en: `must be a multiple of ${Number(issue.divisor)}` };
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined;
  const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  if (issue.origin === 'number') {
    return issue.code === 'too_big'
      ? { 'zh-CN': `不能大于 ${limit}`, en: `must be at most ${limit}` }
      : { 'zh-CN': `不能小于 ${limit}`, en: `must be at least ${limit}` };
  }
  if (issue.origin === 'string') {
    if (issue.code === 'too_small' && limit <= 1) return { 'zh-CN': '不能为空', en: 'is required' };
    return issue.code === 'too_big'
      ? { 'zh-CN': `最多 ${limit} 个字`, en: `must be at most ${limit} characters` }
      : { 'zh-CN': `至少 ${limit} 个字`, en: `must be at least ${limit} characters` };
  }
  if (issue.origin === 'array') {
    return issue.code === 'too_big'
      ? { 'zh-CN': `最多 ${limit} 项`, en: `must have at most ${limit} items` }
      : { 'zh-CN': `至少 ${limit} 项`, en: `must have at least ${limit} items` };
  }
  return undefined;
}

/** The words for an issue: a rule's own (bilingual), the limit, or the kind of problem. */
export function issueNames(issue: z.core.$ZodIssue): Names {
  const own = issue.code === 'custom' ? decoded(issue.message) : undefined;
  if (own) return own;
  const text = limitMessage(issue) ?? zodMessages[issue.code] ?? zodMessages.custom!;
  const detail =
    issue.code === 'custom' &&
    issue.message &&
    issue.message !== controlCharacterIssue &&
    issue.message !== weakPasswordIssue
      ? ` (${issue.message})`
      : '';
  return { 'zh-CN': `${text['zh-CN']}${detail}`, en: `${text.en}${detail}` };
}
