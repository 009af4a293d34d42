/**
 * Mail: every email is rendered with the operator's branding and stored as a `mail_messages`
 * row first. With a transport, a `mail.deliver` job hands the row to it (retried with backoff);
 * without one (the `outbox` driver) the row is the whole story and the demo mailbox shows it.
 */
import { desc, eq } from 'drizzle-orm';
import { withTenant, type ServiceContext, type TenantContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { createOutbox, type JobHandlers } from '../../jobs/outbox.ts';
import { newId } from '../../lib/ids.ts';
import { findOperatorBranding, operatorBrandingOf } from '../operators/service.ts';
import { PASSWORD_RESET_JOB, sendPasswordResetLink, type PasswordResetJob } from '../identity/account-links.ts';
import { mailMessages } from './table.ts';
import { escapeHtml, renderMail, type MailLocale, type MailTemplateName, type MailTemplates } from './templates.ts';
import type { MailTransport } from './transport.ts';

export const MAIL_DELIVER_JOB = 'mail.deliver';

/** What sending needs: the store, the job queue and the transport, within the operator whose branding the email wears. */
export type MailDeps = Pick<TenantContext, 'db' | 'clock' | 'jobs' | 'mailTransport' | 'operatorId' | 'meta'>;
export type MailMessage = typeof mailMessages.$inferSelect;

export interface SendMailInput<T extends MailTemplateName> {
  to: string;
  locale: MailLocale;
  template: T;
  params: MailTemplates[T];
}

// One address, no display name: a line break or comma here would add headers or recipients.
const PLAIN_ADDRESS = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+$/;

/** Renders and stores one email; with a transport, also queues its delivery. */
export async function sendMail<T extends MailTemplateName>(
  ctx: MailDeps,
  input: SendMailInput<T>,
): Promise<{ id: string; status: 'stored' | 'queued' }> {
  if (!PLAIN_ADDRESS.test(input.to)) throw new Error(`Not a single email address: "${input.to}"`);
  const branding = await findOperatorBranding(ctx);
  if (!branding) throw notFound('Operator');
  const rendered = renderMail(input.template, input.locale, input.params, branding);
  const id = newId('mail', ctx.clock);
  const status = ctx.mailTransport ? 'queued' : 'stored';
  await ctx.db.insert(mailMessages).values({
    id,
    operatorId: ctx.operatorId,
    toAddress: input.to,
    template: input.template,
    locale: input.locale,
    ...rendered,
    status,
    createdAt: ctx.clock.now(),
  });
  // Two writes, not one batch: enqueue goes through the JobQueue (which on Workers also sends a
  // Queue message). If it failed, the row would stay `queued` and visible, never lost silently.
  if (ctx.mailTransport) {
    await ctx.jobs.enqueue({
      kind: MAIL_DELIVER_JOB,
      payload: { messageId: id },
      operatorId: ctx.operatorId,
      idempotencyKey: id,
    });
  }
  return { id, status };
}

/** `Kabinet <no-reply@x>` + "Acme Partners" -> `"Acme Partners" <no-reply@x>`: the operator's name, our address. */
export function formatSender(fromAddress: string, displayName: string | null | undefined): string {
  const name = displayName?.replace(/[\r\n]+/g, ' ').trim();
  if (!name) return fromAddress;
  const address = /<([^<>]+)>\s*$/.exec(fromAddress)?.[1] ?? fromAddress.trim();
  return `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`;
}

/**
 * Job handlers for mail. `fromAddress` is MAIL_FROM; its display name is replaced by the
 * operator's, so partners see whose program wrote to them.
 */
export function mailHandlers(transport: MailTransport | null, fromAddress: string): JobHandlers {
  return {
    // Identity's password-reset request is a job so its answer cannot time the account lookup.
    // It lives here because it exists to send one email and every edge runs these handlers.
    // Its delivery job is picked up by the runner's next pass (on Workers: the cron sweep).
    // Its context is the payload's operator, with the origin of the request that asked.
    [PASSWORD_RESET_JOB]: async ({ db, clock }, job: PasswordResetJob) =>
      sendPasswordResetLink(
        withTenant({ db, clock, jobs: createOutbox(db, clock), mailTransport: transport }, job.operatorId, job.meta),
        job,
      ),
    [MAIL_DELIVER_JOB]: async ({ db, clock, job }, payload: { messageId: string }) => {
      const [row] = await db
        .select({ message: mailMessages, branding: operatorBrandingOf(mailMessages.operatorId) })
        .from(mailMessages)
        .where(eq(mailMessages.id, payload.messageId));
      // Nothing to deliver, or a repeat of an at-least-once job after the send succeeded.
      if (!row || row.message.status === 'sent') return;
      const { message } = row;
      try {
        if (!transport)
          throw new Error('No mail transport is configured (MAIL_DRIVER=outbox), but a delivery job was queued');
        await transport.send({
          from: formatSender(fromAddress, row.branding?.displayName),
          to: message.toAddress,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.id,
        });
      } catch (error) {
        // The row stays `queued` with the latest error while the job runner retries with
        // backoff; the last attempt marks it `failed`, so a message never looks pending forever.
        const lastAttempt = job.attempts >= job.maxAttempts;
        await db
          .update(mailMessages)
          .set({
            error: error instanceof Error ? error.message : String(error),
            ...(lastAttempt ? { status: 'failed' as const } : {}),
          })
          .where(eq(mailMessages.id, message.id));
        throw error;
      }
      await db
        .update(mailMessages)
        .set({ status: 'sent', sentAt: clock.now(), error: null })
        .where(eq(mailMessages.id, message.id));
    },
  };
}

/** The newest messages first, of one operator or of all (not tenant-scoped: the demo mailbox shows every tenant). */
export async function listMailbox(
  ctx: Pick<ServiceContext, 'db'>,
  options: { operatorId?: string; limit: number },
): Promise<MailMessage[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit) || 1, 1), 500);
  return ctx.db
    .select()
    .from(mailMessages)
    .where(options.operatorId ? eq(mailMessages.operatorId, options.operatorId) : undefined)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(limit);
}

// Stops at whitespace, quotes and angle brackets: the text version never puts those in a URL.
const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;

/** Escapes text and makes each http(s) URL in it a link; trailing punctuation stays text. */
function linkify(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    html +=
      escapeHtml(text.slice(last, start)) + `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

/**
 * The demo mailbox: a self-contained page (no external assets) of stored messages, newest first.
 * It shows the text version, never the HTML, so nothing in a message can run or load.
 */
export function renderMailboxPage(messages: readonly MailMessage[]): string {
  const newestFirst = [...messages].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
  const items = newestFirst
    .map(
      (m) => `<article>
<header><time datetime="${m.createdAt.toISOString()}">${escapeHtml(m.createdAt.toISOString().replace('T', ' ').slice(0, 19))} UTC</time>
<span class="status">${escapeHtml(m.status)}</span></header>
<dl><dt>To</dt><dd>${escapeHtml(m.toAddress)}</dd><dt>Subject</dt><dd class="subject">${escapeHtml(m.subject)}</dd></dl>
<pre>${linkify(m.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Demo mailbox</title>
<style>
body{margin:0;padding:24px;background:#f3f4f6;color:#111827;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
main{max-width:760px;margin:0 auto}h1{margin:0 0 4px;font-size:24px}.note{margin:0 0 24px;color:#4b5563}
article{background:#fff;border-radius:8px;padding:16px 20px;margin:0 0 16px;box-shadow:0 1px 2px rgb(0 0 0/.08)}
header{display:flex;justify-content:space-between;color:#6b7280;font-size:13px}.status{text-transform:uppercase;letter-spacing:.04em}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:8px 0}dt{color:#6b7280}dd{margin:0}.subject{font-weight:600}
pre{white-space:pre-wrap;word-break:break-word;background:#f9fafb;border:1px solid #e5e7eb;border-radius:6px;padding:12px;margin:8px 0 0;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
a{color:#2563eb}.empty{color:#6b7280}
</style></head>
<body><main>
<h1>Demo mailbox</h1>
<p class="note">This page exists only in demo installs: with the <code>outbox</code> mail driver, emails are stored instead of sent, and shown here. Real installs send them by SMTP or HTTP and have no mailbox page.</p>
${items || '<p class="empty">No messages yet.</p>'}
</main></body></html>
`;
}
