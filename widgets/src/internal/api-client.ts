/**
 * The widgets' API client: the typed SDK client (request and response types come from the
 * server's routes), wrapped in the few calls the elements make. Elements get it from the portal
 * through @lit/context (contexts.ts), never from a global. The operator console (console-element.ts)
 * uses the same client on its backend's prefix. Problem+json answers are thrown as ApiError, the
 * one error class of both; elements word its code and field reasons in the user's language
 * (problem-messages.ts), never showing the server's English detail in another language.
 */
import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../../../core/http/app.ts';
import type { KabinetClient, SuccessBody } from '../../../core/sdk/index.ts';
import type { Locale } from './i18n.ts';
import { fieldProblemMessage, problemMessage, type ProblemParams } from './problem-messages.ts';

type PortalConfigCall = KabinetClient['v1']['public']['operators'][':operatorId']['$get'];
export type PortalConfig = SuccessBody<Awaited<ReturnType<PortalConfigCall>>>;
export type Branding = PortalConfig['branding'];
export type PublicBrand = PortalConfig['brands'][number];
type SignInCall = KabinetClient['v1']['public']['operators'][':operatorId']['sign_in']['$post'];
/** What sign-in and the embed exchange answer: bearer token (or null for cookies), expiry, user. */
export type SessionResult = SuccessBody<Awaited<ReturnType<SignInCall>>>;
type SignUpCall = KabinetClient['v1']['public']['operators'][':operatorId']['sign_up']['$post'];
/** The sign-up request body (SignUpSchema). */
export type SignUpInput = NonNullable<Parameters<SignUpCall>[0]>['json'];

export interface FieldError {
  path: string;
  /** Why (FIELD_PROBLEM_REASONS); missing only from an answer that is not Kabinet's. */
  reason?: string;
  params?: ProblemParams;
  /** The server's English words, for developers; shown worded by `reason` instead. */
  message: string;
}

/** A problem+json answer: status, code, the server's detail, the request id and a 422's field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly requestId: string | null,
    readonly errors: FieldError[] = [],
    /** What the detail names (`{ resource: 'campaign' }`), for wording the code. */
    readonly params: ProblemParams = {},
  ) {
    super(detail);
  }

  /** The problem in the user's language (its code and params worded; the English detail only for an unknown code in English). */
  localized(locale: Locale): string {
    return problemMessage(locale, this);
  }

  /**
   * The message for one field (`body.email` → pass 'email'), for showing next to its input:
   * worded in `locale` from its reason, or the server's English message when no locale is given.
   */
  fieldMessage(field: string, locale?: Locale): string | null {
    const problem = this.errors.find((e) => e.path === `body.${field}` || e.path === field);
    if (!problem) return null;
    return locale ? fieldProblemMessage(locale, problem) : problem.message;
  }
}

export interface ApiClient {
  readonly baseUrl: string;
  /** The typed client itself, for sections that call routes directly. */
  readonly client: KabinetClient;
  getPortalConfig(operatorId: string): Promise<PortalConfig>;
}

/**
 * Awaits a typed client call and returns its success body, or throws ApiError with the
 * server's problem detail (and field errors for 422s):
 *   const profile = await expectOk(api.client.v1.partner.profile.$get());
 */
export async function expectOk<R extends ClientResponse<unknown, number, string>>(
  call: Promise<R> | R,
): Promise<SuccessBody<R>> {
  return bodyOf<SuccessBody<R>>((await call) as unknown as Response);
}

async function bodyOf<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    // `error`: an operator backend in front of the console may answer its own `{ error }` (e.g. its admin login).
    const problem = (body ?? {}) as {
      code?: string;
      detail?: string;
      error?: string;
      errors?: FieldError[];
      params?: ProblemParams;
    };
    throw new ApiError(
      res.status,
      problem.code ?? 'internal',
      problem.detail ?? problem.error ?? res.statusText,
      res.headers.get('x-request-id'),
      problem.errors ?? [],
      problem.params && typeof problem.params === 'object' ? problem.params : {},
    );
  }
  return body as T;
}

export interface ApiClientOptions {
  /** Session bearer token (from password sign-in or an exchanged embed secret); kept in memory only. */
  token?: string | null;
  /**
   * `include` for the hosted page's cookie session: the browser sends the HttpOnly cookie and
   * no Authorization header is set.
   */
  credentials?: RequestCredentials;
  /** Sent with every call (e.g. the console's `accept: application/json` for its backend). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Called when a partner route (`/v1/partner/…`) answers 401: the session has ended. */
  onUnauthorized?: () => void;
}

export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  const root = baseUrl.replace(/\/+$/, '');
  const { token, credentials, onUnauthorized } = options;
  // Resolve fetch at call time so a page (or a test) that wraps window.fetch later is honoured.
  const doFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const res = await (options.fetch ?? globalThis.fetch)(input, init);
    if (res.status === 401 && onUnauthorized && urlOf(input).includes('/v1/partner/')) onUnauthorized();
    return res;
  };
  const client: KabinetClient = hc<AppType>(root, {
    headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    fetch: doFetch as typeof fetch,
    ...(credentials ? { init: { credentials } } : {}),
  });
  return {
    baseUrl: root,
    client,
    getPortalConfig: async (operatorId) =>
      bodyOf<PortalConfig>(await client.v1.public.operators[':operatorId'].$get({ param: { operatorId } })),
  };
}

const urlOf = (input: RequestInfo | URL): string => (input instanceof Request ? input.url : String(input));
