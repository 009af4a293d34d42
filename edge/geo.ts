/**
 * IP → country for Node and Deno, from @ip-location-db/geo-whois-asn-country (CC0 data built
 * from registry WHOIS and ASN records). Loaded once at start into sorted arrays; a lookup is a
 * binary search. Workers use Cloudflare's own `cf-ipcountry` header instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GeoLookup } from '../core/modules/tracking/click-context.ts';

interface RangeTable<T> {
  starts: ArrayLike<T>;
  ends: ArrayLike<T>;
  countries: string[];
}

function loadRanges<T>(
  file: string,
  parse: (n: string) => T,
  allocate: (n: number) => { [i: number]: T; length: number },
): RangeTable<T> {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const starts = allocate(lines.length);
  const ends = allocate(lines.length);
  const countries: string[] = Array.from({ length: lines.length }, () => '');
  lines.forEach((line, i) => {
    const [start, end, country] = line.split(',');
    starts[i] = parse(start!);
    ends[i] = parse(end!);
    countries[i] = country!.trim();
  });
  return { starts, ends, countries };
}

function search<T extends number | bigint>(table: RangeTable<T>, value: T): string | null {
  let lo = 0;
  let hi = table.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (value < table.starts[mid]!) hi = mid - 1;
    else if (value > table.ends[mid]!) lo = mid + 1;
    else return table.countries[mid]!;
  }
  return null;
}

function ipv4ToNumber(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!/^\d{1,3}$/.test(part) || octet > 255) return null;
    n = n * 256 + octet;
  }
  return n;
}

function ipv6ToNumber(ip: string): bigint | null {
  const [head, tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array.from({ length: 8 - left.length - right.length }, () => '0'), ...right];
  if (groups.length !== 8) return null;
  let n = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    n = (n << 16n) | BigInt(parseInt(group, 16));
  }
  return n;
}

/** The tables load on the first lookup (about half a second), not at start-up. */
export function loadGeoLookup(): GeoLookup {
  const dir = dirname(createRequire(import.meta.url).resolve('@ip-location-db/geo-whois-asn-country/package.json'));
  let tables: { v4: RangeTable<number>; v6: RangeTable<bigint> } | null = null;
  const load = () =>
    (tables ??= {
      v4: loadRanges(join(dir, 'geo-whois-asn-country-ipv4-num.csv'), Number, (n) => new Float64Array(n)),
      v6: loadRanges(join(dir, 'geo-whois-asn-country-ipv6-num.csv'), BigInt, (n) => Array.from<bigint>({ length: n })),
    });
  return {
    countryOf(ip) {
      const { v4, v6 } = load();
      const mapped = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
      const v4n = ipv4ToNumber(mapped);
      if (v4n !== null) return search(v4, v4n);
      const v6n = ipv6ToNumber(mapped);
      return v6n === null ? null : search(v6, v6n);
    },
  };
}
