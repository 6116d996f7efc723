// The embedded mail catcher of `npm start`: a real SMTP server that keeps every mail
// under data/mail and shows them on a page, so a person can read what was sent; a mail
// that arrives twice with the same Message-ID (sent again after a crash) is kept once.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Express, NextFunction, Request, Response } from 'express';
import type { PrismaClient } from '../../prisma/database';
import { verifyPassword } from '../passwords';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';
import { escapeHtml } from '../../domain/notifications';
import { oneLine } from '../../domain/text';
import { shanghaiMinute } from '../../domain/calendar';

export interface CaughtMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export async function startMailCatcher(
  dir: string,
  port: number,
): Promise<{ server: SMTPServer; list: () => CaughtMail[]; close: () => Promise<void> }> {
  fs.mkdirSync(path.join(dir, 'seen'), { recursive: true });
  const firstTime = (messageId: string) => {
    const marker = path.join(dir, 'seen', createHash('sha256').update(messageId).digest('hex').slice(0, 32));
    try {
      fs.writeFileSync(marker, '', { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          // A mail sent again after a crash carries the same Message-ID: kept once.
          if (mail.messageId && !firstTime(mail.messageId)) return callback();
          const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
          const record: CaughtMail = {
            id,
            receivedAt: new Date().toISOString(),
            from: mail.from?.text ?? '',
            to: Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(', ') : (mail.to?.text ?? ''),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          };
          fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(record));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  server.removeAllListeners('error');
  // Once listening, a sender that drops its connection mid-message is that sender's
  // problem (it will retry): note it, never let it stop the catcher.
  server.on('error', (err: NodeJS.ErrnoException) =>
    console.warn(`[mail] a connection failed: ${err.code ?? ''} ${err.message}`),
  );
  const list = () =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .reverse()
      .slice(0, 20_000)
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CaughtMail);
  return { server, list, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const esc = escapeHtml;
const mailPageSize = 50;
const mailListQuery = z.object({
  q: oneLine().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/**
 * An HR or admin account's username and password (HTTP Basic), so that plain links to the
 * pages work: the mails carry live survey links, which nobody else may open.
 */
function hrOrAdminOnly(prisma: PrismaClient) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    const [username, ...rest] = Buffer.from(scheme === 'Basic' ? (encoded ?? '') : '', 'base64')
      .toString('utf8')
      .split(':');
    const user = username ? await prisma.user.findUnique({ where: { username }, include: { roles: true } }) : null;
    const allowed =
      !!user?.active &&
      user.roles.some((r) => r.role === 'HR' || r.role === 'ADMIN') &&
      (await verifyPassword(rest.join(':'), user.passwordHash));
    if (allowed) return next();
    res
      .status(401)
      .set('WWW-Authenticate', 'Basic realm="Kaoping sent mail: HR or admin", charset="UTF-8"')
      .type('text')
      .send('已发送邮件仅限人力资源部或管理员查看 / Sent mail: HR or an admin only');
  };
}

/** GET /mail: the caught mails, newest first; GET /mail/:id: one, as sent (HTML). HR or admin only. */
export function mountMailPages(app: Express, list: () => CaughtMail[], prisma: PrismaClient): void {
  app.use(['/mail', '/mail/:id'], hrOrAdminOnly(prisma));
  app.get('/mail', (req, res) => {
    const query = mailListQuery.safeParse(req.query);
    const { q, page } = query.success ? query.data : { q: undefined, page: 1 };
    const found = list().filter((m) => !q || m.to.includes(q) || m.subject.includes(q));
    const pages = Math.max(1, Math.ceil(found.length / mailPageSize));
    const shown = found.slice((page - 1) * mailPageSize, page * mailPageSize);
    const rows = shown
      .map(
        (m) =>
          `<tr><td>${esc(shanghaiMinute(new Date(m.receivedAt)))}</td><td>${esc(m.to)}</td><td><a href="/mail/${esc(m.id)}">${esc(m.subject)}</a></td></tr>`,
      )
      .join('');
    const link = (p: number, label: string) =>
      `<a href="/mail?page=${p}${q ? `&q=${encodeURIComponent(q)}` : ''}">${label}</a>`;
    const pager = `<p>共 ${found.length} 封 / ${found.length} mails · 第 ${page}/${pages} 页 ${page > 1 ? link(page - 1, '← 上一页 Previous') : ''} ${page < pages ? link(page + 1, '下一页 Next →') : ''}</p>`;
    res.type('html')
      .send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>已发送邮件 Sent mail</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left}input{padding:.3em;width:20em}</style></head>
<body><h1>已发送邮件 / Sent mail</h1><p>本地开发邮件捕获器：邮件不会真正发出。 Local mail catcher: nothing leaves this machine.</p>
<form method="get" action="/mail"><input name="q" value="${esc(q ?? '')}" placeholder="收件人或主题 / recipient or subject"> <button type="submit">搜索 Search</button></form>
${pager}<table><thead><tr><th>北京时间 Time (Beijing)</th><th>收件人 To</th><th>主题 Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">暂无邮件 No mail</td></tr>'}</tbody></table>${pager}</body></html>`);
  });
  app.get('/mail/:id', (req, res) => {
    const mail = list().find((m) => m.id === req.params.id);
    if (!mail) return res.status(404).type('text').send('not found');
    res.type('html')
      .send(`<!doctype html><html><head><meta charset="utf-8"><title>${esc(mail.subject)}</title></head><body style="font-family:sans-serif;margin:2em">
<p><a href="/mail">← 全部邮件 All mail</a></p><p><b>From:</b> ${esc(mail.from)}<br><b>To:</b> ${esc(mail.to)}<br><b>Subject:</b> ${esc(mail.subject)}</p><hr>${mail.html || `<pre>${esc(mail.text)}</pre>`}</body></html>`);
  });
}
