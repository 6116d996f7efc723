// The mail catcher of `npm start`: it keeps what is sent, and a sender that dies in the
// middle of a message (a killed worker) does not take it, and the API with it, down.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { startMailCatcher } from '../api/pages/mailCatcher';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-mail-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function dieMidMessage(port: number): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((r) => socket.once('data', r));
  for (const line of [
    'EHLO sender',
    'MAIL FROM:<worker@test.local>',
    'RCPT TO:<m001@test.local>',
    'DATA',
    'Subject: half a message',
  ]) {
    socket.write(`${line}\r\n`);
    await new Promise((r) => setTimeout(r, 50));
  }
  socket.resetAndDestroy(); // as a SIGKILLed process's socket: a reset, not a goodbye
  await new Promise((r) => setTimeout(r, 200));
}

test('a sender dropping its connection mid-message leaves the catcher running and nothing half kept', async () => {
  const catcher = await startMailCatcher(dir, 0);
  const port = (catcher.server.server.address() as AddressInfo).port;
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    await dieMidMessage(port);
    expect(warn.mock.calls.some(([m]) => String(m).includes('ECONNRESET'))).toBe(true);
    expect(catcher.list()).toHaveLength(0);

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'kaoping@test.local',
      to: 'm001@test.local',
      subject: '自评任务 Self-assessment',
      text: '请于 11 月 12 日前提交。',
    });
    transport.close();
    expect(catcher.list().map((m) => m.subject)).toEqual(['自评任务 Self-assessment']);
  } finally {
    warn.mockRestore();
    await catcher.close();
  }
});

test('a mail sent again after a crash, with the same Message-ID, is kept once', async () => {
  const { messageIdOf } = await import('../activities/notifications');
  const catcher = await startMailCatcher(fs.mkdtempSync(path.join(dir, 'again-')), 0);
  const port = (catcher.server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const mail = (key: string) => ({
      from: 'kaoping@test.local',
      to: 'm001@test.local',
      subject: `任务 ${key}`,
      text: '请提交。',
      messageId: messageIdOf(key, 'http://kaoping.test'),
    });
    await transport.sendMail(mail('task:1:opened'));
    await transport.sendMail(mail('task:1:opened'));
    await transport.sendMail(mail('task:2:opened'));
    expect(
      catcher
        .list()
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['任务 task:1:opened', '任务 task:2:opened']);
    expect(messageIdOf('task:1:opened', 'http://kaoping.test')).toMatch(/^<[0-9a-f]{32}@kaoping\.test>$/);
  } finally {
    transport.close();
    await catcher.close();
  }
});

test('the sent-mail pages are for HR and the admin only (they hold live survey links)', async () => {
  const { startHarness } = await import('./support/harness');
  const { testPassword } = await import('./support/fixtures');
  const express = (await import('express')).default;
  const { mountMailPages } = await import('../api/pages/mailCatcher');
  const h = await startHarness();
  const catcher = await startMailCatcher(fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-mail-')), 0);
  const app = express();
  mountMailPages(app, catcher.list, h.db.prisma);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const as = (user?: string, password = testPassword, page = '/mail') =>
    fetch(
      `${base}${page}`,
      user ? { headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } } : {},
    );
  try {
    const anonymous = await as();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
    expect((await as('m001')).status).toBe(401);
    expect((await as('head01')).status).toBe(401);
    expect((await as('hr', 'wrong-password')).status).toBe(401);
    expect((await as('hr')).status).toBe(200);
    expect((await as('admin')).status).toBe(200);
    expect((await fetch(`${base}/mail/anything`)).status).toBe(401);

    // 60 mails: 50 a page, a search by recipient or subject.
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: (catcher.server.server.address() as AddressInfo).port,
      secure: false,
      ignoreTLS: true,
    });
    for (let i = 0; i < 60; i++)
      await transport.sendMail({
        from: 'k@test.local',
        to: `m${i}@test.local`,
        subject: i === 7 ? '【考评结果】2026年11月' : `提醒 ${i}`,
        text: 'x',
      });
    const first = await (await as('hr')).text();
    expect(first).toContain('共 60 封');
    expect(first.match(/<tr><td>/g)).toHaveLength(50);
    const second = await (await as('hr', testPassword, '/mail?page=2')).text();
    expect(second.match(/<tr><td>/g)).toHaveLength(10);
    const search = await (await as('hr', testPassword, `/mail?q=${encodeURIComponent('考评结果')}`)).text();
    expect(search).toContain('共 1 封');
    expect(search).toContain('m7@test.local');
  } finally {
    server.close();
    await catcher.close();
    await h.close();
  }
});
