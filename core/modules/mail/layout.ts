/**
 * The one email layout every template shares: a branded card in HTML (inline styles, tables:
 * mail clients ignore <style> and flexbox) and the same content as plain text. Everything a
 * template passes in is text; this file is the only place that turns it into markup.
 */
import type { OperatorBranding } from '../operators/service.ts';

export const MAIL_LOCALES = ['en', 'ru'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

export type MailBranding = Pick<OperatorBranding, 'displayName' | 'primaryColor' | 'supportEmail'>;

/** What a template says, as plain strings; the layout decides how it looks. */
export interface MailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the button: how long a link lasts, what to do if this was not you. */
  notes?: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Links in emails come from our own code, but a `javascript:` or `data:` URL in a mail is never
 * intended, so it fails loudly instead of reaching someone's inbox.
 */
export function safeLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Error(`Mail links must be absolute http(s) URLs, got "${link}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`Mail links must be http(s), got "${url.protocol}"`);
  return url.href;
}

const DEFAULT_COLOR = '#2563eb';

/** Branding is operator input: only a hex colour may reach a style attribute. */
function buttonColors(primary: string): { background: string; foreground: string } {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(primary) ? primary : DEFAULT_COLOR;
  const full = hex.length === 4 ? hex.slice(1).replace(/./g, (c) => c + c) : hex.slice(1);
  const channel = (i: number) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // A light brand colour (yellow, mint) needs dark text to stay readable.
  return { background: hex, foreground: luminance > 0.45 ? '#111827' : '#ffffff' };
}

/** Subjects become a header line: no line breaks or runs of spaces from names. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

const CHROME: Record<MailLocale, { fallback: string; support: (email: string) => string; automated: string }> = {
  en: {
    fallback: 'If the button does not work, copy this link into your browser:',
    support: (email) => `Questions? Write to us at ${email}`,
    automated: 'This is an automated message; replies to it are not read.',
  },
  ru: {
    fallback: 'Если кнопка не работает, скопируйте ссылку в адресную строку браузера:',
    support: (email) => `Остались вопросы? Напишите нам: ${email}`,
    automated: 'Это автоматическое письмо, отвечать на него не нужно.',
  },
};

function renderText(content: MailContent, branding: MailBranding, locale: MailLocale): string {
  const chrome = CHROME[locale];
  const lines = [content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  if (content.action) lines.push(`${content.action.label}:`, content.action.url, '');
  for (const note of content.notes ?? []) lines.push(note, '');
  lines.push('-- ', branding.displayName); // "-- " is the standard signature separator mail clients fold away
  if (branding.supportEmail) lines.push(chrome.support(branding.supportEmail));
  lines.push(chrome.automated);
  return lines.join('\n') + '\n';
}

const paragraph = (text: string) =>
  `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1f2937">${escapeHtml(text)}</p>`;
/** Takes markup: callers escape what goes in. */
const small = (html: string) => `<p style="margin:0 0 12px;font-size:13px;line-height:20px;color:#6b7280">${html}</p>`;

function renderHtml(content: MailContent, branding: MailBranding, locale: MailLocale): string {
  const chrome = CHROME[locale];
  const colors = buttonColors(branding.primaryColor);
  const font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
  const action = content.action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px"><tr><td style="border-radius:6px;background:${colors.background}">` +
      `<a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 24px;font-size:16px;font-weight:600;color:${colors.foreground};text-decoration:none;border-radius:6px">${escapeHtml(content.action.label)}</a>` +
      `</td></tr></table>`
    : '';
  const fallback = content.action
    ? small(
        `${escapeHtml(chrome.fallback)}<br><a href="${escapeHtml(content.action.url)}" style="color:${colors.background};word-break:break-all">${escapeHtml(content.action.url)}</a>`,
      )
    : '';
  const support = branding.supportEmail
    ? small(
        escapeHtml(chrome.support(branding.supportEmail)).replace(
          escapeHtml(branding.supportEmail),
          // A function, so a `$` in the address is not read as a replacement pattern.
          () =>
            `<a href="mailto:${escapeHtml(encodeURI(branding.supportEmail ?? ''))}" style="color:#6b7280">${escapeHtml(branding.supportEmail ?? '')}</a>`,
        ),
      )
    : '';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;${font}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:4px solid ${colors.background}">
<tr><td style="padding:32px 32px 8px;${font}">
<p style="margin:0 0 24px;font-size:14px;font-weight:600;color:${colors.background}">${escapeHtml(branding.displayName)}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:28px;color:#111827">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map(paragraph).join('\n')}
${action}
${(content.notes ?? []).map((note) => small(escapeHtml(note))).join('\n')}
${fallback}
</td></tr>
<tr><td style="padding:16px 32px 32px;border-top:1px solid #e5e7eb;${font}">
${small(escapeHtml(branding.displayName))}
${support}
${small(escapeHtml(chrome.automated))}
</td></tr>
</table>
</td></tr></table>
</body></html>
`;
}

export function renderLayout(content: MailContent, branding: MailBranding, locale: MailLocale): RenderedMail {
  const checked = content.action
    ? { ...content, action: { ...content.action, url: safeLink(content.action.url) } }
    : content;
  return {
    subject: oneLine(checked.subject),
    text: renderText(checked, branding, locale),
    html: renderHtml(checked, branding, locale),
  };
}

/** Counted words ("3 hours", "3 часа"): Russian has three plural forms, so Intl picks the form. */
export function plural(
  locale: MailLocale,
  n: number,
  forms: { one: string; few?: string; many?: string; other: string },
): string {
  const category = new Intl.PluralRules(locale).select(n);
  const form =
    category === 'one' ? forms.one : category === 'few' ? forms.few : category === 'many' ? forms.many : undefined;
  return `${n} ${form ?? forms.other}`;
}

/** How long a link lasts; whole days read better than "72 hours". */
export function formatDuration(locale: MailLocale, hours: number): string {
  const days = hours >= 48 && hours % 24 === 0 ? hours / 24 : null;
  if (locale === 'ru') {
    return days !== null
      ? plural('ru', days, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })
      : plural('ru', hours, { one: 'час', few: 'часа', many: 'часов', other: 'часа' });
  }
  return days !== null
    ? plural('en', days, { one: 'day', other: 'days' })
    : plural('en', hours, { one: 'hour', other: 'hours' });
}
