/**
 * An operator's own web site for browser tests: a plain node:http server on its own loopback
 * port, so its pages are on a different origin from the Kabinet server. `localhost:<port>` and
 * `127.0.0.1:<port>` are two origins of the same server (one can be allowed, the other not).
 */
import { createServer } from 'node:http';
import { freePort } from './processes.ts';

/** One page or endpoint of the site: the request's URL in, a body and its type out. */
export type HostRoute = (url: URL) => Promise<{ type: 'text/html' | 'application/json'; body: string }>;

export async function startHostSite(routes: Record<string, HostRoute>) {
  const port = await freePort();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const route = routes[url.pathname];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    route(url).then(
      ({ type, body }) =>
        res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    /** `http://localhost:<port>` and `http://127.0.0.1:<port>`: the same pages, two origins. */
    origins: { localhost: `http://localhost:${port}`, loopback: `http://127.0.0.1:${port}` },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
