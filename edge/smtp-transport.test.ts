import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createHttpTransport } from '../core/modules/mail/http-transport.ts';
import type { OutgoingMail } from '../core/modules/mail/transport.ts';
import { createSmtpTransport } from './smtp-transport.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface Received {
  raw: string;
  from: string | undefined;
  to: string[];
  user: string | undefined;
  pass: string | undefined;
}

/** A real SMTP server on a free local port that keeps every message it accepts. */
async function startSmtpServer() {
  const received: Received[] = [];
  const logins: Array<{ user: string | undefined; pass: string | undefined }> = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username, pass: auth.password ?? undefined });
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
        received.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          from,
          to: session.envelope.rcptTo.map((r) => r.address),
          ...(logins.at(-1) ?? { user: undefined, pass: undefined }),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port, received };
}

/** Headers of a raw message, unfolded, by lower-case name. */
function headersOf(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=) back to text. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, encoding: string, data: string) => {
      const bytes =
        encoding.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64')
          : Buffer.from(
              data
                .replace(/_/g, ' ')
                .replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return bytes.toString('utf8');
    });
}

const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  from: '"Acme Partners" <no-reply@kabinet.local>',
  to: 'anna@example.com',
  subject: 'Reset your Acme Partners password',
  text: 'Choose a new password:\nhttps://partners.acme.example/reset#token=abc\n',
  html: '<p>Choose a new password</p>',
  messageId: 'mail_01ABCDEF',
  ...over,
});

describe('SMTP transport', () => {
  it('delivers to a real SMTP server with the stable Message-ID', async () => {
    const smtp = await startSmtpServer();
    const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
    expect(transport.name).toBe('smtp');
    await transport.send(mail());
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message!.to).toEqual(['anna@example.com']);
    expect(message!.from).toBe('no-reply@kabinet.local');
    const headers = headersOf(message!.raw);
    expect(headers.get('to')).toBe('anna@example.com');
    expect(headers.get('from')).toBe('Acme Partners <no-reply@kabinet.local>');
    expect(headers.get('subject')).toBe('Reset your Acme Partners password');
    expect(headers.get('message-id')).toBe('<mail_01ABCDEF@kabinet>');
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(message!.raw).toContain('https://partners.acme.example/reset#token=abc');
    expect(message!.raw).toMatch(/Content-Type: text\/html/);
  });

  it('logs in with the credentials in the URL and encodes a Russian subject', async () => {
    const smtp = await startSmtpServer();
    const transport = createSmtpTransport(`smtp://mailer%40acme:p%40ss%3Aword@127.0.0.1:${smtp.port}`);
    const subject = 'Сброс пароля — Acme Partners';
    await transport.send(
      mail({
        subject,
        from: '"Партнёрская программа" <no-reply@kabinet.local>',
        text: 'Задать новый пароль: https://p.example/r\n',
      }),
    );
    const [message] = smtp.received;
    expect(message).toMatchObject({ user: 'mailer@acme', pass: 'p@ss:word' });
    const headers = headersOf(message!.raw);
    // Headers stay 7-bit: the subject travels as RFC 2047 encoded words and decodes back.
    expect(headers.get('subject')).toMatch(/^=\?UTF-8\?[BQ]\?/);
    expect(decodeEncodedWords(headers.get('subject')!)).toBe(subject);
    expect(decodeEncodedWords(headers.get('from')!)).toContain('Партнёрская программа');
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    expect(() => createSmtpTransport('http://mail.example.com')).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => createSmtpTransport('not a url')).toThrow(/SMTP_URL must look like/);
  });

  it('fails (so the job retries) when the server is not there', async () => {
    const smtp = await startSmtpServer();
    const port = smtp.port;
    await cleanups.shift()!();
    await expect(createSmtpTransport(`smtp://127.0.0.1:${port}`).send(mail())).rejects.toThrow();
  });
});

interface ReceivedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on a free local port that answers with `status` and keeps each request. */
async function startHttpServer(status: number, answer = '') {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (status === 0) return; // never answer: a hung receiver
      res.writeHead(status, { 'content-type': 'text/plain' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/send`, requests };
}

describe('HTTP transport', () => {
  it('posts the message as JSON with an idempotency key and bearer token', async () => {
    const receiver = await startHttpServer(202);
    const transport = createHttpTransport({ url: receiver.url, token: 'tok_secret' });
    expect(transport.name).toBe('http');
    await transport.send(mail({ subject: 'Сброс пароля' }));
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/send' });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idempotency-key']).toBe('mail_01ABCDEF');
    expect(request!.headers.authorization).toBe('Bearer tok_secret');
    expect(JSON.parse(request!.body)).toEqual(mail({ subject: 'Сброс пароля' }));
  });

  it('sends no Authorization header without a token', async () => {
    const receiver = await startHttpServer(200);
    await createHttpTransport({ url: receiver.url }).send(mail());
    expect(receiver.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('throws with the status when the receiver fails', async () => {
    const receiver = await startHttpServer(500, 'mailbox service exploded');
    await expect(createHttpTransport({ url: receiver.url }).send(mail())).rejects.toThrow(
      /answered 500 Internal Server Error: mailbox service exploded/,
    );
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const receiver = await startHttpServer(0);
    await expect(createHttpTransport({ url: receiver.url, timeoutMs: 200 }).send(mail())).rejects.toThrow(
      /timeout|aborted/i,
    );
  });

  it('refuses an endpoint that is not http(s)', () => {
    expect(() => createHttpTransport({ url: 'ftp://mail.example.com' })).toThrow(/MAIL_HTTP_URL must be http\(s\)/);
    expect(() => createHttpTransport({ url: 'mail.example.com' })).toThrow(/absolute/);
  });
});
