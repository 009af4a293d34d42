/** I/O contracts of contacts: brand and program contact cards, managers, a partner's manager and the partner's view. */
import { z } from '@hono/zod-openapi';
import { MESSENGER_KINDS } from './table.ts';
import { MAX_MESSENGERS } from './messengers.ts';

const MessengerInputSchema = z
  .object({
    kind: z.enum(MESSENGER_KINDS),
    handle: z
      .string()
      .max(200)
      .openapi({
        description:
          'telegram: a username (`@name`, `name` or `https://t.me/name`); whatsapp: a phone number in international ' +
          'form (`+49 30 1234567`); skype: a Skype name or `live:` id; other: any text up to 100 characters (shown, never linked)',
        example: '@luckyspin_support',
      }),
  })
  .strict()
  .openapi('MessengerInput');

const MessengersInput = z.array(MessengerInputSchema).max(MAX_MESSENGERS).default([]);

export const MessengerSchema = z
  .object({
    kind: z.enum(MESSENGER_KINDS),
    handle: z.string().openapi({ description: 'Normalised: `@name` (Telegram), `+4930123456` (WhatsApp)' }),
    url: z.string().nullable().openapi({
      description: 'Built from the handle: `https://t.me/<name>` or `https://wa.me/<digits>`; null for other kinds',
      example: 'https://t.me/luckyspin_support',
    }),
  })
  .openapi('Messenger');

const LocalizedTextInput = (max: number) =>
  z
    .object({ en: z.string().trim().max(max).optional(), ru: z.string().trim().max(max).optional() })
    .strict()
    .default({});

export const LocalizedTextSchema = z
  .object({ en: z.string().optional(), ru: z.string().optional() })
  .openapi('LocalizedText', { description: 'Words per locale; a partner sees theirs, else the English, else any' });

export const SetContactCardSchema = z
  .object({
    supportEmail: z.email().max(254).nullable().default(null),
    messengers: MessengersInput,
    hours: LocalizedTextInput(120).openapi({ example: { en: 'Mon–Fri 09:00–18:00 CET', ru: 'Пн–Пт 09:00–18:00 CET' } }),
    note: LocalizedTextInput(500),
  })
  .strict()
  .openapi('SetContactCard');
export type SetContactCardInput = z.infer<typeof SetContactCardSchema>;

export const ContactCardSchema = z
  .object({
    supportEmail: z.string().nullable(),
    messengers: z.array(MessengerSchema),
    hours: LocalizedTextSchema,
    note: LocalizedTextSchema,
    updatedAt: z.string(),
  })
  .openapi('ContactCard');

export const ContactsOverviewSchema = z
  .object({
    program: ContactCardSchema.nullable().openapi({ description: 'The program-wide default; null when not set' }),
    brands: z.array(
      z.object({
        brandId: z.string(),
        brandName: z.string(),
        contacts: ContactCardSchema.nullable().openapi({ description: 'null: partners see the program default' }),
      }),
    ),
  })
  .openapi('ContactsOverview');

const ManagerName = z.string().trim().min(1).max(100);
const Languages = z
  .array(z.string().regex(/^[a-z]{2}$/))
  .max(10)
  .openapi({ description: 'Two-letter codes of the languages the manager speaks', example: ['en', 'ru'] });

export const CreateManagerSchema = z
  .object({
    name: ManagerName,
    email: z.email().max(254),
    messengers: MessengersInput,
    languages: Languages.default([]),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('CreateManager');
export type CreateManagerInput = z.infer<typeof CreateManagerSchema>;

export const UpdateManagerSchema = z
  .object({
    name: ManagerName.optional(),
    email: z.email().max(254).optional(),
    messengers: z.array(MessengerInputSchema).max(MAX_MESSENGERS).optional(),
    languages: Languages.optional(),
    active: z.boolean().optional().openapi({ description: 'An inactive manager is not shown to partners' }),
  })
  .strict()
  .openapi('UpdateManager');
export type UpdateManagerInput = z.infer<typeof UpdateManagerSchema>;

export const ManagerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    messengers: z.array(MessengerSchema),
    languages: z.array(z.string()),
    photoUrl: z.string().nullable().openapi({
      description: 'Public, unguessable address of the photo (changes with every upload); null without a photo',
    }),
    active: z.boolean(),
    partnerCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Manager');
export type Manager = z.infer<typeof ManagerSchema>;

export const ManagerListSchema = z.object({ items: z.array(ManagerSchema) }).openapi('ManagerList');

export const DeletedManagerSchema = z
  .object({ id: z.string(), unassignedPartners: z.number().int() })
  .openapi('DeletedManager', { description: 'The partners it had no longer have a manager' });

export const AssignManagerSchema = z
  .object({
    managerId: z.string().min(3).max(64).nullable().openapi({ description: 'null: the partner has no manager' }),
  })
  .strict()
  .openapi('AssignManager');

export const PartnerManagerSchema = z
  .object({ partnerId: z.string(), manager: ManagerSchema.nullable() })
  .openapi('PartnerManager');

export const PartnerContactsSchema = z
  .object({
    manager: z
      .object({
        name: z.string(),
        email: z.string(),
        messengers: z.array(MessengerSchema),
        languages: z.array(z.string()),
        photoUrl: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: 'The partner’s manager; null when none is assigned (or theirs is inactive)' }),
    brands: z.array(
      z.object({
        brandId: z.string(),
        brandName: z.string(),
        supportEmail: z.string().nullable(),
        messengers: z.array(MessengerSchema),
        hours: LocalizedTextSchema,
        note: LocalizedTextSchema,
      }),
    ),
    program: z
      .object({
        supportEmail: z.string().nullable(),
        messengers: z.array(MessengerSchema),
        hours: LocalizedTextSchema,
        note: LocalizedTextSchema,
      })
      .nullable(),
  })
  .openapi('PartnerContacts');

export const PhotoParams = z.object({
  operatorId: z
    .string()
    .min(3)
    .max(64)
    .openapi({ param: { name: 'operatorId', in: 'path' } }),
  managerId: z
    .string()
    .min(3)
    .max(64)
    .openapi({ param: { name: 'managerId', in: 'path' } }),
  photoVersion: z
    .string()
    .min(3)
    .max(64)
    .openapi({ param: { name: 'photoVersion', in: 'path' } }),
});
