// The mail to a manager once the county has read their weekly one-sheet (批阅): the comment,
// or that it came back with the reason and is due again. In zh-CN and en, in the one mail layout.
import { sentence } from './mailLayout';
import { simpleMail, type Language, type MailFrame, type RenderedMail } from './notifications';

export interface SheetReviewedMail extends MailFrame {
  recipientName: string;
  weekStart: string;
  reviewerName: string;
  returned: boolean;
  /** The comment (reviewed) or the reason (returned). */
  text: string;
  url: string;
}

export function renderSheetReviewed(d: SheetReviewedMail, lang: Language): RenderedMail {
  const zh = lang === 'zh-CN';
  const verdict = zh ? (d.returned ? '退回修改' : '已阅') : d.returned ? 'returned' : 'reviewed';
  const body = zh
    ? [
        `${d.recipientName}，您好：`,
        d.returned
          ? `您 ${d.weekStart} 起一周的一张纸已由${d.reviewerName}退回，请修改后重新提交（两天内）。`
          : `您 ${d.weekStart} 起一周的一张纸已由${d.reviewerName}批阅。`,
        `${d.returned ? '退回理由' : '批阅意见'}：${sentence(d.text, lang)}`,
      ]
    : [
        `Dear ${d.recipientName},`,
        d.returned
          ? `Your one-sheet for the week of ${d.weekStart} was returned by ${d.reviewerName}: please change it and send it again (within two days).`
          : `Your one-sheet for the week of ${d.weekStart} was reviewed by ${d.reviewerName}.`,
        `${d.returned ? 'Reason' : 'Comment'}: ${sentence(d.text, lang)}`,
      ];
  return simpleMail(d, lang, {
    subject: zh
      ? `【一张纸】${d.weekStart} 起一周：${verdict}`
      : `[Kaoping] One-sheet, week of ${d.weekStart}: ${verdict}`,
    body,
    summary: [
      [zh ? '周' : 'Week', d.weekStart],
      [zh ? '批阅' : 'Review', verdict],
    ],
    url: d.url,
    label: zh ? '查看一张纸' : 'Open the sheet',
  });
}
