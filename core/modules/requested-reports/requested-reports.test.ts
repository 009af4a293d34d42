import { readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { read, utils } from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, invitedTeamMember, signedInClient } from '../../../tests/helpers/identity.ts';
import { linkIn, mailsTo } from '../../../tests/helpers/mail.ts';
import { runDueJobs, type JobHandler } from '../../jobs/outbox.ts';
import { jobs } from '../../jobs/table.ts';
import type { FileStore } from '../../lib/file-store.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { mailHandlers } from '../mail/service.ts';
import { PURGE_REQUESTED_REPORTS_JOB, requestedReportHandlers } from './jobs.ts';
import { BUILD_REQUESTED_REPORT_JOB } from './request-report.ts';
import type { RequestedReport } from './requested-reports.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let opA = '';
let alice = { token: '', client: null as unknown as KabinetClient };
let bob = '';
let carol = '';

const human = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36' };
const question = {
  period: 'custom',
  from: '2026-11-20',
  to: '2026-11-24',
  timeZone: 'UTC',
  groupBy: 'day,campaign',
  metrics: 'clicks,registrations,ftdCount,ftdAmount,depositAmount,ngr',
};
const bomText = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

async function click(code: string, at: string) {
  t.clock.set(at);
  const res = await t.fetchApp(`http://kabinet.test/t/${code}`, { headers: { ...human, 'x-test-country': 'DE' } });
  return new URL(res.headers.get('location')!).searchParams.get('kb_vid')!;
}

/** Operator A: Alice (two campaigns, clicks on three days, a registration and money) and Bob; operator B: Carol. */
beforeEach(async () => {
  t = await createTestApp();
  const a = await t.addOperator('Alpha');
  const b = await t.addOperator('Beta');
  opA = a.operator.id;
  const brand = await unwrap(
    a.client.v1.brands.$post({ json: { name: 'Lucky', currency: 'EUR', websiteUrl: 'https://a.example' } }),
  );
  const landing = await unwrap(
    a.client.v1.landings.$post({
      json: { brandId: brand.id, name: 'Home', url: 'https://a.example/', audience: 'players', language: 'en' },
    }),
  );
  const plan = await unwrap(
    a.client.v1.plans.$post({
      json: {
        name: 'CPA',
        terms: { billingPeriod: 'monthly', cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } },
        isDefault: true,
      },
    }),
  );
  await activePartner(t, opA, 'alice@a.example');
  const signed = await signedInClient(t, opA, 'alice@a.example');
  alice = { token: signed.session.token!, client: signed.client };
  for (const [i, name] of ['Spring', '=Summer'].entries()) {
    const campaign = await unwrap(
      alice.client.v1.partner.campaigns.$post({ json: { name, brandId: brand.id, planId: plan.id } }),
    );
    const promo = await unwrap(
      alice.client.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: campaign.id },
        json: { landingId: landing.id, title: 'Link' },
      }),
    );
    for (const at of ['2026-11-21T10:00:00Z', '2026-11-22T10:00:00Z']) await click(promo.code, at);
    const visitId = await click(promo.code, '2026-11-23T09:00:00Z');
    const event = (id: string, type: string, amount?: string) => ({
      id: `${id}${i}`,
      type,
      playerId: `p-${i}`,
      brand: brand.id,
      ...(type === 'registration' ? { visitId } : {}),
      ...(amount ? { amount, currency: 'EUR' } : {}),
      occurredAt: '2026-11-23T12:00:00Z',
    });
    await unwrap(
      a.client.v1.events.$post({
        json: {
          events: [event('r', 'registration'), event('f', 'first_deposit', '100.00'), event('n', 'ngr', '-40.25')],
        } as never,
      }),
    );
  }
  t.clock.set('2026-11-24T12:00:00Z');
  await activePartner(t, opA, 'bob@a.example');
  bob = (await signedInClient(t, opA, 'bob@a.example')).session.token!;
  await activePartner(t, b.operator.id, 'carol@b.example');
  carol = (await signedInClient(t, b.operator.id, 'carol@b.example')).session.token!;
});
afterEach(() => t.dispose());

const handlers = () => ({
  ...mailHandlers(null, 'Kabinet <no-reply@kabinet.test>'),
  // Pages of two rows: the file is read back across page boundaries.
  ...requestedReportHandlers(t.deps, { retentionDays: 7, pageSize: 2 }),
});
const runJobs = () => runDueJobs(t.deps.db, t.clock, handlers(), 50, 1);
/** The daily housekeeping's purge, run now. */
const purge = () =>
  (handlers()[PURGE_REQUESTED_REPORTS_JOB] as JobHandler)({ db: t.deps.db, clock: t.clock, job: null as never }, {});

function call(
  token: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return t.fetchApp(`http://kabinet.test/v1/partner/reports/requested${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
}
async function request(body: unknown, headers: Record<string, string> = {}, token = alice.token) {
  const res = await call(token, '', { method: 'POST', body, headers });
  return { status: res.status, body: (await res.json()) as RequestedReport & { params?: Record<string, unknown> } };
}
const get = async (id: string, token = alice.token) => (await (await call(token, `/${id}`)).json()) as RequestedReport;
const filesOnDisk = () => {
  const dir = join(t.filesDir, 'requested-reports', opA);
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('requested reports', () => {
  it('builds a zipped CSV in the background: rows.csv and totals.csv read back as the export, and mails a link', async () => {
    const asked = await request({ format: 'csv_zip', query: question });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      name: 'Performance 2026-11-20 – 2026-11-24, by day, campaign',
      format: 'csv_zip',
      status: 'processing',
      failureReason: null,
      query: question,
      period: null,
      requestedBy: { email: 'alice@a.example' },
      requestedAt: '2026-11-24T12:00:00.000Z',
      finishedAt: null,
      rowCount: null,
    });
    const early = await call(alice.token, `/${asked.body.id}/file`);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'conflict', params: { state: 'not_ready' } });

    t.clock.set('2026-11-24T12:05:00Z');
    expect((await runJobs()).done).toBeGreaterThanOrEqual(1);
    const done = await get(asked.body.id);
    expect(done).toMatchObject({
      status: 'successful',
      period: { from: '2026-11-20', to: '2026-11-24', timeZone: 'UTC' },
      finishedAt: '2026-11-24T12:05:00.000Z',
      expiresAt: '2026-12-01T12:05:00.000Z',
      rowCount: 6,
    });

    const res = await call(alice.token, `/${asked.body.id}/file`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="performance-2026-11-20-2026-11-24-by-day-campaign-${asked.body.id}.zip"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(done.fileSize);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['rows.csv', 'totals.csv']);
    const rows = bomText(files['rows.csv']!);
    const totals = bomText(files['totals.csv']!);

    // The export of the same question (CSV with the byte-order mark) is the header, the rows and the totals line.
    const exported = await t.fetchApp(
      `http://kabinet.test/v1/partner/reports/performance/export?${new URLSearchParams({ ...question, format: 'csv', bom: 'true' })}`,
      { headers: { authorization: `Bearer ${alice.token}` } },
    );
    const exportText = bomText(new Uint8Array(await exported.arrayBuffer()));
    const header = rows.slice(0, rows.indexOf('\r\n') + 2);
    expect(header.startsWith('\uFEFFday,campaign,campaignId,clicks,')).toBe(true);
    expect(totals.startsWith(header)).toBe(true);
    const totalsLine = totals.slice(header.length);
    expect(totalsLine.startsWith('Total,')).toBe(true);
    expect(rows + totalsLine).toBe(exportText);
    expect(rows.trimEnd().split('\r\n')).toHaveLength(7);
    // A campaign named like a formula stays text.
    expect(rows).toContain(`'=Summer`);
    expect(totalsLine).toContain('-80.50');

    const [mail] = (await mailsTo(t.deps.db, 'alice@a.example')).filter((m) => m.template === 'report_ready');
    expect(mail!.subject).toContain('Performance 2026-11-20 – 2026-11-24, by day, campaign');
    expect(linkIn(mail!, 'http://kabinet.test/portal/')).toBe(
      `http://kabinet.test/portal/${opA}#/reports/requested/${asked.body.id}`,
    );
  });

  it('builds an XLSX with a rows sheet and a totals sheet, and mails a Russian-speaking user in Russian', async () => {
    await unwrap(alice.client.v1.partner.profile.$patch({ json: { locale: 'ru' } }));
    const asked = await request({ format: 'xlsx', name: 'November', query: question });
    await runJobs();
    const [mail] = (await mailsTo(t.deps.db, 'alice@a.example')).filter((m) => m.template === 'report_ready');
    expect(mail!.subject).toBe('Отчёт «November» готов — Alpha');
    expect(mail!.text).toContain(`#/reports/requested/${asked.body.id}`);
    const res = await call(alice.token, `/${asked.body.id}/file`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="november-${asked.body.id}.xlsx"`);
    const book = read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames).toHaveLength(2);
    const [rowsSheet, totalsSheet] = book.SheetNames.map((n) =>
      utils.sheet_to_json<unknown[]>(book.Sheets[n]!, { header: 1 }),
    );
    expect(rowsSheet![0]!.slice(0, 4)).toEqual(['day', 'campaign', 'campaignId', 'clicks']);
    expect(rowsSheet).toHaveLength(7);
    expect((await get(asked.body.id)).rowCount).toBe(6);
    const clicks = rowsSheet!.slice(1).reduce<number>((sum, row) => sum + Number(row[3]), 0);
    expect(clicks).toBe(6);
    expect(JSON.stringify(totalsSheet)).toContain('-80.5');
  });

  it('names a relative period by its dates today, renames, and lists newest first for every user of the partner only', async () => {
    const first = await request({ format: 'csv_zip', query: { period: 'last_7_days', timeZone: 'UTC' } });
    expect(first.body.name).toBe('Performance 2026-11-18 – 2026-11-24');
    t.clock.set('2026-11-24T12:00:01Z');
    const second = await request({ format: 'xlsx', name: '  Mine  ', query: question });
    expect(second.body.name).toBe('Mine');

    const renamed = await call(alice.token, `/${first.body.id}`, { method: 'PATCH', body: { name: 'Weekly' } });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as RequestedReport).name).toBe('Weekly');
    const empty = await call(alice.token, `/${first.body.id}`, { method: 'PATCH', body: { name: '  ' } });
    expect(empty.status).toBe(422);
    expect(JSON.stringify(await empty.json())).toContain('body.name');

    const member = await invitedTeamMember(t, {
      operatorId: opA,
      owner: alice.client,
      email: 'ann@a.example',
      role: 'analyst',
    });
    const list = await unwrap(member.v1.partner.reports.requested.$get({ query: {} }));
    expect(list.data.map((r) => [r.id, r.name])).toEqual([
      [second.body.id, 'Mine'],
      [first.body.id, 'Weekly'],
    ]);
    const paged = await (await call(alice.token, '?limit=1')).json();
    expect(paged).toMatchObject({ data: [{ id: second.body.id }], nextBefore: second.body.id });

    // Another partner of the operator and another operator's partner see none of it.
    for (const token of [bob, carol]) {
      expect(((await (await call(token, '')).json()) as { data: unknown[] }).data).toEqual([]);
      expect((await call(token, `/${first.body.id}`)).status).toBe(404);
      expect((await call(token, `/${first.body.id}/file`)).status).toBe(404);
      expect((await call(token, `/${first.body.id}`, { method: 'PATCH', body: { name: 'Taken' } })).status).toBe(404);
    }
    expect((await get(first.body.id)).name).toBe('Weekly');
  });

  it('takes a favorite’s name when the question is a favorite’s; another partner’s favorite is not found', async () => {
    const saved = await t.fetchApp('http://kabinet.test/v1/partner/reports/favorites', {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'My weekly favourite', query: question }),
    });
    expect(saved.status).toBe(201);
    const favorite = (await saved.json()) as { id: string };
    const asked = await request({ format: 'csv_zip', favoriteId: favorite.id, query: question });
    expect(asked.status).toBe(201);
    expect(asked.body.name).toBe('My weekly favourite');
    const named = await request({ format: 'csv_zip', name: 'Own name', favoriteId: favorite.id, query: question });
    expect(named.body.name).toBe('Own name');
    expect((await request({ format: 'csv_zip', favoriteId: favorite.id, query: question }, {}, bob)).status).toBe(404);
  });

  it('answers a repeated Idempotency-Key with the same request and refuses the key for another one', async () => {
    const key = { 'idempotency-key': 'nov-1' };
    const first = await request({ format: 'csv_zip', query: question }, key);
    const again = await request({ format: 'csv_zip', query: question }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await request({ format: 'xlsx', query: question }, key);
    expect(other.status).toBe(422);
    expect(JSON.stringify(other.body)).toContain('header.idempotency-key');
    // A retry after a rename still answers the request.
    await call(alice.token, `/${first.body.id}`, { method: 'PATCH', body: { name: 'Renamed' } });
    const retried = await request({ format: 'csv_zip', query: question }, key);
    expect([retried.status, retried.body.id, retried.body.name]).toEqual([200, first.body.id, 'Renamed']);
    // Bob's key of the same name is his own.
    expect((await request({ format: 'csv_zip', query: question }, key, bob)).status).toBe(201);
    const builds = await t.deps.db.select().from(jobs).where(eq(jobs.kind, BUILD_REQUESTED_REPORT_JOB));
    expect(builds).toHaveLength(2);
  });

  it('five simultaneous requests under one key make one request and one build', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => request({ format: 'xlsx', query: question }, { 'idempotency-key': 'burst' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(((await (await call(alice.token, '')).json()) as { data: unknown[] }).data).toHaveLength(1);
    const builds = await t.deps.db.select().from(jobs).where(eq(jobs.kind, BUILD_REQUESTED_REPORT_JOB));
    expect(builds).toHaveLength(1);
  });

  it('refuses bad input with 422 and changes nothing', async () => {
    for (const body of [
      { format: 'pdf', query: question },
      { format: 'csv_zip', query: { ...question, limit: '10' } },
      { format: 'csv_zip', query: { ...question, groupBy: 'weather' } },
      { format: 'csv_zip', name: 'x'.repeat(101), query: question },
    ]) {
      const res = await request(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(((await (await call(alice.token, '')).json()) as { data: unknown[] }).data).toEqual([]);
  });

  it('fails a question the report refuses, with the reason, without retrying', async () => {
    const hourly = await request({
      format: 'csv_zip',
      query: { period: 'custom', from: '2026-09-01', to: '2026-11-24', groupBy: 'hour' },
    });
    const other = await request({ format: 'csv_zip', query: { ...question, partnerId: 'partner_x' } });
    await runJobs();
    expect(await get(hourly.body.id)).toMatchObject({
      status: 'failed',
      failureReason: 'period: hourly and custom-parameter reports cover at most 31 days',
      finishedAt: '2026-11-24T12:00:00.000Z',
      period: null,
    });
    expect((await get(other.body.id)).failureReason).toBe('partnerId: partners see their own traffic only');
    const res = await call(alice.token, `/${hourly.body.id}/file`);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'conflict',
      params: { resource: 'requested_report', state: 'failed' },
    });
    const builds = await t.deps.db.select().from(jobs).where(eq(jobs.kind, BUILD_REQUESTED_REPORT_JOB));
    expect(builds.map((j) => [j.status, j.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
    ]);
    expect(filesOnDisk()).toEqual([]);
  });

  it('retries an unexpected error and marks the request failed after the last attempt', async () => {
    // The files directory cannot be made: a plain file stands where it should be.
    writeFileSync(t.filesDir, 'not a directory');
    const asked = await request({ format: 'csv_zip', query: question });
    for (let attempt = 1; attempt <= 4; attempt++) {
      await runJobs();
      const row = await get(asked.body.id);
      expect(row.status, `after attempt ${attempt}`).toBe(attempt < 4 ? 'processing' : 'failed');
      t.clock.advance(3_600_000);
    }
    expect((await get(asked.body.id)).failureReason).toBe(
      'The file could not be built after 4 attempts (an error on our side)',
    );
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.kind, BUILD_REQUESTED_REPORT_JOB));
    expect(job!.status).toBe('dead');
    expect((await mailsTo(t.deps.db, 'alice@a.example')).filter((m) => m.template === 'report_ready')).toEqual([]);
    rmSync(t.filesDir);
  });

  it('two runners of one build finish it once: one file, one e-mail', async () => {
    const asked = await request({ format: 'csv_zip', query: question });
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.kind, BUILD_REQUESTED_REPORT_JOB));
    // The real directory store, counting: both runners must really build (two puts) and the loser delete its file.
    const store = t.deps.files!;
    const calls = { put: 0, delete: 0 };
    const files: FileStore = {
      put: (...args) => (calls.put++, store.put(...args)),
      get: (key) => store.get(key),
      delete: (key) => (calls.delete++, store.delete(key)),
    };
    const build = requestedReportHandlers({ ...t.deps, files }, { retentionDays: 7 })[
      BUILD_REQUESTED_REPORT_JOB
    ] as JobHandler;
    const ctx = { db: t.deps.db, clock: t.clock, job: { ...job!, attempts: 1 } };
    await Promise.all([build(ctx, job!.payload), build(ctx, job!.payload)]);
    expect((await get(asked.body.id)).status).toBe('successful');
    expect(calls).toEqual({ put: 2, delete: 1 });
    expect(filesOnDisk()).toHaveLength(1);
    expect((await mailsTo(t.deps.db, 'alice@a.example')).filter((m) => m.template === 'report_ready')).toHaveLength(1);
    const res = await call(alice.token, `/${asked.body.id}/file`);
    expect(Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer()))).sort()).toEqual(['rows.csv', 'totals.csv']);
  });

  it('a long build renews its job lease page by page, so no other runner takes it over meanwhile', async () => {
    await request({ format: 'csv_zip', query: question });
    const store = t.deps.files!;
    let lockedDuringBuild: Date | null = null;
    const files: FileStore = {
      ...store,
      // The build takes 45 s before the pages after the first are read (pages of two rows: three pages).
      put: async (key, body, type) => {
        t.clock.advance(45_000);
        const stored = await store.put(key, body, type);
        const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.kind, BUILD_REQUESTED_REPORT_JOB));
        lockedDuringBuild = job!.lockedUntil;
        return stored;
      },
    };
    const claimedAt = t.clock.now().getTime();
    const build = requestedReportHandlers({ ...t.deps, files }, { retentionDays: 7, pageSize: 2 });
    expect((await runDueJobs(t.deps.db, t.clock, build, 50, 1)).done).toBe(1);
    // Claimed until claim + 60 s; renewed 45 s later to then + 60 s.
    expect(lockedDuringBuild!.getTime()).toBe(claimedAt + 45_000 + 60_000);
  });

  it('answers 410 after the retention time; the daily purge deletes the file and keeps the request', async () => {
    const asked = await request({ format: 'csv_zip', query: question });
    await runJobs();
    expect(filesOnDisk()).toHaveLength(1);
    t.clock.set('2026-12-01T11:59:59Z');
    // A week on, Alice signs in again (her session from the request has ended).
    alice.token = (await signedInClient(t, opA, 'alice@a.example')).session.token!;
    await purge();
    expect(filesOnDisk()).toHaveLength(1);
    expect((await call(alice.token, `/${asked.body.id}/file`)).status).toBe(200);

    t.clock.set('2026-12-01T12:00:00Z');
    const gone = await call(alice.token, `/${asked.body.id}/file`);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({
      code: 'gone',
      params: { resource: 'requested_report', state: 'expired' },
    });
    await purge();
    expect(filesOnDisk()).toEqual([]);
    expect(await get(asked.body.id)).toMatchObject({ status: 'successful', rowCount: 6 });
    expect((await call(alice.token, `/${asked.body.id}/file`)).status).toBe(410);
  });

  it('serves the file to partner sessions only, never to the statistic token', async () => {
    const asked = await request({ format: 'csv_zip', query: question });
    await runJobs();
    const { token } = await unwrap(alice.client.v1.partner.statistic_token.rotate.$post());
    expect((await call(token!, `/${asked.body.id}/file`)).status).toBe(401);
    expect((await call(token!, '')).status).toBe(401);
  });
});
