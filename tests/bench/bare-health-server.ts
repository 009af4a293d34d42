/**
 * Baseline for the /health benchmark: bare node:http answering the same JSON, no framework, no
 * database. Any other GET gets a short JSON answer too: the inbound postback bench's baseline
 * (the same requests, answered without reading or storing anything).
 */
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
createServer((req, res) => {
  if (req.url === '/health') {
    const body = JSON.stringify({ status: 'ok', runtime: 'node', version: '0.2.0', time: new Date().toISOString() });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  const body = JSON.stringify({ result: 'bare' });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(port, '127.0.0.1', () => console.log(`bare listening on ${port}`));
