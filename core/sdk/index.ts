/**
 * The typed client for developers and for the widgets. Request and response types come from the
 * server's own route definitions (AppType), so a route change breaks the client at compile time.
 *
 *   const kabinet = createKabinetClient('https://partners.example.com', { secretKey: 'sk_…' });
 *   const res = await kabinet.v1.brands.$get();
 */
import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../http/app.ts';

export interface KabinetClientOptions {
  /** Operator secret key for the Operator API (server-side only: never ship it to a browser). */
  secretKey?: string;
  /**
   * A partner session token (from sign-in, or from exchanging an embed client secret), for calls
   * made as that partner user. Not the client secret itself: that is single-use and exchanged.
   */
  sessionToken?: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

export function createKabinetClient(baseUrl: string, options: KabinetClientOptions = {}) {
  const token = options.secretKey ?? options.sessionToken;
  return hc<AppType>(baseUrl, {
    headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export type KabinetClient = ReturnType<typeof createKabinetClient>;

/** A problem+json answer from the API, thrown by `unwrap`. */
export class KabinetApiError extends Error {
  constructor(readonly status: number, readonly problem: { code: string; detail: string; errors?: Array<{ path: string; message: string }>; request_id: string | null }) {
    super(`${status} ${problem.code}: ${problem.detail}`);
  }
}

type SuccessStatus = 200 | 201 | 202;
/** The body type of the 2xx answers among a route's possible responses. */
export type SuccessBody<R> = R extends ClientResponse<infer T, infer S, 'json'> ? (S extends SuccessStatus ? T : never) : never;

/** Resolves a client call to its success body, or throws KabinetApiError with the problem. */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(response: Promise<R> | R): Promise<SuccessBody<R>> {
  const res = await response;
  if (!res.ok) throw new KabinetApiError(res.status, (await res.json()) as never);
  return (await res.json()) as SuccessBody<R>;
}
