/**
 * Postback transport for Node and Deno: node:http(s) with a guarded DNS lookup, so the socket
 * connects to the very address that was checked (no gap for DNS rebinding between a check and
 * the connection). node:http never calls `lookup` for an IP literal, so every request first
 * passes the shared guard (guardOutboundUrl: literals in any notation and forbidden names
 * refused, pins held to their port and path); names then resolve here, and addresses that are
 * not public are refused. Pins map host names to addresses for development, tests and the demo
 * tracker; a pinned name is the operator's explicit choice, so it may point at a private address.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import {
  OutboundError,
  guardOutboundUrl,
  isPublicAddress,
  pinFor,
  type HostPin,
  type HostPins,
  type OutboundHttp,
  type OutboundRequest,
  type OutboundResponse,
} from '../core/modules/postbacks/outbound.ts';

type Resolve = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export interface GuardedOutboundOptions {
  /** Pins; a bare address reaches any port and path of it (as `name=address` does). */
  hostMap?: Record<string, HostPin | string>;
  /** The resolver (tests stand in one that answers a private address for a public-looking name). */
  resolve?: Resolve;
}

const PIN = /^(\[[^\]]+\]|[^:/[\]]+)(?::(\d{1,5}))?(\/.*)?$/;

/**
 * Parses KABINET_POSTBACK_HOST_MAP: `name=address[:port][/path-prefix]`, comma-separated
 * (`tracker.example=127.0.0.1:8787/demo/tracker/`; IPv6 in brackets). With a port the name
 * reaches that port only, with a path only URLs under it; a bare `name=address` reaches any port
 * of that address (tests with receivers on random ports).
 */
export function parseHostMap(value: string | undefined): HostPins {
  const pins: HostPins = {};
  for (const pair of (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, target] = pair.split('=');
    const match = PIN.exec(target ?? '');
    const address = match?.[1]?.replace(/^\[|\]$/g, '');
    if (!name || !match || !address || !ipaddr.isValid(address))
      throw new Error(`KABINET_POSTBACK_HOST_MAP: "${pair}" is not name=address[:port][/path]`);
    pins[name.toLowerCase().replace(/\.+$/, '')] = {
      address,
      port: match[2] ? Number(match[2]) : null,
      pathPrefix: match[3] ?? null,
    };
  }
  return pins;
}

const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

function guardedLookup(pins: HostPins, resolve: Resolve): LookupFunction {
  return (hostname, options, callback) => {
    const answer = (address: string) => {
      const family = address.includes(':') ? 6 : 4;
      if ((options as { all?: boolean }).all)
        (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address, family }]);
      else callback(null, address, family);
    };
    const pinned = pinFor(pins, hostname);
    if (pinned) return answer(pinned.address);
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const chosen = addresses.find((a) => isPublicAddress(a.address));
      // Which private address a name has stays unsaid: the partner reads this error in the log.
      if (!chosen)
        return callback(
          new OutboundError(`${hostname} does not resolve to a public address`) as NodeJS.ErrnoException,
          '',
          4,
        );
      answer(chosen.address);
    });
  };
}

/** The reused socket was already closed by the server: nothing was sent, so sending again is safe. */
class StaleSocketError extends OutboundError {}

export function createGuardedOutbound(options: GuardedOutboundOptions = {}): OutboundHttp {
  const pins: HostPins = {};
  for (const [name, pin] of Object.entries(options.hostMap ?? {})) {
    pins[name.toLowerCase().replace(/\.+$/, '')] =
      typeof pin === 'string' ? { address: pin, port: null, pathPrefix: null } : pin;
  }
  const lookup = guardedLookup(pins, options.resolve ?? systemResolve);
  // Keep-alive: a reused socket goes to the address that was checked when it was opened.
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };
  return {
    async send(request) {
      try {
        return await sendOnce(request);
      } catch (error) {
        // A kept-alive socket the server closed while it sat idle fails at once, before the
        // server read anything: Node's documented case for one retry on a fresh socket.
        if (error instanceof StaleSocketError) return sendOnce(request);
        throw error;
      }
    },
  };

  function sendOnce(request: OutboundRequest): Promise<OutboundResponse> {
    const url = guardOutboundUrl(request.url, pins);
    return new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const client = secure ? https : http;
      let answered = false;
      const req = client.request(
        url,
        {
          method: request.method,
          headers: request.headers,
          lookup,
          timeout: request.timeoutMs,
          agent: secure ? agents.https : agents.http,
        },
        (res) => {
          answered = true;
          const status = res.statusCode ?? 0;
          const location = typeof res.headers.location === 'string' ? res.headers.location : null;
          const limit = request.readBodyUpTo;
          if (limit === undefined) {
            res.resume();
            return resolve({ status, location });
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) req.destroy(new OutboundError(`the answer is longer than ${limit} bytes`));
            else chunks.push(chunk);
          });
          res.on('error', (error) =>
            reject(
              error instanceof OutboundError ? error : new OutboundError(`the answer broke off: ${error.message}`),
            ),
          );
          res.on('end', () =>
            resolve({
              status,
              location,
              body: Buffer.concat(chunks).toString('utf8'),
              retryAfter: typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : null,
            }),
          );
        },
      );
      // `timeout` covers socket idleness; the overall limit is enforced here too.
      const overall = setTimeout(
        () => req.destroy(new OutboundError(`no answer within ${request.timeoutMs / 1000} s`)),
        request.timeoutMs,
      );
      req.on('timeout', () => req.destroy(new OutboundError(`no answer within ${request.timeoutMs / 1000} s`)));
      req.on('error', (error) =>
        reject(
          req.reusedSocket && !answered && (error as NodeJS.ErrnoException).code === 'ECONNRESET'
            ? new StaleSocketError(error.message)
            : error instanceof OutboundError
              ? error
              : new OutboundError(
                  (error as NodeJS.ErrnoException).code
                    ? `${(error as NodeJS.ErrnoException).code}: ${error.message}`
                    : error.message,
                ),
        ),
      );
      req.on('close', () => clearTimeout(overall));
      if (request.body !== undefined) req.write(request.body);
      req.end();
    });
  }
}
