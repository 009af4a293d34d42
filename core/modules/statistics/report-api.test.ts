import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { signedInClient } from '../../../tests/helpers/identity.ts';
import { buildReportProgram, clickAt, type ProgramPartner } from '../../../tests/helpers/report-program.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { REPORT_API_CALLS_PER_MINUTE } from './report-api-rate.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operator: KabinetClient;
let alphaId = '';
let partners: ProgramPartner[];

const program = (name: string, emails: string[]) => buildReportProgram(t, name, emails);
const click = (code: string, at: string) => clickAt(t, code, at);

const query = { period: 'custom', from: '2026-11-20', to: '2026-11-24', timeZone: 'UTC', groupBy: 'day' } as const;
const search = (extra: Record<string, string> = {}) => new URLSearchParams({ ...query, ...extra }).toString();
const reportApi = (authorization: string | null, path = `/report?${search()}`) =>
  t.fetchApp(`http://kabinet.test/api/customer/v1/partner${path}`, {
    headers: authorization === null ? {} : { authorization },
  });

beforeEach(async () => {
  t = await createTestApp();
  const alpha = await program('Alpha', ['a@alpha.example', 'bb@alpha.example']);
  operator = alpha.op.client;
  alphaId = alpha.op.operator.id;
  const beta = await program('Beta', ['c@beta.example']);
  partners = [...alpha.members, ...beta.members];
  await click(partners[0]!.code, '2026-11-22T10:00:00Z');
  await click(partners[0]!.code, '2026-11-22T11:00:00Z');
  await click(partners[1]!.code, '2026-11-22T12:00:00Z');
  await click(partners[2]!.code, '2026-11-23T12:00:00Z');
  t.clock.set('2026-11-24T12:00:00Z');
});
afterEach(() => t.dispose());

describe('Report API', () => {
  it('answers what the session routes answer, with the raw token or as Bearer', async () => {
    const [a] = partners;
    const session = await unwrap(a!.client.v1.partner.reports.performance.$get({ query }));
    expect(session.totals.clicks).toBe(2);
    for (const authorization of [a!.token, `Bearer ${a!.token}`]) {
      const res = await reportApi(authorization);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(session);
    }
    const options = await unwrap(a!.client.v1.partner.reports.options.$get());
    const attributes = await reportApi(a!.token, '/report/attributes');
    expect(attributes.status).toBe(200);
    expect(await attributes.json()).toEqual(options);
  });

  it("shows the token's own partner only, with the metrics the operator allows", async () => {
    const [a, b, c] = partners;
    const ofB = (await (await reportApi(b!.token)).json()) as { totals: Record<string, unknown> };
    expect(ofB.totals.clicks).toBe(1);
    // Operator Beta's partner sees its own click, nothing of Alpha's three.
    const ofC = (await (await reportApi(c!.token)).json()) as { totals: Record<string, unknown> };
    expect(ofC.totals.clicks).toBe(1);
    const attributesOfC = await (await reportApi(c!.token, '/report/attributes')).json();
    expect(JSON.stringify(attributesOfC)).not.toContain('Alpha');
    // Grouping by partner is refused, as on the session route.
    const refused = await reportApi(a!.token, `/report?${search({ groupBy: 'partner' })}`);
    expect(refused.status).toBe(422);

    await unwrap(
      operator.v1.reports.settings.$put({
        json: { hiddenMetrics: ['botClicks', 'ngr'], hiddenGroupings: ['country'], clickRetentionDays: null },
      }),
    );
    const report = (await (await reportApi(a!.token)).json()) as { metrics: string[]; totals: Record<string, unknown> };
    expect(report.metrics).not.toContain('ngr');
    expect(Object.keys(report.totals)).not.toContain('botClicks');
    const attributes = (await (await reportApi(a!.token, '/report/attributes')).json()) as { groupings: string[] };
    expect(attributes.groupings).not.toContain('country');
    // Beta hid nothing: its partner still gets every metric.
    const beta = (await (await reportApi(c!.token)).json()) as { totals: Record<string, unknown> };
    expect(Object.keys(beta.totals)).toContain('botClicks');
  });

  it('refuses a missing, unknown, rotated or expired token with 401 problem+json', async () => {
    const [a, b] = partners;
    const refusals = async (authorization: string | null) => {
      const res = await reportApi(authorization);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { status: number; code: string };
      return [res.status, body.code];
    };
    expect(await refusals(null)).toEqual([401, 'unauthorized']);
    expect(await refusals('Bearer')).toEqual([401, 'unauthorized']);
    expect(await refusals(`st_${'x'.repeat(40)}`)).toEqual([401, 'unauthorized']);
    // A session token is no statistic token.
    const { session } = await signedInClient(t, alphaId, 'a@alpha.example');
    expect(await refusals(`Bearer ${session.token}`)).toEqual([401, 'unauthorized']);

    // Rotated and expired tokens say which (report-api-retired-tokens.test.ts has the rest).
    const fresh = (await unwrap(a!.client.v1.partner.statistic_token.rotate.$post())).token!;
    expect(await refusals(a!.token)).toEqual([401, 'statistic_token_rotated']);
    expect((await reportApi(fresh)).status).toBe(200);

    await unwrap(b!.client.v1.partner.statistic_token.$delete());
    expect(await refusals(b!.token)).toEqual([401, 'statistic_token_expired']);
  });

  it('answers 429 with Retry-After past the per-token limit, in a fresh window again', async () => {
    const [a, b] = partners;
    t.clock.set('2026-11-24T12:00:15Z');
    for (let i = 0; i < REPORT_API_CALLS_PER_MINUTE; i++)
      expect((await reportApi(a!.token, '/report/attributes')).status).toBe(200);
    const over = await reportApi(`Bearer ${a!.token}`);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('45');
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    expect(await over.json()).toMatchObject({ code: 'rate_limited', params: { limit: REPORT_API_CALLS_PER_MINUTE } });
    // The count is the token's: another user's token is not limited.
    expect((await reportApi(b!.token)).status).toBe(200);
    t.clock.set('2026-11-24T12:01:00Z');
    expect((await reportApi(a!.token)).status).toBe(200);
  });

  it('names the bad query field in a 422', async () => {
    const res = await reportApi(partners[0]!.token, `/report?${search({ timeZone: 'Mars/Olympus' })}`);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: Array<{ path: string }> };
    expect(body.errors[0]!.path).toBe('query.timeZone');
    const unknown = await reportApi(partners[0]!.token, `/report?${search({ colour: 'red' })}`);
    expect(unknown.status).toBe(422);
  });
});
