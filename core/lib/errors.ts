/**
 * Domain errors: what services, jobs and helpers throw when a request cannot be done. The codes
 * are a closed list so clients can switch on them; `detail` is for people. The HTTP layer
 * (core/http/problem.ts) gives each code its status and title and answers problem+json; nothing
 * here knows about HTTP.
 */

/** The closed list, in the order the API reference lists them. */
export const DOMAIN_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  /** Password was right; the account has 2FA on and the request carried no (or a wrong) code. */
  'two_factor_required',
  'forbidden',
  /** The partner account is pending approval, rejected or blocked, or the user is blocked. */
  'account_inactive',
  'not_found',
  'method_not_allowed',
  'conflict',
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

export interface FieldProblem {
  /** Where the bad value is: `body.currency`, `query.limit`, `path.operatorId`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail);
  }
}

/** A validation failure naming each bad field, for checks a schema cannot make (a foreign id, a money string…). */
export function fieldProblems(errors: FieldProblem[]): DomainError {
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return new DomainError('validation_failed', detail || 'The request is invalid', errors);
}

export const fieldProblem = (path: string, message: string): DomainError => fieldProblems([{ path, message }]);

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
