/**
 * The click bench's second baseline: the bare 302 (redirect-answer.ts) answered by Hono on
 * @hono/node-server, as Kabinet's routes are, with a route parameter and nothing else. Between
 * bare node:http and Kabinet it shows what the framework and its Node adapter cost a request on
 * this machine, apart from anything Kabinet does.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { benchRedirectHeaders } from './redirect-answer.ts';

const app = new Hono();
app.get('/health', (c) => c.json({ status: 'ok' }));
// c.body with an empty string, as Kabinet's tracking route answers (the adapter's lightweight path).
app.get('/t/:code', (c) => c.body('', 302, benchRedirectHeaders()));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  console.log(`Hono redirect listening on ${process.env.PORT}`),
);
