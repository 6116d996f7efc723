// The e-mails people read, in Simplified Chinese (default) and English.
import { complaintLabel } from './complaints';
import { weekLabel } from './weeklySheet';
import type { Language } from './language';
import { layoutMail, sentence, type MailFrame, type RenderedMail } from './mailLayout';
import { taskKind, taskKindNames, type TaskKind } from './taskKinds';

export { escapeHtml, type MailFrame, type RenderedMail } from './mailLayout';

export { languageOf, languages, type Language } from './language';

export type NotificationKind =
  'taskOpened' | 'reminder' | 'escalation' | 'returned' | 'resultsPublished' | 'caseDecided';

export interface TaskNotificationData extends MailFrame {
  kind: NotificationKind;
  recipientName: string;
  taskKind: TaskKind;
  cycleLabel: string; // e.g. 2026-11 月度
  assigneeName: string; // the person the task belongs to
  dueDate: string;
  taskUrl: string;
  escalationLevel?: number;
  /** Why the city returned the results (returned). */
  reason?: string;
  /** The manager the task is about, when it is someone else's (an inspection, a results talk). */
  aboutName?: string;
}

/** The self-assessment's opening mail also prompts for the period plan (三自定). */
const periodPlanPrompt: Record<Language, string> = {
  'zh-CN': '开始本期工作前，请在任务页面填写三自定（自定目标、自定计划、自定重点），提交自我评价前均可修改。',
  en: 'Before you start, set your period plan on the task page (your own targets, plan and focus); you can change it until you submit the self-assessment.',
};

function lines(d: TaskNotificationData, lang: Language): { subject: string; body: string[] } {
  const mail = baseLines(d, lang);
  if (d.kind === 'taskOpened' && taskKind(d.taskKind).showsPeriodPlan) mail.body.push(periodPlanPrompt[lang]);
  return mail;
}

function baseLines(d: TaskNotificationData, lang: Language): { subject: string; body: string[] } {
  const about = d.aboutName ? (lang === 'zh-CN' ? `（${d.aboutName}）` : ` (${d.aboutName})`) : '';
  const task = `${taskKindNames[d.taskKind][lang]}${about}`;
  if (lang === 'zh-CN') {
    switch (d.kind) {
      case 'taskOpened':
        return {
          subject: `【考评】请完成${d.cycleLabel}的${task}`,
          body: [`${d.recipientName}，您好：`, `${d.cycleLabel}的${task}已开启，请于 ${d.dueDate} 前提交。`],
        };
      case 'reminder':
        return {
          subject: `【考评提醒】${d.cycleLabel}的${task}将于 ${d.dueDate} 截止`,
          body: [
            `${d.recipientName}，您好：`,
            `您的${d.cycleLabel}${task}尚未提交，截止日期为 ${d.dueDate}，请及时提交。`,
            ...(d.reason ? [`人力资源部留言：${d.reason}`] : []),
          ],
        };
      case 'returned':
        return {
          subject: `【考评退回】${d.cycleLabel}结果被市局退回，请重新审核`,
          body: [
            `${d.recipientName}，您好：`,
            `市局考评组退回了${d.cycleLabel}的审核结果，原因：${sentence(d.reason ?? '', lang)}请重新审核后提交，新的审核任务已在任务列表中。`,
          ],
        };
      case 'resultsPublished':
        return {
          subject: `【考评结果】${d.cycleLabel}`,
          body: [`${d.recipientName}，您好：`, `${d.cycleLabel}结果已发布。`],
        };
      case 'caseDecided':
        return {
          subject: `【末位淘汰】${d.cycleLabel}处理决定`,
          body: [
            `${d.recipientName}，您好：`,
            `经人力资源部提出、市局考评组审批，${d.cycleLabel}末位淘汰的处理决定为：${sentence(d.reason ?? '', lang)}`,
          ],
        };
      case 'escalation':
        return {
          subject: `【考评督办】${d.assigneeName}的${d.cycleLabel}${task}已逾期`,
          body: [
            `${d.recipientName}，您好：`,
            `${d.assigneeName}的${d.cycleLabel}${task}已于 ${d.dueDate} 截止，至今未提交（第 ${d.escalationLevel ?? 1} 次督办），请督促处理。`,
          ],
        };
    }
  }
  switch (d.kind) {
    case 'taskOpened':
      return {
        subject: `[Kaoping] Please complete your ${task} for ${d.cycleLabel}`,
        body: [
          `Dear ${d.recipientName},`,
          `Your ${task} for ${d.cycleLabel} is open. Please submit it by ${d.dueDate}.`,
        ],
      };
    case 'reminder':
      return {
        subject: `[Kaoping reminder] ${task} for ${d.cycleLabel} is due ${d.dueDate}`,
        body: [
          `Dear ${d.recipientName},`,
          `Your ${task} for ${d.cycleLabel} has not been submitted yet. It is due on ${d.dueDate}.`,
          ...(d.reason ? [`A note from HR: ${d.reason}`] : []),
        ],
      };
    case 'returned':
      return {
        subject: `[Kaoping] Results of the ${d.cycleLabel} were returned by the city`,
        body: [
          `Dear ${d.recipientName},`,
          `The city returned the results of the ${d.cycleLabel}: ${sentence(d.reason ?? '', lang)} Please review them and sign off again; the new sign-off task is in your inbox.`,
        ],
      };
    case 'resultsPublished':
      return {
        subject: `[Kaoping] Results of the ${d.cycleLabel}`,
        body: [`Dear ${d.recipientName},`, `The results of the ${d.cycleLabel} are published.`],
      };
    case 'caseDecided':
      return {
        subject: `[Kaoping] Bottom-ranking decision, ${d.cycleLabel}`,
        body: [
          `Dear ${d.recipientName},`,
          `Proposed by HR and approved by the city, the bottom-ranking decision of the ${d.cycleLabel} is: ${sentence(d.reason ?? '', lang)}`,
        ],
      };
    case 'escalation':
      return {
        subject: `[Kaoping escalation] ${d.assigneeName}'s ${task} for ${d.cycleLabel} is overdue`,
        body: [
          `Dear ${d.recipientName},`,
          `${d.assigneeName}'s ${task} for ${d.cycleLabel} was due on ${d.dueDate} and has not been submitted (escalation ${d.escalationLevel ?? 1}). Please follow up.`,
        ],
      };
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** 摘要: what a task mail is about, as rows of the layout's summary table. */
function taskSummary(d: TaskNotificationData, lang: Language): Array<[string, string]> {
  const zh = lang === 'zh-CN';
  const about = d.aboutName ? (zh ? `（${d.aboutName}）` : ` (${d.aboutName})`) : '';
  const rows: Array<[string, string]> = [
    [zh ? '考评周期' : 'Cycle', d.cycleLabel],
    [
      zh ? '任务' : 'Task',
      `${zh ? taskKindNames[d.taskKind][lang] : capitalised(taskKindNames[d.taskKind].en)}${about}`,
    ],
  ];
  if (d.kind === 'escalation') rows.push([zh ? '办理人' : 'Assignee', d.assigneeName]);
  if (d.kind !== 'resultsPublished' && d.kind !== 'caseDecided')
    rows.push([
      zh ? '截止日期' : 'Due',
      zh ? `${d.dueDate}（北京时间当日 24:00 前）` : `${d.dueDate} (by midnight, Beijing time)`,
    ]);
  if (d.kind === 'escalation')
    rows.push([zh ? '督办次数' : 'Escalation', zh ? `第 ${d.escalationLevel ?? 1} 次` : `${d.escalationLevel ?? 1}`]);
  return rows;
}

export function renderTaskNotification(d: TaskNotificationData, lang: Language): RenderedMail {
  const { subject, body } = lines(d, lang);
  const [greeting, ...paragraphs] = body;
  return layoutMail(
    {
      subject,
      greeting: greeting!,
      paragraphs,
      summary: taskSummary(d, lang),
      action: { url: d.taskUrl, label: lang === 'zh-CN' ? '打开任务' : 'Open the task' },
    },
    lang,
    d,
  );
}

/** A mail whose first body line is the greeting, laid out with its summary and one link. */
export function simpleMail(
  frame: MailFrame,
  lang: Language,
  m: { subject: string; body: string[]; summary?: Array<[string, string]>; url: string; label: string; note?: string },
): RenderedMail {
  const [greeting, ...paragraphs] = m.body;
  return layoutMail(
    {
      subject: m.subject,
      greeting: greeting!,
      paragraphs,
      summary: m.summary,
      action: { url: m.url, label: m.label },
      note: m.note,
    },
    lang,
    frame,
  );
}

export const cycleTypeNames: Record<string, Record<Language, string>> = {
  MONTHLY: { 'zh-CN': '月度', en: 'monthly' },
  QUARTERLY: { 'zh-CN': '季度', en: 'quarterly' },
  HALF_YEAR: { 'zh-CN': '半年', en: 'half-year' },
  ANNUAL: { 'zh-CN': '年度', en: 'annual' },
};

/** How people write a period: 2026年11月 / November 2026, 2026年第4季度 / Q4 2026, … */
export function periodLabel(type: string, period: string, lang: Language): string {
  const year = period.slice(0, 4);
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  switch (type) {
    case 'MONTHLY':
      return lang === 'zh-CN'
        ? `${year}年${Number(period.slice(5, 7))}月`
        : `${months[Number(period.slice(5, 7)) - 1]} ${year}`;
    case 'QUARTERLY':
      return lang === 'zh-CN' ? `${year}年第${period.slice(6)}季度` : `Q${period.slice(6)} ${year}`;
    case 'HALF_YEAR':
      return lang === 'zh-CN'
        ? `${year}年${period.endsWith('1') ? '上' : '下'}半年`
        : `${period.endsWith('1') ? 'first' : 'second'} half of ${year}`;
    default:
      return lang === 'zh-CN' ? `${year}年度` : year;
  }
}

/**
 * What a task is part of, for its mails and digests: its cycle (2026年11月考评), or for a
 * complaint's task, which belongs to no cycle, the complaint (客户投诉（2026-11-12 受理）).
 */
export function taskSubjectLabel(
  task: {
    cycle: { type: string; period: string } | null;
    complaint?: { receivedOn: string } | null;
    weeklySheet?: { weekStart: string } | null;
  },
  lang: Language,
): string {
  if (task.cycle) return cycleLabel(task.cycle.type, task.cycle.period, lang);
  if (task.weeklySheet) return weekLabel(task.weeklySheet.weekStart, lang);
  return complaintLabel(task.complaint?.receivedOn ?? '', lang);
}

/** 2026年11月考评 / monthly evaluation, November 2026 */
export function cycleLabel(type: string, period: string, lang: Language): string {
  if (lang === 'zh-CN') return `${periodLabel(type, period, lang)}考评`;
  return `${cycleTypeNames[type]?.en ?? type} evaluation, ${periodLabel(type, period, lang)}`;
}

export interface ResultData extends MailFrame {
  recipientName: string;
  cycleLabel: string;
  compositeScore: number;
  rank: number;
  cohortSize: number;
  monthlyStar: boolean;
  flagged: boolean;
  resultUrl: string;
}

/** The published result, to the manager it belongs to. */
export function renderResultNotification(d: ResultData, lang: Language): RenderedMail {
  const body =
    lang === 'zh-CN'
      ? [
          `${d.recipientName}，您好：`,
          `${d.cycleLabel}结果已发布：综合得分 ${d.compositeScore.toFixed(2)} 分，在 ${d.cohortSize} 人中排名第 ${d.rank}。`,
          ...(d.monthlyStar ? ['恭喜您当选本月“每月之星”！'] : []),
          ...(d.flagged ? ['注意：本期有评价项目逾期未提交，按 0 分计入。'] : []),
        ]
      : [
          `Dear ${d.recipientName},`,
          `The results of the ${d.cycleLabel} are published: composite score ${d.compositeScore.toFixed(2)}, rank ${d.rank} of ${d.cohortSize}.`,
          ...(d.monthlyStar ? ["Congratulations: you are this month's star!"] : []),
          ...(d.flagged ? ['Note: an evaluation was not submitted in time and counts 0.'] : []),
        ];
  const zh = lang === 'zh-CN';
  const summary: Array<[string, string]> = [
    [zh ? '考评周期' : 'Cycle', d.cycleLabel],
    [zh ? '综合得分' : 'Composite', d.compositeScore.toFixed(2)],
    [zh ? '排名' : 'Rank', zh ? `第 ${d.rank} 名 / 共 ${d.cohortSize} 人` : `${d.rank} of ${d.cohortSize}`],
  ];
  return simpleMail(d, lang, {
    subject: zh ? `【考评结果】${d.cycleLabel}` : `[Kaoping] Your result: ${d.cycleLabel}`,
    body,
    summary,
    url: d.resultUrl,
    label: zh ? '查看结果' : 'View the result',
  });
}

export interface SurveyInvitationData extends MailFrame {
  customerName: string;
  managerName: string;
  periodLabel: string;
  surveyUrl: string;
  /** Last day to answer (Shanghai). */
  dueDate: string;
  reminder: boolean;
}

/** A retail customer's personal survey link (no account needed); a reminder carries a fresh link. */
export function renderSurveyInvitation(d: SurveyInvitationData, lang: Language): RenderedMail {
  const body =
    lang === 'zh-CN'
      ? [
          `${d.customerName}：您好！`,
          `为了解客户经理${d.managerName}${d.periodLabel}的服务情况，诚邀您填写一份满意度调查（约 1 分钟）。`,
          `本链接仅供您本人使用一次，${d.dueDate} 后失效${d.reminder ? '；此前邮件中的链接已失效，请使用本邮件中的链接' : ''}。您的回答匿名统计，客户经理看不到谁作了何种回答。`,
        ]
      : [
          `Dear ${d.customerName},`,
          `Please tell us how satisfied you are with the service of your customer manager ${d.managerName} in ${d.periodLabel} (about one minute).`,
          `This link is yours alone, works once and expires after ${d.dueDate}${d.reminder ? '; the link in the earlier e-mail no longer works' : ''}. Answers are counted anonymously: your manager cannot see who answered what.`,
        ];
  const subject =
    lang === 'zh-CN'
      ? `${d.reminder ? '【提醒】' : ''}客户满意度调查：客户经理${d.managerName}`
      : `${d.reminder ? 'Reminder: ' : ''}customer survey about your manager ${d.managerName}`;
  const zh = lang === 'zh-CN';
  return simpleMail(d, lang, {
    subject,
    body,
    summary: [
      [zh ? '客户经理' : 'Customer manager', d.managerName],
      [zh ? '服务期间' : 'Period', d.periodLabel],
      [zh ? '链接有效期至' : 'Link valid until', zh ? `${d.dueDate}（北京时间）` : `${d.dueDate} (Beijing time)`],
    ],
    url: d.surveyUrl,
    label: zh ? '填写调查' : 'Answer the survey',
  });
}

/** What an invitation mail says once sent: the link is not kept anywhere. */
export const redactedSurveyLink = '[survey link removed after sending]';

export interface DigestItem {
  taskKind: TaskKind;
  managerName: string | null;
  assigneeName: string;
  dueDate: string;
  daysOverdue: number;
  escalationLevel: number;
}

export interface NewTaskItem {
  taskKind: TaskKind;
  managerName: string | null;
  cycleLabel: string;
  dueDate: string;
}

interface DigestMail extends MailFrame {
  recipientName: string;
  date: string;
  total: number;
  url: string;
}

const itemLabel = (i: { taskKind: TaskKind; managerName: string | null }, lang: Language) =>
  lang === 'zh-CN'
    ? `${taskKindNames[i.taskKind][lang]}${i.managerName ? `（${i.managerName}）` : ''}`
    : `${capitalised(taskKindNames[i.taskKind].en)}${i.managerName ? ` (${i.managerName})` : ''}`;

/** A digest: the opening sentence, then one summary row per item, and how many were left out. */
function digestMail(
  d: DigestMail,
  lang: Language,
  m: { subject: string; opening: string; rows: Array<[string, string]>; label: string; note?: string },
): RenderedMail {
  const zh = lang === 'zh-CN';
  const more = d.total - m.rows.length;
  return simpleMail(d, lang, {
    subject: m.subject,
    body: [
      zh ? `${d.recipientName}，您好：` : `Dear ${d.recipientName},`,
      m.opening,
      ...(more > 0
        ? [
            zh
              ? `下表列出前 ${m.rows.length} 项，另有 ${more} 项请在系统中查看。`
              : `The first ${m.rows.length} are listed below; ${more} more are in the system.`,
          ]
        : []),
    ],
    summary: m.rows,
    url: d.url,
    label: m.label,
    note: m.note,
  });
}

/**
 * 新任务每日汇总: one morning mail with the tasks opened for the reader since the last one,
 * for who chose it over a mail per task (an inspector with a county of managers).
 */
export function renderNewTaskDigest(d: DigestMail & { items: NewTaskItem[] }, lang: Language): RenderedMail {
  const zh = lang === 'zh-CN';
  return digestMail(d, lang, {
    subject: zh ? `【考评】${d.date} 新任务 ${d.total} 项` : `[Kaoping] ${d.total} new task(s), ${d.date}`,
    opening: zh
      ? `过去一天您有 ${d.total} 项新的考评任务：`
      : `You have ${d.total} new evaluation task(s) since yesterday:`,
    rows: d.items.map((i) => [
      itemLabel(i, lang),
      zh ? `${i.cycleLabel}，截止 ${i.dueDate}` : `${i.cycleLabel}, due ${i.dueDate}`,
    ]),
    label: zh ? '打开我的任务' : 'Open my tasks',
    note: zh
      ? '您选择了每日汇总新任务；可在“我的账号”改为逐项通知。'
      : 'You chose one morning mail for new tasks; My account switches back to a mail per task.',
  });
}

/** The daily digest (每日督办汇总) of what is overdue in a county head's or HR's scope. */
export function renderOverdueDigest(d: DigestMail & { items: DigestItem[] }, lang: Language): RenderedMail {
  const zh = lang === 'zh-CN';
  const value = (i: DigestItem) =>
    zh
      ? `办理人 ${i.assigneeName}，截止 ${i.dueDate}，已逾期 ${i.daysOverdue} 天${i.escalationLevel ? `，已督办 ${i.escalationLevel} 次` : ''}`
      : `${i.assigneeName}, due ${i.dueDate}, ${i.daysOverdue} day(s) overdue${i.escalationLevel ? `, escalated ${i.escalationLevel}×` : ''}`;
  return digestMail(d, lang, {
    subject: zh
      ? `【考评督办汇总】${d.date} 逾期任务 ${d.total} 项`
      : `[Kaoping] ${d.total} overdue task(s), ${d.date}`,
    opening: zh
      ? `截至 ${d.date}，您管辖范围内共有 ${d.total} 项考评任务逾期未办：`
      : `As of ${d.date}, ${d.total} evaluation task(s) in your scope are overdue:`,
    rows: d.items.map((i) => [itemLabel(i, lang), value(i)]),
    label: zh ? '查看考评进度' : 'Open the cycle dashboard',
  });
}
