import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertManyAtomically } from '../../db/insert-many.ts';
import { withTenant } from '../../lib/context.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, invitedTeamMember, signedInClient } from '../../../tests/helpers/identity.ts';
import { notifyEveryPartner, notifyPartner, notifyPartnerStatement } from './service.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let opA = '';
let opB = '';
let alpha: { partnerId: string; client: KabinetClient };
let alphaAnalyst: KabinetClient;
let gamma: { partnerId: string; client: KabinetClient };
let beta: { partnerId: string; client: KabinetClient };

const tenant = (operatorId: string) => withTenant(t.deps, operatorId);
const notes = (client: KabinetClient) => client.v1.partner.notifications;
const list = async (client: KabinetClient, cursor?: string) =>
  unwrap(notes(client).$get({ query: cursor ? { cursor } : {} }));
const unread = async (client: KabinetClient) => (await unwrap(notes(client).unread_count.$get())).unreadCount;
const markRead = (client: KabinetClient, notificationId: string) =>
  notes(client)[':notificationId'].read.$post({ param: { notificationId } });

async function partnerOf(operatorId: string, email: string) {
  const { partnerId } = await activePartner(t, operatorId, email);
  return { partnerId, client: (await signedInClient(t, operatorId, email)).client };
}

const billApproved = (partnerId: string) => ({
  partnerId,
  kind: 'bill_approved' as const,
  params: { period: '2026-11', amount: '1234.00', currency: 'EUR' },
  link: '#/bills/bill_1',
});
const news = { kind: 'news_published' as const, params: { title: 'Winter tournament' }, link: '#/news/news_1' };

beforeEach(async () => {
  t = await createTestApp();
  opA = (await t.addOperator('Alpha')).operator.id;
  opB = (await t.addOperator('Beta')).operator.id;
  alpha = await partnerOf(opA, 'owner@alpha.example');
  alphaAnalyst = await invitedTeamMember(t, {
    operatorId: opA,
    owner: alpha.client,
    email: 'kim@alpha.example',
    role: 'analyst',
  });
  gamma = await partnerOf(opA, 'owner@gamma.example');
  beta = await partnerOf(opB, 'owner@beta.example');
  t.clock.set('2026-11-24T10:10:00Z');
});
afterEach(() => t.dispose());

describe('Notifications', () => {
  it('reach the partner named and, as one broadcast row, every partner of the operator, newest first', async () => {
    await notifyPartner(tenant(opA), billApproved(alpha.partnerId));
    t.clock.set('2026-11-24T10:15:00Z');
    await notifyEveryPartner(tenant(opA), news);
    const rows = await t.deps.db.all<{ n: number }>(sql`select count(*) as n from notifications`);
    expect(rows[0]!.n).toBe(2);

    const page = await list(alpha.client);
    expect(page.unreadCount).toBe(2);
    expect(page.nextCursor).toBeNull();
    expect(page.notifications).toEqual([
      expect.objectContaining({ ...news, createdAt: '2026-11-24T10:15:00.000Z', read: false }),
      expect.objectContaining({
        kind: 'bill_approved',
        params: { period: '2026-11', amount: '1234.00', currency: 'EUR' },
        link: '#/bills/bill_1',
        createdAt: '2026-11-24T10:10:00.000Z',
        read: false,
      }),
    ]);
    // Another partner of the operator reads only the broadcast; another operator's partner, nothing.
    expect((await list(gamma.client)).notifications.map((n) => n.kind)).toEqual(['news_published']);
    expect(await unread(gamma.client)).toBe(1);
    expect(await list(beta.client)).toEqual({ notifications: [], nextCursor: null, unreadCount: 0 });
  });

  it('keeps read state per user: one read, then all, leave a teammate and another partner unread', async () => {
    await notifyPartner(tenant(opA), billApproved(alpha.partnerId));
    await notifyEveryPartner(tenant(opA), news);
    const [newest] = (await list(alpha.client)).notifications;
    expect((await markRead(alpha.client, newest!.id)).status).toBe(204);
    // Twice is fine.
    expect((await markRead(alpha.client, newest!.id)).status).toBe(204);
    expect(await unread(alpha.client)).toBe(1);
    expect((await list(alpha.client)).notifications.map((n) => n.read)).toEqual([true, false]);
    expect(await unread(alphaAnalyst)).toBe(2);
    expect(await unread(gamma.client)).toBe(1);

    expect((await notes(alpha.client).read.$post()).status).toBe(204);
    expect(await unread(alpha.client)).toBe(0);
    expect((await list(alpha.client)).notifications.map((n) => n.read)).toEqual([true, true]);
    // The marks below the watermark are gone: it says it all.
    const marks = await t.deps.db.all<{ n: number }>(sql`select count(*) as n from notification_reads`);
    expect(marks[0]!.n).toBe(0);
    expect(await unread(alphaAnalyst)).toBe(2);
    expect(await unread(gamma.client)).toBe(1);

    // Something newer after "mark all" is unread again.
    t.clock.set('2026-11-24T10:20:00Z');
    await notifyEveryPartner(tenant(opA), { ...news, link: '#/news/news_2' });
    expect(await unread(alpha.client)).toBe(1);
    const [latest] = (await list(alpha.client)).notifications;
    expect(latest).toMatchObject({ link: '#/news/news_2', read: false });
  });

  it('start a user who joins later with nothing unread (older broadcasts show as read)', async () => {
    await notifyEveryPartner(tenant(opA), news);
    t.clock.set('2026-11-24T10:40:00Z');
    const late = await partnerOf(opA, 'owner@late.example');
    t.clock.set('2026-11-24T10:50:00Z');
    await notifyEveryPartner(tenant(opA), { ...news, link: '#/news/news_2' });
    const page = await list(late.client);
    expect(page.notifications.map((n) => [n.link, n.read])).toEqual([
      ['#/news/news_2', false],
      ['#/news/news_1', true],
    ]);
    expect(page.unreadCount).toBe(1);
  });

  it('are written once per dedupe key (a retried job) and per operator', async () => {
    const keyed = { ...billApproved(alpha.partnerId), dedupeKey: 'bill_approved:bill_1' };
    await notifyPartner(tenant(opA), keyed);
    await notifyPartner(tenant(opA), keyed);
    await notifyEveryPartner(tenant(opA), { ...news, dedupeKey: 'news:news_1' });
    await notifyEveryPartner(tenant(opA), { ...news, dedupeKey: 'news:news_1' });
    // Without a key nothing is deduplicated; another operator's key space is its own.
    await notifyEveryPartner(tenant(opA), news);
    await notifyEveryPartner(tenant(opA), news);
    await notifyEveryPartner(tenant(opB), { ...news, dedupeKey: 'news:news_1' });
    expect(await unread(alpha.client)).toBe(4);
    expect(await unread(beta.client)).toBe(1);
  });

  it('in a batch, are written only when the condition holds when the batch runs', async () => {
    const parts = [
      notifyPartnerStatement(tenant(opA), {
        ...billApproved(alpha.partnerId),
        link: '#/bills/yes',
        onlyIf: sql`1 = 1`,
      }),
      notifyPartnerStatement(tenant(opA), { ...billApproved(alpha.partnerId), link: '#/bills/no', onlyIf: sql`1 = 0` }),
    ];
    await insertManyAtomically(t.deps.db, parts);
    expect((await list(alpha.client)).notifications.map((n) => n.link)).toEqual(['#/bills/yes']);
  });

  it('answer 404 for another partner’s or operator’s notification, and page newest first', async () => {
    await notifyPartner(tenant(opA), billApproved(alpha.partnerId));
    const [own] = (await list(alpha.client)).notifications;
    const gammaTry = await markRead(gamma.client, own!.id);
    expect(gammaTry.status).toBe(404);
    expect(await gammaTry.json()).toMatchObject({ code: 'not_found', params: { resource: 'notification' } });
    expect((await markRead(beta.client, own!.id)).status).toBe(404);
    expect((await markRead(alpha.client, 'ntf_nothing')).status).toBe(404);
    expect(await unread(alpha.client)).toBe(1);

    for (let i = 0; i < 24; i++) {
      t.clock.set(new Date(Date.parse('2026-11-24T10:30:00Z') + i * 1000).toISOString());
      await notifyEveryPartner(tenant(opA), { ...news, link: `#/news/n${i}` });
    }
    const first = await list(alpha.client);
    expect(first.notifications).toHaveLength(20);
    expect(first.notifications[0]!.link).toBe('#/news/n23');
    expect(first.unreadCount).toBe(25);
    const second = await list(alpha.client, first.nextCursor!);
    expect(second.notifications.map((n) => n.link)).toEqual([
      '#/news/n3',
      '#/news/n2',
      '#/news/n1',
      '#/news/n0',
      '#/bills/bill_1',
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('count unread through the reader index (the bell polls it)', async () => {
    const plan = await t.deps.db.all<{ detail: string }>(
      sql.raw(`explain query plan select count(*) from notifications where operator_id = 'op' and
        (partner_id = 'p' or partner_id is null) and id > 'ntf_0'`),
    );
    expect(plan.map((p) => p.detail).join(' | ')).toContain('notifications_reader');
  });
});
