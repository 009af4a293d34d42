/** Email in tests: transports that keep what they were given, and reading stored messages. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { mailMessages } from '../../core/modules/mail/table.ts';
import type { MailTransport, OutgoingMail } from '../../core/modules/mail/transport.ts';

/** A transport that accepts every mail and keeps it, like a receiver that always answers 250. */
export function recordingTransport(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    name: 'http',
    sent,
    async send(mail) {
      sent.push(mail);
    },
  };
}

/** A transport whose receiver refuses while `failing` is true, then recovers. */
export function flakyTransport(
  message = 'receiver said 451 try again later',
): MailTransport & { sent: OutgoingMail[]; failing: boolean; attempts: number } {
  const transport = {
    name: 'http' as const,
    sent: [] as OutgoingMail[],
    failing: true,
    attempts: 0,
    async send(mail: OutgoingMail) {
      transport.attempts++;
      if (transport.failing) throw new Error(message);
      transport.sent.push(mail);
    },
  };
  return transport;
}

/** Stored messages to one address, oldest first (what a person would find in their inbox). */
export async function mailsTo(db: Db, address: string) {
  return db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, address))
    .orderBy(asc(mailMessages.createdAt), asc(mailMessages.id));
}

/** The first link in a message's text version that starts with `prefix` (e.g. the public URL). */
export function linkIn(message: { text: string }, prefix = 'http'): string {
  const link = message.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`No link starting with ${prefix} in:\n${message.text}`);
  return link;
}
