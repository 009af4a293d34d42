/**
 * The role table end to end: each staff role against a representative route of each area, over
 * real HTTP with a console session; the secret key keeps full power. Also API keys: create (secret
 * shown once, no-store), revoke (401 at once), rotate, and a key may not revoke itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../tests/helpers/test-app.ts';
import { signedInStaff } from '../../tests/helpers/staff.ts';
import type { StaffRole } from '../modules/operator-staff/table.ts';
import { rolesAllowed } from './operator-roles.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let key = '';
const as: Partial<Record<StaffRole, Awaited<ReturnType<typeof signedInStaff>>['request']>> = {};

beforeAll(async () => {
  t = await createTestApp();
  const op = await t.addOperator('Roles');
  key = op.key;
  for (const role of ['owner', 'manager', 'finance', 'viewer'] as const)
    as[role] = (await signedInStaff(t, op.operator.id, { email: `${role}@roles.example`, role })).request;
});
afterAll(() => t.dispose());

/** A write whose body is wrong on purpose: a role allowed in gets past the gate to 422 (or 404), never 403. */
const AREAS: Array<{ area: string; method: string; path: string; body?: unknown; writers: StaffRole[] }> = [
  { area: 'staff', method: 'POST', path: '/v1/operator/staff', body: {}, writers: ['owner'] },
  { area: 'api keys', method: 'POST', path: '/v1/operator/api_keys', body: {}, writers: ['owner'] },
  { area: 'settings', method: 'PATCH', path: '/v1/operator', body: { lockoutThreshold: -1 }, writers: ['owner'] },
  {
    area: 'partners',
    method: 'POST',
    path: '/v1/partners/partner_x/decision',
    body: {},
    writers: ['owner', 'manager'],
  },
  { area: 'plans', method: 'POST', path: '/v1/plans', body: {}, writers: ['owner', 'manager'] },
  { area: 'conversions', method: 'PATCH', path: '/v1/conversions/conv_x', body: {}, writers: ['owner', 'manager'] },
  { area: 'bills', method: 'POST', path: '/v1/bills/bill_x/state', body: {}, writers: ['owner', 'finance'] },
  { area: 'cash-outs', method: 'POST', path: '/v1/cash_outs/cout_x/success', body: {}, writers: ['owner', 'finance'] },
  {
    area: 'wallet',
    method: 'POST',
    path: '/v1/partners/partner_x/wallet/corrections',
    body: {},
    writers: ['owner', 'finance'],
  },
];

describe('operator roles', () => {
  for (const { area, method, path, body, writers } of AREAS) {
    it(`${area}: ${method} ${path} is for ${writers.join(', ')}`, async () => {
      for (const role of ['owner', 'manager', 'finance', 'viewer'] as const) {
        const res = await as[role]!(path, { method, body: JSON.stringify(body) });
        if (writers.includes(role)) expect([404, 409, 422], `${role} ${res.status}`).toContain(res.status);
        else {
          expect(res.status, role).toBe(403);
          expect(await res.json()).toMatchObject({ code: 'forbidden_for_role', params: { role, allowed: writers } });
        }
      }
      // The secret key is not in the table: full power.
      const withKey = await t.fetchApp(`http://kabinet.test${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect([404, 409, 422]).toContain(withKey.status);
    });
  }

  it('every role reads the program and reports; only the owner reads staff and keys', async () => {
    for (const role of ['owner', 'manager', 'finance', 'viewer'] as const) {
      expect((await as[role]!('/v1/partners')).status, role).toBe(200);
      expect((await as[role]!('/v1/bills')).status, role).toBe(200);
      expect((await as[role]!('/v1/reports/options')).status, role).toBe(200);
      expect((await as[role]!('/v1/operator/staff')).status, role).toBe(role === 'owner' ? 200 : 403);
      expect((await as[role]!('/v1/operator/api_keys')).status, role).toBe(role === 'owner' ? 200 : 403);
    }
  });

  it('the table: specific rules before wildcards, unknown paths owner-only for writes', () => {
    expect(rolesAllowed('POST', '/v1/partners/p_1/wallet/corrections')).toEqual(['owner', 'finance']);
    expect(rolesAllowed('PUT', '/v1/partners/p_1/manager')).toEqual(['owner', 'manager']);
    expect(rolesAllowed('POST', '/v1/news/n_1/publish')).toEqual(['owner', 'manager']);
    expect(rolesAllowed('POST', '/v1/reports/performance/export')).toEqual(['owner', 'manager', 'finance']);
    expect(rolesAllowed('GET', '/v1/operator/api_keys')).toEqual(['owner']);
    expect(rolesAllowed('GET', '/v1/something_new')).toContain('viewer');
    expect(rolesAllowed('DELETE', '/v1/something_new')).toEqual(['owner']);
    expect(rolesAllowed('PATCH', '/v1/operatorx')).toEqual(['owner']);
  });
});

describe('API keys', () => {
  const withKey = (secret: string, path: string, method = 'GET') =>
    t.fetchApp(`http://kabinet.test${path}`, { method, headers: { authorization: `Bearer ${secret}` } });

  it('shows a new secret once (no-store), never in the list; a revoked key answers 401 at once', async () => {
    const created = await as.owner!('/v1/operator/api_keys', { method: 'POST', body: '{"name":"Reporting"}' });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const fresh = (await created.json()) as { id: string; secret: string; prefix: string; name: string };
    expect(fresh.secret).toMatch(/^sk_/);
    expect(fresh.secret.startsWith(fresh.prefix)).toBe(true);
    expect((await withKey(fresh.secret, '/v1/operator')).status).toBe(200);

    const list = await (await as.owner!('/v1/operator/api_keys')).text();
    expect(list).toContain(fresh.id);
    expect(list).not.toContain(fresh.secret);
    expect(JSON.parse(list).items.find((k: { id: string }) => k.id === fresh.id)).toMatchObject({
      name: 'Reporting',
      lastUsedAt: expect.any(String),
      revokedAt: null,
    });

    const revoked = await as.owner!(`/v1/operator/api_keys/${fresh.id}/revoke`, { method: 'POST' });
    expect(await revoked.json()).toMatchObject({ revokedAt: expect.any(String) });
    expect((await withKey(fresh.secret, '/v1/operator')).status).toBe(401);
  });

  it('rotates: a new secret under the same name, the old one revoked at once; a revoked key cannot rotate', async () => {
    const created = (await (
      await as.owner!('/v1/operator/api_keys', { method: 'POST', body: '{"name":"Tracker"}' })
    ).json()) as { id: string; secret: string };
    const rotated = await as.owner!(`/v1/operator/api_keys/${created.id}/rotate`, { method: 'POST' });
    expect(rotated.status).toBe(201);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const next = (await rotated.json()) as { id: string; secret: string; name: string };
    expect(next).toMatchObject({ name: 'Tracker' });
    expect(next.secret).not.toBe(created.secret);
    expect((await withKey(created.secret, '/v1/operator')).status).toBe(401);
    expect((await withKey(next.secret, '/v1/operator')).status).toBe(200);
    expect((await as.owner!(`/v1/operator/api_keys/${created.id}/rotate`, { method: 'POST' })).status).toBe(409);
  });

  it('a key cannot revoke itself (409) but may revoke another key', async () => {
    const list = (await (await withKey(key, '/v1/operator/api_keys')).json()) as {
      items: Array<{ id: string; revokedAt: string | null }>;
    };
    const other = (await (
      await as.owner!('/v1/operator/api_keys', { method: 'POST', body: '{"name":"Other"}' })
    ).json()) as { id: string; secret: string };
    // Newest first: the operator's first key, the one this request uses, is the last.
    const ownId = list.items.at(-1)!.id;
    expect((await withKey(key, `/v1/operator/api_keys/${ownId}/revoke`, 'POST')).status).toBe(409);
    expect((await withKey(key, `/v1/operator/api_keys/${other.id}/revoke`, 'POST')).status).toBe(200);
    expect((await withKey(key, '/v1/operator')).status).toBe(200);
  });

  it('names the field of a bad key name (422) and creates nothing', async () => {
    const before = (await (await as.owner!('/v1/operator/api_keys')).json()) as { items: unknown[] };
    const res = await as.owner!('/v1/operator/api_keys', { method: 'POST', body: '{"name":"  "}' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe('body.name');
    const after = (await (await as.owner!('/v1/operator/api_keys')).json()) as { items: unknown[] };
    expect(after.items).toHaveLength(before.items.length);
  });
});
