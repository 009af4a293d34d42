/**
 * Lucky Spin's extra sign-up fields, defined through the registration-fields module as the console
 * defines them: the main traffic source (a required choice), the website or channel (optional
 * text) and the newsletter opt-in (a checkbox), and the demo partners' answers, so the partners
 * console shows sign-up answers and the profile has them to edit.
 */
import { eq } from 'drizzle-orm';
import { withTenant, type TenantContext } from '../core/lib/context.ts';
import { insertMany } from '../core/db/insert-many.ts';
import { partners } from '../core/modules/identity/table.ts';
import { createRegistrationField } from '../core/modules/registration-fields/service.ts';
import { registrationFieldValues } from '../core/modules/registration-fields/table.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import type { SeedDeps } from './seed-postbacks.ts';

const TRAFFIC_SOURCES = [
  { value: 'seo', label: { en: 'SEO and review sites', ru: 'SEO и сайты-обзоры' } },
  { value: 'social', label: { en: 'Social media', ru: 'Социальные сети' } },
  { value: 'ppc', label: { en: 'Paid search (PPC)', ru: 'Контекстная реклама' } },
  { value: 'streaming', label: { en: 'Streaming', ru: 'Стримы' } },
  { value: 'email', label: { en: 'E-mail marketing', ru: 'E-mail-рассылки' } },
];

export const DEMO_REGISTRATION_FIELDS = [
  {
    key: 'traffic_source',
    label: { en: 'Main traffic source', ru: 'Основной источник трафика' },
    kind: 'select' as const,
    options: TRAFFIC_SOURCES,
    required: true,
    active: true,
  },
  {
    key: 'website_url',
    label: { en: 'Website or channel URL', ru: 'Адрес сайта или канала' },
    kind: 'text' as const,
    options: [],
    required: false,
    active: true,
  },
  {
    key: 'newsletter',
    label: { en: 'I agree to receive the program newsletter', ru: 'Я согласен получать рассылку программы' },
    kind: 'checkbox' as const,
    options: [],
    required: false,
    active: true,
  },
];

/** Defines Lucky Spin's fields and answers them for each of its partners (the pending sign-ups too). */
export async function seedRegistrationFields(ctx: SeedDeps): Promise<void> {
  const demo = DEMO_OPERATORS[0]!;
  const tenant = withTenant(ctx as unknown as TenantContext, demo.id);
  for (const field of DEMO_REGISTRATION_FIELDS) await createRegistrationField(tenant, field);
  const rows = await ctx.db
    .select({ id: partners.id, name: partners.name, createdAt: partners.createdAt })
    .from(partners)
    .where(eq(partners.operatorId, demo.id));
  await insertMany(
    ctx.db,
    registrationFieldValues,
    rows.flatMap((partner, i) => {
      const answer = (key: string, value: string) => ({
        operatorId: demo.id,
        partnerId: partner.id,
        key,
        value,
        updatedAt: partner.createdAt,
      });
      const site = `https://${partner.name.toLowerCase().replace(/[^a-z0-9]+/g, '') || `partner${i}`}.example`;
      return [
        answer('traffic_source', TRAFFIC_SOURCES[i % TRAFFIC_SOURCES.length]!.value),
        // Every third partner left the optional URL empty; the opt-in alternates.
        ...(i % 3 === 2 ? [] : [answer('website_url', site)]),
        answer('newsletter', i % 2 === 0 ? 'true' : 'false'),
      ];
    }),
  );
}
