/**
 * The operator's terms URL in its branding: set and cleared by PATCH /v1/operator, validated as an
 * http(s) URL, carried by the public portal config, and read as null from rows written before
 * the key existed (branding is JSON: no migration added it).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { findOperatorBranding, operatorBrandingOf } from './service.ts';
import { operators } from './table.ts';

const TERMS = 'https://lucky.example/partners/terms/';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky', ['https://lucky.example']);
});
afterEach(() => t.dispose());

const publicConfig = () =>
  unwrap(t.clientFor().v1.public.operators[':operatorId'].$get({ param: { operatorId: op.operator.id } }));

describe('branding.termsUrl', () => {
  it('is null for a new operator, in its own view and in the public portal config', async () => {
    expect((await unwrap(op.client.v1.operator.$get())).branding.termsUrl).toBeNull();
    expect((await publicConfig()).branding.termsUrl).toBeNull();
  });

  it('is set and cleared by PATCH /v1/operator, keeping the rest of the branding, and shown in the public config', async () => {
    const set = await unwrap(op.client.v1.operator.$patch({ json: { branding: { termsUrl: TERMS } } }));
    expect(set.branding).toMatchObject({ termsUrl: TERMS, displayName: 'Lucky' });
    expect((await publicConfig()).branding.termsUrl).toBe(TERMS);
    // Another branding change leaves the terms alone.
    const recoloured = await unwrap(op.client.v1.operator.$patch({ json: { branding: { primaryColor: '#112233' } } }));
    expect(recoloured.branding.termsUrl).toBe(TERMS);
    const cleared = await unwrap(op.client.v1.operator.$patch({ json: { branding: { termsUrl: null } } }));
    expect(cleared.branding).toMatchObject({ termsUrl: null, primaryColor: '#112233' });
    expect((await publicConfig()).branding.termsUrl).toBeNull();
  });

  it('takes only http and https URLs', async () => {
    for (const termsUrl of ['javascript:alert(1)', '/terms/', 'ftp://lucky.example/terms', 'terms']) {
      const res = await op.client.v1.operator.$patch({ json: { branding: { termsUrl } } });
      expect(res.status, termsUrl).toBe(422);
      const problem = (await res.json()) as unknown as { errors: Array<{ path: string; reason: string }> };
      expect(problem.errors, termsUrl).toEqual([
        expect.objectContaining({ path: 'body.branding.termsUrl', reason: 'invalid_format' }),
      ]);
    }
    expect((await unwrap(op.client.v1.operator.$get())).branding.termsUrl).toBeNull();
    const plain = await unwrap(
      op.client.v1.operator.$patch({ json: { branding: { termsUrl: 'http://lucky.test/t' } } }),
    );
    expect(plain.branding.termsUrl).toBe('http://lucky.test/t');
  });

  it('reads as null from a branding row written before the key existed, on every read path', async () => {
    await t.deps.db
      .update(operators)
      .set({ branding: sql`json_remove(${operators.branding}, '$.termsUrl')` })
      .where(eq(operators.id, op.operator.id));
    const [raw] = await t.deps.db.all<{ branding: string }>(
      sql`select branding from operators where id = ${op.operator.id}`,
    );
    expect(JSON.parse(raw!.branding)).not.toHaveProperty('termsUrl');
    expect((await unwrap(op.client.v1.operator.$get())).branding.termsUrl).toBeNull();
    expect((await publicConfig()).branding.termsUrl).toBeNull();
    expect((await findOperatorBranding(withTenant(t.deps, op.operator.id)))?.termsUrl).toBeNull();
    const [row] = await t.deps.db
      .select({ branding: operatorBrandingOf(operators.id) })
      .from(operators)
      .where(eq(operators.id, op.operator.id));
    expect(row?.branding).toMatchObject({ displayName: 'Lucky', termsUrl: null });
    // Sign-up on such an operator needs no acceptance.
    const res = await t.clientFor().v1.public.operators[':operatorId'].sign_up.$post({
      param: { operatorId: op.operator.id },
      json: { name: 'Anna', email: 'anna@example.com', password: 'correct-horse-battery-9', country: 'DE' },
    });
    expect(res.status).toBe(201);
  });
});
