/** A way to hand a rendered email to the outside world (SMTP on Node/Deno, an HTTP endpoint on Workers). */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id of the stored message, so a receiver can drop repeats of an at-least-once delivery. */
  messageId: string;
}

export interface MailTransport {
  readonly name: 'smtp' | 'http';
  send(mail: OutgoingMail): Promise<void>;
}
