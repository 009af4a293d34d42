import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp } from '../../tests/helpers/test-app.ts';
import { unwrap, KabinetApiError } from '../sdk/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

describe('HTTP API through the typed client', () => {
  it('answers /health with the database checked', async () => {
    const body = await unwrap(t.clientFor().health.$get());
    expect(body).toEqual({ status: 'ok', runtime: 'node', version: 'test', time: '2026-11-24T10:00:00.000Z' });
  });

  it("creates and lists brands for the key's operator only", async () => {
    const a = await t.addOperator('Alpha');
    const b = await t.addOperator('Beta');
    const created = await unwrap(
      a.client.v1.brands.$post({
        json: { name: 'Alpha Casino', currency: 'EUR', websiteUrl: 'https://alpha.example' },
      }),
    );
    expect(created).toMatchObject({ name: 'Alpha Casino', currency: 'EUR', visitParam: 'kb_vid', fallbackUrl: null });
    expect(created.id).toMatch(/^brand_/);
    expect((await unwrap(a.client.v1.brands.$get())).data.map((x) => x.name)).toEqual(['Alpha Casino']);
    expect((await unwrap(b.client.v1.brands.$get())).data).toEqual([]);
  });

  it('answers 422 problem+json naming every bad field, and changes nothing', async () => {
    const a = await t.addOperator('Alpha');
    const res = await a.client.v1.brands.$post({
      json: { name: '', currency: 'EURO' as 'EUR', websiteUrl: 'javascript:alert(1)' },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as unknown as {
      code: string;
      errors: Array<{ path: string }>;
      requestId: string;
    };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['body.currency', 'body.name', 'body.websiteUrl']);
    expect(problem.requestId).toBe(res.headers.get('x-request-id'));
    expect((await unwrap(a.client.v1.brands.$get())).data).toEqual([]);
  });

  it('rejects unknown fields instead of silently dropping them', async () => {
    const a = await t.addOperator('Alpha');
    const res = await t.fetchApp('http://kabinet.test/v1/brands', {
      method: 'POST',
      headers: { authorization: `Bearer ${a.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'X', currency: 'EUR', websiteUrl: 'https://x.example', colour: 'red' }),
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('colour');
  });

  it('answers 400 for a body that is not JSON', async () => {
    const a = await t.addOperator('Alpha');
    const res = await t.fetchApp('http://kabinet.test/v1/brands', {
      method: 'POST',
      headers: { authorization: `Bearer ${a.key}`, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('bad_request');
  });

  it('answers 409 for a duplicate brand name', async () => {
    const a = await t.addOperator('Alpha');
    const json = { name: 'Dup', currency: 'USD' as const, websiteUrl: 'https://dup.example' };
    await unwrap(a.client.v1.brands.$post({ json }));
    await expect(unwrap(a.client.v1.brands.$post({ json }))).rejects.toMatchObject({
      status: 409,
      problem: { code: 'conflict' },
    });
  });

  it('demands a valid, unrevoked secret key', async () => {
    const missing = await t.clientFor().v1.operator.$get();
    expect(missing.status).toBe(401);
    const wrong = await t.clientFor('sk_not_a_real_key').v1.operator.$get();
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as unknown as { code: string }).code).toBe('unauthorized');
  });

  it('updates branding and origins, validating colours and origins', async () => {
    const a = await t.addOperator('Alpha');
    const bad = await a.client.v1.operator.$patch({
      json: { branding: { primaryColor: 'red;background:url(x)' }, allowedOrigins: ['https://ok.example/path'] },
    });
    expect(bad.status).toBe(422);
    const paths = ((await bad.json()) as unknown as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.branding.primaryColor', 'body.allowedOrigins.0']));
    const ok = await unwrap(
      a.client.v1.operator.$patch({
        json: { branding: { primaryColor: '#112233' }, allowedOrigins: ['https://partners.alpha.example'] },
      }),
    );
    expect(ok.branding.primaryColor).toBe('#112233');
    expect(ok.branding.displayName).toBe('Alpha');
    expect(ok.allowedOrigins).toEqual(['https://partners.alpha.example']);
  });

  it("serves the public portal config with CORS for that operator's origins only", async () => {
    const a = await t.addOperator('Alpha', ['https://alpha.example']);
    await t.addOperator('Beta', ['https://beta.example']);
    const url = `http://kabinet.test/v1/public/operators/${a.operator.id}`;
    const mine = await t.fetchApp(url, { headers: { origin: 'https://alpha.example' } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('access-control-allow-origin')).toBe('https://alpha.example');
    expect(await mine.json()).toMatchObject({
      operator: { id: a.operator.id, name: 'Alpha' },
      branding: { displayName: 'Alpha' },
      locales: ['en', 'ru'],
    });
    const foreign = await t.fetchApp(url, { headers: { origin: 'https://beta.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await t.fetchApp(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://alpha.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://alpha.example');
  });

  it('answers 404 problem for an unknown operator and an unknown route', async () => {
    const res = await t.clientFor().v1.public.operators[':operatorId'].$get({ param: { operatorId: 'op_missing' } });
    expect(res.status).toBe(404);
    const route = await t.fetchApp('http://kabinet.test/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.headers.get('content-type')).toBe('application/problem+json');
  });

  it('hides internals behind a 500 with a request id', async () => {
    (t.deps.db as unknown as { $client: { close(): void } }).$client.close(); // the database goes away mid-flight
    const a = await t.fetchApp('http://kabinet.test/v1/operator', { headers: { authorization: 'Bearer sk_whatever' } });
    expect(a.status).toBe(500);
    const body = await a.text();
    expect(body).not.toMatch(/libsql|sqlite|stack|at \w+ \(/i);
    expect(JSON.parse(body)).toMatchObject({ code: 'internal', requestId: a.headers.get('x-request-id') });
    expect(t.errors).toHaveLength(1);
  });

  it("keeps a caller's request id, or makes one", async () => {
    const given = await t.fetchApp('http://kabinet.test/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await t.fetchApp('http://kabinet.test/health');
    expect(made.headers.get('x-request-id')).toMatch(/.{16,}/);
  });

  it('publishes OpenAPI 3.1 from the route schemas, and a reference page', async () => {
    const doc = (await (await t.fetchApp('http://kabinet.test/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/brands',
        '/v1/operator',
        '/v1/public/operators/{operatorId}',
        '/v1/partner/profile',
        '/v1/partner_sessions',
      ]),
    );
    expect(Object.keys(doc.paths['/v1/brands']!).sort()).toEqual(['get', 'post']);
    expect(doc.components.schemas).toHaveProperty('CreateBrand.properties.currency.enum');
    const page = await (await t.fetchApp('http://kabinet.test/docs')).text();
    expect(page).toContain('<code>/v1/brands</code>');
    expect(page).toContain('CreateBrand');
  });

  it('gives every named schema its own name (a second one would silently replace the first in the document)', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const names = files.flatMap((f) =>
      [...readFileSync(join(root, f), 'utf8').matchAll(/\.openapi\('([A-Za-z0-9]+)'\)/g)].map((m) => m[1]!),
    );
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('throws a typed KabinetApiError from unwrap', async () => {
    const err = await unwrap(t.clientFor().v1.operator.$get()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KabinetApiError);
    expect((err as KabinetApiError).problem.code).toBe('unauthorized');
  });
});

describe('/health', () => {
  it('answers 503 once the database is gone (checks are cached for at most a second)', async () => {
    expect((await t.fetchApp('http://kabinet.test/health')).status).toBe(200);
    (t.deps.db as unknown as { $client: { close(): void } }).$client.close();
    expect((await t.fetchApp('http://kabinet.test/health')).status).toBe(200);
    t.clock.advance(1_000);
    const res = await t.fetchApp('http://kabinet.test/health');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { code: string }).code).toBe('unavailable');
  });
});
