// One layout for every mail (邮件版式): the company's name at the top, the greeting and a
// few sentences, a summary table of what the mail is about, one button, and a footer
// that says who sent it and that times are Beijing time. Text and HTML say the same.
import type { Language } from './language';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Who sends: the city company's name (its org unit), shown at the top and in the footer. */
export interface MailFrame {
  company?: string;
}

export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** 摘要: label → value rows (the cycle, the task, the due date, the score…). */
  summary?: Array<[label: string, value: string]>;
  action: { url: string; label: string };
  /** A last line above the footer (why the reader gets this kind of mail, how to change it). */
  note?: string;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const systemName: Record<Language, string> = { 'zh-CN': '考评系统', en: 'Kaoping evaluation system' };

/** A text that ends a sentence: the full stop is added only when the text has none (no “。。”). */
export function sentence(text: string, lang: Language): string {
  const t = text.trim();
  if (/[。！？.!?…；;]$/.test(t)) return t;
  return `${t}${lang === 'zh-CN' ? '。' : '.'}`;
}

/** 北京时间: every date and time in a mail is Shanghai time, and the footer says so. */
export function footerText(lang: Language, frame: MailFrame): string {
  const sender = frame.company
    ? `${frame.company}${lang === 'zh-CN' ? '' : ' · '}${systemName[lang]}`
    : systemName[lang];
  return lang === 'zh-CN'
    ? `本邮件由${sender}自动发送，请勿直接回复。文中日期和时间均为北京时间。`
    : `Sent automatically by ${sender}; please do not reply. All dates and times are Beijing time (UTC+8).`;
}

function headerText(lang: Language, frame: MailFrame): string {
  return frame.company ? `${frame.company} · ${systemName[lang]}` : systemName[lang];
}

function textBody(c: MailContent, lang: Language, frame: MailFrame): string {
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return [
    `【${headerText(lang, frame)}】`,
    '',
    c.greeting,
    ...c.paragraphs,
    ...(c.summary?.length ? ['', ...c.summary.map(([k, v]) => `${k}${colon}${v}`)] : []),
    '',
    `${c.action.label}: ${c.action.url}`,
    ...(c.note ? ['', c.note] : []),
    '',
    '-- ',
    footerText(lang, frame),
  ].join('\n');
}

const font = "font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',Arial,sans-serif";

function summaryTable(rows: Array<[string, string]>): string {
  const cells = rows
    .map(
      ([k, v]) =>
        `<tr><th align="left" style="padding:6px 12px;background:#fafafa;color:#595959;font-weight:normal;white-space:nowrap;border-bottom:1px solid #f0f0f0">${escapeHtml(k)}</th>` +
        `<td style="padding:6px 12px;border-bottom:1px solid #f0f0f0">${escapeHtml(v)}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin:16px 0;border:1px solid #f0f0f0;font-size:14px">${cells}</table>`;
}

function htmlBody(c: MailContent, lang: Language, frame: MailFrame): string {
  const p = (s: string) => `<p style="margin:0 0 12px;line-height:1.7">${escapeHtml(s)}</p>`;
  const button = `<p style="margin:20px 0"><a href="${escapeHtml(c.action.url)}" style="display:inline-block;padding:10px 20px;background:#1677ff;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(c.action.label)}</a></p>`;
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(c.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f5f5f5;${font};color:#262626">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">` +
    `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;overflow:hidden">` +
    `<tr><td style="background:#1677ff;color:#ffffff;padding:14px 24px;font-size:16px;font-weight:bold">${escapeHtml(headerText(lang, frame))}</td></tr>` +
    `<tr><td style="padding:24px;font-size:14px">${p(c.greeting)}${c.paragraphs.map(p).join('')}` +
    `${c.summary?.length ? summaryTable(c.summary) : ''}${button}` +
    `${c.note ? `<p style="margin:12px 0 0;color:#8c8c8c;font-size:13px">${escapeHtml(c.note)}</p>` : ''}</td></tr>` +
    `<tr><td style="padding:14px 24px;background:#fafafa;color:#8c8c8c;font-size:12px;line-height:1.6">${escapeHtml(footerText(lang, frame))}</td></tr>` +
    `</table></td></tr></table></body></html>`
  );
}

/** The mail as sent: subject, plain text and HTML, from one content. */
export function layoutMail(c: MailContent, lang: Language, frame: MailFrame = {}): RenderedMail {
  return { subject: c.subject, text: textBody(c, lang, frame), html: htmlBody(c, lang, frame) };
}
