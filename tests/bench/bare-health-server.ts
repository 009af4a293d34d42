/** Baseline for the /health benchmark: bare node:http answering the same JSON, no framework, no database. */
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
createServer((req, res) => {
  if (req.url === '/health') {
    const body = JSON.stringify({ status: 'ok', runtime: 'node', version: '0.2.0', time: new Date().toISOString() });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  res.writeHead(404).end();
}).listen(port, '127.0.0.1', () => console.log(`bare listening on ${port}`));
