// Errors that no retry can fix (a missing row, a broken constraint, a value the database
// refuses, invalid input) become non-retryable at once, so their step turns into an incident
// without spinning for half an hour. Connection losses and races stay retryable.
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInboundCallsInterceptor, ActivityInterceptorsFactory } from '@temporalio/worker';
import { ZodError } from 'zod';

/** Prisma's codes for requests that fail the same way every time (P2002, a unique race, is not one). */
const permanentPrismaCodes = new Set([
  'P2000',
  'P2003',
  'P2004',
  'P2006',
  'P2007',
  'P2011',
  'P2012',
  'P2014',
  'P2023',
  'P2025',
]);
/** PostgreSQL's SQLSTATE classes 22 (data exception) and 23 (integrity, but 23505 unique), and 42 (syntax). */
const permanentSqlState = /^(22|42)|^23(?!505)/;

export function isPermanent(err: unknown): boolean {
  if (err instanceof ApplicationFailure) return false; // it says for itself
  if (err instanceof ZodError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const e = err as {
    name?: string;
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } };
  };
  if (e.name === 'PrismaClientValidationError') return true;
  if (typeof e.code === 'string' && permanentPrismaCodes.has(e.code)) return true;
  const sqlState = e.meta?.code ?? e.meta?.driverAdapterError?.cause?.originalCode;
  return typeof sqlState === 'string' && permanentSqlState.test(sqlState);
}

const classify: ActivityInboundCallsInterceptor = {
  async execute(input, next) {
    try {
      return await next(input);
    } catch (err) {
      if (!isPermanent(err)) throw err;
      const message = err instanceof Error ? err.message : String(err);
      throw ApplicationFailure.create({ type: 'PermanentError', message, nonRetryable: true, cause: err as Error });
    }
  },
};

export const permanentErrorInterceptors: ActivityInterceptorsFactory = () => ({ inbound: classify });
