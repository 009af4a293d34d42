/** I/O contracts of identity and access: partner auth, profile, 2FA, sessions, team, events, embed sessions. */
import { z } from '@hono/zod-openapi';
import { CurrencySchema } from '../catalog/schemas.ts';
import { TermsToAcceptSchema } from '../terms/schemas.ts';
import { FieldValuesInputSchema } from '../registration-fields/schemas.ts';
import { USER_ROLES, PARTNER_STATUSES } from './table.ts';
import { likeFittingLength } from '../../lib/like-pattern.ts';

export const PASSWORD_MIN_LENGTH = 10;
const email = z
  .email('must be an email address like name@example.com')
  .max(254)
  .transform((v) => v.trim().toLowerCase());
const password = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(200);
/** TOTP codes are accepted as "123456" or "123 456" (authenticator apps show the space). */
export const TotpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{3}\s?\d{3}$/, 'must be the 6-digit code from your authenticator app');
/** Where a second factor is asked: a TOTP code, or one of the recovery codes (`abcde-fghij`). */
export const SecondFactorSchema = z
  .string()
  .trim()
  .regex(
    /^(\d{3}\s?\d{3}|[0-9A-Za-z]{5}-[0-9A-Za-z]{5})$/,
    'must be the 6-digit code from your authenticator app, or a recovery code',
  );
const token = z.string().min(20).max(200);

export const LOCALES = ['en', 'ru'] as const;
export const EMAIL_TOPICS = ['news', 'reports', 'payments', 'security'] as const;

export const SignUpSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    email,
    password,
    company: z.string().trim().max(120).optional(),
    messenger: z.string().trim().max(120).optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code like DE'),
    locale: z.enum(LOCALES).default('en'),
    acceptTerms: z
      .boolean()
      .optional()
      .openapi({
        description:
          "The partner accepts the operator's terms and conditions (`branding.termsUrl` of the portal config). " +
          'Required, and must be true, when the operator has terms (else a `must_accept` problem on this field); ' +
          'optional and ignored when it has none.',
      }),
    acceptTermsVersion: z
      .string()
      .max(64)
      .optional()
      .openapi({
        description:
          'The id of the terms version the partner read and accepted (`current.id` of GET /v1/public/operators/{operatorId}/terms). ' +
          'Required when the operator has published terms (`must_accept` when missing; `outdated` with `params.current` when ' +
          'the terms changed meanwhile); then `acceptTerms` is not needed.',
      }),
    fields: FieldValuesInputSchema.optional(),
    referralCode: z.string().trim().max(40).optional(),
    visitId: z
      .string()
      .trim()
      .max(64)
      .optional()
      .openapi({
        description:
          'The visit id of the tracking click that brought the sign-up (`kb_vid` in the sign-up page URL after a ' +
          "sub-affiliate promo link). Kept only when that click is the referrer's own; otherwise ignored silently.",
      }),
  })
  .strict()
  .openapi('SignUp');

export const SignUpResultSchema = z
  .object({
    partnerId: z.string(),
    status: z.enum(PARTNER_STATUSES),
    message: z.string(),
  })
  .openapi('SignUpResult');

export const SignInSchema = z
  .object({
    email,
    password: z.string().min(1).max(200),
    code: SecondFactorSchema.optional(),
    /** `cookie` for the hosted portal page (HttpOnly cookie); `bearer` for embedded widgets. */
    transport: z.enum(['bearer', 'cookie']).default('bearer'),
  })
  .strict()
  .openapi('SignIn');

export const UserSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    locale: z.enum(LOCALES),
    twoFactorEnabled: z.boolean(),
    blocked: z.boolean(),
    locked: z.boolean(),
    createdAt: z.string(),
    lastSignInAt: z.string().nullable(),
  })
  .openapi('User');

export const SessionResultSchema = z
  .object({
    /** Bearer token; null when the session travels in an HttpOnly cookie. */
    token: z.string().nullable(),
    expiresAt: z.string(),
    user: UserSchema,
    components: z.array(z.string()).nullable(),
    termsToAccept: TermsToAcceptSchema.optional().openapi({
      description: 'Password sign-in: terms to accept before anything else (null: none)',
    }),
  })
  .openapi('SessionResult');

export const TokenSchema = z.object({ token }).strict().openapi('OneTimeToken');
export const SetPasswordSchema = z.object({ token, password }).strict().openapi('SetPassword');
export const RequestResetSchema = z.object({ email }).strict().openapi('RequestPasswordReset');
export const AcceptedSchema = z.object({ message: z.string() }).openapi('Accepted');
export const ExchangeSchema = z.object({ clientSecret: token }).strict().openapi('ExchangeClientSecret');

export const ProfileSchema = z
  .object({
    user: UserSchema,
    partner: z.object({
      id: z.string(),
      name: z.string(),
      company: z.string().nullable(),
      country: z.string().nullable(),
      status: z.enum(PARTNER_STATUSES),
      referralCode: z.string(),
    }),
    messenger: z.string().nullable(),
    phone: z.string().nullable(),
    defaultCurrency: z.string(),
    emailPreferences: z.record(z.enum(EMAIL_TOPICS), z.boolean()),
    termsToAccept: TermsToAcceptSchema.optional().openapi({
      description: 'Terms to accept before anything else (null: none; every answer of this server has it)',
    }),
  })
  .openapi('Profile');

export const UpdateProfileSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    messenger: z.string().trim().max(120).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,24}$/, 'must be a phone number like +49 30 1234567')
      .nullable()
      .optional(),
    locale: z.enum(LOCALES).optional(),
    defaultCurrency: CurrencySchema.optional(),
    emailPreferences: z
      .object(
        Object.fromEntries(EMAIL_TOPICS.map((t) => [t, z.boolean().optional()])) as Record<
          (typeof EMAIL_TOPICS)[number],
          z.ZodOptional<z.ZodBoolean>
        >,
      )
      .strict()
      .optional(),
    company: z.string().trim().max(120).nullable().optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code like DE')
      .optional(),
  })
  .strict()
  .openapi('UpdateProfile');

export const TotpEnrolmentSchema = z
  .object({
    secret: z.string(),
    otpauthUri: z.string(),
    qrSvg: z.string(),
  })
  .openapi('TotpEnrolment');
export const TotpCodeBodySchema = z.object({ code: TotpCodeSchema }).strict().openapi('TotpCode');
export const SecondFactorBodySchema = z.object({ code: SecondFactorSchema }).strict().openapi('SecondFactorCode');
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }).openapi('RecoveryCodes');

export const SessionInfoSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['password', 'embed']),
    /** In English ("Chrome 124 on macOS (mobile)"), for API users; clients word browser, os and deviceType. */
    device: z.string(),
    browser: z.string().nullable(),
    os: z.string().nullable(),
    deviceType: z.enum(['mobile', 'tablet']).nullable(),
    ip: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    current: z.boolean(),
  })
  .openapi('SessionInfo');
export const SessionListSchema = z.object({ data: z.array(SessionInfoSchema) }).openapi('SessionList');
export const TerminatedSchema = z.object({ terminated: z.number().int() }).openapi('Terminated');

export const StatisticTokenSchema = z
  .object({
    token: z.string().nullable(),
    createdAt: z.string().nullable(),
  })
  .openapi('StatisticToken');

export const InviteSchema = z
  .object({
    email,
    name: z.string().trim().min(1).max(120),
    role: z.enum(USER_ROLES).exclude(['owner']),
    locale: z.enum(LOCALES).default('en'),
  })
  .strict()
  .openapi('Invite');
export const UpdateMemberSchema = z
  .object({
    role: z.enum(USER_ROLES).exclude(['owner']).optional(),
    blocked: z.boolean().optional(),
    /** Only `false` is accepted: a person unlocks; the system locks. */
    locked: z.literal(false, { error: 'can only be set to false (unlock)' }).optional(),
  })
  .strict()
  .openapi('UpdateMember');
export const MemberListSchema = z.object({ data: z.array(UserSchema) }).openapi('MemberList');

export const AUDIT_EVENT_TYPES = [
  'signed_up',
  'partner_approved',
  'partner_rejected',
  'partner_blocked',
  'signed_in',
  'sign_in_failed',
  'user_locked',
  'user_unlocked',
  'password_reset',
  'password_set',
  'two_factor_enabled',
  'two_factor_disabled',
  'recovery_code_used',
  'session_terminated',
  'statistic_token_rotated',
  'statistic_token_expired',
  'member_invited',
  'member_blocked',
  'member_unblocked',
  'member_role_changed',
  'profile_updated',
  'bill_approved',
  'bill_held',
  'bill_cancelled',
  'bill_paid',
  'bill_corrected',
  'balance_corrected',
  'payment_method_added',
  'payment_method_deleted',
  'cash_out_requested',
  'cash_out_cancelled',
  'cash_out_accepted',
  'cash_out_refunded',
  'cash_out_schedule_saved',
  'cash_out_schedule_deleted',
] as const;
export const ActivityEntrySchema = z
  .object({
    id: z.string(),
    type: z.enum(AUDIT_EVENT_TYPES),
    actor: z.object({
      kind: z.enum(['user', 'operator', 'system']),
      id: z.string().nullable(),
      email: z.string().nullable(),
    }),
    subject: z.object({ id: z.string().nullable(), email: z.string().nullable() }),
    detail: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ActivityEntry');
export const ActivityQuerySchema = z.object({
  type: z.enum(AUDIT_EVENT_TYPES).optional(),
  userId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(64).optional(),
});
export const ActivityListSchema = z
  .object({ data: z.array(ActivityEntrySchema), nextBefore: z.string().nullable() })
  .openapi('ActivityList');

export const EMBED_COMPONENTS = [
  'program',
  'profile',
  'security',
  'team',
  'activity',
  'campaigns',
  'conversions',
  'postbacks',
  'statistics',
  'bills',
  'wallet',
  'notifications',
] as const;
export const MintPartnerSessionSchema = z
  .object({
    userId: z.string().min(3).max(64),
    components: z
      .array(z.enum(EMBED_COMPONENTS))
      .min(1)
      .default([...EMBED_COMPONENTS]),
    /** Lifetime of the client secret, 60 s to 1 h; default 15 minutes. */
    ttlSeconds: z.number().int().min(60).max(3600).default(900),
  })
  .strict()
  .openapi('MintPartnerSession');
export const PartnerSessionSchema = z
  .object({
    clientSecret: z.string(),
    expiresAt: z.string(),
    userId: z.string(),
    components: z.array(z.enum(EMBED_COMPONENTS)),
  })
  .openapi('PartnerSession');

export const PartnerSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    country: z.string().nullable(),
    status: z.enum(PARTNER_STATUSES),
    referralCode: z.string(),
    referrerPartnerId: z.string().nullable(),
    createdAt: z.string(),
    owner: z.object({ id: z.string(), email: z.string() }).nullable(),
  })
  .openapi('PartnerSummary');
export const PartnerListSchema = z
  .object({
    data: z.array(PartnerSummarySchema),
    total: z.number().int().openapi({ description: 'Partners matching `q` and `status` (all pages)' }),
    counts: z
      .record(z.enum(PARTNER_STATUSES), z.number().int())
      .openapi({ description: 'Partners matching `q` per status, whatever `status` picks (for filter chips)' }),
  })
  .openapi('PartnerList');
export const PARTNER_SORTS = ['newest', 'oldest', 'name'] as const;
export const PartnerListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .superRefine((text, check) => {
      const fitting = likeFittingLength(text);
      if (fitting < [...text].length)
        check.addIssue({
          code: 'custom',
          message: `too long to search for: at most ${fitting} characters like these`,
          params: { reason: 'too_long', maximum: fitting },
        });
    })
    .optional()
    .openapi({
      description:
        'Search: part of the name or company (case-insensitive, also for Cyrillic as people write it), ' +
        "part of a team member's e-mail, or the start of the partner id. Taken literally (% and _ are not wildcards).",
    }),
  status: z
    .string()
    .refine((v) => v.split(',').every((s) => (PARTNER_STATUSES as readonly string[]).includes(s)), {
      message: `one or more of ${PARTNER_STATUSES.join(', ')}, comma-separated`,
      params: { reason: 'invalid_choice', allowed: [...PARTNER_STATUSES] },
    })
    .optional()
    .openapi({ description: 'One or more statuses, comma-separated: pending, active, rejected, blocked' }),
  sort: z.enum(PARTNER_SORTS).default('newest').openapi({ description: 'newest or oldest sign-up first, or by name' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Page size; without it every match is listed (as before paging existed)' }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
/** The sign-up and every decision on a partner, oldest first (from the events log). */
export const PartnerStatusChangeSchema = z
  .object({
    type: z.enum(['signed_up', 'partner_approved', 'partner_rejected', 'partner_blocked']),
    from: z.enum(PARTNER_STATUSES).nullable(),
    to: z.enum(PARTNER_STATUSES),
    by: z.enum(['user', 'operator', 'system']),
    at: z.string(),
  })
  .openapi('PartnerStatusChange');
export const PartnerDetailSchema = PartnerSummarySchema.extend({
  /** The owner's contact details from the sign-up and profile. */
  messenger: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.enum(LOCALES).nullable(),
  referrer: z.object({ id: z.string(), name: z.string(), status: z.enum(PARTNER_STATUSES) }).nullable(),
  history: z.array(PartnerStatusChangeSchema),
  team: z.array(UserSchema),
  plans: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        isDefault: z.boolean(),
        /** Offered to this partner one by one (not as a default plan). */
        individual: z.boolean(),
        summary: z.object({ en: z.array(z.string()), ru: z.array(z.string()) }),
      }),
    )
    .openapi({ description: 'The plans this partner may put campaigns on: the defaults and those offered to it' }),
}).openapi('PartnerDetail');
export const PartnerDecisionSchema = z
  .object({ action: z.enum(['approve', 'reject', 'block', 'unblock']) })
  .strict()
  .openapi('PartnerDecision');
/** Path parameters holding one id, typed by name: IdParams('userId') → { userId: string }. */
export const IdParams = <N extends string>(name: N) =>
  z.object({
    [name]: z
      .string()
      .min(3)
      .max(64)
      .openapi({ param: { name, in: 'path' } }),
  } as Record<N, z.ZodString>);

/** How deep a partner sees its sub-affiliates: level 1 signed up with its code, level 2 with theirs, … */
export const SUB_AFFILIATE_MAX_LEVEL = 5;
export const SubAffiliateSchema = z
  .object({
    id: z.string(),
    /** The sub-partner's display name (its company or its owner's name, as its profile shows it); never an e-mail. */
    name: z.string(),
    level: z.number().int().min(1).max(SUB_AFFILIATE_MAX_LEVEL),
    status: z.enum(PARTNER_STATUSES),
    signedUpAt: z.string(),
    /** The campaign and promo whose tracking link brought the sub-partner; null when it signed up by code only. */
    campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
    promo: z.object({ id: z.string(), title: z.string() }).nullable(),
    /**
     * The referrer's plans that pay a sub-affiliate commission at this level, with the percent for
     * it (clients word it, e.g. "RevShare 35%: sub-affiliate 5% (level 1)").
     */
    deals: z.array(z.object({ planId: z.string(), planName: z.string(), percent: z.string() })),
  })
  .openapi('SubAffiliate');
export const SubAffiliateListSchema = z
  .object({ data: z.array(SubAffiliateSchema), nextBefore: z.string().nullable() })
  .openapi('SubAffiliateList');
export const SubAffiliateQuerySchema = z.object({
  level: z.coerce.number().int().min(1).max(SUB_AFFILIATE_MAX_LEVEL).optional(),
  /** Paging: sub-partners who signed up before this one (the previous page's `nextBefore`). */
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
