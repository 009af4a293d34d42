import { describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_FROM, readMailConfig } from './mail-config.ts';
import { createSmtpTransport } from './smtp-transport.ts';

const node = { smtp: createSmtpTransport };

describe('mail config', () => {
  it('defaults to the outbox driver with the demo mailbox on', () => {
    expect(readMailConfig({}, node)).toEqual({ transport: null, from: DEFAULT_MAIL_FROM, demoMailbox: true });
    expect(readMailConfig({ KABINET_DEMO_MAILBOX: 'off' }, node).demoMailbox).toBe(false);
  });

  it('builds the SMTP and HTTP transports, with the mailbox off', () => {
    const smtp = readMailConfig(
      { MAIL_DRIVER: 'smtp', SMTP_URL: 'smtps://u:p@mail.example.com:465', MAIL_FROM: 'Acme <mail@acme.example>' },
      node,
    );
    expect(smtp).toMatchObject({ transport: { name: 'smtp' }, from: 'Acme <mail@acme.example>', demoMailbox: false });
    const http = readMailConfig({
      MAIL_DRIVER: 'http',
      MAIL_HTTP_URL: 'https://relay.example.com/send',
      MAIL_HTTP_TOKEN: 't',
      KABINET_DEMO_MAILBOX: 'on',
    });
    expect(http).toMatchObject({ transport: { name: 'http' }, demoMailbox: false });
  });

  it('names the missing or wrong variable', () => {
    expect(() => readMailConfig({ MAIL_DRIVER: 'sendgrid' }, node)).toThrow(
      /MAIL_DRIVER must be one of outbox, smtp, http/,
    );
    expect(() => readMailConfig({ MAIL_DRIVER: 'smtp' }, node)).toThrow(/needs SMTP_URL/);
    expect(() => readMailConfig({ MAIL_DRIVER: 'http' })).toThrow(/needs MAIL_HTTP_URL/);
    expect(() => readMailConfig({ MAIL_DRIVER: 'smtp', SMTP_URL: 'smtp://h' })).toThrow(
      /not available on this runtime/,
    );
    expect(() => readMailConfig({ MAIL_FROM: 'nobody' }, node)).toThrow(/MAIL_FROM/);
    expect(() => readMailConfig({ KABINET_DEMO_MAILBOX: 'yes' }, node)).toThrow(/KABINET_DEMO_MAILBOX/);
  });
});
