/**
 * An event's details as sentences in the partner's language, one per fact the server recorded
 * (core/modules/identity: the `detail` each caller of auditStatement/recordAudit writes). Ids
 * (sessions, referrers) are for the program team, not for people reading the log: never shown.
 * Keys this file does not know are never printed raw: an event with only those reads "Other
 * details were recorded." A type the server adds later still shows its label and that sentence.
 */
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import type { ActivityEntry } from '../../internal/account/account-types.ts';
import type { ActivityKey } from './kb-activity.messages.ts';
import { formatAmount } from '../../internal/statistics/format.ts';

export interface DetailText {
  locale: Locale;
  m(key: ActivityKey, params?: MessageParams): string;
}

/** Keys that are recorded for the program team and say nothing a partner acts on. */
const SILENT = new Set(['sessionId', 'referrerPartnerId', 'decision', 'termsAcceptedAt', 'components', 'action']);

const PARTNER_STATUSES = ['pending', 'active', 'rejected', 'blocked'] as const;
const ROLES = ['owner', 'admin', 'analyst', 'finance'] as const;
const PROFILE_FIELDS = ['name', 'messenger', 'phone', 'locale', 'defaultCurrency', 'emailPreferences'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function countryName(locale: Locale, code: unknown): string | null {
  if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) return null;
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The sentences for one event (empty when it recorded nothing worth saying). */
export function activitySentences(text: DetailText, event: Pick<ActivityEntry, 'type' | 'detail'>): string[] {
  const { m } = text;
  const d = event.detail ?? {};
  const used = new Set<string>(SILENT);
  const out: string[] = [];
  const take = (key: string) => {
    used.add(key);
    return d[key];
  };
  const status = (value: unknown) => (isOneOf(PARTNER_STATUSES, value) ? m(`status.${value}`) : null);
  const role = (value: unknown) => (isOneOf(ROLES, value) ? m(`role.${value}`) : null);

  switch (event.type) {
    case 'signed_up': {
      const country = countryName(text.locale, take('country'));
      if (country) out.push(m('detail.country', { country }));
      if (take('termsUrl')) out.push(m('detail.termsAccepted'));
      break;
    }
    case 'partner_approved':
    case 'partner_rejected':
    case 'partner_blocked':
    case 'member_role_changed': {
      const label = event.type === 'member_role_changed' ? role : status;
      const from = label(take('from'));
      const to = label(take('to'));
      const what = event.type === 'member_role_changed' ? 'role' : 'status';
      if (from && to) out.push(m(`detail.${what}Changed`, { from, to }));
      else if (to) out.push(m(`detail.${what}Now`, { to }));
      break;
    }
    case 'signed_in':
      if (take('via') === 'embed') out.push(m('detail.viaEmbed'));
      break;
    case 'sign_in_failed': {
      const reason = take('reason');
      if (reason === 'unknown_email') out.push(m('detail.unknownEmail'));
      else if (reason === 'password') out.push(m('detail.wrongPassword'));
      else if (reason === 'two_factor') out.push(m('detail.wrongCode'));
      const failures = count(take('failures'));
      if (failures !== null) out.push(m('detail.failures', { count: failures }));
      break;
    }
    case 'user_locked': {
      const failures = count(take('failures'));
      out.push(failures !== null ? m('detail.lockedAfter', { count: failures }) : m('detail.locked'));
      break;
    }
    case 'user_unlocked': {
      const via = take('via');
      if (via === 'email_link') out.push(m('detail.unlockedByLink'));
      else if (via === 'operator') out.push(m('detail.unlockedByOperator'));
      else if (via === 'team') out.push(m('detail.unlockedByTeam'));
      break;
    }
    case 'password_reset': {
      const stage = take('stage');
      if (stage === 'requested') out.push(m('detail.resetRequested'));
      else if (stage === 'completed') out.push(m('detail.resetCompleted'));
      if (take('sessionsEnded') === true) out.push(m('detail.sessionsEnded'));
      break;
    }
    case 'password_set':
      if (take('via') === 'invitation') out.push(m('detail.passwordFromInvite'));
      break;
    case 'session_terminated': {
      const others = count(take('count'));
      if (take('allOthers') === true) out.push(m('detail.signedOutOthers', { count: others ?? 0 }));
      else if (take('signOut') === true) out.push(m('detail.signedOut'));
      else if (d.signOut === false) out.push(m('detail.endedOtherSession'));
      break;
    }
    case 'member_invited': {
      const invitedAs = role(take('role'));
      if (invitedAs) out.push(m('detail.invitedAs', { role: invitedAs }));
      break;
    }
    case 'profile_updated': {
      const fields = take('fields');
      const names = Array.isArray(fields) ? fields.filter((f) => isOneOf(PROFILE_FIELDS, f)) : [];
      if (names.length) {
        const list = new Intl.ListFormat(text.locale, { type: 'conjunction' });
        out.push(m('detail.profileFields', { fields: list.format(names.map((f) => m(`field.${f}`))) }));
      }
      break;
    }
    case 'payment_method_added':
    case 'payment_method_deleted': {
      // core/modules/payments records the method's name and the account as it reads masked.
      const method = take('method');
      const account = take('account');
      if (typeof method === 'string' && typeof account === 'string')
        out.push(m('detail.paymentAccount', { method, account }));
      break;
    }
    case 'balance_corrected': {
      // core/modules/wallet records the action, the amount (a decimal string), its currency and the comment.
      const amount = take('amount');
      const currency = take('currency');
      const action = d.action;
      if (typeof amount === 'string' && typeof currency === 'string' && (action === 'add' || action === 'subtract')) {
        const words = formatAmount(text.locale, currency, amount);
        out.push(m(action === 'add' ? 'detail.balanceAdded' : 'detail.balanceSubtracted', { amount: words }));
      }
      const comment = take('comment');
      if (typeof comment === 'string' && comment) out.push(m('detail.comment', { comment }));
      break;
    }
    default:
      break;
  }
  const unknown = Object.keys(d).some((key) => !used.has(key));
  if (out.length === 0 && unknown) out.push(m('detail.other'));
  return out;
}
