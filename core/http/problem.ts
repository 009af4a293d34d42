/**
 * One error type for the whole API, answered as RFC 9457 problem+json. The error and its closed
 * code list are the domain's (core/lib/errors.ts); this file gives each code its HTTP status and
 * title and writes the body. `ProblemError` is the same class as `DomainError`, so route files
 * and onError may use either name.
 */
import type { ZodError } from 'zod';
import {
  DomainError,
  FIELD_PROBLEM_REASONS,
  fieldProblems,
  type DomainErrorCode,
  type FieldProblem,
  type FieldProblemReason,
  type ProblemFormat,
  type ProblemParams,
} from '../lib/errors.ts';
import { CURRENCY_CODES } from '../lib/money.ts';

export {
  DomainError as ProblemError,
  fieldProblem,
  fieldProblems,
  notFound,
  type FieldProblem,
  type FieldProblemReason,
  type ProblemParams,
} from '../lib/errors.ts';

/** Keys in the order of DOMAIN_ERROR_CODES: the OpenAPI `code` enum is this object's keys. */
export const PROBLEM_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  /** Password was right; the account has 2FA on and the request carried no (or a wrong) code. */
  two_factor_required: 401,
  /** The Report API's statistic token was replaced by a newer one. */
  statistic_token_rotated: 401,
  /** The Report API's statistic token was expired (by its user, a teammate or the operator). */
  statistic_token_expired: 401,
  forbidden: 403,
  forbidden_for_role: 403,
  /** The partner account is pending approval, rejected or blocked, or the user is blocked. */
  account_inactive: 403,
  /** The operator published terms this user has not accepted yet. */
  terms_not_accepted: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  /** Too many failed sign-ins: the user must unlock by the emailed link (or the operator unlocks). */
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<DomainErrorCode, number>;

export type ProblemCode = DomainErrorCode;

const TITLES: Record<ProblemCode, string> = {
  bad_request: 'Bad request',
  unauthorized: 'Authentication required',
  two_factor_required: 'Two-factor code required',
  statistic_token_rotated: 'Statistic token rotated',
  statistic_token_expired: 'Statistic token expired',
  forbidden: 'Not allowed',
  forbidden_for_role: 'Not allowed for your role',
  account_inactive: 'Account not active',
  terms_not_accepted: 'New terms to accept',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  gone: 'Gone',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Invalid input',
  account_locked: 'Account locked',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

export const problemTitle = (code: ProblemCode): string => TITLES[code];

export const problemStatus = (error: DomainError): number => PROBLEM_STATUS[error.code];

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  requestId: string | null;
  /** What the detail names (`{ resource: 'campaign' }`); `{}` when nothing. */
  params: ProblemParams;
  errors?: Array<Required<FieldProblem>>;
}

export function problemBody(error: DomainError, requestId: string | null): ProblemBody {
  return {
    type: `https://kabinet.dev/problems/${error.code}`,
    title: TITLES[error.code],
    status: problemStatus(error),
    code: error.code,
    detail: error.detail,
    requestId: requestId,
    params: error.params,
    ...(error.errors.length
      ? {
          errors: error.errors.map(({ path, reason, params, message }) => ({
            path,
            reason,
            params: params ?? {},
            message,
          })),
        }
      : {}),
  };
}

const TARGET_NAMES: Record<string, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  cookie: 'cookie',
};

type ZodIssue = ZodError['issues'][number];
type Reasoned = { reason: FieldProblemReason; params: ProblemParams };

const format = (name: ProblemFormat): Reasoned => ({ reason: 'invalid_format', params: { format: name } });

/**
 * The schemas' own patterns (`.regex(...)`), by their source: zod reports them all as format
 * `regex`, so each is named here. A pattern missing from this list answers `invalid_value`
 * (tests/problem-reasons.test.ts checks every pattern in /openapi.json is listed).
 */
export const PATTERN_REASONS: ReadonlyMap<string, Reasoned> = new Map(
  (
    [
      [/^[A-Z]{2}$/, format('country_code')],
      [/^[a-z]{2}$/, format('language_code')],
      [/^#[0-9a-fA-F]{6}$/, format('hex_colour')],
      [/^\+?[0-9 ()-]{5,24}$/, format('phone')],
      [/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, format('header_name')],
      [/^\d{3}\s?\d{3}$/, format('totp_code')],
      [/^(\d{3}\s?\d{3}|[0-9A-Za-z]{5}-[0-9A-Za-z]{5})$/, format('second_factor_code')],
      [/^[A-Za-z0-9_-]{3,40}$/, format('promo_code')],
      [/^[A-Za-z][A-Za-z0-9_]{0,31}$/, format('parameter_name')],
      [/^[a-z][a-z0-9_]{0,39}$/, format('field_key')],
      [/^\d{1,5}x\d{1,5}$/, format('size')],
      [/^([1-5]\d\d|[1-5]xx|none)$/, format('http_status_filter')],
      [
        /^(pending|approved|on_hold|cancelled|paid)(,(pending|approved|on_hold|cancelled|paid))*$/,
        format('bill_states'),
      ],
      [/^\d{1,9}(\.\d{1,10})?$/, format('exchange_rate')],
      [/^\d{1,3}(\.\d{1,2})?$/, format('percentage')],
      [/^\d+(\.\d+)?$/, { reason: 'money_format', params: {} }],
      [/^-?\d+(\.\d+)?$/, { reason: 'money_format', params: {} }],
    ] as Array<[RegExp, Reasoned]>
  ).map(([pattern, reasoned]) => [String(pattern), reasoned]),
);

/** zod's own string formats that keep their name in `params.format`. */
const ZOD_FORMATS: Record<string, ProblemFormat> = { email: 'email', url: 'url', date: 'date', datetime: 'datetime' };

const CURRENCIES = new Set<string>(CURRENCY_CODES);
const isReason = (value: unknown): value is FieldProblemReason =>
  (FIELD_PROBLEM_REASONS as readonly unknown[]).includes(value);

/** The value at `path` in what the client sent (undefined when it, or a parent, is missing). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A zod issue's reason and params (for `unrecognized_keys` see validationProblem: one problem per key). */
const none = (reason: FieldProblemReason): Reasoned => ({ reason, params: {} });

function reasonOf(issue: ZodIssue, input: unknown): Reasoned {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return none('required');
      return { reason: 'invalid_type', params: { expected: issue.expected === 'int' ? 'integer' : issue.expected } };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? none('required')
          : { reason: 'too_short', params: { minimum: Number(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { reason: 'too_few', params: { minimum: Number(issue.minimum) } };
      return { reason: 'too_small', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { reason: 'too_long', params: { maximum: Number(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { reason: 'too_many', params: { maximum: Number(issue.maximum) } };
      return { reason: 'too_big', params: { maximum: Number(issue.maximum) } };
    case 'invalid_format': {
      if (issue.format === 'regex') return PATTERN_REASONS.get(issue.pattern ?? '') ?? none('invalid_value');
      const name = ZOD_FORMATS[issue.format];
      return name ? format(name) : none('invalid_value');
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (values.length === 1 && issue.values[0] === true) return none('must_accept');
      if (values.length === CURRENCIES.size && values.every((v) => CURRENCIES.has(v))) return none('unknown_currency');
      return { reason: 'invalid_choice', params: { allowed: values } };
    }
    case 'invalid_key':
      return none('unknown_field');
    case 'invalid_union': {
      // A discriminated union (payment account details by `kind`) names the tag's allowed values.
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (valueAt(input, issue.path) === undefined) return none('required');
      // A union of plain types (text or true/false) that the value is none of: a type problem.
      if (!discriminator) {
        const expected = issue.errors.map((branch) =>
          branch.length === 1 && branch[0]!.code === 'invalid_type' ? branch[0]!.expected : null,
        );
        if (expected.length === 0 || expected.includes(null)) return none('invalid_value');
        return { reason: 'invalid_type', params: { expected: expected.join(' or ') } };
      }
      if (!Array.isArray(options)) return none('invalid_value');
      return { reason: 'invalid_choice', params: { allowed: options.map(String) } };
    }
    case 'custom': {
      // A refine names its reason in its params: `.refine(fn, { message, params: { reason: 'requires_field', field: 'amount' } })`.
      const { reason, ...params } = (issue.params ?? {}) as { reason?: unknown } & ProblemParams;
      return isReason(reason) ? { reason, params } : none('invalid_value');
    }
    default:
      return none('invalid_value');
  }
}

/**
 * Turns a zod failure on one request part into a 422 that names every bad field with its
 * reason. `input` is what the client sent for that part, so a missing field reads `required`
 * rather than a type mismatch.
 */
export function validationProblem(error: ZodError, target: string, input?: unknown): DomainError {
  const prefix = TARGET_NAMES[target] ?? target;
  const pathOf = (path: readonly PropertyKey[]) => [prefix, ...path.map(String)].join('.');
  const errors = error.issues.flatMap((issue): FieldProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathOf([...issue.path, key]),
          reason: 'unknown_field',
          params: {},
          message: `Unrecognized key: "${key}"`,
        }))
      : [{ path: pathOf(issue.path), ...reasonOf(issue, input), message: issue.message }],
  );
  return fieldProblems(errors);
}
