import { describe, expect, it } from 'vitest';
import { isForbiddenHost, renderPostbackUrl, scanTemplate, suggestBuiltIn, validatePostbackTemplate } from './template.ts';

const errors = (url: string, scope: 'account' | 'campaign' | 'promo' = 'promo') =>
  validatePostbackTemplate(url, { scope }).filter((p) => p.severity === 'error').map((p) => [p.position, p.message]);

describe('postback templates: the seed document\'s wrong vs correct table', () => {
  it('accepts the correct forms', () => {
    for (const url of [
      'http://track.me/affiliate?a=${track_id}',
      'http://track.me/affiliate?b=${visit_id}',
      'http://track.me/affiliate?c=${clickID}',
      'http://example.com?promo_id=${promo_id}&visit_id=${visit_id}&amount=${amount}&currency=${currency}&b=${webID}&c=${clickID}',
      'http://trackerdomain.com/p.ashx?o=1607&e=525&f=pb&r=${visit_id}',
    ]) expect(errors(url), url).toEqual([]);
  });

  it('names each classic mistake at its position', () => {
    expect(errors('http://track.me/affiliate?a={track_id}')).toEqual([[28, '"{track_id}" is missing the $: write ${track_id}']]);
    expect(errors('http://track.me/affiliate?b=$[visit_id]')).toEqual([[28, '"$[visit_id]" uses square brackets: write ${visit_id}']]);
    expect(errors('http://track.me/affiliate/c=${clickID}')).toEqual([[26, 'Parameters follow the path without a "?": write "?c=${clickID}"']]);
    expect(errors('http://track.me/a?x=$visit_id')).toEqual([[20, '"$visit_id" has no braces: write ${visit_id}']]);
    expect(errors('http://track.me/a?x=${visit_id&y=1')[0]).toEqual([20, '"${visit_id" is not closed: write ${visit_id}']);
  });

  it('suggests the built-in a misspelt macro meant, and lets other names be custom parameters', () => {
    expect(errors('http://t.example/p?v=${visitid}')).toEqual([[21, '${visitid} is not a built-in macro: did you mean ${visit_id}?']]);
    expect(errors('http://t.example/p?v=${Promo_ID}')).toEqual([[21, '${Promo_ID} is not a built-in macro: did you mean ${promo_id}?']]);
    expect(suggestBuiltIn('publisherID')).toBeNull();
    expect(errors('http://t.example/p?id=${publisherID}')).toEqual([]);
  });

  it('refuses other schemes and private, loopback, link-local and metadata hosts', () => {
    expect(errors('ftp://t.example/p')[0]![1]).toContain('"ftp:" is not allowed');
    expect(errors('javascript:alert(1)')[0]![1]).toContain('"javascript:" is not allowed');
    for (const host of ['127.0.0.1', '10.0.0.5', '169.254.169.254', '[::1]', 'localhost', 'db.internal', 'metadata.google.internal', '2130706433', 'router']) {
      expect(errors(`http://${host}/pb?x=1`).length, host).toBeGreaterThan(0);
    }
    expect(isForbiddenHost('tracker.example.com')).toBeNull();
  });

  it('warns, without refusing, when an account-wide postback cannot tell promos apart', () => {
    const problems = validatePostbackTemplate('https://t.example/pb?v=${visit_id}', { scope: 'account' });
    expect(problems).toEqual([{ position: 34, severity: 'warning', code: 'account_postback_without_ids', params: {}, message: expect.stringContaining('${promo_id} or ${campaign_id}') }]);
    expect(validatePostbackTemplate('https://t.example/pb?v=${visit_id}&p=${promo_id}', { scope: 'account' })).toEqual([]);
  });
});

describe('rendering', () => {
  it('encodes each value once and leaves a custom macro with no value as written', () => {
    const url = renderPostbackUrl('https://t.example/pb?v=${visit_id}&a=${amount}&c=${clickID}&w=${webID}&n=${campaign_name}',
      { visit_id: 'v_1', amount: '25.50', campaign_name: 'DE & AT / Q4' }, { clickID: 'a b%2F' });
    expect(url).toBe('https://t.example/pb?v=v_1&a=25.50&c=a%20b%252F&w=${webID}&n=DE%20%26%20AT%20%2F%20Q4');
  });

  it('sends a built-in with no value for this trigger empty', () => {
    expect(renderPostbackUrl('https://t.example/pb?p=${payout}&c=${currency}', { currency: 'EUR' }, {})).toBe('https://t.example/pb?p=&c=EUR');
  });

  it('scans text and macros with their offsets', () => {
    expect(scanTemplate('a${b}c').parts).toEqual([{ kind: 'text', text: 'a', start: 0 }, { kind: 'macro', name: 'b', start: 1, end: 5 }, { kind: 'text', text: 'c', start: 5 }]);
  });
});
