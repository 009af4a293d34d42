/** Settings and offer-parameter checks, postback URL building and status reading over the real catalog. */
import { describe, expect, it } from 'vitest';
import { NETWORK_CATALOG, findNetwork, type NetworkDefinition } from './catalog.ts';
import {
  buildNetworkPostbackUrls,
  normaliseNetworkStatus,
  validateNetworkSettings,
  validateOfferParameters,
} from './network-settings.ts';

const network = (key: string): NetworkDefinition => {
  const def = findNetwork(key);
  if (!def) throw new Error(`no network ${key}`);
  return def;
};
const BASE = 'https://kabinet.example/pb/network/nc_1?t=TOKEN';

describe('validateNetworkSettings', () => {
  const zcpa = network('adbees-zcpa');

  it('accepts every network with each of its settings filled in', () => {
    for (const def of NETWORK_CATALOG) {
      expect(
        validateNetworkSettings(def, Object.fromEntries(def.settings.map((s) => [s.key, ` ${s.key}-value `]))),
        def.name,
      ).toEqual([]);
    }
  });

  it('names the missing, empty, too long or non-string setting', () => {
    expect(validateNetworkSettings(zcpa, {})).toEqual([
      {
        path: 'settings.api_token',
        reason: 'required',
        params: {},
        message: 'API token (from your account): required',
      },
    ]);
    expect(validateNetworkSettings(zcpa, { api_token: '   ' })).toEqual([
      {
        path: 'settings.api_token',
        reason: 'required',
        params: {},
        message: 'API token (from your account): must not be empty',
      },
    ]);
    expect(validateNetworkSettings(zcpa, { api_token: 42 })[0]).toMatchObject({
      path: 'settings.api_token',
      reason: 'invalid_type',
      params: { expected: 'string' },
      message: expect.stringContaining('must be a string'),
    });
    expect(validateNetworkSettings(zcpa, { api_token: 'x'.repeat(501) })[0]).toMatchObject({
      reason: 'too_long',
      params: { maximum: 500 },
      message: expect.stringContaining('at most 500 characters'),
    });
    expect(validateNetworkSettings(zcpa, { api_token: ` ${'x'.repeat(500)} ` })).toEqual([]);
  });

  it('refuses settings the network does not take, listing the ones it does', () => {
    const leadrock = network('leadrock');
    expect(validateNetworkSettings(leadrock, { api_key: 'k', api_secret: 's', api_token: 't' })).toEqual([
      {
        path: 'settings.api_token',
        reason: 'unknown_field',
        params: { allowed: ['api_key', 'api_secret'] },
        message: 'not a setting of LeadRock (expected: api_key, api_secret)',
      },
    ]);
    expect(validateNetworkSettings(leadrock, { api_key: 'k' }).map((p) => p.path)).toEqual(['settings.api_secret']);
    // Everad's guide entry lists no settings: none is needed and any is a mistake.
    expect(validateNetworkSettings(network('everad'), {})).toEqual([]);
    expect(validateNetworkSettings(network('everad'), { api_token: 'x' })).toEqual([
      {
        path: 'settings.api_token',
        reason: 'unknown_field',
        params: { allowed: [] },
        message: 'not a setting of Everad (it takes no settings)',
      },
    ]);
  });
});

describe('validateOfferParameters', () => {
  const leadbit = network('leadbit');

  it("accepts any of the network's own parameters", () => {
    expect(validateOfferParameters(leadbit, { leadbit: 'a1B2', leadsite: 'land.example' })).toEqual([]);
    expect(validateOfferParameters(leadbit, { leadsite: 'land.example' })).toEqual([]);
    expect(validateOfferParameters(network('adbees-zcpa'), { zcpa: 'x'.repeat(200) })).toEqual([]);
  });

  it('requires at least one parameter and names the ones there are', () => {
    expect(validateOfferParameters(network('marketcall'), {})).toEqual([
      {
        path: 'parameters',
        reason: 'required_one_of',
        params: { fields: ['mcallc', 'mcallp'] },
        message: 'give at least one offer parameter of MarketCall: mcallc (channel key), mcallp (program ID)',
      },
    ]);
  });

  it('names unknown, empty, too long and non-string parameters', () => {
    expect(validateOfferParameters(leadbit, { leadbit: 'a1B2', leadsites: 'x' })).toEqual([
      {
        path: 'parameters.leadsites',
        reason: 'unknown_field',
        params: { allowed: ['leadbit', 'leadsite'] },
        message: 'not an offer parameter of LeadBit (expected one of: leadbit, leadsite)',
      },
    ]);
    // Only an unknown name: both the name and the missing parameter are reported.
    expect(validateOfferParameters(leadbit, { x: '1' }).map((p) => p.path)).toEqual(['parameters.x', 'parameters']);
    expect(validateOfferParameters(leadbit, { leadbit: ' ' })).toEqual([
      {
        path: 'parameters.leadbit',
        reason: 'required',
        params: {},
        message: expect.stringMatching(/^leadbit \(stream hash.*\): must not be empty$/),
      },
    ]);
    expect(validateOfferParameters(leadbit, { leadbit: 'x'.repeat(201) })[0]).toMatchObject({
      path: 'parameters.leadbit',
      message: expect.stringContaining('at most 200 characters'),
    });
    expect(validateOfferParameters(leadbit, { leadbit: 7 })[0]).toMatchObject({
      path: 'parameters.leadbit',
      message: expect.stringContaining('must be a string'),
    });
  });
});

describe('buildNetworkPostbackUrls', () => {
  it('appends each tail to the base exactly as the guide writes it', () => {
    expect(buildNetworkPostbackUrls(network('adbees-zcpa'), BASE)).toEqual([
      { status: 'global', url: `${BASE}&oid=[sub_id1]&status=[status]&sta=11&stc=12&stt=13` },
    ]);
    expect(buildNetworkPostbackUrls(network('ikon'), BASE).map((u) => [u.status, u.url.slice(BASE.length)])).toEqual([
      ['approve', '&oid={aff_sub1}&status=approve&comment={message}'],
      ['trash', '&oid={aff_sub1}&status=trash&comment={message}'],
      ['cancel', '&oid={aff_sub1}&status=cancel&comment={message}'],
      ['duplicate', '&oid={aff_sub1}&status=cancel&reason=7&comment={message}'],
    ]);
  });

  it('inserts the & a tail is written without (MetaCPA)', () => {
    const urls = buildNetworkPostbackUrls(network('metacpa'), BASE);
    expect(urls.map((u) => u.status)).toEqual(['approve', 'upsell', 'cancel']);
    expect(urls[2]!.url).toBe(`${BASE}&oid={sub1}&status=cancel`);
  });

  it('gives every tails network one URL per tail, starting with the base, and api networks none', () => {
    for (const def of NETWORK_CATALOG) {
      const urls = buildNetworkPostbackUrls(def, BASE);
      if (def.postbacks.mode === 'api') expect(urls, def.name).toEqual([]);
      if (def.postbacks.mode !== 'tails') continue;
      expect(urls).toHaveLength(def.postbacks.tails.length);
      for (const [i, url] of urls.entries()) {
        expect(url.url.startsWith(`${BASE}&`), def.name).toBe(true);
        expect(url.url.endsWith(def.postbacks.tails[i]!.tail), def.name).toBe(true);
      }
    }
  });

  it("builds field-by-field postbacks from the guide's protocol and Kabinet's host, path and token, one per status", () => {
    const urls = buildNetworkPostbackUrls(network('affbayasia'), 'http://kabinet.example:8787/pb/network/nc_9?t=TOK');
    expect(urls.map((u) => u.status)).toEqual(['approve', 'cancel', 'trash']);
    expect(urls[0]!.url).toBe(
      'https://kabinet.example:8787/pb/network/nc_9?t=TOK&id=123-abcde&oid={Click%20ID}&status=accept&comment={Comment}',
    );
    const parsed = urls.map((u) => new URL(u.url));
    expect(parsed.map((u) => u.searchParams.get('status'))).toEqual(['accept', 'cancel', 'trash']);
    for (const u of parsed) {
      expect([u.protocol, u.host, u.pathname, u.searchParams.get('t')]).toEqual([
        'https:',
        'kabinet.example:8787',
        '/pb/network/nc_9',
        'TOK',
      ]);
    }
  });
});

describe('normaliseNetworkStatus', () => {
  it("maps the guide's sta/stc/stt/stw examples to the statuses they name", () => {
    const zcpa = { sta: '11', stc: '12', stt: '13' };
    expect(normaliseNetworkStatus({ status: '11', ...zcpa })).toEqual({ status: 'approve', raw: '11' });
    expect(normaliseNetworkStatus({ status: '12', ...zcpa })).toEqual({ status: 'cancel', raw: '12' });
    expect(normaliseNetworkStatus({ status: '13', ...zcpa })).toEqual({ status: 'trash', raw: '13' });
    expect(normaliseNetworkStatus({ status: 'fake', stt: 'fake', stw: 'in_processing' }).status).toBe('trash');
    expect(normaliseNetworkStatus({ status: 'in_processing', stt: 'fake', stw: 'in_processing' }).status).toBe('hold');
    expect(normaliseNetworkStatus({ status: 'hold', stw: 'hold' }).status).toBe('hold');
    // INB sends its event name; the tail names "Processing" as the wait status, in any case.
    expect(normaliseNetworkStatus({ status: ' processing ', stw: 'Processing' })).toEqual({
      status: 'hold',
      raw: 'processing',
    });
  });

  it("lets the network's own names win over the default vocabulary", () => {
    // Shakes calls trash "reject", which the default vocabulary reads as cancel.
    expect(normaliseNetworkStatus({ status: 'reject' }).status).toBe('cancel');
    expect(normaliseNetworkStatus({ status: 'reject', stt: 'reject' }).status).toBe('trash');
    // A mapping for another word leaves the default vocabulary in force.
    expect(normaliseNetworkStatus({ status: 'approved', stt: 'reject' }).status).toBe('approve');
    // Numeric codes: "1" is approve by default; a network's own codes map through sta/stc/stt.
    expect(normaliseNetworkStatus({ status: '1' }).status).toBe('approve');
    expect(normaliseNetworkStatus({ status: '12', sta: '11', stc: '12' }).status).toBe('cancel');
  });

  it('reads the default vocabulary case-insensitively', () => {
    const cases: Record<string, string> = {
      Approved: 'approve',
      accept: 'approve',
      CONFIRMED: 'approve',
      sale: 'approve',
      paid: 'approve',
      success: 'approve',
      canceled: 'cancel',
      Cancelled: 'cancel',
      declined: 'cancel',
      rejected: 'cancel',
      refused: 'cancel',
      trash: 'trash',
      spam: 'trash',
      invalid: 'trash',
      duplicate: 'trash',
      double: 'trash',
      pending: 'hold',
      new: 'hold',
      lead: 'hold',
      waiting: 'hold',
      '0': 'hold',
    };
    for (const [raw, status] of Object.entries(cases))
      expect(normaliseNetworkStatus({ status: raw }).status, raw).toBe(status);
  });

  it("reads every literal status the catalog's tails and fields send", () => {
    for (const def of NETWORK_CATALOG) {
      const sent =
        def.postbacks.mode === 'tails'
          ? def.postbacks.tails.map((t) => ({ status: t.status, query: new URLSearchParams(t.tail.replace(/^&/, '')) }))
          : def.postbacks.mode === 'fields'
            ? Object.entries(def.postbacks.parameters.find((p) => p.valuesByStatus)?.valuesByStatus ?? {}).map(
                ([status, value]) => ({ status, query: new URLSearchParams({ status: value }) }),
              )
            : [];
      for (const { status, query } of sent) {
        const literal = query.get('status');
        if (!literal || /[[{]/.test(literal)) continue;
        // A duplicate is sent as a cancel (with reason=7), an upsell as an approve.
        const expected = status === 'duplicate' ? 'cancel' : status === 'upsell' ? 'approve' : status;
        expect(normaliseNetworkStatus({ status: literal }).status, `${def.name} ${literal}`).toBe(expected);
      }
    }
  });

  it('keeps an unknown status raw with no mapping, and reads a missing one as nothing', () => {
    expect(normaliseNetworkStatus({ status: 'weird' })).toEqual({ status: null, raw: 'weird' });
    expect(normaliseNetworkStatus({ status: '13' })).toEqual({ status: null, raw: '13' });
    expect(normaliseNetworkStatus({ status: '14', sta: '11', stc: '12', stt: '13' })).toEqual({
      status: null,
      raw: '14',
    });
    expect(normaliseNetworkStatus({ status: '  ' })).toEqual({ status: null, raw: null });
    expect(normaliseNetworkStatus({})).toEqual({ status: null, raw: null });
    // An empty mapping value matches nothing, not an empty status.
    expect(normaliseNetworkStatus({ status: 'x', sta: '' }).status).toBeNull();
  });
});
