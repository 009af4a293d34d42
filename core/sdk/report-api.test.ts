/**
 * The SDK's Report API client against the real app (libSQL, the real routes): typed report and
 * attributes with a statistic token, and the refusals as KabinetApiError (rotated token, bad query
 * field, the per-token limit with its Retry-After).
 */
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createTestApp } from '../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../tests/helpers/identity.ts';
import { REPORT_API_CALLS_PER_MINUTE } from '../modules/statistics/report-api-rate.ts';
import {
  createKabinetClient,
  createReportApiClient,
  KabinetApiError,
  unwrap,
  type KabinetClient,
  type ReportApiQuery,
} from './index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let partner: KabinetClient;
let token = '';

const BASE = 'http://kabinet.test';
const query: ReportApiQuery = {
  period: 'custom',
  from: '2026-11-20',
  to: '2026-11-24',
  timeZone: 'UTC',
  groupBy: 'day',
};

/** The KabinetApiError a call throws. */
async function refusal(call: Promise<unknown>): Promise<KabinetApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KabinetApiError);
  return error as KabinetApiError;
}

beforeEach(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-24T12:00:15Z');
  const op = await t.addOperator('Alpha');
  await activePartner(t, op.operator.id, 'owner@alpha.example');
  partner = (await signedInClient(t, op.operator.id, 'owner@alpha.example')).client;
  token = (await unwrap(partner.v1.partner.statistic_token.rotate.$post())).token!;
});
afterEach(() => t.dispose());

describe('createReportApiClient', () => {
  it('reads the report and the attributes with a statistic token, the same as the session routes', async () => {
    const reports = createReportApiClient(BASE, token, { fetch: t.fetchApp });
    const attributes = await reports.attributes();
    expectTypeOf(attributes.metrics).toEqualTypeOf<Array<(typeof attributes.metrics)[number]>>();
    expect(attributes).toEqual(await unwrap(partner.v1.partner.reports.options.$get()));
    expect(attributes.metrics).toContain('clicks');
    const report = await reports.report(query);
    expectTypeOf(report.totals).not.toBeAny();
    expect(report).toEqual(await unwrap(partner.v1.partner.reports.performance.$get({ query })));
    expect([report.period, report.groupBy]).toEqual([
      { from: '2026-11-20', to: '2026-11-24', timeZone: 'UTC' },
      ['day'],
    ]);
    // The token as an option of the typed client does the same; it reaches nothing else.
    const client = createKabinetClient(BASE, { statisticToken: token, fetch: t.fetchApp });
    expect(await unwrap(client.api.customer.v1.partner.report.attributes.$get())).toEqual(attributes);
    expect((await client.v1.partner.profile.$get()).status).toBe(401);
  });

  it('throws KabinetApiError with the problem: rotated token, bad field, and the limit with Retry-After', async () => {
    const reports = createReportApiClient(BASE, token, { fetch: t.fetchApp });
    const bad = await refusal(reports.report({ ...query, timeZone: 'Mars/Olympus' }));
    expect([bad.status, bad.problem.code, bad.problem.errors?.[0]?.path]).toEqual([
      422,
      'validation_failed',
      'query.timeZone',
    ]);
    for (let i = 1; i < REPORT_API_CALLS_PER_MINUTE; i++) await reports.attributes();
    const limited = await refusal(reports.report(query));
    expect([limited.status, limited.problem.code, limited.retryAfterSeconds]).toEqual([429, 'rate_limited', 45]);

    const fresh = (await unwrap(partner.v1.partner.statistic_token.rotate.$post())).token!;
    const rotated = await refusal(reports.attributes());
    expect([rotated.status, rotated.problem.code, rotated.retryAfterSeconds]).toEqual([
      401,
      'statistic_token_rotated',
      null,
    ]);
    expect((await createReportApiClient(BASE, fresh, { fetch: t.fetchApp }).report(query)).totals.clicks).toBe(0);
  });
});
