// The HTTP server around the app: bounded header size and time, so slow or oversized
// requests end (Node's defaults keep a slow body open for five minutes), and errors the
// parser sees before Express (headers too large, a malformed request) answered as
// problem+json like every other error.
import http, { type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';

export const serverLimits = {
  maxHeaderSize: 16 * 1024,
  /** The whole request, body included (a 2 MB KPI file comes in well within it). */
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
};

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const [status, code, zh, en] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', '请求头过大', 'Request headers too large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', '请求超时', 'Request timed out']
        : [400, 'bad_request', '请求无效', 'Bad request'];
  const body = JSON.stringify({ type: `https://kaoping.dev/problems/${code}`, title: `${zh} / ${en}`, status, code });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Listens on `host:port` (0: any free port) with the limits above. */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  const server = http.createServer(
    {
      maxHeaderSize: serverLimits.maxHeaderSize,
      requestTimeout: serverLimits.requestTimeoutMs,
      headersTimeout: serverLimits.headersTimeoutMs,
    },
    app,
  );
  server.keepAliveTimeout = serverLimits.keepAliveTimeoutMs;
  server.on('clientError', answerClientError);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
