/**
 * What a click says about itself: the raw query (kept byte for byte), device, OS, browser, bot
 * flag, country and a truncated IP. Pure functions over the request; nothing here writes.
 */
import Bowser from 'bowser';
import { isbot } from 'isbot';

export interface GeoLookup {
  countryOf(ip: string): string | null;
}

/**
 * Every `key=value` pair of the query string exactly as sent: no percent-decoding (a value like
 * `%/n/h3D1021df233` is not valid encoding and must survive), duplicates and empty values kept.
 */
export function rawQueryPairs(url: string): Array<[string, string]> {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  if (!query) return [];
  return query
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    });
}

/** Decodes for display or matching when possible, and falls back to the raw text. */
export function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** IPv4 to its /24, IPv6 to its /48: enough for fraud patterns, not enough to name a person. */
export function truncateIp(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (ip.includes(':')) {
    const [head] = ip.split('::');
    const groups = (head ?? '').split(':').filter(Boolean);
    return `${[...groups, '0', '0', '0'].slice(0, 3).join(':')}::/48`;
  }
  return null;
}

export interface ClientTraits {
  device: 'desktop' | 'mobile' | 'tablet' | 'tv' | 'bot' | 'unknown';
  os: string | null;
  browser: string | null;
  isBot: boolean;
}

export function describeClient(userAgent: string | null): ClientTraits {
  if (!userAgent) return { device: 'unknown', os: null, browser: null, isBot: true };
  const bot = isbot(userAgent);
  const ua = Bowser.parse(userAgent);
  const type = ua.platform.type as ClientTraits['device'] | undefined;
  return {
    device: bot ? 'bot' : type && ['desktop', 'mobile', 'tablet', 'tv'].includes(type) ? type : 'unknown',
    os: ua.os.name ?? null,
    browser: ua.browser.name ?? null,
    isBot: bot,
  };
}

/**
 * describeClient with a bounded memory of the agents it has seen: parsing a user agent (isbot's
 * pattern and Bowser) is a large share of a click's own work, and real traffic repeats a few
 * hundred agents. The oldest entry leaves when the memory is full; very long agents (rare, mostly
 * bots and junk) are parsed every time rather than crowd out the common ones.
 */
export function createClientDescriber(maxEntries = 2_000): (userAgent: string | null) => ClientTraits {
  const seen = new Map<string, ClientTraits>();
  return (userAgent) => {
    if (!userAgent || userAgent.length > 512) return describeClient(userAgent);
    let traits = seen.get(userAgent);
    if (!traits) {
      traits = Object.freeze(describeClient(userAgent));
      if (seen.size >= maxEntries) seen.delete(seen.keys().next().value!);
      seen.set(userAgent, traits);
    }
    return traits;
  };
}

/** Browsers announce speculative loads; those are not visits and must not count. */
export function isPrefetch(headers: Headers): boolean {
  const purpose =
    `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''} ${headers.get('x-purpose') ?? ''} ${headers.get('x-moz') ?? ''}`.toLowerCase();
  return /prefetch|prerender|preview/.test(purpose);
}
