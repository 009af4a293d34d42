/**
 * The checks every route passes before it runs, walked over every route the OpenAPI document
 * lists, so a route added tomorrow is covered without a line here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../tests/helpers/test-app.ts';
import { DEFAULT_BODY_LIMIT, bodyLimitFor } from './request-guards.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let bodyRoutes: Array<{ method: string; path: string; types: string[] }>;
let allRoutes: Array<{ method: string; path: string }>;
beforeAll(async () => {
  t = await createTestApp();
  const doc = (await (await t.fetchApp('http://kabinet.test/openapi.json')).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
  };
  bodyRoutes = [];
  allRoutes = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const concrete = path.replace(/\{[^}]+\}/g, 'x_1');
      allRoutes.push({ method: method.toUpperCase(), path: concrete });
      if (operation.requestBody)
        bodyRoutes.push({
          method: method.toUpperCase(),
          path: concrete,
          types: Object.keys(operation.requestBody.content),
        });
    }
  }
});
afterAll(() => t.dispose());

const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as { code: string; detail: string; errors?: Array<{ path: string; message: string }> };
};

describe('content types', () => {
  it('finds the routes to check (the walk is not empty)', () => {
    expect(bodyRoutes.length).toBeGreaterThan(30);
    expect(bodyRoutes.map((r) => r.path)).toContain('/v1/public/operators/x_1/sign_in');
  });

  for (const sent of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'application/xml',
    null,
  ]) {
    it(`answers 415 naming the expected type to every JSON route sent ${sent ?? 'no content type'}`, async () => {
      const wrong: string[] = [];
      for (const route of bodyRoutes) {
        if (sent && route.types.includes(sent.split(';')[0]!)) continue;
        const headers: Record<string, string> = { authorization: 'Bearer sk_not_a_key', 'content-length': '7' };
        if (sent) headers['content-type'] = sent;
        const res = await t.app.request(route.path, { method: route.method, headers, body: 'a=b&c=d' });
        if (res.status !== 415) {
          wrong.push(`${route.method} ${route.path}: ${res.status}`);
          continue;
        }
        const problem = await problemOf(res);
        expect(problem.code).toBe('unsupported_media_type');
        expect(problem.detail).toContain(route.types[0]);
        expect(problem.errors).toEqual([
          {
            path: 'header.content-type',
            reason: 'invalid_choice',
            params: { allowed: route.types },
            message: `must be ${route.types.join(' or ')}`,
          },
        ]);
      }
      expect(wrong).toEqual([]);
      expect(t.errors).toEqual([]);
    });
  }

  it('accepts JSON with a charset parameter', async () => {
    const { key } = await t.addOperator('Charset');
    const res = await t.app.request('/v1/brands', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({ name: 'Charset Casino', currency: 'EUR', websiteUrl: 'https://charset.example' }),
    });
    expect(res.status).toBe(201);
  });
});

describe('body size', () => {
  it('answers 413 naming the limit to every route sent a body over it, before authentication', async () => {
    const wrong: string[] = [];
    for (const route of bodyRoutes) {
      const size = bodyLimitFor(route.method, route.path).maxBytes + 1;
      const res = await t.app.request(route.path, {
        method: route.method,
        headers: { 'content-type': route.types[0]!, 'content-length': String(size) },
        body: 'x'.repeat(size),
      });
      if (res.status !== 413) {
        wrong.push(`${route.method} ${route.path}: ${res.status}`);
        continue;
      }
      const problem = await problemOf(res);
      expect(problem.code).toBe('payload_too_large');
      expect(problem.detail).toMatch(/at most \d+ (kB|MB)/);
    }
    expect(wrong).toEqual([]);
  });

  it('stops reading a streamed body without Content-Length at the limit (a 50 MB sign-in is not read whole)', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(120);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await t.app.request('/v1/public/operators/op_x/sign_in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(DEFAULT_BODY_LIMIT + 4 * chunk.length);
  });

  it('takes a batch of 1,000 player events with custom data (the events route has its own limit)', async () => {
    const { key, client } = await t.addOperator('Batch');
    await client.v1.brands.$post({
      json: { name: 'Batch Casino', currency: 'EUR', websiteUrl: 'https://batch.example' },
    });
    const events = Array.from({ length: 1000 }, (_, i) => ({
      id: `evt-${i}`.padEnd(100, 'x'),
      type: 'deposit',
      playerId: `player-${i}`.padEnd(100, 'p'),
      brand: 'Batch Casino',
      amount: '25.50',
      currency: 'EUR',
      occurredAt: '2026-11-24T09:00:00Z',
      data: { note: 'n'.repeat(300), source: 'crm' },
    }));
    const body = JSON.stringify({ events });
    expect(body.length).toBeGreaterThan(DEFAULT_BODY_LIMIT * 8);
    const res = await t.app.request('/v1/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(200);
  });
});

describe('headers on every answer', () => {
  it('sends nosniff on successes, problems and unknown paths', async () => {
    const answers = [
      await t.app.request('/health'),
      await t.app.request('/openapi.json'),
      await t.app.request('/v1/no-such-route'),
      await t.app.request('/v1/brands'),
      await t.app.request('/v1/brands', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
      await t.app.request('/docs'),
      await t.app.request('/t/NoSuchCode'),
      await t.app.request('/portal/op_nobody'),
    ];
    for (const res of answers) expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never answers 500 for a library exception that means bad input', async () => {
    for (const route of allRoutes.slice(0, 400)) {
      const res = await t.app.request(route.path, {
        method: route.method,
        headers: { 'content-type': 'application/json' },
        body: route.method === 'GET' ? null : '{"a":',
      });
      expect(res.status, `${route.method} ${route.path}`).toBeLessThan(500);
    }
    expect(t.errors).toEqual([]);
  });
});
