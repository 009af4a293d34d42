/**
 * Postback transport for Node and Deno: node:http(s) with a guarded DNS lookup, so the socket
 * connects to the very address that was checked (no gap for DNS rebinding between a check and
 * the connection). Addresses that are not public are refused. `hostMap` pins host names to
 * addresses for development and tests (e.g. tracker.kabinet.test=127.0.0.1); a pinned name is
 * the operator's explicit choice, so it may point at a private address.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { OutboundError, isPublicAddress, type OutboundHttp } from '../core/modules/postbacks/outbound.ts';

export interface GuardedOutboundOptions {
  hostMap?: Record<string, string>;
}

/** Parses KABINET_POSTBACK_HOST_MAP ("name=ip,name=ip"). */
export function parseHostMap(value: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, address] = pair.split('=');
    if (!name || !address) throw new Error(`KABINET_POSTBACK_HOST_MAP: "${pair}" is not name=address`);
    map[name.toLowerCase()] = address;
  }
  return map;
}

function guardedLookup(hostMap: Record<string, string>): LookupFunction {
  return (hostname, options, callback) => {
    const answer = (address: string) => {
      const family = address.includes(':') ? 6 : 4;
      if ((options as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address, family }]);
      else callback(null, address, family);
    };
    const pinned = hostMap[hostname.toLowerCase()];
    if (pinned) return answer(pinned);
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const chosen = addresses.find((a) => isPublicAddress(a.address));
      if (!chosen) return callback(new OutboundError(`${hostname} resolves to ${addresses.map((a) => a.address).join(', ') || 'nothing'}: not a public address`) as NodeJS.ErrnoException, '', 4);
      answer(chosen.address);
    });
  };
}

export function createGuardedOutbound(options: GuardedOutboundOptions = {}): OutboundHttp {
  const lookup = guardedLookup(options.hostMap ?? {});
  // Keep-alive: a reused socket goes to the address that was checked when it was opened.
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };
  return {
    send(request) {
      return new Promise((resolve, reject) => {
        const url = new URL(request.url);
        const secure = url.protocol === 'https:';
        const client = secure ? https : http;
        const req = client.request(url, { method: request.method, headers: request.headers, lookup, timeout: request.timeoutMs, agent: secure ? agents.https : agents.http }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, location: typeof res.headers.location === 'string' ? res.headers.location : null });
        });
        // `timeout` covers socket idleness; the overall limit is enforced here too.
        const overall = setTimeout(() => req.destroy(new OutboundError(`no answer within ${request.timeoutMs / 1000} s`)), request.timeoutMs);
        req.on('timeout', () => req.destroy(new OutboundError(`no answer within ${request.timeoutMs / 1000} s`)));
        req.on('error', (error) => reject(error instanceof OutboundError ? error : new OutboundError((error as NodeJS.ErrnoException).code ? `${(error as NodeJS.ErrnoException).code}: ${error.message}` : error.message)));
        req.on('close', () => clearTimeout(overall));
        if (request.body !== undefined) req.write(request.body);
        req.end();
      });
    },
  };
}
