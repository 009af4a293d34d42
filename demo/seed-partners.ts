/**
 * Fresh sign-ups waiting for the Lucky Spin operator's decision, beside the older accounts in every
 * status seed.ts makes (active, pending, rejected, blocked): what the console's Partners panel opens
 * on. One has a Cyrillic name (search finds it in any usual case). Referred sign-ups come from
 * seed-subaffiliates.ts (the demo partner's sub-affiliate tree).
 */
import type { StoreContext } from '../core/lib/context.ts';
import { newId } from '../core/lib/ids.ts';
import { insertMany } from '../core/db/insert-many.ts';
import { auditEvents, partners, users } from '../core/modules/identity/table.ts';
import { hashPassword } from '../core/modules/identity/passwords.ts';
import { newReferralCode } from '../core/modules/identity/sign-up.ts';

export interface PendingSignUp {
  company: string;
  owner: string;
  email: string;
  country: string;
  locale: 'en' | 'ru';
  messenger: string;
  /** Hours before the seed's "now". */
  hoursAgo: number;
}

export const PENDING_SIGN_UPS: readonly PendingSignUp[] = [
  {
    company: 'Азарт Медиа',
    owner: 'Айгерим Сарсенова',
    email: 'aigerim@azart-media.example',
    country: 'KZ',
    locale: 'ru',
    messenger: 'Telegram @azart_media',
    hoursAgo: 5,
  },
  {
    company: 'Bet Insider Brasil',
    owner: 'Lucas Almeida',
    email: 'lucas@betinsider.example',
    country: 'BR',
    locale: 'en',
    messenger: 'WhatsApp +55 11 91234 5678',
    hoursAgo: 29,
  },
];

/** Inserts the sign-ups as pending partners with their owners and "signed up" events; returns their ids. */
export async function seedPendingSignUps(
  ctx: StoreContext,
  input: { operatorId: string; password: string; signUps: readonly PendingSignUp[] },
): Promise<string[]> {
  const now = ctx.clock.now().getTime();
  const passwordHash = await hashPassword(input.password);
  const rows = input.signUps.map((s) => {
    const createdAt = new Date(now - s.hoursAgo * 3_600_000);
    const partnerId = newId('partner', ctx.clock);
    const userId = newId('user', ctx.clock);
    return {
      partner: {
        id: partnerId,
        operatorId: input.operatorId,
        name: s.company,
        company: s.company,
        country: s.country,
        status: 'pending' as const,
        referralCode: newReferralCode(),
        createdAt,
      },
      user: {
        id: userId,
        operatorId: input.operatorId,
        partnerId,
        email: s.email,
        name: s.owner,
        role: 'owner' as const,
        locale: s.locale,
        messenger: s.messenger,
        passwordHash,
        createdAt,
      },
      event: {
        id: newId('evt', ctx.clock),
        operatorId: input.operatorId,
        partnerId,
        userId,
        actorKind: 'user' as const,
        actorUserId: userId,
        type: 'signed_up',
        detail: { country: s.country },
        ip: '203.0.113.24',
        createdAt,
      },
    };
  });
  await insertMany(
    ctx.db,
    partners,
    rows.map((r) => r.partner),
  );
  await insertMany(
    ctx.db,
    users,
    rows.map((r) => r.user),
  );
  await insertMany(
    ctx.db,
    auditEvents,
    rows.map((r) => r.event),
  );
  return rows.map((r) => r.partner.id);
}
