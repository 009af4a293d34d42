/**
 * The demo operator backend's console proxy (`/demo/operator-backend/:operatorId/kabinet/*`): it adds
 * the operator's secret key server-side, forwards only the network, connection, conversion, plan, bill
 * and billing-run routes, and passes status and body through unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/test-app.ts';
import { createApiKey, createOperator } from '../core/modules/operators/service.ts';
import { withTenant } from '../core/lib/context.ts';
import { createDemoOperatorBackend } from '../demo/operator-backend.ts';
import { DEMO_OPERATORS } from '../demo/seed.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let backend: ReturnType<typeof createDemoOperatorBackend>;
const demo = DEMO_OPERATORS[0]!;
const base = `http://kabinet.test/demo/operator-backend/${demo.id}/kabinet`;
const call = (path: string, init?: RequestInit) => backend.request(`${base}${path}`, init);

beforeAll(async () => {
  t = await createTestApp();
  await createOperator(t.deps, { id: demo.id, name: demo.name });
  await createApiKey(withTenant(t.deps, demo.id), { name: 'Demo key', presetSecret: demo.apiKey });
  backend = createDemoOperatorBackend(t.app);
});
afterAll(() => t.dispose());

describe('demo operator backend: console proxy', () => {
  it('forwards POST and GET with the key added, query included, and returns status and body as is', async () => {
    const created = await call('/v1/network_connections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'tracker', name: 'Our tracker', defaultCurrency: 'EUR' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const connection = (await created.json()) as {
      id: string;
      kind: string;
      postbackUrls: Array<{ status: string; url: string }>;
    };
    expect(connection.kind).toBe('tracker');
    expect(connection.postbackUrls[0]!.url).toContain(`/pb/tracker/${connection.id}?t=`);

    const list = (await (await call('/v1/network_connections')).json()) as { data: Array<{ id: string }> };
    expect(list.data.map((c) => c.id)).toEqual([connection.id]);
    const one = await call(`/v1/network_connections/${connection.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    expect(((await one.json()) as { enabled: boolean }).enabled).toBe(false);
    const conversions = await call(`/v1/conversions?connectionId=${connection.id}&status=hold`);
    expect(conversions.status).toBe(200);
    expect(await conversions.json()).toEqual({ data: [] });
    const catalog = (await (await call('/v1/networks')).json()) as { data: Array<{ key: string }> };
    expect(catalog.data.length).toBeGreaterThan(0);
  });

  it('forwards managers and a photo as its bytes with its image type, and contact cards', async () => {
    const created = await call('/v1/managers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Proxy Manager', email: 'proxy@luckyspin.example' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
      (ch) => ch.charCodeAt(0),
    );
    const photo = await call(`/v1/managers/${id}/photo`, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: png,
    });
    expect(photo.status).toBe(200);
    const { photoUrl } = (await photo.json()) as { photoUrl: string };
    const image = await t.fetchApp(photoUrl);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(png);
    const card = await call('/v1/contacts/program', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ supportEmail: 'support@luckyspin.example' }),
    });
    expect(card.status).toBe(200);
    expect((await call('/v1/contacts/program', { method: 'DELETE' })).status).toBe(204);
  });

  it('passes validation problems through (422 problem+json)', async () => {
    const res = await call('/v1/network_connections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'tracker', name: '' }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.some((e) => e.path === 'body.name')).toBe(true);
  });

  it('forwards the plans routes, and the partner list for reading only (the plans panel’s partner picker)', async () => {
    const json = (method: string, body: unknown) => ({
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // The body <kb-plans-console>'s form sends (amounts and percentages as decimal strings).
    const terms = {
      billingPeriod: 'weekly',
      cpa: {
        amounts: [{ amount: '150.00', currency: 'EUR' }],
        qualification: { minFirstDeposit: [{ amount: '20', currency: 'EUR' }], withinDays: 30, countries: ['DE'] },
      },
      revshare: { percent: '12.5', negativeCarryOver: true },
      subAffiliate: { levels: ['5', '2'] },
    };
    const created = await call('/v1/plans', json('POST', { name: 'Console plan', isDefault: false, terms }));
    expect(created.status).toBe(201);
    const plan = (await created.json()) as { id: string; kind: string };
    expect(plan.kind).toBe('hybrid');
    const past = await call(`/v1/plans/${plan.id}`, json('PATCH', { terms, effectiveFrom: '2020-01-01' }));
    expect(((await past.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe('body.effectiveFrom');
    const list = (await (await call('/v1/plans')).json()) as { data: Array<{ id: string }> };
    expect(list.data.map((p) => p.id)).toEqual([plan.id]);
    expect((await call('/v1/partners')).status).toBe(200);
    const decide = await call('/v1/partners', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(decide.status).toBe(404);
  });

  it('forwards the bills routes and billing runs, and the brand list for reading only (the bills panel’s filters)', async () => {
    const post = (body: unknown) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const list = await call('/v1/bills?state=pending,on_hold&limit=10');
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ data: [], next: null, totals: [] });
    const run = await call('/v1/billing/runs', post({}));
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ issued: 0, priced: 0, complete: true });
    // Kabinet's own answers (problem+json) come back for a bill it does not know, on every bill route.
    for (const [path, init] of [
      ['/v1/bills/bill_nope', undefined],
      ['/v1/bills/bill_nope/state', post({ action: 'approve' })],
      ['/v1/bills/bill_nope/corrections', post({ action: 'add', amount: '1.00', comment: 'Bonus' })],
    ] as const) {
      const res = await call(path, init);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
    }
    const invalid = await call('/v1/bills/bill_nope/corrections', post({ action: 'add', amount: '-1', comment: '' }));
    expect(invalid.status).toBe(422);
    expect((await call('/v1/brands')).status).toBe(200);
    expect((await call('/v1/brands', post({ name: 'Sneaky' }))).status).toBe(404);
  });

  it('forwards the qualified-players list for reading only (the qualifications panel)', async () => {
    const list = await call('/v1/qualifications?limit=5');
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ data: [], next: null });
    const invalid = await call('/v1/qualifications?limit=0');
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    const write = await call('/v1/qualifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(write.status).toBe(404);
  });

  it('forwards the report as a file for reading only, content type and file name kept (the reports panel)', async () => {
    const file = await call('/v1/reports/performance/export?period=custom&from=2026-11-01&to=2026-11-30&format=xml');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="performance-2026-11-01-2026-11-30.xml"',
    );
    expect(await file.text()).toContain('<totals>');
    expect((await call('/v1/reports/performance/export', { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('forwards one partner’s page, decision, manager and answers for the partners panel, not its money', async () => {
    const signed = await t.app.request(`http://kabinet.test/v1/public/operators/${demo.id}/sign_up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Proxy Partner',
        email: 'proxy@example.com',
        password: 'a-long-password-1',
        country: 'DE',
      }),
    });
    const { partnerId } = (await signed.json()) as { partnerId: string };
    const page = await call(`/v1/partners/${partnerId}`);
    expect(page.status).toBe(200);
    expect(((await page.json()) as { status: string }).status).toBe('pending');
    expect((await call('/v1/partners?q=proxy@&status=pending')).status).toBe(200);
    const decided = await call(`/v1/partners/${partnerId}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'approve' }),
    });
    expect(((await decided.json()) as { status: string }).status).toBe('active');
    // Refused by the proxy itself (its own `{ error }`), not by Kabinet.
    for (const [path, method] of [
      [`/v1/partners/${partnerId}/wallet/corrections`, 'POST'],
      [`/v1/partners/${partnerId}/decision`, 'GET'],
      [`/v1/partners/${partnerId}`, 'DELETE'],
    ] as const) {
      const res = await call(path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json(), `${method} ${path}`).toHaveProperty('error');
    }
  });

  it('forwards terms versions (preview, publish, acceptances) and registration fields for their panels', async () => {
    const json = (body: unknown) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const preview = await call('/v1/terms/preview', json({ bodyMarkdown: '# Terms' }));
    expect(await preview.json()).toEqual({ html: '<h1>Terms</h1>\n' });
    const published = await call('/v1/terms/versions', json({ title: 'Proxy terms', bodyMarkdown: 'Be fair' }));
    expect(published.status).toBe(201);
    const { id } = (await published.json()) as { id: string };
    expect((await call(`/v1/terms/versions/${id}`)).status).toBe(200);
    expect(await (await call(`/v1/terms/versions/${id}/acceptances?limit=10`)).json()).toEqual({ data: [], total: 0 });
    const field = await call(
      '/v1/registration_fields',
      json({ key: 'proxy_source', label: { en: 'Source', ru: 'Источник' }, kind: 'text' }),
    );
    expect(field.status).toBe(201);
    const { id: fieldId } = (await field.json()) as { id: string };
    const patched = await call(`/v1/registration_fields/${fieldId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(((await patched.json()) as { active: boolean }).active).toBe(false);
    expect((await call('/v1/termsX')).status).toBe(404);
  });

  it('forwards nothing outside the allowed routes, and no unknown operator', async () => {
    for (const path of [
      '/v1/api_keys',
      '/v1/partners/prt_x/sub_affiliates',
      '/v1/partners/prt_x/wallet',
      '/v1/networksX',
      '/v1/billsX',
      '/v1/billing',
      '/v1/billing/runsX',
      '/health',
      '/v1/../v1/api_keys',
    ]) {
      expect((await call(path)).status, path).toBe(404);
    }
    expect(
      (await backend.request('http://kabinet.test/demo/operator-backend/op_nobody/kabinet/v1/networks')).status,
    ).toBe(404);
    // The key is the backend's: with no proxy, the same API call without it is refused.
    expect((await t.app.request('http://kabinet.test/v1/network_connections')).status).toBe(401);
  });
});
