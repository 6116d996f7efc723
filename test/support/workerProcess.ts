// The production worker entry (scripts/worker.ts) as a child process of a harness's
// services, to be killed with SIGKILL and started again, as a crash would.
import { publicUrl, type Harness } from './harness';
import { workerService, type ChildService } from './processes';

export type WorkerProcess = ChildService;

export function workerProcess(h: () => Harness, dbUrl: () => string): WorkerProcess {
  return workerService(() => ({
    databaseUrl: dbUrl(),
    temporalAddress: h().env.address,
    smtpPort: h().smtp.port,
    publicUrl,
  }));
}
