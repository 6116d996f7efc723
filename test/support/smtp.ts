// A real SMTP server in-process; tests read what the application sent.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  notification: string;
  messageId: string;
}

export interface TestSmtp {
  mails: ReceivedMail[];
  transport: Transporter;
  port: number;
  to(address: string): ReceivedMail[];
  waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<void>;
  /** While held, messages are read but never accepted (the sender waits, as with a stalled server). */
  hold(): void;
  release(): void;
  /** How many messages arrived while held (never accepted). */
  held(): number;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  let holding = false;
  let heldCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (holding) {
        heldCount++;
        stream.resume(); // read it, never answer: the message is not accepted
        return;
      }
      simpleParser(stream)
        .then((m) => {
          const to = Array.isArray(m.to) ? m.to.map((t) => t.text).join(', ') : (m.to?.text ?? '');
          mails.push({
            to,
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
            notification: headerText(m.headers.get('x-kaoping-notification')),
            messageId: m.messageId ?? '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  // A sender that dies mid-message (a killed worker) resets its connection: smtp-server
  // reports that as an 'error' event, which must not take the test process down.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (!['ECONNRESET', 'EPIPE'].includes(err.code ?? '')) console.warn(`[test smtp] ${err.message}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return {
    mails,
    transport,
    port,
    to: (address) => mails.filter((m) => m.to.includes(address)),
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(mails)) {
        if (Date.now() > until)
          throw new Error(
            `mail not received in ${timeoutMs} ms; got: ${mails.map((m) => `${m.to}: ${m.subject}`).join(' | ')}`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
    },
    held: () => heldCount,
    close: () =>
      new Promise<void>((resolve) => {
        transport.close();
        server.close(() => resolve());
      }),
  };
}

const headerText = (value: unknown): string => (typeof value === 'string' ? value : '');
