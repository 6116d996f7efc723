// Serves in-memory PGlite over the PostgreSQL protocol to several processes.
// pglite-socket 0.2.17 multiplexes connections message by message and keeps a
// connection's *transaction* together, but not its extended-protocol sequence
// (Parse, Bind, Describe, Execute … Sync): two clients' unnamed statements then
// collide ("bind message supplies 2 parameters, but prepared statement requires 3").
// This keeps each sequence together as well. Test infrastructure only.
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface QueueItem {
  handlerId: number;
  message: Uint8Array;
  resolve(n: number): void;
  reject(e: unknown): void;
  onData(d: Uint8Array): void;
}
interface QueryQueue {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(id: number): void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'

export function sequenceSafePGliteServer(db: PGlite, port = 0): PGLiteSocketServer {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 50 });
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!q || !Array.isArray(q.queue) || typeof q.processQueue !== 'function')
    throw new Error('pglite-socket internals changed: update test/support/pgliteSocket.ts');
  let midSequence = false;
  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = (midSequence || this.db.isInTransaction()) && this.lastHandlerId !== null;
        const index = sticky ? this.queue.findIndex((i) => i.handlerId === this.lastHandlerId) : 0;
        if (index === -1) break; // wait for the rest of that client's sequence
        const [item] = this.queue.splice(index, 1) as [QueueItem];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (d: Uint8Array) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
        } catch (err) {
          item.reject(err);
          continue;
        }
        const type = item.message[0];
        if (type !== 0) midSequence = !(type === SYNC || type === QUERY); // 0: startup message
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (id: number) => {
    if (q.lastHandlerId === id) midSequence = false;
    clear(id);
  };
  return server;
}
