/**
 * Lucky Spin's contacts, through the contacts module's operations as the operator's console would
 * make them: the program-wide support card, a card per brand, three affiliate managers (with
 * generated PNG photos when the seed has a file store; initials otherwise), and the demo partner
 * given Anna as their manager.
 */
import { withTenant } from '../core/lib/context.ts';
import type { FileStore } from '../core/lib/file-store.ts';
import { setContactCard } from '../core/modules/contacts/contact-cards.ts';
import { assignManager } from '../core/modules/contacts/assignments.ts';
import { createManager, setManagerPhoto } from '../core/modules/contacts/managers.ts';
import { avatarPng } from './avatar-png.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import type { SeedDeps } from './seed-postbacks.ts';

const HOURS = { en: 'Mon–Fri 09:00–18:00 CET', ru: 'Пн–Пт 09:00–18:00 CET' };

const MANAGERS = [
  {
    name: 'Anna Petrova',
    email: 'anna.petrova@luckyspin.example',
    languages: ['en', 'ru'],
    messengers: [
      { kind: 'telegram' as const, handle: '@anna_luckyspin' },
      { kind: 'whatsapp' as const, handle: '+356 9912 3456' },
    ],
    colours: [
      [124, 58, 237],
      [219, 39, 119],
    ] as const,
  },
  {
    name: 'Daniel Meyer',
    email: 'daniel.meyer@luckyspin.example',
    languages: ['en', 'de'],
    messengers: [
      { kind: 'skype' as const, handle: 'live:daniel.luckyspin' },
      { kind: 'telegram' as const, handle: '@daniel_luckyspin' },
    ],
    colours: [
      [14, 116, 144],
      [22, 163, 74],
    ] as const,
  },
  {
    name: 'Sofia Marin',
    email: 'sofia.marin@luckyspin.example',
    languages: ['en', 'es'],
    messengers: [{ kind: 'whatsapp' as const, handle: '+34 612 345 678' }],
    colours: [
      [234, 88, 12],
      [202, 138, 4],
    ] as const,
  },
];

export async function seedContacts(ctx: SeedDeps & { files?: FileStore | undefined }): Promise<void> {
  const demo = DEMO_OPERATORS[0]!;
  const tenant = withTenant({ ...ctx, maxBoundParams: 100 }, demo.id);
  await setContactCard(tenant, {
    brandId: null,
    supportEmail: demo.branding.supportEmail ?? 'partners@luckyspin.example',
    messengers: [{ kind: 'telegram', handle: '@luckyspin_partners' }],
    hours: HOURS,
    note: {
      en: 'Payments and bills: write from the e-mail your account is registered with.',
      ru: 'Выплаты и счета: пишите с почты, на которую зарегистрирован аккаунт.',
    },
  });
  const [casino, sport, crypto] = demo.brands;
  await setContactCard(tenant, {
    brandId: casino!.id,
    supportEmail: 'casino.affiliates@luckyspin.example',
    messengers: [
      { kind: 'telegram', handle: '@luckyspin_casino_aff' },
      { kind: 'whatsapp', handle: '+356 2778 1000' },
    ],
    hours: { en: 'Every day 08:00–22:00 CET', ru: 'Ежедневно 08:00–22:00 CET' },
    note: { en: 'Creatives and landing pages on request.', ru: 'Креативы и лендинги — по запросу.' },
  });
  await setContactCard(tenant, {
    brandId: sport!.id,
    supportEmail: 'sport.affiliates@luckyspin.example',
    messengers: [{ kind: 'telegram', handle: '@luckyspin_sport_aff' }],
    hours: HOURS,
    note: {},
  });
  if (crypto) {
    await setContactCard(tenant, {
      brandId: crypto.id,
      supportEmail: 'crypto.affiliates@luckyspin.example',
      messengers: [{ kind: 'other', handle: 'Discord: luckyspin-crypto' }],
      hours: { en: '24/7' },
      note: {},
    });
  }
  const ids: string[] = [];
  for (const manager of MANAGERS) {
    const { colours, ...input } = manager;
    const created = await createManager(tenant, { ...input, active: true });
    ids.push(created.id);
    if (ctx.files) {
      const initials = input.name
        .split(' ')
        .map((w) => w[0])
        .join('');
      await setManagerPhoto(
        { ...tenant, files: ctx.files },
        { managerId: created.id, bytes: avatarPng(initials, colours[0], colours[1]), mime: 'image/png' },
      );
    }
  }
  await assignManager(tenant, { partnerId: demo.partnerId, managerId: ids[0]! });
}
