/** Baseline for the click benchmark: bare node:http answering the same 302 a tracking link gives, storing nothing. */
import { createServer } from 'node:http';
import { benchRedirectHeaders } from './redirect-answer.ts';

const port = Number(process.env.PORT);
createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (req.url?.startsWith('/t/')) {
    res.writeHead(302, benchRedirectHeaders());
    res.end();
    return;
  }
  res.writeHead(404).end();
}).listen(port, '127.0.0.1', () => console.log(`bare redirect listening on ${port}`));
