import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signInRequest, signedInClient, totpAt } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { checkTotp, requireFreshTwoFactor } from './two-factor.ts';
import { authenticateSession } from './sessions.ts';
import { withPartner } from '../../lib/context.ts';

/** RFC 4648 base32 without padding: how authenticator apps take secrets. */
function base32(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0,
    value = 0,
    out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

// RFC 6238, Appendix B: the published test vectors (8 digits).
const SEEDS = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;
const VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('RFC 6238 test vectors', () => {
  it.each(VECTORS)(
    'T=%i gives the published codes for SHA-1, SHA-256 and SHA-512',
    async (time, sha1, sha256, sha512) => {
      for (const [algorithm, expected] of [
        ['sha1', sha1],
        ['sha256', sha256],
        ['sha512', sha512],
      ] as const) {
        expect(await generate({ secret: base32(SEEDS[algorithm]), epoch: time, digits: 8, algorithm })).toBe(expected);
      }
    },
  );

  it('our verifier accepts the 6-digit form of the SHA-1 vectors, with or without the space', async () => {
    for (const [time, sha1] of VECTORS) {
      const six = sha1.slice(2);
      expect(await checkTotp(base32(SEEDS.sha1), six, time * 1000, null)).toBe(Math.floor(time / 30));
      expect(
        await checkTotp(base32(SEEDS.sha1), `${six.slice(0, 3)} ${six.slice(3)}`, time * 1000, null),
      ).not.toBeNull();
    }
    expect(await checkTotp(base32(SEEDS.sha1), '000000', 59_000, null)).toBeNull();
  });
});

let t: Awaited<ReturnType<typeof createTestApp>>;
let operatorId: string;
beforeEach(async () => {
  t = await createTestApp();
  operatorId = (await t.addOperator('Lucky')).operator.id;
});
afterEach(() => t.dispose());

async function enrolled(email = 'tfa@example.com') {
  await activePartner(t, operatorId, email);
  const { client, session } = await signedInClient(t, operatorId, email);
  const enrolment = await unwrap(client.v1.partner['2fa'].enrol.$post());
  expect(enrolment.otpauthUri).toMatch(new RegExp(`^otpauth://totp/.*\\?.*secret=${enrolment.secret}`));
  expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
  const wrong = await client.v1.partner['2fa'].confirm.$post({ json: { code: '000000' } });
  expect(wrong.status).toBe(422);
  const { recoveryCodes } = await unwrap(
    client.v1.partner['2fa'].confirm.$post({ json: { code: await totpAt(t, enrolment.secret) } }),
  );
  expect(recoveryCodes).toHaveLength(10);
  return { client, session, secret: enrolment.secret, recoveryCodes };
}

describe('TOTP two-factor authentication', () => {
  it('once on, sign-in asks for the code; a code works with a space, once, within one step of drift', async () => {
    const { secret } = await enrolled();
    const password = { email: 'tfa@example.com', password: 'correct-horse-battery-9' };
    const asked = await signInRequest(t, operatorId, password);
    expect(asked.status).toBe(401);
    expect(((await asked.json()) as { code: string }).code).toBe('two_factor_required');
    t.clock.advance(30_000); // the confirmation code's step is spent; move to the next one
    const code = await totpAt(t, secret);
    expect(
      (await signInRequest(t, operatorId, { ...password, code: `${code.slice(0, 3)} ${code.slice(3)}` })).status,
    ).toBe(200);
    expect((await signInRequest(t, operatorId, { ...password, code })).status).toBe(401); // replay
    t.clock.advance(30_000);
    expect((await signInRequest(t, operatorId, { ...password, code: await totpAt(t, secret, -1) })).status).toBe(401); // older than the last used step
    expect((await signInRequest(t, operatorId, { ...password, code: await totpAt(t, secret, 1) })).status).toBe(200); // phone one step ahead
    t.clock.advance(90_000);
    expect((await signInRequest(t, operatorId, { ...password, code: await totpAt(t, secret, 2) })).status).toBe(401); // two steps ahead: too far
  });

  it('recovery codes stand in for the phone, each once', async () => {
    const { recoveryCodes } = await enrolled();
    const password = { email: 'tfa@example.com', password: 'correct-horse-battery-9' };
    const { client } = await signedInClient(
      t,
      operatorId,
      'tfa@example.com',
      undefined,
      recoveryCodes[0]!.toUpperCase(),
    );
    expect((await signInRequest(t, operatorId, { ...password, code: recoveryCodes[0]! })).status).toBe(401);
    expect((await signInRequest(t, operatorId, { ...password, code: 'zzzzz-zzzzz' })).status).toBe(401);
    const events = await unwrap(client.v1.partner.activity.$get({ query: { type: 'recovery_code_used' } }));
    expect(events.data).toHaveLength(1);
  });

  it('disables with a current code and logs both changes in the events log', async () => {
    const { client, secret } = await enrolled();
    t.clock.advance(30_000);
    expect((await client.v1.partner['2fa'].disable.$post({ json: { code: '123456' } })).status).toBe(422);
    await unwrap(client.v1.partner['2fa'].disable.$post({ json: { code: await totpAt(t, secret) } }));
    expect((await unwrap(client.v1.partner.profile.$get())).user.twoFactorEnabled).toBe(false);
    const events = await unwrap(client.v1.partner.activity.$get({ query: {} }));
    // The wrong code is in the log too: it counts toward the lockout like a wrong sign-in.
    expect(events.data.map((e) => e.type).slice(0, 4)).toEqual([
      'two_factor_disabled',
      'sign_in_failed',
      'two_factor_enabled',
      'signed_in',
    ]);
  });

  it('financial actions demand 2FA on and a fresh code', async () => {
    await activePartner(t, operatorId, 'money@example.com');
    const { session } = await signedInClient(t, operatorId, 'money@example.com');
    const principal = (await authenticateSession(t.deps, { token: session.token!, transport: 'bearer' }))!;
    await expect(requireFreshTwoFactor(withPartner(t.deps, principal), '123456')).rejects.toMatchObject({
      code: 'forbidden',
    });
    const { client, secret } = await enrolled('money2@example.com');
    const token = (await signedInClient(t, operatorId, 'money2@example.com', undefined, await totpAt(t, secret, 1)))
      .session.token!;
    const p2 = withPartner(t.deps, (await authenticateSession(t.deps, { token, transport: 'bearer' }))!);
    void client;
    await expect(requireFreshTwoFactor(p2, undefined)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(requireFreshTwoFactor(p2, await totpAt(t, secret, 1))).rejects.toMatchObject({
      code: 'validation_failed',
    }); // already used at sign-in
    t.clock.advance(60_000);
    await expect(requireFreshTwoFactor(p2, await totpAt(t, secret))).resolves.toBeUndefined();
  });
});
