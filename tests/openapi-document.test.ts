/**
 * /openapi.json as a client generator reads it (operators' PHP, Python and Go back ends): method
 * names come from operationIds, credentials from `security`, error types from the 4xx answers.
 * `npm run lint:openapi` runs Redocly's rules; these pin what Kabinet itself promises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_STATUS } from '../core/http/problem.ts';
import { createTestApp } from './helpers/test-app.ts';

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
}
interface OpenApiDoc {
  servers?: Array<{ url: string }>;
  info: { license?: { name: string } };
  tags?: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, { enum?: string[]; items?: unknown }> }>;
    securitySchemes: Record<string, unknown>;
  };
}

/** The operations anyone may call: before a session exists, links and machine-to-machine postbacks with their own token. */
const PUBLIC_OPERATIONS = [
  'getHealth',
  'getPortalConfig',
  'signUp',
  'signIn',
  'unlockAccount',
  'requestPasswordReset',
  'setPassword',
  'exchangeEmbedSecret',
  'followTrackingLink',
  'receiveTrackerPostbackByGet',
  'receiveTrackerPostbackByPost',
  'receiveNetworkPostbackByGet',
  'receiveNetworkPostbackByPost',
  'getManagerPhoto',
  'getNewsBannerImage',
  'signInStaff',
  'signInStaffSecondFactor',
  'setStaffPassword',
  'getPublicTerms',
  'getPublicRegistrationFields',
];

let t: Awaited<ReturnType<typeof createTestApp>>;
let doc: OpenApiDoc;
let operations: Array<{ method: string; path: string; operation: Operation }>;

beforeAll(async () => {
  t = await createTestApp();
  doc = (await (await t.fetchApp('http://kabinet.test/openapi.json')).json()) as OpenApiDoc;
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );
});
afterAll(() => t.dispose());

describe('the OpenAPI document for client generators', () => {
  it('names every operation once, in camelCase verb-noun', () => {
    expect(operations.length).toBeGreaterThan(80);
    const ids = operations.map((o) => o.operation.operationId);
    expect(operations.filter((o) => !o.operation.operationId).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z]+[A-Za-z0-9]*$/.test(id!))).toEqual([]);
  });

  it('declares security on every operation: a known scheme, or an explicit empty list on the public ones only', () => {
    const undeclared = operations.filter((o) => o.operation.security === undefined).map((o) => o.operation.operationId);
    expect(undeclared).toEqual([]);
    const open = operations
      .filter((o) => o.operation.security!.length === 0)
      .map((o) => o.operation.operationId)
      .sort();
    expect(open).toEqual([...PUBLIC_OPERATIONS].sort());
    const schemes = new Set(Object.keys(doc.components.securitySchemes));
    const unknown = operations
      .flatMap((o) => o.operation.security!.flatMap((requirement) => Object.keys(requirement)))
      .filter((name) => !schemes.has(name));
    expect(unknown).toEqual([]);
  });

  it('gives every operation a 4xx answer, and every JSON body the answers of the request guards', () => {
    const without4xx = operations
      .filter((o) => !Object.keys(o.operation.responses).some((code) => code.startsWith('4')))
      .map((o) => o.operation.operationId);
    // /health answers 200 or 503: nothing a client sends can be wrong.
    expect(without4xx).toEqual(['getHealth']);
    const bodies = operations.filter((o) => o.operation.requestBody);
    expect(bodies.length).toBeGreaterThan(30);
    const missing = bodies
      .filter((o) => !['400', '413', '415', '422'].every((code) => code in o.operation.responses))
      .map((o) => o.operation.operationId);
    expect(missing).toEqual([]);
  });

  it('has a server, a licence and a declared tag for every tag used', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.info.license?.name).toBe('MIT');
    const declared = new Set((doc.tags ?? []).map((tag) => tag.name));
    expect(operations.flatMap((o) => o.operation.tags ?? []).filter((tag) => !declared.has(tag))).toEqual([]);
  });

  it('lists the problem codes as a closed enum', () => {
    expect(doc.components.schemas.Problem!.properties!.code!.enum).toEqual(Object.keys(PROBLEM_STATUS));
  });

  it('describes each player event of a batch, while a bad event is still answered on its own', async () => {
    expect(doc.components.schemas.PlayerEventBatch!.properties!.events!.items).toEqual({
      $ref: '#/components/schemas/PlayerEvent',
    });
    expect(doc.components.schemas.PlayerEvent!.properties).toHaveProperty('occurredAt');
    const { client } = await t.addOperator('Docs Casino');
    const res = await client.v1.events.$post({ json: { events: [{ nonsense: true }] } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rejected: number; results: Array<{ status: string }> };
    expect(body.rejected).toBe(1);
    expect(body.results[0]!.status).toBe('rejected');
  });

  it('answers the documented 413 and 415 on a body route, and 422 on an overlong tracking code', async () => {
    const { key } = await t.addOperator('Guarded Casino');
    const headers = { authorization: `Bearer ${key}` };
    const tooLarge = await t.fetchApp('http://kabinet.test/v1/brands', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(70 * 1024) }),
    });
    expect(tooLarge.status).toBe(413);
    const wrongType = await t.fetchApp('http://kabinet.test/v1/brands', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    const longCode = await t.fetchApp(`http://kabinet.test/t/${'a'.repeat(201)}`, { redirect: 'manual' });
    expect(longCode.status).toBe(422);
    expect(((await longCode.json()) as { code: string }).code).toBe('validation_failed');
  });
});
