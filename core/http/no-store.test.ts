/**
 * Every identity or operator answer that carries a secret is sent with `Cache-Control: no-store`.
 * The list of routes is not trusted by hand: the OpenAPI document is walked for success answers
 * with secret-named fields, and each one found must be exercised here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../tests/helpers/test-app.ts';
import { PASSWORD, activePartner, lastMailTo, signInRequest, totpAt } from '../../tests/helpers/identity.ts';
import { unwrap } from '../sdk/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

/** Tags of the identity and operators modules' routes. */
const TAGS = new Set([
  'Partner sign-in',
  'Partner account',
  'Partner team',
  'Operator: partners',
  'Operator',
  'Portal',
]);
const SECRET_FIELD = /^(token|secret|clientSecret|recoveryCodes|otpauthUri|qrSvg|secretKey|apiKey)$/;

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { tags?: string[]; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** "METHOD /path" of every route of ours whose success answer has a secret-named field. */
function secretRoutes(doc: OpenApiDoc): string[] {
  const schemas = doc.components?.schemas ?? {};
  const carriesSecret = (schema: Schema | undefined, seen: Set<string>): boolean => {
    if (!schema) return false;
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      if (seen.has(name)) return false;
      return carriesSecret(schemas[name], new Set([...seen, name]));
    }
    if (Object.keys(schema.properties ?? {}).some((field) => SECRET_FIELD.test(field))) return true;
    return [
      ...Object.values(schema.properties ?? {}),
      schema.items,
      ...(schema.allOf ?? []),
      ...(schema.anyOf ?? []),
      ...(schema.oneOf ?? []),
    ].some((inner) => carriesSecret(inner, seen));
  };
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, op]) => op.tags?.some((tag) => TAGS.has(tag)))
      .filter(([, op]) =>
        Object.entries(op.responses ?? {}).some(
          ([status, r]) => status.startsWith('2') && carriesSecret(r.content?.['application/json']?.schema, new Set()),
        ),
      )
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

describe('Cache-Control: no-store on answers that carry secrets', () => {
  it('is on every such route, found by walking the OpenAPI document, and on the emailed-link exchanges', async () => {
    const { operator, key } = await t.addOperator('Lucky');
    const opId = operator.id;
    const call = async (method: string, path: string, auth: string | null, body?: unknown) => {
      const res = await t.fetchApp(`http://kabinet.test${path}`, {
        method,
        headers: {
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return {
        status: res.status,
        cacheControl: res.headers.get('cache-control'),
        body: (await res.json()) as Record<string, unknown>,
      };
    };

    await activePartner(t, opId, 'owner@nostore.example');
    const signIn = await call('POST', `/v1/public/operators/${opId}/sign_in`, null, {
      email: 'owner@nostore.example',
      password: PASSWORD,
    });
    const owner = signIn.body.token as string;
    const ownerId = (signIn.body.user as { id: string }).id;
    await call('POST', '/v1/partner/team', owner, { email: 'ana@nostore.example', name: 'Ana', role: 'analyst' });
    const invite = (await lastMailTo(t, 'ana@nostore.example')).token!;
    const setPassword = await call('POST', `/v1/public/operators/${opId}/password`, null, {
      token: invite,
      password: 'analyst-passphrase-77',
    });
    for (let i = 0; i < 5; i++)
      await signInRequest(t, opId, { email: 'ana@nostore.example', password: 'wrong-password-0' });
    const unlockToken = (await lastMailTo(t, 'ana@nostore.example')).token!;
    const unlock = await call('POST', `/v1/public/operators/${opId}/unlock`, null, { token: unlockToken });
    const anaId = (
      await unwrap(signInRequest(t, opId, { email: 'ana@nostore.example', password: 'analyst-passphrase-77' }))
    ).user.id;

    const enrol = await call('POST', '/v1/partner/2fa/enrol', owner);
    const minted = await call('POST', '/v1/partner_sessions', key, { userId: ownerId });
    const answers: Record<string, Awaited<ReturnType<typeof call>>> = {
      'POST /v1/public/operators/{operatorId}/sign_in': signIn,
      'POST /v1/public/operators/{operatorId}/password': setPassword,
      'POST /v1/public/operators/{operatorId}/unlock': unlock,
      'POST /v1/partner/2fa/enrol': enrol,
      'POST /v1/partner/2fa/confirm': await call('POST', '/v1/partner/2fa/confirm', owner, {
        code: await totpAt(t, enrol.body.secret as string),
      }),
      'POST /v1/partner/statistic_token/rotate': await call('POST', '/v1/partner/statistic_token/rotate', owner),
      'GET /v1/partner/statistic_token': await call('GET', '/v1/partner/statistic_token', owner),
      'DELETE /v1/partner/statistic_token': await call('DELETE', '/v1/partner/statistic_token', owner),
      'DELETE /v1/partner/team/{userId}/statistic_token': await call(
        'DELETE',
        `/v1/partner/team/${anaId}/statistic_token`,
        owner,
      ),
      'POST /v1/partner_sessions': minted,
      'POST /v1/public/operators/{operatorId}/embed_sessions/exchange': await call(
        'POST',
        `/v1/public/operators/${opId}/embed_sessions/exchange`,
        null,
        { clientSecret: minted.body.clientSecret },
      ),
      'DELETE /v1/users/{userId}/statistic_token': await call('DELETE', `/v1/users/${ownerId}/statistic_token`, key),
    };
    for (const [route, answer] of Object.entries(answers)) {
      expect(answer.status, route).toBeLessThan(300);
      expect(answer.cacheControl, route).toBe('no-store');
    }
    // A route that starts returning a secret must be added above (and get the middleware).
    const doc = (await (await t.fetchApp('http://kabinet.test/openapi.json')).json()) as OpenApiDoc;
    const found = secretRoutes(doc);
    expect(found).toContain('POST /v1/public/operators/{operatorId}/sign_in');
    expect(found.filter((route) => !(route in answers))).toEqual([]);
  });

  it('stays on a refused exchange, and is not put on ordinary answers', async () => {
    const { operator } = await t.addOperator('Lucky');
    const refused = await t.fetchApp(`http://kabinet.test/v1/public/operators/${operator.id}/embed_sessions/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientSecret: 'kbcs_not-a-real-secret' }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const portal = await t.fetchApp(`http://kabinet.test/v1/public/operators/${operator.id}`);
    expect(portal.headers.get('cache-control')).not.toBe('no-store');
  });
});
