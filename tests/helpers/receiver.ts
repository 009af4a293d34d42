/** A real HTTP receiver on loopback standing in for a partner's tracker. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_TRACKER_HOST } from './test-app.ts';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export async function startReceiver(
  answer: (request: Received, index: number) => number | { status: number; location?: string } = () => 200,
) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(request);
      const reply = answer(request, received.length - 1);
      const { status, location } = typeof reply === 'number' ? { status: reply, location: undefined } : reply;
      res.writeHead(status, location ? { location } : {});
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    /** Base URL under the pinned test host name (IP literals are refused by the template rules). */
    base: `http://${TEST_TRACKER_HOST}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
