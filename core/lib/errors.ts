/**
 * Domain errors: what services, jobs and helpers throw when a request cannot be done. The codes
 * are a closed list so clients can switch on them; `detail` is for people. The HTTP layer
 * (core/http/problem.ts) gives each code its status and title and answers problem+json; nothing
 * here knows about HTTP.
 */
import { currencyExponent, formatMoney, money, payoutProblemField, type MoneyError } from './money.ts';

/** The closed list, in the order the API reference lists them. */
export const DOMAIN_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  /** Password was right; the account has 2FA on and the request carried no (or a wrong) code. */
  'two_factor_required',
  /** A statistic token that was replaced by a newer one (Security section): send the current one. */
  'statistic_token_rotated',
  /** A statistic token its user, a teammate or the operator expired: create a new one in Security. */
  'statistic_token_expired',
  'forbidden',
  /** An operator staff user's role may not do this: `role` is the caller's, `allowed` the roles that may. */
  'forbidden_for_role',
  /** The partner account is pending approval, rejected or blocked, or the user is blocked. */
  'account_inactive',
  /** The operator published terms this user has not accepted yet: accept them (POST /v1/partner/terms/{id}/acceptance) first. */
  'terms_not_accepted',
  'not_found',
  'method_not_allowed',
  'conflict',
  /** Was here and is no more (a requested report's file past its retention time). */
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  /** Too many failed sign-ins: the user must unlock by the emailed link (or the operator unlocks). */
  'account_locked',
  'rate_limited',
  'internal',
  'unavailable',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * Why one field is wrong: a closed list, so a client can word each reason in its own language
 * from `reason` and `params` (`{ reason: 'too_short', params: { minimum: 10 } }`). Every entry is
 * something the API answers today: schema checks (core/http/problem.ts maps zod's issues) and the
 * services' own checks.
 */
export const FIELD_PROBLEM_REASONS = [
  /** Missing, or empty where a value is needed. */
  'required',
  /** At least one of `fields` must be given (e.g. a conversion update changes the status or the payout). */
  'required_one_of',
  /** Only together with `field` (a currency without its amount). */
  'requires_field',
  /** Not taken in this combination (network settings on a tracker connection, a body format on a GET postback). */
  'not_applicable',
  /** The JSON type is wrong: `expected` is string, number, integer, boolean, object, array… */
  'invalid_type',
  /** A string shorter than `minimum` characters. */
  'too_short',
  /** A string longer than `maximum` characters. */
  'too_long',
  /** A number below `minimum`. */
  'too_small',
  /** A number (or an amount) above `maximum`. */
  'too_big',
  /** A list with fewer than `minimum` items. */
  'too_few',
  /** A list with more than `maximum` items. */
  'too_many',
  /** A body larger than `maximum` bytes. */
  'too_large',
  /** Not in the expected `format` (PROBLEM_FORMATS: email, url, date, datetime, hex_colour…). */
  'invalid_format',
  /** Not one of `allowed`. */
  'invalid_choice',
  /** Must be true: the terms must be accepted, an action confirmed. */
  'must_accept',
  /** Names a version that is no longer the current one (the terms changed while the form was open); `current` is its id. */
  'outdated',
  /** A key the object does not take (`allowed`, when the list is short enough to name). */
  'unknown_field',
  /** Not a plain decimal amount ("12.50"), or more decimal places than the currency has (`decimals`). */
  'money_format',
  /** Not a supported currency code. */
  'unknown_currency',
  /** Names a `resource` (PROBLEM_RESOURCES) that does not exist or is out of reach. */
  'not_found_reference',
  /** Taken already (a name, an email, a promo code). */
  'already_exists',
  /** Set once and never changed (a promo's traffic source). */
  'immutable',
  /** A new password that breaks a `rule`: `common` (a most common password) or `contains_email`. */
  'weak_password',
  /** A two-factor code that is not correct or was already used. */
  'wrong_code',
  /** A postback URL template error: `problem` is a template code (postbacks/template.ts) at `position`. */
  'invalid_template',
  /** Anything else a schema refuses. */
  'invalid_value',
] as const;

export type FieldProblemReason = (typeof FIELD_PROBLEM_REASONS)[number];

/**
 * The formats `invalid_format` names in `params.format`: zod's own (email, url, date, datetime)
 * and the patterns the schemas use (problem.ts names each pattern).
 */
export const PROBLEM_FORMATS = [
  'email',
  'url',
  'date',
  'datetime',
  'json',
  'origin',
  'hex_colour',
  'country_code',
  'language_code',
  'phone',
  'totp_code',
  'second_factor_code',
  'promo_code',
  'parameter_name',
  'field_key',
  'size',
  'http_status_filter',
  'bill_states',
  'time_zone',
  'exchange_rate',
  'percentage',
  'iban',
  'bic',
  'wallet_address',
  'webmoney_purse',
  'capitalist_account',
  'telegram_username',
  'skype_name',
  'header_name',
  'api_template',
  'json_path',
  'ip_address',
] as const;

export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

/** What `resource` names in a problem's params (not_found, conflict, not_found_reference…). */
export const PROBLEM_RESOURCES = [
  'bill',
  'brand',
  'campaign',
  'cash_out',
  'cash_out_schedule',
  'connection',
  'network_adapter',
  'lead',
  'conversion',
  'creative',
  'document',
  'landing',
  'manager',
  'network',
  'news_article',
  'notification',
  'offer',
  'operator',
  'partner',
  'payment_account',
  'payment_method',
  'plan',
  'postback',
  'promo',
  'referral_code',
  'registration_field',
  'requested_report',
  'session',
  'staff_user',
  'api_key',
  'team_member',
  'terms_version',
  'traffic_source',
  'two_factor',
  'user',
] as const;

export type ProblemResource = (typeof PROBLEM_RESOURCES)[number];

/**
 * What `state` says about the resource in a top-level problem's params: `exists` (the name or
 * email is taken), `archived`, `immutable`, `changed` (it kept changing: send again), `status`
 * (its `status` does not allow the `to` or `action` asked), `on` / `off` / `not_started` (two-factor),
 * `tracker` (a tracker connection), `self` / `owner` (out of reach of team actions), the partner
 * statuses `pending` / `rejected` / `blocked` (a blocked user too), `wrong_code` (two_factor_required),
 * and a requested report's file: `not_ready` (being built), `failed` (could not be built), `expired` (gone).
 */
export const PROBLEM_STATES = [
  'exists',
  'archived',
  'immutable',
  'changed',
  'status',
  'on',
  'off',
  'not_started',
  'tracker',
  'self',
  'owner',
  'pending',
  'rejected',
  'blocked',
  'wrong_code',
  'not_ready',
  'failed',
  'expired',
  'running',
  'not_configured',
] as const;

export type ProblemState = (typeof PROBLEM_STATES)[number];

/** The values a sentence needs: numbers, names, lists (`{ minimum: 10 }`, `{ allowed: ['GET', 'POST'] }`). */
export type ProblemParams = Record<string, string | number | string[]>;

export interface FieldProblem {
  /** Where the bad value is: `body.currency`, `query.limit`, `path.operatorId`. */
  path: string;
  reason: FieldProblemReason;
  /** The numbers and names the reason's sentence needs; `{}` when none. */
  params?: ProblemParams;
  /** English, for API users and logs; clients word `reason` and `params` themselves. */
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    /**
     * What the detail names, so clients can word the code themselves: `resource` (PROBLEM_RESOURCES)
     * and its `state` (PROBLEM_STATES) for not_found, conflict, forbidden and account_inactive;
     * `role`, `component` or `origin` for forbidden; `minutes` and `limit` for rate_limited;
     * `maximum` (bytes) for payload_too_large; `allowed` for unsupported_media_type; `purpose`
     * (unlock, password_reset, invite, embed) for a refused emailed link or client secret.
     */
    readonly params: ProblemParams = {},
  ) {
    super(detail);
  }
}

/** A validation failure naming each bad field, for checks a schema cannot make (a foreign id, a money string…). */
export function fieldProblems(errors: FieldProblem[]): DomainError {
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return new DomainError('validation_failed', detail || 'The request is invalid', errors);
}

export const fieldProblem = (
  path: string,
  reason: FieldProblemReason,
  message: string,
  params: ProblemParams = {},
): DomainError => fieldProblems([{ path, reason, params, message }]);

/** The names services give `notFound`, and the resource each one is. */
const NOT_FOUND_RESOURCES = {
  Bill: 'bill',
  Campaign: 'campaign',
  'Cash-out': 'cash_out',
  'Cash-out schedule': 'cash_out_schedule',
  Connection: 'connection',
  'Network API adapter': 'network_adapter',
  Lead: 'lead',
  Conversion: 'conversion',
  Document: 'document',
  Manager: 'manager',
  'News article': 'news_article',
  Notification: 'notification',
  Offer: 'offer',
  Operator: 'operator',
  Partner: 'partner',
  'Payment account': 'payment_account',
  'Payment method': 'payment_method',
  Plan: 'plan',
  Postback: 'postback',
  Promo: 'promo',
  Session: 'session',
  'Staff user': 'staff_user',
  'API key': 'api_key',
  'Team member': 'team_member',
  'Terms version': 'terms_version',
  'Registration field': 'registration_field',
  User: 'user',
} as const satisfies Record<string, ProblemResource>;

export const notFound = (what: keyof typeof NOT_FOUND_RESOURCES) =>
  new DomainError('not_found', `${what} was not found`, [], { resource: NOT_FOUND_RESOURCES[what] });

/**
 * A refused amount or currency (a MoneyError) as a field problem, so every endpoint that reads
 * money gives the same reason: `maximumMinor` is the bound the reader applied (in minor units).
 */
export function moneyProblem(
  paths: { amount: string; currency: string },
  error: MoneyError,
  currency: string,
  maximumMinor: number,
): FieldProblem {
  const code = currency.trim().toUpperCase();
  const at = (reason: FieldProblemReason, params: ProblemParams = {}): FieldProblem => ({
    path: payoutProblemField(error) === 'currency' ? paths.currency : paths.amount,
    reason,
    params,
    message: error.message,
  });
  switch (error.reason) {
    case 'unknown_currency':
      return at('unknown_currency');
    case 'negative':
      return at('too_small', { minimum: 0 });
    case 'too_precise':
      return at('money_format', { decimals: currencyExponent(code) });
    case 'out_of_range':
      return at('too_big', { maximum: formatMoney(money(maximumMinor, code)) });
    default:
      return at('money_format');
  }
}
