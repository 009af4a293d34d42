/**
 * Sending postbacks out. Partner URLs are untrusted, and the values a click carries are the
 * partner's too, so the save-time rules are not enough: every request (first attempt, each
 * redirect hop, test sends, on every runtime) passes `guardOutboundUrl` on its final URL right
 * before the transport sends it. It refuses IP literals in any notation (WHATWG `new URL()`
 * turns `0x7f000001`, `127.1` and `2130706433` into 127.0.0.1 first) and forbidden names; on
 * Node and Deno the guarded DNS lookup then lets the socket connect only to an address that
 * resolved public (edge/outbound-http.ts: node:http does not call `lookup` for IP literals, which
 * is why literals are refused here). Redirects are followed by hand, at most three.
 */
import ipaddr from 'ipaddr.js';
import { isForbiddenHost } from './template.ts';

export interface OutboundRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  /** The whole attempt's time limit. */
  timeoutMs: number;
  /**
   * Read the answer's body, up to this many bytes (a network's API answer); a longer answer is
   * an OutboundError. Postbacks leave it out: their answers are discarded unread.
   */
  readBodyUpTo?: number;
}
export interface OutboundResponse {
  status: number;
  location: string | null;
  /** The body as text, when the request asked for it. */
  body?: string;
  /** The Retry-After header, when the request asked for the body (a 429 or 503 names its wait). */
  retryAfter?: string | null;
}

/** One HTTP exchange, no redirects followed; throws OutboundError when no response arrived. */
export interface OutboundHttp {
  send(request: OutboundRequest): Promise<OutboundResponse>;
}

/** A network failure, timeout or refused address: the attempt has no HTTP status. */
export class OutboundError extends Error {}
/** The guard refused the target before anything was sent: retrying cannot help. */
export class RefusedTargetError extends OutboundError {}

/** A host name pinned to an address (tests, development, the demo tracker) and where it may go. */
export interface HostPin {
  address: string;
  /** The only port the name may be reached on; null: any (tests with receivers on random ports). */
  port: number | null;
  /** The only path prefix it may be reached under (`/demo/tracker/`); null: any. */
  pathPrefix: string | null;
}
export type HostPins = Record<string, HostPin>;

/** The pin for a host name (case and a trailing dot do not matter to a resolver, so not here). */
export function pinFor(pins: HostPins, hostname: string): HostPin | undefined {
  const key = hostname.toLowerCase().replace(/\.+$/, '');
  return Object.hasOwn(pins, key) ? pins[key] : undefined;
}

/**
 * The one send-time check, on the URL about to be requested: http(s) only, no IP literal in any
 * notation, no forbidden name (loopback, private, metadata), and a pinned name only on its port
 * and path. Throws RefusedTargetError; returns the parsed URL to send.
 */
export function guardOutboundUrl(raw: string, pins: HostPins = {}): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedTargetError('refused: not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RefusedTargetError(`refused: a ${url.protocol} URL`);
  // WHATWG has already written any IPv4 notation as dotted decimal and IPv6 in brackets, so only
  // such a host can be an address (ipaddr refuses a name by throwing: that cost a sixth of a
  // busy delivery thread when every host went through it).
  const literal = url.hostname.startsWith('[') || /^[\d.]+$/.test(url.hostname);
  if (literal && ipaddr.isValid(url.hostname.replace(/^\[|\]$/g, '')))
    throw new RefusedTargetError(`refused: the host ${url.hostname} is an IP address`);
  const reason = isForbiddenHost(url.hostname);
  if (reason) throw new RefusedTargetError(`refused: the host "${url.hostname}" ${reason}`);
  const pin = pinFor(pins, url.hostname);
  if (pin) {
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (pin.port !== null && port !== pin.port)
      throw new RefusedTargetError(`refused: ${url.hostname} may only be reached on port ${pin.port}`);
    // `pathname` is normalised (`..` and `%2e%2e` resolved), so a prefix check cannot be walked out of.
    if (pin.pathPrefix !== null && !url.pathname.startsWith(pin.pathPrefix))
      throw new RefusedTargetError(`refused: ${url.hostname} may only be reached under ${pin.pathPrefix}`);
  }
  return url;
}

const PUBLIC_RANGES = new Set(['unicast']);

/** True only for globally routable addresses (not loopback, private, link-local, CGNAT, reserved…). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return PUBLIC_RANGES.has(parsed.range());
}

/**
 * The Web fetch transport (Workers). There is no DNS to check there, so the guard refuses IP
 * literals and forbidden names before fetch; Cloudflare does not route fetches to private networks.
 */
export function createFetchOutbound(fetchImpl: typeof fetch = fetch): OutboundHttp {
  return {
    async send(request) {
      const url = guardOutboundUrl(request.url);
      try {
        const response = await fetchImpl(url.href, {
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          redirect: 'manual',
          signal: AbortSignal.timeout(request.timeoutMs),
        });
        const location = response.headers.get('location');
        if (request.readBodyUpTo === undefined) {
          await response.body?.cancel();
          return { status: response.status, location };
        }
        const body = await readLimited(response, request.readBodyUpTo);
        return { status: response.status, location, body, retryAfter: response.headers.get('retry-after') };
      } catch (error) {
        throw new OutboundError(
          error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${request.timeoutMs / 1000} s`
            : describeError(error),
        );
      }
    },
  };
}

/** The body as text, refusing (OutboundError) one longer than `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new OutboundError(`the answer is longer than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${cause.code}${cause.message ? `: ${cause.message}` : ''}` : error.message;
}

const MAX_REDIRECTS = 3;

/**
 * Sends and follows up to three redirects. Every hop passes the guard here, whatever the
 * transport (which guards again with its pins). A redirect after a POST is followed as a GET
 * (what browsers do for 301-303).
 */
export async function sendFollowingRedirects(
  outbound: OutboundHttp,
  request: OutboundRequest,
): Promise<OutboundResponse & { finalUrl: string }> {
  let current = request;
  for (let hop = 0; ; hop++) {
    let response: OutboundResponse;
    try {
      guardOutboundUrl(current.url);
      response = await outbound.send(current);
    } catch (error) {
      throw hop > 0 && error instanceof RefusedTargetError
        ? new RefusedTargetError(`redirect ${error.message}`)
        : error;
    }
    if (response.status < 300 || response.status >= 400 || !response.location)
      return { ...response, finalUrl: current.url };
    if (hop === MAX_REDIRECTS) throw new OutboundError(`more than ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try {
      next = new URL(response.location, current.url);
    } catch {
      throw new OutboundError(`redirect to an invalid URL: ${response.location}`);
    }
    const keepsMethod = response.status === 307 || response.status === 308;
    const { body: _body, ...withoutBody } = current;
    current = keepsMethod ? { ...current, url: next.href } : { ...withoutBody, url: next.href, method: 'GET' };
  }
}
