// What the HTTP API needs: the database for reads, Temporal for every change of a process.
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/database';
import type { Logger } from './log';
import type { PdfPrinter } from './pdf';

export interface ApiContext {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  sessionTtlHours: number;
  /** The SMTP server the worker mails through, for the readiness check (none: not checked). */
  smtpUrl?: string;
  /** Prints result sheets to PDF (none: the PDF routes answer 503, the printable pages still work). */
  pdf?: PdfPrinter;
  /** The bearer token /metrics wants (METRICS_TOKEN); none: only this machine may scrape. */
  metricsToken?: string;
  /** Where request and error lines go (JSON, pino); none: errors only, at the fallback logger. */
  log?: Logger;
}
