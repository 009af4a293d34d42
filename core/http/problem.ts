/**
 * One error type for the whole API, answered as RFC 9457 problem+json. The codes are a closed
 * list so clients can switch on them; `detail` is for people.
 */
import type { ZodError } from 'zod';

export const PROBLEM_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  /** Password was right; the account has 2FA on and the request carried no (or a wrong) code. */
  two_factor_required: 401,
  forbidden: 403,
  /** The partner account is pending approval, rejected or blocked, or the user is blocked. */
  account_inactive: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  /** Too many failed sign-ins: the user must unlock by the emailed link (or the operator unlocks). */
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

const TITLES: Record<ProblemCode, string> = {
  bad_request: 'Bad request',
  unauthorized: 'Authentication required',
  two_factor_required: 'Two-factor code required',
  forbidden: 'Not allowed',
  account_inactive: 'Account not active',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Invalid input',
  account_locked: 'Account locked',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

export const problemTitle = (code: ProblemCode): string => TITLES[code];

export interface FieldProblem {
  /** Where the bad value is: `body.currency`, `query.limit`, `path.operatorId`. */
  path: string;
  message: string;
}

export class ProblemError extends Error {
  readonly status: number;
  constructor(readonly code: ProblemCode, readonly detail: string, readonly errors: FieldProblem[] = []) {
    super(detail);
    this.status = PROBLEM_STATUS[code];
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  request_id: string | null;
  errors?: FieldProblem[];
}

export function problemBody(error: ProblemError, requestId: string | null): ProblemBody {
  return {
    type: `https://kabinet.dev/problems/${error.code}`,
    title: TITLES[error.code],
    status: error.status,
    code: error.code,
    detail: error.detail,
    request_id: requestId,
    ...(error.errors.length ? { errors: error.errors } : {}),
  };
}

const TARGET_NAMES: Record<string, string> = { json: 'body', form: 'body', query: 'query', param: 'path', header: 'header', cookie: 'cookie' };

/** Turns a zod failure on one request part into a 422 that names every bad field. */
export function validationProblem(error: ZodError, target: string): ProblemError {
  const prefix = TARGET_NAMES[target] ?? target;
  const errors = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return fieldProblems(errors);
}

/** A 422 naming each bad field, for checks a schema cannot make (a foreign id, a money string…). */
export function fieldProblems(errors: FieldProblem[]): ProblemError {
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return new ProblemError('validation_failed', detail || 'The request is invalid', errors);
}

export const fieldProblem = (path: string, message: string): ProblemError => fieldProblems([{ path, message }]);

export const notFound = (what: string) => new ProblemError('not_found', `${what} was not found`);
