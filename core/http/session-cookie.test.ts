/**
 * The hosted portal's `kb_session` cookie is always HttpOnly and SameSite=Lax, and Secure when the
 * visitor came over HTTPS: directly, or through a proxy only if deps.trustProxy says to believe
 * its X-Forwarded-Proto (KABINET_TRUST_PROXY=1).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../tests/helpers/test-app.ts';
import { PASSWORD, activePartner } from '../../tests/helpers/identity.ts';
import { readTrustProxy } from '../../edge/config.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operatorId: string;
beforeEach(async () => {
  t = await createTestApp();
  operatorId = (await t.addOperator('Lucky')).operator.id;
  await activePartner(t, operatorId, 'cookie@example.com');
});
afterEach(() => t.dispose());

async function signInCookie(base: string, headers: Record<string, string> = {}) {
  const res = await t.fetchApp(`${base}/v1/public/operators/${operatorId}/sign_in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: 'cookie@example.com', password: PASSWORD, transport: 'cookie' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!;
}
const attributes = (cookie: string) =>
  cookie
    .split('; ')
    .slice(1)
    .filter((a) => !a.startsWith('Max-Age='));

describe('the kb_session cookie', () => {
  it('is Secure when the request came over HTTPS, and HttpOnly, SameSite=Lax, Path=/ always', async () => {
    expect(attributes(await signInCookie('https://kabinet.test'))).toEqual([
      'Path=/',
      'HttpOnly',
      'Secure',
      'SameSite=Lax',
    ]);
    expect(attributes(await signInCookie('http://kabinet.test'))).toEqual(['Path=/', 'HttpOnly', 'SameSite=Lax']);
  });

  it('believes X-Forwarded-Proto only behind a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-proto': 'https' };
    expect(await signInCookie('http://kabinet.test', forwarded)).not.toMatch(/Secure/); // anyone can send the header
    t.deps.trustProxy = true;
    expect(await signInCookie('http://kabinet.test', forwarded)).toMatch(/; Secure;/);
    expect(await signInCookie('http://kabinet.test', { 'x-forwarded-proto': 'https, http' })).toMatch(/; Secure;/);
    expect(await signInCookie('http://kabinet.test', { 'x-forwarded-proto': 'http' })).not.toMatch(/Secure/);
  });

  it('is cleared on sign-out with the same attributes', async () => {
    const session = (await signInCookie('https://kabinet.test')).split(';')[0]!;
    const out = await t.fetchApp('https://kabinet.test/v1/partner/sign_out', {
      method: 'POST',
      headers: { cookie: session, origin: 'https://kabinet.test' },
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toBe('kb_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax');
  });

  it('KABINET_TRUST_PROXY is 1 or 0 (default 0); anything else stops the server from starting', () => {
    expect(readTrustProxy({})).toBe(false);
    expect(readTrustProxy({ KABINET_TRUST_PROXY: '0' })).toBe(false);
    expect(readTrustProxy({ KABINET_TRUST_PROXY: '1' })).toBe(true);
    expect(() => readTrustProxy({ KABINET_TRUST_PROXY: 'yes' })).toThrow(/must be 1 or 0/);
  });
});
