/**
 * Tenant isolation, walked over every route of the OpenAPI document: operator B's credentials
 * (partner session and secret key) with operator A's ids get 403 or 404, never A's data, and
 * change nothing of A's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bills, qualifications } from '../core/modules/billing/table.ts';
import { cashOuts } from '../core/modules/wallet/table.ts';
import { cashOutSchedules } from '../core/modules/cash-out-schedules/table.ts';
import { createTestApp } from './helpers/test-app.ts';
import { activePartner, signedInClient } from './helpers/identity.ts';
import { unwrap } from '../core/sdk/index.ts';
import { NETWORK_CATALOG } from '../core/modules/networks/catalog.ts';
import { notifyPartner } from '../core/modules/notifications/service.ts';
import { signedInStaff, TEST_ORIGIN } from './helpers/staff.ts';
import { createApiKey } from '../core/modules/operators/service.ts';
import { withTenant } from '../core/lib/context.ts';
import { minimalPdf } from '../demo/document-files.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const a = { ids: {} as Record<string, string>, secrets: [] as string[] };
let bSession = '';
let bKey = '';
let bStatisticToken = '';
/** Operator B's owner signed in to the console (the kb_operator_session cookie). */
let bStaffCookie = '';
/** Operator B's credential for an operation's security scheme. */
const bCredential = (scheme: string | undefined) =>
  scheme === 'operatorKey' ? bKey : scheme === 'statisticToken' ? bStatisticToken : bSession;
/** The request headers carrying B's credential: the console cookie (with this server's Origin) or a bearer token. */
const bHeaders = (scheme: string | undefined): Record<string, string> =>
  scheme === 'staffSession'
    ? { cookie: bStaffCookie, origin: TEST_ORIGIN }
    : { authorization: `Bearer ${bCredential(scheme)}` };

beforeAll(async () => {
  t = await createTestApp();
  const opA = await t.addOperator('Alpha');
  const opB = await t.addOperator('Beta');
  bKey = opB.key;
  const partnerA = await activePartner(t, opA.operator.id, 'alice@alpha.example');
  const { client } = await signedInClient(t, opA.operator.id, 'alice@alpha.example');
  const member = await unwrap(
    client.v1.partner.team.$post({ json: { email: 'member@alpha.example', name: 'Member', role: 'admin' } }),
  );
  const sessionsA = await unwrap(client.v1.partner.sessions.$get());
  const brandA = await unwrap(
    opA.client.v1.brands.$post({
      json: { name: 'Alpha Casino', currency: 'EUR', websiteUrl: 'https://alpha.example' },
    }),
  );
  const landing = await unwrap(
    opA.client.v1.landings.$post({
      json: {
        brandId: brandA.id,
        name: 'Alpha home',
        url: 'https://alpha.example/',
        audience: 'players',
        language: 'en',
      },
    }),
  );
  const plan = await unwrap(
    opA.client.v1.plans.$post({
      json: {
        name: 'Alpha CPA',
        terms: { billingPeriod: 'monthly', cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } },
        isDefault: true,
      },
    }),
  );
  const campaign = await unwrap(
    client.v1.partner.campaigns.$post({ json: { name: 'Alpha campaign', brandId: brandA.id, planId: plan.id } }),
  );
  const promo = await unwrap(
    client.v1.partner.campaigns[':campaignId'].promos.$post({
      param: { campaignId: campaign.id },
      json: { landingId: landing.id, title: 'Alpha promo' },
    }),
  );
  const postback = await unwrap(
    client.v1.partner.postbacks.$post({
      json: {
        scope: 'promo',
        promoId: promo.id,
        action: 'registration',
        url: 'https://alpha-tracker.example/pb?v=${visit_id}',
      },
    }),
  );
  const paymentMethod = await unwrap(
    opA.client.v1.payment_methods.$post({
      json: { name: 'Alpha SEPA', kind: 'bank_transfer', limits: [{ currency: 'EUR', min: '50', max: '5000' }] },
    }),
  );
  const paymentAccount = await unwrap(
    client.v1.partner.payment_accounts.$post({
      json: {
        methodId: paymentMethod.id,
        details: {
          kind: 'bank_transfer',
          accountHolder: 'Alice Alphason',
          iban: 'DE89370400440532013000',
          bic: 'COBADEFFXXX',
          bankName: 'Alpha Savings Bank',
        },
      },
    }),
  );
  // A pending cash-out of Alice's, written as its row (no balance nor 2FA is needed to be refused by id).
  const cashOutAt = new Date();
  await t.deps.db.insert(cashOuts).values({
    id: 'cout_alpha_1',
    operatorId: opA.operator.id,
    partnerId: partnerA.partnerId,
    paymentAccountId: paymentAccount.id,
    methodId: paymentMethod.id,
    methodName: 'Alpha SEPA',
    accountSummary: paymentAccount.summary,
    currency: 'EUR',
    amount: 10_000,
    state: 'pending',
    idempotencyKey: 'alpha-1',
    createdAt: cashOutAt,
    updatedAt: cashOutAt,
  });
  // And an automatic cash-out schedule of Alice's, written as its row (saving one takes a 2FA code).
  await t.deps.db.insert(cashOutSchedules).values({
    id: 'csch_alpha_1',
    operatorId: opA.operator.id,
    partnerId: partnerA.partnerId,
    paymentAccountId: paymentAccount.id,
    currency: 'EUR',
    kind: 'weekly',
    weekdays: [3],
    dates: [],
    minAmount: 5_000,
    maxAmount: 100_000,
    enabled: true,
    createdAt: cashOutAt,
    updatedAt: cashOutAt,
  });
  const network = NETWORK_CATALOG.find((n) => n.postbacks.mode === 'tails')!;
  const connection = await unwrap(
    opA.client.v1.network_connections.$post({
      json: {
        kind: 'network',
        networkKey: network.key,
        name: 'Alpha network',
        settings: Object.fromEntries(network.settings.map((s) => [s.key, 'alpha-network-secret'])),
      },
    }),
  );
  const offer = await unwrap(
    opA.client.v1.network_connections[':connectionId'].offers.$post({
      param: { connectionId: connection.id },
      json: { label: 'Alpha offer', parameters: { [network.offerParameters[0]!.name]: 'alpha-stream' } },
    }),
  );
  const inbound = (await (
    await t.fetchApp(`${connection.postbackUrls[0]!.url.split('&')[0]}&oid=o1&status=hold`)
  ).json()) as { conversionId: string };
  const token = new URL(connection.postbackUrls[0]!.url).searchParams.get('t')!;
  // A bill of operator A, as a billing run would issue it (a run needs a closed period; the clock stays put here).
  const billId = 'bill_ALPHA0000000000000000';
  await t.deps.db.insert(bills).values({
    id: billId,
    operatorId: opA.operator.id,
    partnerId: partnerA.partnerId,
    brandId: brandA.id,
    planId: plan.id,
    source: 'direct',
    billingPeriod: 'monthly',
    periodStart: '2026-10-01',
    periodEnd: '2026-11-01',
    timeZone: 'UTC',
    planVersion: '2026-10-01',
    currency: 'EUR',
    issuedMinor: 15000,
    state: 'pending',
    cutoffAt: 0,
    pricedBy: 'test',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  // And a player of partner A who qualified for the plan, as the run's qualification scan writes it.
  await t.deps.db.insert(qualifications).values({
    operatorId: opA.operator.id,
    planId: plan.id,
    brandId: brandA.id,
    playerId: 'alpha-player-007',
    partnerId: partnerA.partnerId,
    qualifiedAt: new Date('2026-10-05T10:00:00Z'),
    registeredAt: new Date('2026-10-04T10:00:00Z'),
    country: 'MT',
    values: { currency: 'EUR', firstDepositMinor: 5000, deposits: 1, wagerMinor: 0, ngrMinor: 0, country: 'MT' },
    createdAt: new Date(),
  });
  const favorite = await unwrap(
    client.v1.partner.reports.favorites.$post({ json: { name: 'Alpha favorite', query: { period: 'last_7_days' } } }),
  );
  // A requested report of Alice's (processing: its id is what B must not reach).
  const requested = await unwrap(
    client.v1.partner.reports.requested.$post({
      header: {},
      json: { name: 'Alpha requested report', format: 'csv_zip', query: { period: 'last_7_days' } },
    }),
  );
  // A manager of operator A's (with partner A assigned), whose id B must not reach.
  const manager = await unwrap(
    opA.client.v1.managers.$post({ json: { name: 'Alpha Manager', email: 'manager@alpha.example' } }),
  );
  await unwrap(
    opA.client.v1.partners[':partnerId'].manager.$put({
      param: { partnerId: partnerA.partnerId },
      json: { managerId: manager.id },
    }),
  );
  // A published news article of operator A's (partners of B must not read it, nor mark it read).
  const article = await unwrap(
    opA.client.v1.news.$post({ json: { title: 'Alpha news title', excerpt: 'Alpha news excerpt', bodyMarkdown: '' } }),
  );
  await unwrap(opA.client.v1.news[':articleId'].publish.$post({ param: { articleId: article.id } }));
  // A notification of partner A's (B must not mark it read, nor read its params).
  await notifyPartner(withTenant(t.deps, opA.operator.id), {
    partnerId: partnerA.partnerId,
    kind: 'cash_out_paid',
    params: { amount: '10.00', currency: 'EUR', method: 'Alpha notified method' },
    link: '#/wallet/cash_outs',
  });
  const notification = (await unwrap(client.v1.partner.notifications.$get({ query: {} }))).notifications.find(
    (n) => n.kind === 'cash_out_paid',
  );
  // A document partner A uploaded (B must not view its file, delete it or review it).
  const documentA = await unwrap(
    client.v1.partner.documents.$post({
      form: { kind: 'identity', file: new File([minimalPdf() as BlobPart], 'alpha-passport.pdf') },
    }),
  );
  // Operator A's console owner and a second key (B's key or B's staff must not touch them).
  const staffA = await signedInStaff(t, opA.operator.id, { email: 'owner@alpha.example', role: 'owner' });
  const keyA = await createApiKey(withTenant(t.deps, opA.operator.id), { name: 'Alpha reporting key' });
  bStaffCookie = (await signedInStaff(t, opB.operator.id, { email: 'owner@beta.example', role: 'owner' })).cookie;
  // Operator A's terms (B must not read them or their acceptances) and a sign-up field; Alice accepts so the
  // terms gate lets her session through the rest of this suite.
  const termsA = await unwrap(
    opA.client.v1.terms.versions.$post({ json: { title: 'Alpha terms title', bodyMarkdown: 'Alpha terms body' } }),
  );
  await unwrap(client.v1.partner.terms[':versionId'].acceptance.$post({ param: { versionId: termsA.id } }));
  const fieldA = await unwrap(
    opA.client.v1.registration_fields.$post({
      json: { key: 'alpha_question', label: { en: 'Alpha sign-up question', ru: 'Альфа вопрос' }, kind: 'text' },
    }),
  );
  a.ids = {
    versionId: termsA.id,
    fieldId: fieldA.id,
    staffId: staffA.staffId,
    keyId: keyA.id,
    documentId: documentA.id,
    notificationId: notification!.id,
    articleId: article.id,
    managerId: manager.id,
    requestId: requested.id,
    billId,
    connectionId: connection.id,
    offerId: offer.id,
    conversionId: inbound.conversionId,
    userId: member.id,
    partnerId: partnerA.partnerId,
    sessionId: sessionsA.data[0]!.id,
    operatorId: opA.operator.id,
    brandId: brandA.id,
    campaignId: campaign.id,
    promoId: promo.id,
    postbackId: postback.id,
    planId: plan.id,
    methodId: paymentMethod.id,
    accountId: paymentAccount.id,
    cashOutId: 'cout_alpha_1',
    scheduleId: 'csch_alpha_1',
    favoriteId: favorite.id,
  };
  a.secrets = [
    'owner@alpha.example',
    'Alpha reporting key',
    'alice@alpha.example',
    'member@alpha.example',
    'alpha-passport.pdf',
    partnerA.partnerId,
    member.id,
    sessionsA.data[0]!.id,
    'Alpha Casino',
    'Alpha campaign',
    'Alpha promo',
    'alpha-tracker.example',
    promo.code,
    token,
    'alpha-network-secret',
    'Alpha offer',
    'Alpha network',
    'alpha-player-007',
    'Alpha SEPA',
    'Alpha Savings Bank',
    'Alpha requested report',
    'Alice Alphason',
    '0532013000',
    'Alpha favorite',
    'Alpha Manager',
    'Alpha news title',
    'Alpha notified method',
    'Alpha terms title',
    'Alpha sign-up question',
  ];
  await activePartner(t, opB.operator.id, 'bob@beta.example');
  const bob = await signedInClient(t, opB.operator.id, 'bob@beta.example');
  bSession = bob.session.token!;
  bStatisticToken = (await unwrap(bob.client.v1.partner.statistic_token.rotate.$post())).token!;
  // Alice's statistic token is a secret of A's that no answer to B may carry.
  a.secrets.push((await unwrap(client.v1.partner.statistic_token.rotate.$post())).token!);
});
afterAll(() => t.dispose());

/** Bodies valid enough to pass validation, so the service (and its tenant check) is reached. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'PATCH /v1/partner/team/{userId}': { blocked: true },
  'PATCH /v1/partner/reports/favorites/{favoriteId}': { name: 'Hijack' },
  'POST /v1/partners/{partnerId}/decision': { action: 'block' },
  'POST /v1/partner/campaigns/{campaignId}/promos': { landingId: 'land_x', title: 'Hijack' },
  'PATCH /v1/partner/promos/{promoId}': { title: 'Hijacked' },
  'PATCH /v1/partner/postbacks/{postbackId}': { enabled: false },
  'POST /v1/partner/postbacks/{postbackId}/test': { confirm: true },
  'PATCH /v1/network_connections/{connectionId}': { name: 'Hijacked' },
  'POST /v1/network_connections/{connectionId}/offers': { label: 'Hijack', parameters: { x: '1' } },
  'PATCH /v1/conversions/{conversionId}': { status: 'approve' },
  'POST /v1/plans/{planId}/assignments': { partnerId: 'partner_x' },
  'POST /v1/bills/{billId}/state': { action: 'approve' },
  'POST /v1/bills/{billId}/corrections': { action: 'subtract', amount: '150', comment: 'Hijack' },
  'PATCH /v1/payment_methods/{methodId}': { enabled: false },
  'POST /v1/partner/payment_accounts/{accountId}/reveal': { code: '123456' },
  'POST /v1/cash_outs/{cashOutId}/success': { reference: 'Hijack' },
  'DELETE /v1/partner/wallet/schedules/{scheduleId}': { code: '123456' },
  'PATCH /v1/partner/reports/requested/{requestId}': { name: 'Hijacked' },
  'PUT /v1/partners/{partnerId}/manager': { managerId: null },
  'PUT /v1/partners/{partnerId}/wallet/schedules': {
    paymentAccountId: 'pacc_x',
    currency: 'EUR',
    kind: 'daily',
    min: '50',
    max: '100',
  },
  'POST /v1/documents/{documentId}/review': { decision: 'approve' },
  'POST /v1/partners/{partnerId}/wallet/corrections': {
    action: 'add',
    amount: '150',
    currency: 'EUR',
    comment: 'Hijack',
    idempotencyKey: 'hijack-1',
  },
  'PATCH /v1/operator/staff/{staffId}': { role: 'viewer' },
  'PUT /v1/network_connections/{connectionId}/api': { auth: { style: 'none' } },
  'POST /v1/network_connections/{connectionId}/leads': {
    leadId: 'hijack',
    offerId: 'noff_x',
    visitId: 'v1',
    contact: { phone: '+100000' },
  },
};

describe('tenant isolation', () => {
  it("every route with an id in its path refuses another operator's ids", async () => {
    const doc = (await (await t.fetchApp('http://kabinet.test/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>;
    };
    const walked: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!/\{\w+Id\}/.test(path) || path.includes('{operatorId}')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const scheme = Object.keys(operation.security?.[0] ?? {})[0];
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => a.ids[name] ?? 'x');
        const body = SAMPLE_BODIES[`${method.toUpperCase()} ${path}`];
        const res = await t.fetchApp(`http://kabinet.test${url}`, {
          method: method.toUpperCase(),
          headers: {
            ...bHeaders(scheme),
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        expect([403, 404], `${method.toUpperCase()} ${path} answered ${res.status}: ${text}`).toContain(res.status);
        for (const secret of a.secrets)
          expect(text, `${method.toUpperCase()} ${path} leaked ${secret}`).not.toContain(secret);
        walked.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(walked.length).toBeGreaterThanOrEqual(18);
  });

  it("operator B's console owner (staff session) gets 403 or 404 for A's ids on every operator route", async () => {
    const doc = (await (await t.fetchApp('http://kabinet.test/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>;
    };
    const walked: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!/\{\w+Id\}/.test(path) || path.includes('{operatorId}')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.security?.some((scheme) => 'staffSession' in scheme)) continue;
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => a.ids[name] ?? 'x');
        const body = SAMPLE_BODIES[`${method.toUpperCase()} ${path}`];
        const res = await t.fetchApp(`http://kabinet.test${url}`, {
          method: method.toUpperCase(),
          headers: { ...bHeaders('staffSession'), ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        expect([403, 404], `${method.toUpperCase()} ${path} answered ${res.status}: ${text}`).toContain(res.status);
        for (const secret of a.secrets)
          expect(text, `${method.toUpperCase()} ${path} leaked ${secret}`).not.toContain(secret);
        walked.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(walked).toContain('PATCH /v1/operator/staff/{staffId}');
    expect(walked).toContain('POST /v1/operator/api_keys/{keyId}/revoke');
  });

  it("routes without ids answer with the caller's own data only", async () => {
    const doc = (await (await t.fetchApp('http://kabinet.test/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>;
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (path.includes('{') || !operations.get) continue;
      const scheme = Object.keys(operations.get.security?.[0] ?? {})[0];
      if (!scheme) continue;
      const res = await t.fetchApp(`http://kabinet.test${path}`, { headers: bHeaders(scheme) });
      const text = await res.text();
      expect(res.status, `GET ${path}`).toBe(200);
      for (const secret of a.secrets) expect(text, `GET ${path} leaked ${secret}`).not.toContain(secret);
    }
  });

  it("left operator A's member untouched", async () => {
    const { client } = await signedInClient(t, a.ids.operatorId!, 'alice@alpha.example');
    const member = await unwrap(client.v1.partner.team[':userId'].$get({ param: { userId: a.ids.userId! } }));
    expect(member.blocked).toBe(false);
    const status = (await unwrap(client.v1.partner.profile.$get())).partner.status;
    expect(status).toBe('active');
    const accounts = await unwrap(client.v1.partner.payment_accounts.$get());
    expect(accounts.data.map((account) => [account.id, account.method.enabled])).toEqual([[a.ids.accountId, true]]);
    const schedules = await unwrap(client.v1.partner.wallet.schedules.$get());
    expect(schedules.data.map((s) => [s.id, s.enabled, s.max])).toEqual([[a.ids.scheduleId, true, '1000.00']]);
    const requested = await unwrap(client.v1.partner.reports.requested.$get({ query: {} }));
    expect(requested.data.map((r) => [r.id, r.name])).toEqual([[a.ids.requestId, 'Alpha requested report']]);
    const notifications = (await unwrap(client.v1.partner.notifications.$get({ query: {} }))).notifications;
    expect(notifications.find((n) => n.id === a.ids.notificationId)?.read).toBe(false);
  });
});
