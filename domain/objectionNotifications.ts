// The mails of an objection (申诉), in zh-CN and en: the decision to the manager who
// objected, and a changed rank to the others of the cohort an adjustment re-ranked.
import { nameOf } from './codeNames';
import type { ComponentChange } from './objections';
import { sentence } from './mailLayout';
import { simpleMail, type Language, type MailFrame, type RenderedMail } from './notifications';

export interface ObjectionDecidedMail extends MailFrame {
  recipientName: string;
  cycleLabel: string;
  adjusted: boolean;
  changes: ComponentChange[];
  composite: { from: number; to: number };
  rank: { from: number; to: number };
  cohortSize: number;
  reason: string;
  url: string;
}

const two = (x: number) => x.toFixed(2);

/** 排名 第 3 → 第 2（共 23 人） / Rank 3 → 2 of 23, a row of the mail's summary. */
const rankRow = (d: { rank: { from: number; to: number }; cohortSize: number }, lang: Language): [string, string] =>
  lang === 'zh-CN'
    ? ['排名', `第 ${d.rank.from} → 第 ${d.rank.to}（共 ${d.cohortSize} 人）`]
    : ['Rank', `${d.rank.from} → ${d.rank.to} of ${d.cohortSize}`];

export function renderObjectionDecided(d: ObjectionDecidedMail, lang: Language): RenderedMail {
  const changes = d.changes
    .map((c) => `${nameOf('component', c.component, lang)} ${two(c.from)} → ${two(c.to)}`)
    .join(lang === 'zh-CN' ? '，' : ', ');
  const body =
    lang === 'zh-CN'
      ? [
          `${d.recipientName}，您好：`,
          d.adjusted
            ? `您对${d.cycleLabel}结果的申诉经县局提出意见、市局裁定，调整如下：${changes}。综合得分 ${two(d.composite.from)} → ${two(d.composite.to)}，排名第 ${d.rank.from} → 第 ${d.rank.to}（共 ${d.cohortSize} 人），结果已重新发布。`
            : `您对${d.cycleLabel}结果的申诉经县局提出意见、市局裁定，维持原结果（综合得分 ${two(d.composite.from)}，排名第 ${d.rank.from}）。`,
          `理由：${sentence(d.reason, lang)}`,
        ]
      : [
          `Dear ${d.recipientName},`,
          d.adjusted
            ? `Your objection to the ${d.cycleLabel} result was reviewed by the county and decided by the city: ${changes}. Composite ${two(d.composite.from)} → ${two(d.composite.to)}, rank ${d.rank.from} → ${d.rank.to} of ${d.cohortSize}; the results are published again.`
            : `Your objection to the ${d.cycleLabel} result was reviewed by the county and decided by the city: the result stands (composite ${two(d.composite.from)}, rank ${d.rank.from}).`,
          `Reason: ${sentence(d.reason, lang)}`,
        ];
  const subject =
    lang === 'zh-CN'
      ? `【申诉结果】${d.cycleLabel}：${d.adjusted ? '已调整' : '维持原结果'}`
      : `[Kaoping] Your objection, ${d.cycleLabel}: ${d.adjusted ? 'adjusted' : 'upheld'}`;
  const zh = lang === 'zh-CN';
  return simpleMail(d, lang, {
    subject,
    body,
    summary: [
      [zh ? '考评周期' : 'Cycle', d.cycleLabel],
      [zh ? '裁定' : 'Decision', zh ? (d.adjusted ? '已调整' : '维持原结果') : d.adjusted ? 'Adjusted' : 'Upheld'],
      [zh ? '综合得分' : 'Composite', `${two(d.composite.from)} → ${two(d.composite.to)}`],
      rankRow(d, lang),
    ],
    url: d.url,
    label: zh ? '查看结果' : 'View the result',
  });
}

export interface RankChangedMail extends MailFrame {
  recipientName: string;
  cycleLabel: string;
  rank: { from: number; to: number };
  cohortSize: number;
  compositeScore: number;
  monthlyStar: { from: boolean; to: boolean };
  url: string;
}

export function renderRankChanged(d: RankChangedMail, lang: Language): RenderedMail {
  const star =
    d.monthlyStar.from === d.monthlyStar.to
      ? []
      : lang === 'zh-CN'
        ? [d.monthlyStar.to ? '您当选本月“每月之星”。' : '您不再是本月“每月之星”。']
        : [d.monthlyStar.to ? "You are now this month's star." : "You are no longer this month's star."];
  const body =
    lang === 'zh-CN'
      ? [
          `${d.recipientName}，您好：`,
          `因一项申诉调整了分数，${d.cycleLabel}结果已重新排名并发布：您的综合得分仍为 ${two(d.compositeScore)}，排名由第 ${d.rank.from} 变为第 ${d.rank.to}（共 ${d.cohortSize} 人）。`,
          ...star,
        ]
      : [
          `Dear ${d.recipientName},`,
          `An objection changed a score, so the ${d.cycleLabel} results were ranked and published again: your composite is still ${two(d.compositeScore)}, your rank moves from ${d.rank.from} to ${d.rank.to} of ${d.cohortSize}.`,
          ...star,
        ];
  const subject =
    lang === 'zh-CN' ? `【考评结果更新】${d.cycleLabel}排名变动` : `[Kaoping] Your rank changed: ${d.cycleLabel}`;
  const zh = lang === 'zh-CN';
  return simpleMail(d, lang, {
    subject,
    body,
    summary: [
      [zh ? '考评周期' : 'Cycle', d.cycleLabel],
      [zh ? '综合得分' : 'Composite', two(d.compositeScore)],
      rankRow(d, lang),
    ],
    url: d.url,
    label: zh ? '查看结果' : 'View the result',
  });
}
