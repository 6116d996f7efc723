// A timeline event as a sentence in the reader's language: who did what, from what to what.
import { nameOf } from './codeNames';
import type { Language } from './language';

export interface EventFacts {
  action: string;
  /** The actor's display name; null for the system (timers, policy). */
  actorName: string | null;
  details: Record<string, unknown> | null;
  /** Display names of the users the details mention by id. */
  people: Record<string, string>;
}

/** A detail as text: strings and numbers as they are, anything else empty. */
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

type Sentence = (d: Record<string, unknown>, who: (id: unknown) => string, lang: Language) => [string, string];

const sentences: Record<string, Sentence> = {
  'task.opened': (d, who) => [
    `任务开启，办理人 ${who(d.assigneeId)}，截止 ${str(d.dueDate)}`,
    `opened for ${who(d.assigneeId)}, due ${str(d.dueDate)}`,
  ],
  'task.reminded': (d, who) => [
    `提醒 ${who(d.to)}：${Number(d.daysBeforeDue) > 0 ? `距截止还有 ${str(d.daysBeforeDue)} 天` : '今天截止'}`,
    `reminded ${who(d.to)}: ${Number(d.daysBeforeDue) > 0 ? `${str(d.daysBeforeDue)} day(s) before the due date` : 'due today'}`,
  ],
  'task.escalated': (d, who, lang) => {
    const to = Array.isArray(d.to) ? d.to.map(who).join('、') : '';
    const role = nameOf('role', str(d.toRole), lang);
    return [
      `逾期督办（第 ${str(d.level)} 次）至${role}${to ? ` ${to}` : ''}`,
      `escalated (level ${str(d.level)}) to the ${role}${to ? ` ${to}` : ''}`,
    ];
  },
  'task.submitted': () => ['已提交', 'submitted'],
  'task.extended': (d) => [
    `截止日期由 ${str(d.from)} 延至 ${str(d.to)}，理由：${str(d.reason)}`,
    `due date moved from ${str(d.from)} to ${str(d.to)}, because: ${str(d.reason)}`,
  ],
  'task.reassigned': (d, who) => [
    `由 ${who(d.from)} 转办给 ${who(d.to)}，理由：${str(d.reason)}`,
    `reassigned from ${who(d.from)} to ${who(d.to)}, because: ${str(d.reason)}`,
  ],
  'task.closedMissing': () => [
    '宽限期后按缺失关闭，相应分项按 0 分计',
    'closed as missing after the grace period: its components count 0',
  ],
  'task.cancelled': () => ['已取消', 'cancelled'],
};

export function describeEvent(e: EventFacts, lang: Language): string {
  const who = (id: unknown) => (typeof id === 'string' ? (e.people[id] ?? id) : '');
  const sentence = sentences[e.action];
  const [zh, en] = sentence ? sentence(e.details ?? {}, who, lang) : [e.action, e.action];
  const actor = e.actorName ?? (lang === 'zh-CN' ? '系统' : 'The system');
  return lang === 'zh-CN' ? `${actor}：${zh}` : `${actor}: ${en}`;
}
