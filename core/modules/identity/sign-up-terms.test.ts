/**
 * Sign-up and the operator's terms: with a terms URL in the branding, sign-up requires
 * `acceptTerms: true` and records what was accepted in the signed_up event; without one the
 * field is optional and ignored, and the event names no terms.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { PASSWORD } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { auditEvents } from './table.ts';

const TERMS = 'https://lucky.example/partners/terms/';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky', ['https://lucky.example']);
});
afterEach(() => t.dispose());

const signUp = (email: string, acceptTerms?: boolean) =>
  t.clientFor().v1.public.operators[':operatorId'].sign_up.$post({
    param: { operatorId: op.operator.id },
    json: {
      name: 'Anna',
      email,
      password: PASSWORD,
      country: 'DE',
      ...(acceptTerms === undefined ? {} : { acceptTerms }),
    },
  });

const signedUpDetail = async (partnerId: string) => {
  const [event] = await t.deps.db
    .select({ detail: auditEvents.detail, createdAt: auditEvents.createdAt })
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partnerId), eq(auditEvents.type, 'signed_up')));
  return event!;
};

const problemOf = async (res: Response | { json(): Promise<unknown>; status: number }) => ({
  status: res.status,
  ...((await res.json()) as { code: string; errors?: Array<{ path: string; reason: string; params?: object }> }),
});

describe('sign-up with the operator’s terms', () => {
  beforeEach(async () => {
    await unwrap(op.client.v1.operator.$patch({ json: { branding: { termsUrl: TERMS } } }));
  });

  it('refuses a sign-up that does not accept them: must_accept on body.acceptTerms, nothing stored', async () => {
    for (const acceptTerms of [undefined, false]) {
      const problem = await problemOf(await signUp('anna@example.com', acceptTerms));
      expect(problem).toMatchObject({ status: 422, code: 'validation_failed' });
      expect(problem.errors).toEqual([
        expect.objectContaining({ path: 'body.acceptTerms', reason: 'must_accept', params: {} }),
      ]);
    }
    expect((await unwrap(op.client.v1.partners.$get({ query: {} }))).data).toEqual([]);
  });

  it('accepts a sign-up that accepts them and records the terms URL and the time in the signed_up event', async () => {
    const res = await unwrap(signUp('anna@example.com', true));
    expect(res.status).toBe('pending');
    const event = await signedUpDetail(res.partnerId);
    expect(event.detail).toEqual({
      referrerPartnerId: null,
      country: 'DE',
      termsUrl: TERMS,
      termsAcceptedAt: '2026-11-24T10:00:00.000Z',
    });
    expect(event.createdAt.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
});

describe('sign-up without terms', () => {
  it('accepts a sign-up without the field, and ignores it when sent; the event names no terms', async () => {
    const without = await unwrap(signUp('anna@example.com'));
    expect(without.status).toBe('pending');
    expect((await signedUpDetail(without.partnerId)).detail).toEqual({ referrerPartnerId: null, country: 'DE' });
    const declined = await unwrap(signUp('boris@example.com', false));
    expect((await signedUpDetail(declined.partnerId)).detail).toEqual({ referrerPartnerId: null, country: 'DE' });
  });

  it('stops requiring acceptance once the operator clears its terms', async () => {
    await unwrap(op.client.v1.operator.$patch({ json: { branding: { termsUrl: TERMS } } }));
    expect((await signUp('anna@example.com')).status).toBe(422);
    await unwrap(op.client.v1.operator.$patch({ json: { branding: { termsUrl: null } } }));
    expect((await unwrap(signUp('anna@example.com'))).status).toBe('pending');
  });
});
