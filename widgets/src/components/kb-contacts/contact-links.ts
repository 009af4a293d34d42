/**
 * The only links the Contacts screens render: `mailto:` for an e-mail address, `https://t.me/…`
 * for a Telegram username and `https://wa.me/…` for a WhatsApp number, each built here from the
 * handle. The server's own `url` is not used as an href: a handle that does not have the expected
 * shape is shown as text, so nothing typed by anyone becomes something to click.
 */

export interface ContactMessenger {
  kind: 'telegram' | 'whatsapp' | 'skype' | 'other';
  handle: string;
}

const TELEGRAM = /^@([A-Za-z][A-Za-z0-9_]{4,31})$/;
const WHATSAPP = /^\+([1-9][0-9]{6,14})$/;
const EMAIL = /^[^\s@<>"'()\\,;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** The messenger's link, or null (Skype, other, or a handle of the wrong shape). */
export function messengerHref(messenger: ContactMessenger): string | null {
  if (messenger.kind === 'telegram') {
    const name = TELEGRAM.exec(messenger.handle)?.[1];
    return name ? `https://t.me/${name}` : null;
  }
  if (messenger.kind === 'whatsapp') {
    const digits = WHATSAPP.exec(messenger.handle)?.[1];
    return digits ? `https://wa.me/${digits}` : null;
  }
  return null;
}

/** `mailto:` for a plain address, or null. */
export function mailHref(email: string | null | undefined): string | null {
  return email && EMAIL.test(email) ? `mailto:${email}` : null;
}

/** Words in the user's language, else English, else any. */
export function localized(text: { en?: string; ru?: string }, locale: 'en' | 'ru'): string {
  return text[locale] || text.en || text.ru || '';
}

/** Up to two initials of a name, for the avatar without a photo ("Anna Petrova" → "AP"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w][0]!.toUpperCase()).join('');
}
