/**
 * Behind a TLS-terminating proxy (KABINET_TRUST_PROXY=1) the visitor's scheme and address come
 * from the proxy's headers; without the setting the same headers change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer } from './helpers/live-server.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../demo/seed.ts';
import { createTestApp } from './helpers/test-app.ts';
import { PASSWORD, activePartner } from './helpers/identity.ts';

const lucky = DEMO_OPERATORS[0]!;

describe('the hosted portal cookie session behind a proxy', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let operatorId: string;
  beforeAll(async () => {
    t = await createTestApp();
    operatorId = (await t.addOperator('Lucky')).operator.id;
    await activePartner(t, operatorId, 'proxy@example.com');
  });
  afterAll(() => t.dispose());

  async function cookieWrite(headers: Record<string, string>) {
    const signIn = await t.fetchApp(`http://partners.example/v1/public/operators/${operatorId}/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'proxy@example.com', password: PASSWORD, transport: 'cookie' }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    // The proxy reached us over http://partners.example; the browser is on https://partners.example.
    return t.fetchApp('http://partners.example/v1/partner/profile', {
      method: 'PATCH',
      headers: { cookie, origin: 'https://partners.example', 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'Behind a proxy' }),
    });
  }

  it('takes a write from the https origin the visitor sees only when the proxy is trusted', async () => {
    expect((await cookieWrite({ 'x-forwarded-proto': 'https' })).status).toBe(403);
    t.deps.trustProxy = true;
    expect((await cookieWrite({ 'x-forwarded-proto': 'https' })).status).toBe(200);
    expect((await cookieWrite({})).status).toBe(403);
    expect((await cookieWrite({ 'x-forwarded-proto': 'http' })).status).toBe(403);
  });
});

describe('the visitor address behind a proxy', () => {
  const signInFrom = async (baseUrl: string, forwardedFor: string) => {
    const res = await fetch(`${baseUrl}/v1/public/operators/${lucky.id}/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email: lucky.signInEmail, password: DEMO_PASSWORD }),
    });
    const { token } = (await res.json()) as { token: string };
    const sessions = (await (
      await fetch(`${baseUrl}/v1/partner/sessions`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { data: Array<{ current: boolean; ip: string | null }> };
    return sessions.data.find((s) => s.current)!.ip;
  };

  it('is the last X-Forwarded-For entry (the one the trusted proxy added), and the socket otherwise', async () => {
    const trusted = await startLiveServer({ KABINET_TRUST_PROXY: '1', KABINET_SEED_CLICKS: '0' });
    const untrusted = await startLiveServer({ KABINET_SEED_CLICKS: '0' });
    try {
      expect(await signInFrom(trusted.baseUrl, '203.0.113.9, 198.51.100.20')).toBe('198.51.100.20');
      expect(await signInFrom(untrusted.baseUrl, '203.0.113.9, 198.51.100.20')).toBe('127.0.0.1');
    } finally {
      await trusted.stop();
      await untrusted.stop();
    }
  }, 120_000);
});
