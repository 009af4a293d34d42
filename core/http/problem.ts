/**
 * One error type for the whole API, answered as RFC 9457 problem+json. The error and its closed
 * code list are the domain's (core/lib/errors.ts); this file gives each code its HTTP status and
 * title and writes the body. `ProblemError` is the same class as `DomainError`, so route files
 * and onError may use either name.
 */
import type { ZodError } from 'zod';
import { DomainError, fieldProblems, type DomainErrorCode, type FieldProblem } from '../lib/errors.ts';

export {
  DomainError as ProblemError,
  fieldProblem,
  fieldProblems,
  notFound,
  type FieldProblem,
} from '../lib/errors.ts';

/** Keys in the order of DOMAIN_ERROR_CODES: the OpenAPI `code` enum is this object's keys. */
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
} as const satisfies Record<DomainErrorCode, number>;

export type ProblemCode = DomainErrorCode;

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

export const problemStatus = (error: DomainError): number => PROBLEM_STATUS[error.code];

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  requestId: string | null;
  errors?: FieldProblem[];
}

export function problemBody(error: DomainError, requestId: string | null): ProblemBody {
  return {
    type: `https://kabinet.dev/problems/${error.code}`,
    title: TITLES[error.code],
    status: problemStatus(error),
    code: error.code,
    detail: error.detail,
    requestId: requestId,
    ...(error.errors.length ? { errors: error.errors } : {}),
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

/** Turns a zod failure on one request part into a 422 that names every bad field. */
export function validationProblem(error: ZodError, target: string): DomainError {
  const prefix = TARGET_NAMES[target] ?? target;
  const errors = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return fieldProblems(errors);
}
