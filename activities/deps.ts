// What activities need from the outside world, injected by the worker (and by tests).
import type { Client } from '@temporalio/client';
import type { Transporter } from 'nodemailer';
import type { PrismaClient } from '../prisma/database';

export interface ActivityDeps {
  prisma: PrismaClient;
  /** Starts per-manager workflows from the cycle's activities. */
  temporal: Client;
  mailer: Transporter;
  settings: {
    taskQueue: string;
    /** Base URL people open from an e-mail, e.g. http://localhost:3000 */
    publicUrl: string;
    mailFrom: string;
  };
}
