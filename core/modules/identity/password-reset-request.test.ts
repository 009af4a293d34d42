/**
 * The password-reset form must not tell which emails have accounts, by its words or its timing:
 * the request does the same work either way (queue one job) and the lookup runs in the job. That
 * sameness is what is tested; a timed comparison would be a timed assertion, flaky on a loaded
 * machine (measured once by hand: medians within 1.5x, where the old path was ~10x slower).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, lastMailTo } from '../../../tests/helpers/identity.ts';
import { jobs } from '../../jobs/table.ts';
import { runDueJobs } from '../../jobs/outbox.ts';
import { mailHandlers } from '../mail/service.ts';
import { mailMessages } from '../mail/table.ts';
import { auditEvents, oneTimeTokens } from './table.ts';
import { PASSWORD_RESET_JOB, RESET_REQUEST_WINDOW_MS } from './account-links.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operatorId: string;
beforeEach(async () => {
  t = await createTestApp();
  operatorId = (await t.addOperator('Lucky')).operator.id;
});
afterEach(() => t.dispose());

const requestReset = (email: string) =>
  t.clientFor().v1.public.operators[':operatorId'].password_reset.$post({ param: { operatorId }, json: { email } });
const rows = async () => ({
  jobs: (await t.deps.db.select({ n: count() }).from(jobs).where(eq(jobs.kind, PASSWORD_RESET_JOB)))[0]!.n,
  mails: (await t.deps.db.select({ n: count() }).from(mailMessages))[0]!.n,
  tokens: (await t.deps.db.select({ n: count() }).from(oneTimeTokens))[0]!.n,
  events: (await t.deps.db.select({ n: count() }).from(auditEvents))[0]!.n,
});
const runJobs = () => runDueJobs(t.deps.db, t.clock, mailHandlers(null, 'Kabinet <no-reply@kabinet.test>'));

describe('password-reset requests', () => {
  it('write the same one job row for a known and an unknown email before answering; only the job looks the email up', async () => {
    await activePartner(t, operatorId, 'known@example.com');
    const before = await rows();
    const known = await requestReset('known@example.com');
    const afterKnown = await rows();
    const unknown = await requestReset('nobody@example.com');
    const afterUnknown = await rows();
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    // Each answer left after exactly one new job and nothing else: no token, no email, no event.
    expect(afterKnown).toEqual({ ...before, jobs: before.jobs + 1 });
    expect(afterUnknown).toEqual({ ...afterKnown, jobs: afterKnown.jobs + 1 });
    const queued = await t.deps.db.select().from(jobs).where(eq(jobs.kind, PASSWORD_RESET_JOB));
    expect(queued.map((j) => Object.keys(j.payload as object).sort())).toEqual([
      ['email', 'linkBase', 'meta', 'operatorId'],
      ['email', 'linkBase', 'meta', 'operatorId'],
    ]);

    expect(await runJobs()).toMatchObject({ done: 2, dead: 0 });
    const mail = await lastMailTo(t, 'known@example.com');
    expect(mail.template).toBe('password_reset');
    expect(mail.token).toMatch(/^pr_/);
    expect(
      await t.deps.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'nobody@example.com')),
    ).toHaveLength(0);
  });

  it('sends one email per address per window, however often the form is sent', async () => {
    await activePartner(t, operatorId, 'spam@example.com');
    for (let i = 0; i < 5; i++) expect((await requestReset('Spam@Example.com')).status).toBe(202);
    await runJobs();
    expect(await t.deps.db.select().from(mailMessages).where(eq(mailMessages.template, 'password_reset'))).toHaveLength(
      1,
    );
    t.clock.advance(RESET_REQUEST_WINDOW_MS);
    await requestReset('spam@example.com');
    await runJobs();
    expect(await t.deps.db.select().from(mailMessages).where(eq(mailMessages.template, 'password_reset'))).toHaveLength(
      2,
    );
  });
});
