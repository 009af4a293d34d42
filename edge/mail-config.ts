/**
 * Which way email leaves this install, from the environment. MAIL_DRIVER is `outbox` (default:
 * stored only, shown by the demo mailbox), `smtp` (SMTP_URL) or `http` (MAIL_HTTP_URL, with an
 * optional MAIL_HTTP_TOKEN).
 *
 * SMTP comes in as a parameter rather than an import so the Workers entry can read its config
 * without bundling nodemailer: Node and Deno pass `createSmtpTransport` from ./smtp-transport.ts.
 */
import { createHttpTransport } from '../core/modules/mail/http-transport.ts';
import type { MailTransport } from '../core/modules/mail/transport.ts';

export interface MailConfig {
  /** null is the outbox driver: messages are stored, not sent. */
  transport: MailTransport | null;
  /** MAIL_FROM; emails go out under the operator's display name with this address. */
  from: string;
  /** Serve /demo/mailbox: only with the outbox driver, and not when KABINET_DEMO_MAILBOX=off. */
  demoMailbox: boolean;
}

export const DEFAULT_MAIL_FROM = 'Kabinet <no-reply@kabinet.local>';
const MAIL_DRIVERS = ['outbox', 'smtp', 'http'] as const;
// `Name <address>` or a bare address: the address part is what a server checks.
const FROM_SHAPE = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

export interface MailConfigOptions {
  /** Builds the SMTP transport; absent on runtimes without SMTP (Workers). */
  smtp?: (url: string) => MailTransport;
}

export function readMailConfig(env: Record<string, string | undefined>, options: MailConfigOptions = {}): MailConfig {
  const driver = env.MAIL_DRIVER || 'outbox';
  if (!(MAIL_DRIVERS as readonly string[]).includes(driver)) {
    throw new Error(`MAIL_DRIVER must be one of ${MAIL_DRIVERS.join(', ')}; got "${driver}"`);
  }
  const from = (env.MAIL_FROM || DEFAULT_MAIL_FROM).trim();
  if (!FROM_SHAPE.test(from)) throw new Error(`MAIL_FROM must be an address or "Name <address>", got "${from}"`);
  const mailbox = env.KABINET_DEMO_MAILBOX || 'on';
  if (mailbox !== 'on' && mailbox !== 'off')
    throw new Error(`KABINET_DEMO_MAILBOX must be "on" or "off", got "${mailbox}"`);

  let transport: MailTransport | null = null;
  if (driver === 'smtp') {
    if (!env.SMTP_URL)
      throw new Error('MAIL_DRIVER=smtp needs SMTP_URL (smtp://user:pass@host:587 or smtps://user:pass@host:465)');
    if (!options.smtp)
      throw new Error('MAIL_DRIVER=smtp is not available on this runtime; use MAIL_DRIVER=http with MAIL_HTTP_URL');
    transport = options.smtp(env.SMTP_URL);
  } else if (driver === 'http') {
    if (!env.MAIL_HTTP_URL)
      throw new Error('MAIL_DRIVER=http needs MAIL_HTTP_URL (the endpoint that receives each email as JSON)');
    transport = createHttpTransport({
      url: env.MAIL_HTTP_URL,
      ...(env.MAIL_HTTP_TOKEN ? { token: env.MAIL_HTTP_TOKEN } : {}),
    });
  }
  return { transport, from, demoMailbox: driver === 'outbox' && mailbox === 'on' };
}
