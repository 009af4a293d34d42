/** Shapes shared by every route's OpenAPI description. */
import { z } from '@hono/zod-openapi';
import { FIELD_PROBLEM_REASONS } from '../lib/errors.ts';
import { PROBLEM_STATUS, type ProblemCode } from './problem.ts';

/** The closed list of problem codes, so generated clients get an enum to switch on. */
const PROBLEM_CODES = Object.keys(PROBLEM_STATUS) as [ProblemCode, ...ProblemCode[]];

/** The numbers, names and lists a problem's sentence needs, for clients that word it themselves. */
const ProblemParamsSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
  .openapi('ProblemParams', {
    description:
      'Values the sentence for a code or reason needs: `{ "minimum": 10 }`, `{ "resource": "campaign" }`, `{ "allowed": ["GET", "POST"] }`. Empty when none.',
    example: { minimum: 10 },
  });

export const FieldProblemSchema = z
  .object({
    path: z.string().openapi({ description: 'Where the bad value is: `body.email`, `query.limit`, `path.promoId`' }),
    reason: z.enum(FIELD_PROBLEM_REASONS).openapi({
      description: 'Why the value is refused, as a closed list a client can word in its own language',
      example: 'too_short',
    }),
    params: ProblemParamsSchema,
    message: z.string().openapi({ description: 'English, for developers and logs' }),
  })
  .openapi('FieldProblem');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(PROBLEM_CODES).openapi({ example: 'validation_failed' }),
    detail: z.string().openapi({ description: 'English, for developers and logs; clients word `code` and `params`' }),
    requestId: z.string().nullable(),
    params: ProblemParamsSchema,
    errors: z.array(FieldProblemSchema).optional(),
  })
  .openapi('Problem');

/**
 * A problem answer as the route types carry it: the full ProblemSchema in /openapi.json, but a
 * compact static type (codes and reasons as strings), because the typed client repeats every
 * route's input and outputs once per status, and the SDK's declarations must stay under the
 * 1,000,000 characters TypeScript will serialize (TS7056). The SDK's own KabinetApiError and
 * KabinetFieldProblem type the codes and reasons for clients.
 */
const ProblemAnswer = ProblemSchema as unknown as z.ZodType<{
  code: string;
  detail: string;
  status: number;
  requestId: string | null;
  params: Record<string, unknown>;
  errors?: Array<{ path: string; reason: string; params: Record<string, unknown>; message: string }>;
}>;

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemAnswer } },
});

export const problemResponses = {
  400: problem('The body could not be read (not JSON)'),
  401: problem('Missing or invalid credentials'),
  403: problem('Not allowed (role, embed component, inactive account, CSRF)'),
  404: problem("Not found (also for another operator's ids)"),
  409: problem('Conflicts with the current state (duplicate, already done, archived)'),
  410: problem('Gone: it existed and was deleted (a requested report’s file after its retention time)'),
  413: problem('The body is larger than the route accepts (64 kB unless the route says otherwise)'),
  415: problem('The body is not sent as the media type the route declares'),
  422: problem('Invalid input; `errors` names each field with its `reason` (a closed list) and `params`'),
  423: problem('Account locked after failed sign-ins'),
  429: problem('Too many attempts; wait and retry'),
  503: problem('Not available on this server (e.g. no file store configured)'),
} as const;

/**
 * What every route with a JSON body can answer before the route itself runs: unreadable JSON,
 * the body-size limit and the declared content type (mounted once in createApp), then the
 * schema check.
 */
export const bodyProblems = {
  400: problemResponses[400],
  413: problemResponses[413],
  415: problemResponses[415],
  422: problemResponses[422],
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T, description = 'Request body') => ({
  content: { 'application/json': { schema } },
  required: true,
  description,
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The operator secret key, or a console staff session whose role the route allows (core/http/operator-roles.ts). */
export const operatorKeySecurity: Array<Record<string, string[]>> = [{ operatorKey: [] }, { staffSession: [] }];

/** A console staff user's own routes (who am I, TOTP enrolment, sign-out): the session cookie only. */
export const staffSessionSecurity = [{ staffSession: [] }];

export const partnerSecurity = [{ partnerSession: [] }];

/** Said explicitly so generated clients send no credentials (sign-in, the portal configuration, tracking). */
export const publicSecurity: Array<Record<string, string[]>> = [];

/** Every tag the routes use, declared once so generators and the reference group operations with a description. */
export const OPENAPI_TAGS = [
  { name: 'System', description: 'Liveness and readiness' },
  {
    name: 'Portal',
    description: "Public portal configuration the widgets load (CORS: the operator's allowed origins)",
  },
  { name: 'Partner sign-in', description: 'Everything a partner does before having a session' },
  { name: 'Partner account', description: "The signed-in user's profile, 2FA, sessions and statistic token" },
  { name: 'Partner team', description: 'Team members (owner and admins manage them) and the events log' },
  { name: 'Partner campaigns', description: 'The catalog a partner may use, campaigns, promos and conversions' },
  {
    name: 'Partner postbacks',
    description: "Postbacks to the partner's tracker: configuration, preview, test and log",
  },
  { name: 'Partner statistics', description: 'The performance report, its options and the dashboard quick stats' },
  { name: 'Partner bills', description: "The partner's bills with their lines and corrections, and qualified players" },
  { name: 'Partner wallet', description: "The partner's balances per currency, transactions and cash-outs" },
  {
    name: 'Partner notifications',
    description: 'What concerns the partner (bills approved, cash-outs paid, news, terms, documents), read per user',
  },
  {
    name: 'Partner payment methods',
    description: "The methods the operator offers and the partner's accounts for them (masked; shown in full with 2FA)",
  },
  { name: 'Partner contacts', description: "The partner's manager and the program's support contacts per brand" },
  {
    name: 'Partner news',
    description: "The program's published news with per-user read state; banners at public addresses",
  },
  {
    name: 'Partner documents',
    description: 'Documents the partner uploads for the operator to verify (PDF, JPEG, PNG), with the review’s outcome',
  },
  { name: 'Operator', description: 'The operator the secret key belongs to' },
  { name: 'Operator: news', description: 'News articles: drafts, publishing (with e-mail to opted-in users), banners' },
  { name: 'Catalog', description: 'Brands' },
  { name: 'Operator: catalog', description: 'Landings, creatives and traffic sources' },
  {
    name: 'Operator: commission plans',
    description: 'Plans with typed terms, versions effective from a local date, assignments to partners',
  },
  {
    name: 'Operator: bills',
    description: 'Bills per partner, brand, plan and period: review, corrections, billing runs; qualified players',
  },
  {
    name: 'Operator: wallet',
    description: "A partner's balances and transactions; balance corrections; cash-outs to process",
  },
  {
    name: 'Operator: payment methods',
    description: "The payment methods offered with limits per currency; a partner's accounts (masked)",
  },
  {
    name: 'Operator: terms and registration',
    description: 'Terms and conditions versions and who accepted them; extra registration fields and partners’ answers',
  },
  {
    name: 'Operator: console sign-in',
    description: 'Staff users sign in to the console with a password and a required TOTP code (cookie session)',
  },
  {
    name: 'Operator: staff and API keys',
    description: 'Owner only: console staff users and their roles, secret keys (create, revoke, rotate)',
  },
  { name: 'Operator: partners', description: 'Embed sessions, partner approval, unlocking users, expiring tokens' },
  { name: 'Operator: player events', description: 'Player events in, and those nothing matched' },
  { name: 'Operator: networks and trackers', description: 'The CPA-network catalog, connections and offer mappings' },
  { name: 'Operator: conversions and costs', description: 'Reported conversions and costs' },
  { name: 'Operator: statistics', description: 'Reports over all partners, what partners see, exchange rates' },
  {
    name: 'Operator: contacts',
    description: 'Support contact cards per brand and program-wide, affiliate managers and their partners',
  },
  { name: 'Operator: documents', description: 'The review queue of partners’ documents: view, approve, decline' },
  { name: 'Tracking', description: 'Tracking links' },
  { name: 'Inbound postbacks', description: "Postbacks from the operator's tracker and CPA networks (token in `t`)" },
];
