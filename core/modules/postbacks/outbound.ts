/**
 * Sending postbacks out. Partner URLs are untrusted: the save-time check refuses IP literals and
 * private names, and at send time every hop is checked again — on Node and Deno the socket only
 * connects to an address that resolved public (edge/outbound-http.ts); redirects are followed by
 * hand, at most three, each re-checked, so a 302 into a private range is never followed.
 */
import ipaddr from 'ipaddr.js';
import { isForbiddenHost } from './template.ts';

export interface OutboundRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** The whole attempt's time limit. */
  timeoutMs: number;
}
export interface OutboundResponse { status: number; location: string | null }

/** One HTTP exchange, no redirects followed; throws OutboundError when no response arrived. */
export interface OutboundHttp {
  send(request: OutboundRequest): Promise<OutboundResponse>;
}

/** A network failure, timeout or refused address: the attempt has no HTTP status. */
export class OutboundError extends Error {}

const PUBLIC_RANGES = new Set(['unicast']);

/** True only for globally routable addresses (not loopback, private, link-local, CGNAT, reserved…). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return PUBLIC_RANGES.has(parsed.range());
}

/** The Web fetch transport (Workers: Cloudflare does not route fetches into private networks). */
export function createFetchOutbound(fetchImpl: typeof fetch = fetch): OutboundHttp {
  return {
    async send(request) {
      try {
        const response = await fetchImpl(request.url, {
          method: request.method, headers: request.headers, body: request.body ?? null, redirect: 'manual',
          signal: AbortSignal.timeout(request.timeoutMs),
        });
        await response.body?.cancel();
        return { status: response.status, location: response.headers.get('location') };
      } catch (error) {
        throw new OutboundError(error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${request.timeoutMs / 1000} s` : describeError(error));
      }
    },
  };
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${cause.code}${cause.message ? `: ${cause.message}` : ''}` : error.message;
}

const MAX_REDIRECTS = 3;

/**
 * Sends and follows up to three redirects, refusing any hop whose scheme or host the save-time
 * rules would refuse. A redirect after a POST is followed as a GET (what browsers do for 301-303).
 */
export async function sendFollowingRedirects(outbound: OutboundHttp, request: OutboundRequest): Promise<OutboundResponse & { finalUrl: string }> {
  let current = request;
  for (let hop = 0; ; hop++) {
    const response = await outbound.send(current);
    if (response.status < 300 || response.status >= 400 || !response.location) return { ...response, finalUrl: current.url };
    if (hop === MAX_REDIRECTS) throw new OutboundError(`more than ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try { next = new URL(response.location, current.url); } catch { throw new OutboundError(`redirect to an invalid URL: ${response.location}`); }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new OutboundError(`redirect to a ${next.protocol} URL refused`);
    const reason = isForbiddenHost(next.hostname);
    if (reason) throw new OutboundError(`redirect refused: the host "${next.hostname}" ${reason}`);
    const keepsMethod = response.status === 307 || response.status === 308;
    const { body: _body, ...withoutBody } = current;
    current = keepsMethod ? { ...current, url: next.href } : { ...withoutBody, url: next.href, method: 'GET' };
  }
}
