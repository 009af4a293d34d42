/**
 * Mail over HTTP: POSTs each message as JSON to an endpoint (a provider's send API or a small
 * relay). Uses only fetch, so it is the transport for Cloudflare Workers, where SMTP is not.
 */
import type { MailTransport, OutgoingMail } from './transport.ts';

export interface HttpTransportOptions {
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function createHttpTransport(options: HttpTransportOptions): MailTransport {
  let endpoint: URL;
  try {
    endpoint = new URL(options.url);
  } catch {
    throw new Error(`MAIL_HTTP_URL must be an absolute http(s) URL, got "${options.url}"`);
  }
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:')
    throw new Error(`MAIL_HTTP_URL must be http(s), got "${options.url}"`);
  // Called as a plain function: Workers reject fetch invoked as a method of another object.
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;

  return {
    name: 'http',
    async send(mail: OutgoingMail) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        // The receiver can drop repeats: the job runner delivers at least once.
        'idempotency-key': mail.messageId,
      };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const { from, to, subject, text, html, messageId } = mail;
      const response = await doFetch(endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ from, to, subject, text, html, messageId }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Read the body either way so the connection is released; a short excerpt helps debugging.
      const answer = await response.text().catch(() => '');
      if (!response.ok) {
        const excerpt = answer.trim().slice(0, 200);
        throw new Error(
          `Mail HTTP endpoint answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${excerpt ? `: ${excerpt}` : ''}`,
        );
      }
    },
  };
}
