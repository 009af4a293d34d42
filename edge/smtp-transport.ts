/**
 * Mail over SMTP for the Node and Deno entries (nodemailer needs raw sockets, so not Workers).
 * SMTP_URL is `smtp://user:pass@host:port` (STARTTLS when the server offers it) or
 * `smtps://…` (TLS from the first byte, usually port 465).
 */
import nodemailer from 'nodemailer';
import type { MailTransport } from '../core/modules/mail/transport.ts';

export function createSmtpTransport(url: string): MailTransport {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${parsed.protocol}//"`);
  if (!parsed.hostname) throw new Error('SMTP_URL has no host');

  const transporter = nodemailer.createTransport({
    url,
    // nodemailer waits minutes by default; a job that hangs that long holds its lease for nothing.
    // Query parameters in SMTP_URL (e.g. ?socketTimeout=60000) still win over these.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });

  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // Stable across retries, so a receiver that saw the first attempt can tell a repeat.
        messageId: `<${mail.messageId}@kabinet>`,
      });
    },
  };
}
