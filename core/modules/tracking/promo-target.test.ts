import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { landingWithVisit, SIGN_UP_VISIT_PARAM } from './promo-target.ts';

/** What the landing URL must be, built the plain way (parse, set, serialize) for every click. */
function expected(landingUrl: string, visitParam: string, visitId: string, referralCode: string | null): string {
  const url = new URL(landingUrl);
  url.searchParams.set(visitParam, visitId);
  if (referralCode) {
    url.searchParams.set('ref', referralCode);
    url.searchParams.set(SIGN_UP_VISIT_PARAM, visitId);
  }
  return url.toString();
}

const word = fc.stringMatching(/^[a-z_]{1,8}$/);
const text = fc.string({ maxLength: 8 });
const landing = fc
  .record({
    host: fc.constantFrom('casino.example', 'xn--80ak6aa92e.example', 'shop.example:8443'),
    path: fc.constantFrom('/', '/welcome', '/a%20b/'),
    query: fc.array(fc.tuple(fc.oneof(word, fc.constantFrom('kb_vid', 'ref', 'clickid')), text), { maxLength: 4 }),
    hash: fc.option(text, { nil: undefined }),
  })
  .map(({ host, path, query, hash }) => {
    const url = new URL(`https://${host}${path}`);
    for (const [k, v] of query) url.searchParams.append(k, v);
    if (hash !== undefined) url.hash = hash;
    return url.toString();
  });

describe('landingWithVisit', () => {
  it('gives every click of a link the URL parsing it anew would give, with its own visit id', () => {
    fc.assert(
      fc.property(
        landing,
        fc.oneof(word, fc.constantFrom('kb_vid', 'ref')),
        fc.array(fc.oneof(fc.stringMatching(/^v_[0-9A-Z]{26}$/), fc.constant('prefetch'), text), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.option(fc.oneof(word, text), { nil: null }),
        (url, param, visits, referral) => {
          for (const visit of visits)
            expect(landingWithVisit(url, param, visit, referral)).toBe(expected(url, param, visit, referral));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a landing whose own text holds the stand-in for the visit id as it is', () => {
    const url = 'https://casino.example/?promo=KbVisitMark7q';
    expect(landingWithVisit(url, 'clickid', 'v_1')).toBe('https://casino.example/?promo=KbVisitMark7q&clickid=v_1');
    expect(landingWithVisit(url, 'clickid', 'v_2')).toBe('https://casino.example/?promo=KbVisitMark7q&clickid=v_2');
  });
});
