/**
 * Messenger handles: each kind is checked and normalised on the way in, and only Telegram and
 * WhatsApp get a link, built here from the normalised handle (https://t.me/<name>,
 * https://wa.me/<digits>). Nothing a user typed is ever used as a link as it was typed, so a
 * `javascript:` or look-alike address cannot reach a partner's screen as something to click.
 */
import type { FieldProblem } from '../../lib/errors.ts';
import type { MessengerKind, StoredMessenger } from './table.ts';

/** A Telegram username: 5 to 32 Latin letters, digits or _, starting with a letter. */
const TELEGRAM_USERNAME = /^[A-Za-z][A-Za-z0-9_]{4,31}$/;
/** A Skype name (a letter then 5 to 31 of letters, digits . , _ -) or a Microsoft account's `live:` id. */
const SKYPE_NAME = /^(live:[A-Za-z0-9._-]{1,64}|[A-Za-z][A-Za-z0-9.,_-]{5,31})$/;
/** A phone number in international form: 7 to 15 digits (E.164) with optional +, spaces, dashes, brackets, dots. */
const PHONE_CHARACTERS = /^\+?[0-9 ().-]+$/;

export const MAX_MESSENGERS = 6;
export const MAX_OTHER_HANDLE = 100;

/** A messenger as answered: the normalised handle and its link (null when the kind has none). */
export interface PresentedMessenger extends StoredMessenger {
  url: string | null;
}

type Normalised = { ok: true; handle: string } | { ok: false; problem: Omit<FieldProblem, 'path'> };

/** The handle in its one stored form, or why it is refused. */
export function normaliseHandle(kind: MessengerKind, raw: string): Normalised {
  const value = raw.trim();
  if (!value) return { ok: false, problem: { reason: 'required', message: 'is required' } };
  switch (kind) {
    case 'telegram': {
      const name = value.replace(/^(https?:\/\/)?(t\.me|telegram\.me)\//i, '').replace(/^@/, '');
      return TELEGRAM_USERNAME.test(name)
        ? { ok: true, handle: `@${name}` }
        : {
            ok: false,
            problem: {
              reason: 'invalid_format',
              params: { format: 'telegram_username' },
              message: 'is not a Telegram username (@ and 5 to 32 Latin letters, digits or _, starting with a letter)',
            },
          };
    }
    case 'whatsapp': {
      const digits = value.replace(/[^0-9]/g, '');
      return PHONE_CHARACTERS.test(value) && digits.length >= 7 && digits.length <= 15 && digits[0] !== '0'
        ? { ok: true, handle: `+${digits}` }
        : {
            ok: false,
            problem: {
              reason: 'invalid_format',
              params: { format: 'phone' },
              message: 'is not a phone number in international form (country code and 7 to 15 digits)',
            },
          };
    }
    case 'skype':
      return SKYPE_NAME.test(value)
        ? { ok: true, handle: value }
        : {
            ok: false,
            problem: {
              reason: 'invalid_format',
              params: { format: 'skype_name' },
              message: 'is not a Skype name (6 to 32 characters starting with a letter, or live:…)',
            },
          };
    case 'other':
      return value.length <= MAX_OTHER_HANDLE
        ? { ok: true, handle: value }
        : {
            ok: false,
            problem: {
              reason: 'too_long',
              params: { maximum: MAX_OTHER_HANDLE },
              message: `is longer than ${MAX_OTHER_HANDLE} characters`,
            },
          };
  }
}

/**
 * The messengers normalised (duplicates after normalising dropped), or every refused handle as a
 * field problem under `${path}.<index>.handle`.
 */
export function normaliseMessengers(
  path: string,
  messengers: ReadonlyArray<{ kind: MessengerKind; handle: string }>,
): { messengers: StoredMessenger[]; problems: FieldProblem[] } {
  const out: StoredMessenger[] = [];
  const problems: FieldProblem[] = [];
  messengers.forEach((m, index) => {
    const result = normaliseHandle(m.kind, m.handle);
    if (!result.ok) problems.push({ path: `${path}.${index}.handle`, params: {}, ...result.problem });
    else if (!out.some((o) => o.kind === m.kind && o.handle.toLowerCase() === result.handle.toLowerCase()))
      out.push({ kind: m.kind, handle: result.handle });
  });
  return { messengers: out, problems };
}

/** The link of a stored (normalised) handle: t.me and wa.me only. */
export function messengerUrl(messenger: StoredMessenger): string | null {
  if (messenger.kind === 'telegram' && TELEGRAM_USERNAME.test(messenger.handle.slice(1)))
    return `https://t.me/${messenger.handle.slice(1)}`;
  if (messenger.kind === 'whatsapp' && /^\+[1-9][0-9]{6,14}$/.test(messenger.handle))
    return `https://wa.me/${messenger.handle.slice(1)}`;
  return null;
}

export const presentMessengers = (messengers: StoredMessenger[]): PresentedMessenger[] =>
  messengers.map((m) => ({ kind: m.kind, handle: m.handle, url: messengerUrl(m) }));
