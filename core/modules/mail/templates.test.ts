import { describe, expect, it } from 'vitest';
import {
  MAIL_LOCALES,
  MAIL_TEMPLATE_NAMES,
  escapeHtml,
  renderMail,
  type MailBranding,
  type MailTemplates,
} from './templates.ts';

const branding: MailBranding = {
  displayName: 'Acme Partners',
  primaryColor: '#0f766e',
  supportEmail: 'help@acme.example',
};

const SAMPLE: MailTemplates = {
  staff_invite: {
    inviterName: 'Olga Lucky',
    name: 'Ivan Petrov',
    role: 'finance',
    link: 'https://p.example/console/op_1#set-password=ssp_abc',
    expiresInHours: 72,
  },
  invite: {
    inviterName: 'Maria Ivanova',
    partnerName: 'Bonus Radar',
    link: 'https://p.example/invite/abc',
    expiresInHours: 72,
  },
  unlock: { link: 'https://p.example/unlock/abc', expiresInHours: 24, failedAttempts: 5 },
  password_reset: { link: 'https://p.example/reset/abc', expiresInHours: 2 },
  signed_up: { partnerName: 'Bonus Radar' },
  partner_approved: { partnerName: 'Bonus Radar', link: 'https://p.example/sign-in' },
  partner_rejected: { partnerName: 'Bonus Radar' },
  report_ready: {
    reportName: 'November by day',
    link: 'https://p.example/portal/op_1#/reports/requested/rrep_1',
    expiresInDays: 7,
  },
  news_published: {
    title: 'Lucky Spin Sports is live',
    excerpt: 'Sports betting joins the program with its own landing pages.',
    link: 'https://p.example/portal/op_1#/news/news_1',
  },
  document_reviewed: {
    fileName: 'passport.pdf',
    decision: 'declined',
    comment: 'The scan is cut off: send all four corners',
    link: 'https://p.example/portal/op_1#/documents',
  },
};

function render(name: keyof MailTemplates, locale: 'en' | 'ru', b: MailBranding = branding) {
  return renderMail(name, locale, SAMPLE[name] as never, b);
}

describe('mail templates', () => {
  for (const name of MAIL_TEMPLATE_NAMES) {
    for (const locale of MAIL_LOCALES) {
      it(`${name} (${locale}) carries the operator's branding`, () => {
        const mail = render(name, locale);
        expect(mail.subject).toContain('Acme Partners');
        expect(mail.text).toContain('Acme Partners');
        expect(mail.html).toContain('Acme Partners');
        expect(mail.html).toContain(`lang="${locale}"`);
        expect(mail.text).toContain('help@acme.example');
        expect(mail.html).toContain('href="mailto:help@acme.example"');
        const link = (SAMPLE[name] as { link?: string }).link;
        if (link) {
          expect(mail.text).toContain(link);
          expect(mail.html).toContain(`href="${link}"`);
          expect(mail.html).toContain('background:#0f766e');
        }
        // Russian mails are in Russian, English ones are not.
        expect(/[а-яё]/i.test(mail.text)).toBe(locale === 'ru');
      });
    }
  }

  it('says what each email is about, in both languages', () => {
    expect(render('invite', 'en').text).toContain('Maria Ivanova has added you to the Bonus Radar team');
    expect(render('invite', 'en').text).toContain('expires in 3 days');
    expect(render('invite', 'ru').text).toContain('Maria Ivanova приглашает вас в команду «Bonus Radar»');
    expect(render('invite', 'ru').text).toContain('действует 3 дня');
    expect(render('unlock', 'en').text).toContain('after 5 failed sign-in attempts');
    expect(render('unlock', 'ru').text).toContain('после 5 неудачных попыток');
    expect(render('unlock', 'ru').text).toContain('действует 24 часа');
    expect(
      renderMail('unlock', 'ru', { ...SAMPLE.unlock, failedAttempts: 1, expiresInHours: 1 }, branding).text,
    ).toMatch(/после 1 неудачной попытки[\s\S]*действует 1 час\./);
    expect(
      renderMail('password_reset', 'ru', { ...SAMPLE.password_reset, expiresInHours: 5 }, branding).text,
    ).toContain('действует 5 часов');
    expect(render('password_reset', 'en').text).toContain('all active sessions end');
    expect(render('password_reset', 'ru').text).toContain('все активные сеансы завершатся');
    expect(render('signed_up', 'en').html).toContain('Application received');
    expect(render('partner_approved', 'ru').subject).toBe('Учётная запись в Acme Partners одобрена');
    expect(render('partner_rejected', 'en').text).toContain('cannot approve the application for Bonus Radar');
    expect(render('report_ready', 'en').subject).toBe('Your report “November by day” is ready — Acme Partners');
    expect(render('report_ready', 'en').text).toContain('The file is kept for 7 days');
    expect(render('report_ready', 'ru').text).toContain('Отчёт «November by day», который вы запросили');
    expect(render('report_ready', 'ru').text).toContain('Файл хранится 7 дней');
    expect(render('news_published', 'en').subject).toBe('Lucky Spin Sports is live — Acme Partners');
    expect(render('news_published', 'ru').text).toContain('Читать новость');
    expect(render('document_reviewed', 'en').subject).toBe('Your document “passport.pdf” was declined — Acme Partners');
    expect(render('document_reviewed', 'en').text).toContain('Reason: The scan is cut off: send all four corners');
    expect(render('document_reviewed', 'ru').text).toContain('не может принять документ «passport.pdf»');
    expect(
      renderMail(
        'document_reviewed',
        'ru',
        { ...SAMPLE.document_reviewed, decision: 'approved', comment: '' },
        branding,
      ).subject,
    ).toBe('Документ «passport.pdf» одобрен — Acme Partners');
    expect(render('news_published', 'en').html).toContain('href="https://p.example/portal/op_1#/news/news_1"');
  });

  it('escapes every interpolated value in the HTML', () => {
    const hostile: MailBranding = {
      displayName: 'Evil "Co" <script>alert(1)</script>',
      primaryColor: 'red;background:url(x)',
      supportEmail: '"x"@evil.example',
    };
    const mail = renderMail(
      'invite',
      'en',
      {
        inviterName: '<script>alert("inviter")</script>',
        partnerName: '"><img src=x onerror=alert(1)>',
        link: 'https://p.example/invite?a=1&b="2"',
        expiresInHours: 24,
      },
      hostile,
    );
    expect(mail.html).not.toMatch(/<script|<img|onerror=alert\(1\)>|"2"/);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;inviter&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('Evil &quot;Co&quot; &lt;script&gt;');
    // A colour that is not hex never reaches a style attribute.
    expect(mail.html).not.toContain('url(x)');
    // The text version is plain text: nothing to escape, shown as written.
    expect(mail.text).toContain('<script>alert("inviter")</script> has added you');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('keeps the subject on one line', () => {
    const mail = renderMail(
      'signed_up',
      'en',
      { partnerName: 'Line\r\nBcc: victim@example.com' },
      { ...branding, displayName: 'Acme\nPartners' },
    );
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe('We have received your application to Acme Partners');
  });

  it('refuses links that are not http(s)', () => {
    expect(() =>
      renderMail('password_reset', 'en', { link: 'javascript:alert(1)', expiresInHours: 1 }, branding),
    ).toThrow(/http\(s\)/);
    expect(() =>
      renderMail('partner_approved', 'ru', { partnerName: 'X', link: 'data:text/html,<script>1</script>' }, branding),
    ).toThrow(/http\(s\)/);
    expect(() =>
      renderMail('unlock', 'en', { link: '/relative/path', expiresInHours: 1, failedAttempts: 3 }, branding),
    ).toThrow(/absolute/);
  });

  it('picks readable button text for a light brand colour and leaves the footer out without a support address', () => {
    const light = renderMail('partner_approved', 'en', SAMPLE.partner_approved, {
      displayName: 'Sunny',
      primaryColor: '#fde047',
      supportEmail: null,
    });
    expect(light.html).toMatch(/color:#111827;text-decoration:none/);
    expect(light.html).not.toContain('mailto:');
    expect(light.text).not.toContain('Questions?');
    expect(render('partner_approved', 'en').html).toMatch(/color:#ffffff;text-decoration:none/);
  });

  it('checks params per template at compile time', () => {
    // @ts-expect-error: `invite` needs inviterName, partnerName, link and expiresInHours
    expect(() => renderMail('invite', 'en', { partnerName: 'X' }, branding)).toThrow();
    renderMail(
      'unlock',
      'en',
      // @ts-expect-error: `unlock` has no partnerName
      { link: 'https://x.example', expiresInHours: 1, failedAttempts: 1, partnerName: 'X' },
      branding,
    );
  });
});
