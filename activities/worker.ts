// Builds the Temporal worker with its activities; used by `npm start`, the production
// worker and the tests.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import { createActivities } from '.';
import type { PrismaClient } from '../prisma/database';
import { permanentErrorInterceptors } from './permanentErrors';
import { preloadModules, workflowsPath } from '../workflows/client/bundle';

/** The workflows bundled by `npm run build`, beside the compiled worker (dist/workflows/bundle.js). */
const builtBundle = path.join(__dirname, '..', 'workflows', 'bundle.js');

export interface WorkerDeps {
  connection: NativeConnection;
  namespace?: string;
  taskQueue: string;
  prisma: PrismaClient;
  temporal: Client;
  mailer: Transporter;
  publicUrl: string;
  mailFrom: string;
  workflowBundle?: WorkerOptions['workflowBundle'];
  maxCachedWorkflows?: number;
  maxConcurrentActivities?: number;
  reuseV8Context?: boolean;
}

export async function createWorker(deps: WorkerDeps): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace ?? 'default',
    taskQueue: deps.taskQueue,
    ...(deps.workflowBundle
      ? { workflowBundle: deps.workflowBundle }
      : fs.existsSync(builtBundle)
        ? { workflowBundle: { codePath: builtBundle } } // npm run build made it: no bundling at start
        : { workflowsPath, bundlerOptions: { preloadModules } }),
    activities: createActivities({
      prisma: deps.prisma,
      temporal: deps.temporal,
      mailer: deps.mailer,
      settings: { taskQueue: deps.taskQueue, publicUrl: deps.publicUrl, mailFrom: deps.mailFrom },
    }),
    interceptors: { activity: [permanentErrorInterceptors] },
    shutdownGraceTime: '5 seconds',
    maxConcurrentActivityTaskExecutions: deps.maxConcurrentActivities ?? 20,
    ...(deps.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: deps.maxCachedWorkflows } : {}),
    ...(deps.reuseV8Context !== undefined ? { reuseV8Context: deps.reuseV8Context } : {}),
  });
}
