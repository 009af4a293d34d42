import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../tests/helpers/test-app.ts';
import { flakyTransport, linkIn, mailsTo, recordingTransport } from '../../../tests/helpers/mail.ts';
import { manualClock } from '../../lib/clock.ts';
import { withTenant } from '../../lib/context.ts';
import { createOutbox, retryDelayMs, runDueJobs } from '../../jobs/outbox.ts';
import { jobs } from '../../jobs/table.ts';
import { createOperator } from '../operators/service.ts';
import type { MailTransport } from './transport.ts';
import { formatSender, listMailbox, mailHandlers, renderMailboxPage, sendMail } from './service.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.dispose());

const FROM = 'Kabinet <no-reply@kabinet.local>';

async function setup(mailTransport: MailTransport | null) {
  const clock = manualClock('2026-11-24T10:00:00Z');
  const deps = { db: t.db, clock, jobs: createOutbox(t.db, clock), mailTransport };
  const operator = await createOperator(deps, {
    name: 'Acme',
    branding: { displayName: 'Acme Partners', supportEmail: 'help@acme.example' },
  });
  return { clock, deps, operator };
}

const reset = (to = 'anna@example.com') => ({
  to,
  locale: 'ru' as const,
  template: 'password_reset' as const,
  params: { link: 'https://partners.acme.example/reset#token=abc', expiresInHours: 2 },
});

describe('sendMail', () => {
  it('with the outbox driver stores the rendered message and queues nothing', async () => {
    const { deps, operator } = await setup(null);
    const sent = await sendMail(withTenant(deps, operator.id), reset());
    expect(sent.status).toBe('stored');
    expect(sent.id).toMatch(/^mail_/);
    const [message] = await mailsTo(t.db, 'anna@example.com');
    expect(message).toMatchObject({
      id: sent.id,
      operatorId: operator.id,
      template: 'password_reset',
      locale: 'ru',
      status: 'stored',
      subject: 'Сброс пароля — Acme Partners',
      sentAt: null,
    });
    expect(message!.html).toContain('Acme Partners');
    expect(linkIn(message!, 'https://partners.acme.example')).toBe('https://partners.acme.example/reset#token=abc');
    expect(await t.db.select().from(jobs)).toHaveLength(0);
  });

  it("with a transport queues delivery, and the job sends it under the operator's name", async () => {
    const transport = recordingTransport();
    const { clock, deps, operator } = await setup(transport);
    const sent = await sendMail(withTenant(deps, operator.id), reset());
    expect(sent.status).toBe('queued');
    const [job] = await t.db.select().from(jobs);
    expect(job).toMatchObject({
      kind: 'mail.deliver',
      payload: { messageId: sent.id },
      operatorId: operator.id,
      idempotencyKey: sent.id,
    });
    expect(transport.sent).toHaveLength(0);

    clock.advance(1_000);
    expect(await runDueJobs(t.db, clock, mailHandlers(transport, FROM))).toEqual({ done: 1, retried: 0, dead: 0 });
    const [message] = await mailsTo(t.db, 'anna@example.com');
    expect(message).toMatchObject({ status: 'sent', error: null, sentAt: clock.now() });
    expect(transport.sent).toEqual([
      {
        from: '"Acme Partners" <no-reply@kabinet.local>',
        to: 'anna@example.com',
        subject: message!.subject,
        text: message!.text,
        html: message!.html,
        messageId: sent.id,
      },
    ]);
  });

  it('keeps a refused message queued with the error, and the job retries until it goes out', async () => {
    const transport = flakyTransport();
    const { clock, deps, operator } = await setup(transport);
    const sent = await sendMail(withTenant(deps, operator.id), reset());
    const handlers = mailHandlers(transport, FROM);

    expect(await runDueJobs(t.db, clock, handlers)).toEqual({ done: 0, retried: 1, dead: 0 });
    expect((await mailsTo(t.db, 'anna@example.com'))[0]).toMatchObject({
      status: 'queued',
      error: 'receiver said 451 try again later',
      sentAt: null,
    });
    expect((await t.db.select().from(jobs).where(eq(jobs.kind, 'mail.deliver')))[0]).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'receiver said 451 try again later',
    });

    transport.failing = false;
    clock.advance(retryDelayMs(1));
    expect(await runDueJobs(t.db, clock, handlers)).toEqual({ done: 1, retried: 0, dead: 0 });
    expect((await mailsTo(t.db, 'anna@example.com'))[0]).toMatchObject({ id: sent.id, status: 'sent', error: null });
    expect(transport.attempts).toBe(2);
    expect(transport.sent).toHaveLength(1);
  });

  it('marks a message failed when its last delivery attempt fails', async () => {
    const { deps, clock, operator } = await setup({
      name: 'http',
      send: async () => {
        throw new Error('receiver said 503');
      },
    });
    const { id } = await sendMail(withTenant(deps, operator.id), reset());
    await t.db.update(jobs).set({ maxAttempts: 2 });
    await runDueJobs(t.db, clock, mailHandlers(deps.mailTransport, FROM));
    expect((await mailsTo(t.db, 'anna@example.com'))[0]).toMatchObject({
      id,
      status: 'queued',
      error: 'receiver said 503',
    });
    clock.advance(retryDelayMs(1));
    await runDueJobs(t.db, clock, mailHandlers(deps.mailTransport, FROM));
    expect((await mailsTo(t.db, 'anna@example.com'))[0]).toMatchObject({
      id,
      status: 'failed',
      error: 'receiver said 503',
    });
  });

  it('does not send twice when a delivery job repeats', async () => {
    const transport = recordingTransport();
    const { clock, deps, operator } = await setup(transport);
    const { id } = await sendMail(withTenant(deps, operator.id), reset());
    const handlers = mailHandlers(transport, FROM);
    await runDueJobs(t.db, clock, handlers);
    await deps.jobs.enqueue({ kind: 'mail.deliver', payload: { messageId: id } });
    await runDueJobs(t.db, clock, handlers);
    expect(transport.sent).toHaveLength(1);
  });

  it('refuses an unknown operator and a malformed address, storing nothing', async () => {
    const { deps, operator } = await setup(null);
    await expect(sendMail(withTenant(deps, 'op_missing'), reset())).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      sendMail(withTenant(deps, operator.id), reset('anna@example.com\r\nBcc: all@example.com')),
    ).rejects.toThrow(/single email address/);
    await expect(sendMail(withTenant(deps, operator.id), reset('a@example.com, b@example.com'))).rejects.toThrow(
      /single email address/,
    );
    expect(await listMailbox(t, { limit: 10 })).toHaveLength(0);
  });
});

describe('demo mailbox', () => {
  it('lists the newest messages first, per operator or all', async () => {
    const { clock, deps, operator } = await setup(null);
    const other = await createOperator(deps, { name: 'Northwind' });
    await sendMail(withTenant(deps, operator.id), {
      to: 'first@example.com',
      locale: 'en',
      template: 'signed_up',
      params: { partnerName: 'One' },
    });
    clock.advance(1_000);
    await sendMail(withTenant(deps, other.id), {
      to: 'second@example.com',
      locale: 'en',
      template: 'signed_up',
      params: { partnerName: 'Two' },
    });
    clock.advance(1_000);
    await sendMail(withTenant(deps, operator.id), {
      to: 'third@example.com',
      locale: 'en',
      template: 'partner_rejected',
      params: { partnerName: 'Three' },
    });
    expect((await listMailbox(t, { limit: 10 })).map((m) => m.toAddress)).toEqual([
      'third@example.com',
      'second@example.com',
      'first@example.com',
    ]);
    expect((await listMailbox(t, { limit: 2 })).map((m) => m.toAddress)).toEqual([
      'third@example.com',
      'second@example.com',
    ]);
    expect((await listMailbox(t, { operatorId: operator.id, limit: 10 })).map((m) => m.toAddress)).toEqual([
      'third@example.com',
      'first@example.com',
    ]);
  });

  it('renders a self-contained page with clickable links and nothing executable', async () => {
    const { clock, deps, operator } = await setup(null);
    await sendMail(withTenant(deps, operator.id), {
      to: 'old@example.com',
      locale: 'en',
      template: 'signed_up',
      params: { partnerName: 'Old' },
    });
    clock.advance(60_000);
    await sendMail(withTenant(deps, operator.id), {
      to: 'new@example.com',
      locale: 'en',
      template: 'invite',
      params: {
        inviterName: '<script>alert(1)</script>',
        partnerName: 'A&B',
        link: 'https://partners.acme.example/invite?t=1&u=2',
        expiresInHours: 24,
      },
    });
    const page = renderMailboxPage(await listMailbox(t, { limit: 50 }));
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<title>Demo mailbox</title>');
    expect(page).toContain('only in demo installs');
    expect(page).not.toMatch(/<script|src=|<link|@import/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; has added you to the A&amp;B team');
    expect(page).toContain(
      '<a href="https://partners.acme.example/invite?t=1&amp;u=2" rel="noreferrer">https://partners.acme.example/invite?t=1&amp;u=2</a>',
    );
    expect(page.indexOf('new@example.com')).toBeLessThan(page.indexOf('old@example.com'));
    expect(page).toContain('2026-11-24 10:01:00 UTC');
    expect(renderMailboxPage([])).toContain('No messages yet.');
  });
});

describe('formatSender', () => {
  it("puts the operator's name on the configured address", () => {
    expect(formatSender(FROM, 'Acme "Best" Partners')).toBe('"Acme \\"Best\\" Partners" <no-reply@kabinet.local>');
    expect(formatSender('mail@x.example', 'Acme\r\nBcc: y')).toBe('"Acme Bcc: y" <mail@x.example>');
    expect(formatSender(FROM, null)).toBe(FROM);
  });
});
