// The mail a manager gets when a grade change takes effect, in zh-CN and en.
import { sentence } from './mailLayout';
import { simpleMail, type Language, type MailFrame, type RenderedMail } from './notifications';

export interface GradeChangeMail extends MailFrame {
  recipientName: string;
  from: string;
  to: string;
  effectiveDate: string;
  reason: string;
  url: string;
}

export function renderGradeChangeNotification(d: GradeChangeMail, lang: Language): RenderedMail {
  const body =
    lang === 'zh-CN'
      ? [
          `${d.recipientName}，您好：`,
          `经县级推荐、市局审定，您的等级自 ${d.effectiveDate} 起由${d.from}调整为${d.to}。`,
          `理由：${sentence(d.reason, lang)}`,
        ]
      : [
          `Dear ${d.recipientName},`,
          `On the county's proposal and the city's sign-off, your grade changes from ${d.from} to ${d.to} as of ${d.effectiveDate}.`,
          `Reason: ${sentence(d.reason, lang)}`,
        ];
  const subject =
    lang === 'zh-CN'
      ? `【等级调整】自 ${d.effectiveDate} 起调整为${d.to}`
      : `[Kaoping] Your grade is ${d.to} from ${d.effectiveDate}`;
  const zh = lang === 'zh-CN';
  return simpleMail(d, lang, {
    subject,
    body,
    summary: [
      [zh ? '原等级' : 'From', d.from],
      [zh ? '新等级' : 'To', d.to],
      [zh ? '生效日期' : 'Effective', d.effectiveDate],
    ],
    url: d.url,
    label: zh ? '查看等级记录' : 'View your grade history',
  });
}
