/** I/O contracts of terms and conditions: versions, the current one with its HTML, acceptances. */
import { z } from '@hono/zod-openapi';

export const PublishTermsSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    bodyMarkdown: z.string().trim().min(1).max(30_000).openapi({
      description: 'The terms in Markdown (no raw HTML: it is shown as text; links only http(s) and mailto)',
    }),
    summaryOfChanges: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .openapi({ description: 'What changed since the previous version, shown to partners above the terms' }),
  })
  .strict()
  .openapi('PublishTerms');

const versionFields = {
  id: z.string(),
  version: z.number().int().openapi({ description: '1, 2, 3… per operator; the highest is the current terms' }),
  title: z.string(),
  summaryOfChanges: z.string().nullable(),
  publishedAt: z.string().openapi({ format: 'date-time' }),
};

export const TermsVersionSchema = z
  .object({
    ...versionFields,
    bodyMarkdown: z.string(),
    html: z.string().openapi({ description: 'The terms as safe HTML, rendered from bodyMarkdown' }),
    createdBy: z.string().openapi({ description: '`api_key`, or the staff user who published it' }),
    current: z.boolean(),
    acceptanceCount: z.number().int().openapi({ description: 'Users who accepted this version' }),
  })
  .openapi('TermsVersion');

export const TermsVersionListSchema = z
  .object({
    signInUsers: z
      .number()
      .int()
      .openapi({
        description:
          'Partner users who can sign in with a password, now or once approved (active or pending partner, user ' +
          'not blocked): each must accept the current version at their next sign-in',
      }),
    data: z.array(
      z
        .object({ ...versionFields, current: z.boolean(), acceptanceCount: z.number().int() })
        .openapi('TermsVersionSummary'),
    ),
  })
  .openapi('TermsVersionList');

export const TermsPreviewSchema = z
  .object({ bodyMarkdown: z.string().max(30_000) })
  .strict()
  .openapi('TermsPreviewRequest');
export const TermsPreviewResultSchema = z
  .object({ html: z.string().openapi({ description: 'The Markdown as partners will see it (safe HTML)' }) })
  .openapi('TermsPreview');

export const AcceptanceQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const TermsAcceptanceListSchema = z
  .object({
    data: z.array(
      z
        .object({
          userId: z.string(),
          email: z.string(),
          partnerId: z.string(),
          partnerName: z.string(),
          acceptedAt: z.string().openapi({ format: 'date-time' }),
          ip: z.string().nullable(),
          userAgent: z.string().nullable(),
        })
        .openapi('TermsAcceptance'),
    ),
    total: z.number().int(),
  })
  .openapi('TermsAcceptanceList');

/** A version as partners and the sign-up form read it. */
export const PublishedTermsSchema = z
  .object({ ...versionFields, html: z.string().openapi({ description: 'Safe HTML rendered from the Markdown' }) })
  .openapi('PublishedTerms');

export const PartnerTermsSchema = z
  .object({
    current: PublishedTermsSchema.nullable().openapi({ description: 'null: the operator has published no terms' }),
    acceptedAt: z
      .string()
      .nullable()
      .openapi({ format: 'date-time', description: 'When this user accepted the current version; null: not yet' }),
  })
  .openapi('PartnerTerms');

export const PartnerTermsVersionSchema = PublishedTermsSchema.extend({
  acceptedAt: z.string().nullable().openapi({ format: 'date-time' }),
  current: z.boolean(),
}).openapi('PartnerTermsVersion');

export const TermsHistorySchema = z
  .object({
    versions: z.array(
      z
        .object({ ...versionFields, current: z.boolean(), acceptedAt: z.string().nullable() })
        .openapi('PartnerTermsHistoryItem'),
    ),
  })
  .openapi('TermsHistory');

export const TermsAcceptedSchema = z
  .object({ versionId: z.string(), version: z.number().int(), acceptedAt: z.string() })
  .openapi('TermsAccepted');

export const PublicTermsSchema = z.object({ current: PublishedTermsSchema.nullable() }).openapi('PublicTerms');

/** What a signed-in user still has to accept (the gate), or null. */
export const TermsToAcceptSchema = z
  .object({ versionId: z.string(), version: z.number().int(), title: z.string() })
  .nullable()
  .openapi('TermsToAccept', {
    description:
      'Terms the operator published that this user has not accepted: every other call answers 403 terms_not_accepted until then',
  });
