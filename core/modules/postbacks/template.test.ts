import { describe, expect, it } from 'vitest';
import {
  isForbiddenHost,
  renderPostbackUrl,
  scanTemplate,
  suggestBuiltIn,
  validatePostbackTemplate,
} from './template.ts';

const errors = (url: string, scope: 'account' | 'campaign' | 'promo' = 'promo') =>
  validatePostbackTemplate(url, { scope })
    .filter((p) => p.severity === 'error')
    .map((p) => [p.position, p.message]);

describe("postback templates: the seed document's wrong vs correct table", () => {
  it('accepts the correct forms', () => {
    for (const url of [
      'http://track.me/affiliate?a=${track_id}',
      'http://track.me/affiliate?b=${visit_id}',
      'http://track.me/affiliate?c=${clickID}',
      'http://example.com?promo_id=${promo_id}&visit_id=${visit_id}&amount=${amount}&currency=${currency}&b=${webID}&c=${clickID}',
      'http://trackerdomain.com/p.ashx?o=1607&e=525&f=pb&r=${visit_id}',
    ])
      expect(errors(url), url).toEqual([]);
  });

  it('names each classic mistake at its position', () => {
    expect(errors('http://track.me/affiliate?a={track_id}')).toEqual([
      [28, '"{track_id}" is missing the $: write ${track_id}'],
    ]);
    expect(errors('http://track.me/affiliate?b=$[visit_id]')).toEqual([
      [28, '"$[visit_id]" uses square brackets: write ${visit_id}'],
    ]);
    expect(errors('http://track.me/affiliate/c=${clickID}')).toEqual([
      [26, 'Parameters follow the path without a "?": write "?c=${clickID}"'],
    ]);
    expect(errors('http://track.me/a?x=$visit_id')).toEqual([[20, '"$visit_id" has no braces: write ${visit_id}']]);
    expect(errors('http://track.me/a?x=${visit_id&y=1')[0]).toEqual([
      20,
      '"${visit_id" is not closed: write ${visit_id}',
    ]);
  });

  it("warns (did you mean) about a name near a built-in but saves it: click parameters are the partner's own names, case and all", () => {
    const warnings = (url: string) =>
      validatePostbackTemplate(url, { scope: 'promo' }).map((p) => [p.severity, p.position, p.code, p.message]);
    expect(warnings('http://t.example/p?v=${visitid}')).toEqual([
      [
        'warning',
        21,
        'unknown_builtin',
        "${visitid} is not a built-in macro, so it is read from the click's own parameters: did you mean ${visit_id}?",
      ],
    ]);
    expect(warnings('http://t.example/p?v=${Promo_ID}')).toEqual([
      ['warning', 21, 'unknown_builtin', expect.stringContaining('did you mean ${promo_id}?')],
    ]);
    for (const near of ['${VISIT_ID}', '${campaign}', '${visitid}'])
      expect(errors(`http://t.example/p?v=${near}&p=\${promo_id}`, 'account'), near).toEqual([]);
    expect(suggestBuiltIn('publisherID')).toBeNull();
    expect(suggestBuiltIn('clickID')).toBeNull();
    expect(validatePostbackTemplate('http://t.example/p?id=${publisherID}&c=${clickID}', { scope: 'promo' })).toEqual(
      [],
    );
  });

  it('refuses other schemes and private, loopback, link-local and metadata hosts', () => {
    expect(errors('ftp://t.example/p')[0]![1]).toContain('"ftp:" is not allowed');
    expect(errors('javascript:alert(1)')[0]![1]).toContain('"javascript:" is not allowed');
    for (const host of [
      '127.0.0.1',
      '10.0.0.5',
      '169.254.169.254',
      '[::1]',
      'localhost',
      'db.internal',
      'metadata.google.internal',
      '2130706433',
      'router',
    ]) {
      expect(errors(`http://${host}/pb?x=1`).length, host).toBeGreaterThan(0);
    }
    expect(isForbiddenHost('tracker.example.com')).toBeNull();
  });

  it('refuses a macro in the scheme, host or port, with its code and position', () => {
    const inHost = (url: string) =>
      validatePostbackTemplate(url, { scope: 'promo' })
        .filter((p) => p.code === 'macro_in_host')
        .map((p) => [p.position, p.params.name]);
    expect(inHost('http://${a}.${b}:8080/x')).toEqual([
      [7, 'a'],
      [12, 'b'],
    ]);
    expect(inHost('http://t.example:${port}/x')).toEqual([[17, 'port']]);
    expect(inHost('https://${sub}.tracker.example/pb?c=${clickID}')).toEqual([[8, 'sub']]);
    expect(inHost('http://user${u}@t.example/pb')).toEqual([[11, 'u']]);
    expect(inHost('${base}/pb?c=${clickID}')).toEqual([[0, 'base']]);
    expect(inHost('http:\\\\${h}\\pb')).toEqual([[7, 'h']]);
    expect(validatePostbackTemplate('http://${a}.${b}:8080/x', { scope: 'promo' })[0]).toMatchObject({
      severity: 'error',
      code: 'macro_in_host',
      message: expect.stringContaining('${a} is in the scheme, host or port'),
    });
    // In the path and the query, macros are values (each URL-encoded once).
    expect(inHost('http://t.example/${a}/x?h=${b}')).toEqual([]);
  });

  it('refuses raw whitespace inside the URL and counts positions in the string as given', () => {
    const all = (url: string) => validatePostbackTemplate(url, { scope: 'promo' }).map((p) => [p.position, p.code]);
    expect(all('http://t.example/p?x=a b&y=${visit_id}')).toEqual([[22, 'whitespace']]);
    expect(all('http://t.example/p?x=a\tb')).toEqual([[22, 'whitespace']]);
    // Leading spaces are trimmed on save; every position still points into the string as typed.
    expect(all('  http://localhost/p?x={visit_id}')).toEqual([
      [9, 'forbidden_host'],
      [23, 'missing_dollar'],
    ]);
    expect(validatePostbackTemplate(' https://t.example/pb', { scope: 'account' })).toEqual([
      expect.objectContaining({ position: 21, code: 'account_postback_without_ids' }),
    ]);
  });

  it('points at a host written in another notation where it is written', () => {
    const host = (url: string) =>
      validatePostbackTemplate(url, { scope: 'promo' })
        .filter((p) => p.code === 'forbidden_host')
        .map((p) => [p.position, p.params.host]);
    expect(host('http://0x7f000001/pb')).toEqual([[7, '127.0.0.1']]);
    expect(host('http://2130706433:80/pb')).toEqual([[7, '127.0.0.1']]);
    expect(host('http://u:p@127.1/pb')).toEqual([[11, '127.0.0.1']]);
    expect(host('http://[::ffff:127.0.0.1]/pb')).toEqual([[7, '[::ffff:7f00:1]']]);
  });

  it('finds parameters after a path with no "?" even when the fragment has one', () => {
    expect(errors('http://t.example/pb/c=${clickID}#top?x')).toEqual([
      [20, 'Parameters follow the path without a "?": write "?c=${clickID}"'],
    ]);
    expect(errors('http://t.example/pb?c=${clickID}#a=b')).toEqual([]);
  });

  it('warns, without refusing, when an account-wide postback cannot tell promos apart', () => {
    const problems = validatePostbackTemplate('https://t.example/pb?v=${visit_id}', { scope: 'account' });
    expect(problems).toEqual([
      {
        position: 34,
        severity: 'warning',
        code: 'account_postback_without_ids',
        params: {},
        message: expect.stringContaining('${promo_id} or ${campaign_id}'),
      },
    ]);
    expect(validatePostbackTemplate('https://t.example/pb?v=${visit_id}&p=${promo_id}', { scope: 'account' })).toEqual(
      [],
    );
  });
});

describe('rendering', () => {
  it('encodes each value once and leaves a custom macro with no value as written', () => {
    const url = renderPostbackUrl(
      'https://t.example/pb?v=${visit_id}&a=${amount}&c=${clickID}&w=${webID}&n=${campaign_name}',
      { visit_id: 'v_1', amount: '25.50', campaign_name: 'DE & AT / Q4' },
      { clickID: 'a b%2F' },
    );
    expect(url).toBe('https://t.example/pb?v=v_1&a=25.50&c=a%20b%252F&w=${webID}&n=DE%20%26%20AT%20%2F%20Q4');
  });

  it('sends a built-in with no value for this trigger empty', () => {
    expect(renderPostbackUrl('https://t.example/pb?p=${payout}&c=${currency}', { currency: 'EUR' }, {})).toBe(
      'https://t.example/pb?p=&c=EUR',
    );
  });

  it('scans text and macros with their offsets', () => {
    expect(scanTemplate('a${b}c').parts).toEqual([
      { kind: 'text', text: 'a', start: 0 },
      { kind: 'macro', name: 'b', start: 1, end: 5 },
      { kind: 'text', text: 'c', start: 5 },
    ]);
  });
});
