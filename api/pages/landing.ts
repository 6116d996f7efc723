// The page at / under `npm start`: where everything is.
import type { Express } from 'express';
import { demoPassword } from '../../prisma/seed';

export function mountLandingPage(app: Express, links: { temporalUiUrl?: string; mailUrl?: string }): void {
  app.get('/', (_req, res) => {
    const item = (href: string | undefined, zh: string, en: string) =>
      href ? `<li><a href="${href}">${zh} · ${en}</a></li>` : '';
    res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>考评 Kaoping</title>
<style>body{font-family:sans-serif;margin:3em;max-width:50em}code{background:#f4f4f4;padding:.1em .3em}</style></head><body>
<h1>考评 Kaoping</h1><p>客户经理考评工作流与审批引擎 · Workflow and approval engine for evaluating customer managers</p>
<p style="font-size:1.2em"><a href="/app/">进入系统 · Open the app</a></p>
<ul>${item('/docs', '接口文档', 'API documentation')}${item('/api/health', '运行状态', 'Health')}${item(links.mailUrl, '已发送邮件', 'Sent mail')}${item(links.temporalUiUrl, 'Temporal 工作流界面', 'Temporal Web UI')}</ul>
<p>演示账号密码 Demo password: <code>${demoPassword}</code> — hr, approver, admin, head01…04, inspector01…04, reviewer01…04, partner01…04, m001…m071</p>
</body></html>`);
  });
}
