// The mail of a complaint (投诉受理) to the manager once the center has decided: confirmed,
// with the points taken off the month's inspection and what that did to the month's
// result, or not confirmed. In zh-CN and en, in the one mail layout.
import { complaintKindNames, type ComplaintKind } from './complaints';
import { sentence } from './mailLayout';
import { simpleMail, type Language, type MailFrame, type RenderedMail } from './notifications';

export interface ComplaintDecidedMail extends MailFrame {
  recipientName: string;
  receivedOn: string;
  kind: ComplaintKind;
  confirmed: boolean;
  points: number;
  month: string;
  /** The month's result as it now stands, when there is one already scored. */
  result: { composite: { from: number; to: number }; rank: { from: number; to: number } | null } | null;
  reason: string;
  url: string;
}

const two = (x: number) => x.toFixed(2);

function effect(d: ComplaintDecidedMail, lang: Language): string {
  const zh = lang === 'zh-CN';
  if (!d.confirmed) return zh ? '不扣分。' : 'Nothing is deducted.';
  const base = zh
    ? `扣 ${d.month} 督察分 ${two(d.points)} 分`
    : `${two(d.points)} points come off the inspection of ${d.month}`;
  if (!d.result) return zh ? `${base}，在当月考评计分时计入。` : `${base}, counted when the month is scored.`;
  const rank = d.result.rank;
  const rankText = rank ? (zh ? `，排名第 ${rank.from} → 第 ${rank.to}` : `, rank ${rank.from} → ${rank.to}`) : '';
  return zh
    ? `${base}：综合得分 ${two(d.result.composite.from)} → ${two(d.result.composite.to)}${rankText}。`
    : `${base}: composite ${two(d.result.composite.from)} → ${two(d.result.composite.to)}${rankText}.`;
}

export function renderComplaintDecided(d: ComplaintDecidedMail, lang: Language): RenderedMail {
  const zh = lang === 'zh-CN';
  const kind = complaintKindNames[d.kind][lang];
  const verdict = zh ? (d.confirmed ? '属实' : '不属实') : d.confirmed ? 'confirmed' : 'not confirmed';
  const body = zh
    ? [
        `${d.recipientName}，您好：`,
        `${d.receivedOn} 受理的客户投诉（${kind}）经考评中心调查，认定${verdict}。${effect(d, lang)}`,
        `理由：${sentence(d.reason, lang)}`,
      ]
    : [
        `Dear ${d.recipientName},`,
        `The customer complaint received on ${d.receivedOn} (${kind}) was looked into by the evaluation center and is ${verdict}. ${effect(d, lang)}`,
        `Reason: ${sentence(d.reason, lang)}`,
      ];
  return simpleMail(d, lang, {
    subject: zh
      ? `【投诉认定】${d.receivedOn} 客户投诉：${verdict}`
      : `[Kaoping] The complaint of ${d.receivedOn}: ${verdict}`,
    body,
    summary: [
      [zh ? '投诉类别' : 'Kind', kind],
      [zh ? '认定' : 'Decision', verdict],
      [
        zh ? '扣分' : 'Deducted',
        d.confirmed ? (zh ? `${two(d.points)}（${d.month}）` : `${two(d.points)} (${d.month})`) : '0',
      ],
    ],
    url: d.url,
    label: zh ? '查看投诉' : 'View the complaint',
  });
}
