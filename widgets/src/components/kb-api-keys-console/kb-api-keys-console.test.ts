import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { $in, afterEach, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import {
  API,
  find,
  json,
  mockApi,
  problem,
  query,
  stubClipboard,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { eachTestApi } from '../../internal/statistics/statistics-test-kit.ts';
import { KbApiKeysConsole } from './kb-api-keys-console.ts';
import type { ApiKey } from './api-keys-types.ts';

define('kb-api-keys-console', KbApiKeysConsole);

const V1 = '/v1/operator/api_keys';
const SECRET = 'kb_sk_live_9f3a7c1e5b2d4f6a8c0e1b3d5f7a9c2e';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const texts = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map(text);
const inRow = <E extends Element = HTMLElement>(el: Element, id: string, selector: string) =>
  query<E>(el, `[data-key-id="${id}"] ${selector}`);

const SYNC: ApiKey = {
  id: 'key_sync',
  name: 'Backoffice sync',
  prefix: 'kb_sk_live',
  createdAt: '2026-11-01T09:00:00.000Z',
  lastUsedAt: '2026-12-01T08:30:00.000Z',
  revokedAt: null,
};
const OLD: ApiKey = {
  ...SYNC,
  id: 'key_old',
  name: 'Old tracker',
  lastUsedAt: null,
  revokedAt: '2026-11-20T10:00:00.000Z',
};

type Route = Parameters<typeof mockApi>[0];
function keysApi(route: Route = () => undefined): ApiMock {
  return mockApi(async (request) => {
    const answer = await route(request);
    if (answer) return answer;
    if (request.method === 'GET' && request.path === V1) return json({ items: [SYNC, OLD] });
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbApiKeysConsole>(
    html`<kb-api-keys-console api-base=${API} locale=${locale}></kb-api-keys-console>`,
  );
  await find(el, '[part~="key-row"]');
  return el;
}
const shadowHtml = (el: Element) => el.shadowRoot!.innerHTML;

describe('<kb-api-keys-console>', () => {
  const stub = eachTestApi();
  afterEach(async () => {
    await setViewport({ width: 1280, height: 800 });
  });

  it('lists keys with their first characters, dates and status; a revoked key stays listed without actions', async () => {
    stub(keysApi());
    const el = await mounted();
    expect(texts(el, '[part~="key-name"]')).to.deep.equal(['Backoffice sync', 'Old tracker']);
    expect(text(inRow(el, SYNC.id, '[part~="key-prefix"]'))).to.equal('kb_sk_live…');
    expect(text(inRow(el, OLD.id, '[part~="key-last-used"]'))).to.equal('Never');
    expect(text(inRow(el, OLD.id, '[part~="key-status"]'))).to.match(/^Revoked /);
    expect(inRow(el, OLD.id, '[part~="revoke"]')).to.equal(null);
    expect(text(inRow(el, SYNC.id, '[part~="key-status"]'))).to.equal('Active');
  });

  it('shows a new key’s secret once with a copy button; Done removes it from the page and the element', async () => {
    const clipboard = stubClipboard();
    try {
      const created = { ...SYNC, id: 'key_new', name: 'Reports export', lastUsedAt: null, secret: SECRET };
      const api = stub(keysApi((r) => (r.method === 'POST' && r.path === V1 ? json(created, 201) : undefined)));
      const el = await mounted();
      $in<HTMLInputElement>(el, '#key-name').value = 'Reports export';
      $in<HTMLButtonElement>(el, '[part~="submit"]').click();
      const value = await find(el, '[part~="secret-value"]');
      expect(api.sent(`POST ${V1}`)[0]!.body).to.deep.equal({ name: 'Reports export' });
      expect(text(value)).to.equal(SECRET);
      expect(text(query(el, '[part~="secret-once"]'))).to.equal(
        'Copy it now: you will not see it again. Kabinet keeps only a fingerprint of it.',
      );
      expect(texts(el, '[part~="key-name"]')[0]).to.equal('Reports export');
      expect(text(inRow(el, 'key_new', '[part~="key-prefix"]'))).to.not.include(SECRET);
      $in<HTMLButtonElement>(el, '[part~="copy-button"]').click();
      await waitFor(() => text(query(el, '[part~="copy-status"]')) === 'Copied.', 1000);
      expect(clipboard.written).to.deep.equal([SECRET]);
      $in<HTMLButtonElement>(el, '[part~="done"]').click();
      await waitFor(() => !query(el, '[part~="secret"]'), 1000, 'the secret gone');
      expect(shadowHtml(el)).to.not.include(SECRET);
      const held = Object.values(el).filter(
        (v) => typeof v === 'string' || (v && typeof v === 'object' && 'secret' in v),
      );
      expect(JSON.stringify(held), 'no field of the element holds it').to.not.include(SECRET);
      expect((el as unknown as { shown: unknown }).shown).to.equal(null);
    } finally {
      clipboard.restore();
    }
  });

  it('words a refused name beside the field (422)', async () => {
    stub(
      keysApi((r) =>
        r.method === 'POST'
          ? problem(422, 'validation_failed', 'Invalid', [
              { path: 'body.name', reason: 'too_small', message: 'Too small', params: { minimum: 1 } },
            ])
          : undefined,
      ),
    );
    const el = await mounted('ru');
    $in<HTMLButtonElement>(el, '[part~="submit"]').click();
    const error = await find(el, '#key-name-error');
    expect(text(error)).to.not.equal('');
    expect(text(error)).to.not.include('Too small');
    expect($in(el, '#key-name').getAttribute('aria-invalid')).to.equal('true');
    expect(text(query(el, '[part~="create"] [part~="error"]'))).to.equal('Проверьте отмеченные поля.');
  });

  it('asks before revoking; Cancel sends nothing; after Revoke the key stays listed as revoked', async () => {
    const api = stub(
      keysApi((r) =>
        r.path === `${V1}/${SYNC.id}/revoke` ? json({ ...SYNC, revokedAt: '2026-12-03T10:00:00.000Z' }) : undefined,
      ),
    );
    const el = await mounted();
    $in<HTMLButtonElement>(el, `[data-key-id="${SYNC.id}"] [part~="revoke"]`).click();
    const confirm = await find(el, '[part~="confirm"]');
    expect(text(confirm)).to.include('cannot be undone');
    $in<HTMLButtonElement>(el, '[part~="confirm"] [part~="cancel"]').click();
    await waitFor(() => !query(el, '[part~="confirm"]'), 1000);
    expect(api.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
    $in<HTMLButtonElement>(el, `[data-key-id="${SYNC.id}"] [part~="revoke"]`).click();
    await find(el, '[part~="confirm"]');
    expect(
      api.requests.filter((r) => r.method !== 'GET'),
      'nothing before the confirmation',
    ).to.have.length(0);
    $in<HTMLButtonElement>(el, '[part~="confirm-yes"]').click();
    await waitFor(() => text(inRow(el, SYNC.id, '[part~="key-status"]')).startsWith('Revoked'), 1000);
    expect(api.sent(`POST ${V1}/${SYNC.id}/revoke`)).to.have.length(1);
    expect(texts(el, '[part~="key-name"]')).to.deep.equal(['Backoffice sync', 'Old tracker']);
    expect(text(query(el, '[part~="notice"]'))).to.equal('“Backoffice sync” is revoked: it no longer works.');
  });

  it('rotates after saying the old secret stops at once; the new secret is shown once and the old key is revoked', async () => {
    let rotated = false;
    const fresh = { ...SYNC, id: 'key_sync2', lastUsedAt: null, createdAt: '2026-12-03T10:00:00.000Z' };
    stub(
      keysApi((r) => {
        if (r.path === `${V1}/${SYNC.id}/rotate`) {
          rotated = true;
          return json({ ...fresh, secret: SECRET }, 201);
        }
        if (r.method === 'GET' && rotated)
          return json({ items: [fresh, { ...SYNC, revokedAt: '2026-12-03T10:00:00.000Z' }, OLD] });
        return undefined;
      }),
    );
    const el = await mounted();
    $in<HTMLButtonElement>(el, `[data-key-id="${SYNC.id}"] [part~="rotate"]`).click();
    expect(text(await find(el, '[part~="confirm"]'))).to.include('stops working at once: there is no grace period');
    $in<HTMLButtonElement>(el, '[part~="confirm-yes"]').click();
    expect(text(await find(el, '[part~="secret-value"]'))).to.equal(SECRET);
    expect(text(query(el, '[part~="secret-title"]'))).to.include('The old secret stopped working at once');
    expect(texts(el, '[part~="key-name"]')).to.deep.equal(['Backoffice sync', 'Backoffice sync', 'Old tracker']);
    expect(text(inRow(el, SYNC.id, '[part~="key-status"]'))).to.match(/^Revoked /);
    $in<HTMLButtonElement>(el, '[part~="done"]').click();
    await waitFor(() => !shadowHtml(el).includes(SECRET), 1000, 'the secret gone');
  });

  it('says to sign in as an owner when there is no session', async () => {
    stub(mockApi(() => problem(401, 'unauthorized', 'No session')));
    const el = await fixture<KbApiKeysConsole>(
      html`<kb-api-keys-console api-base=${API} locale="en"></kb-api-keys-console>`,
    );
    await waitFor(() => text(query(el, '[part~="error"] p')) === 'Sign in as a staff owner to manage API keys.', 1000);
  });

  it('tells a staff user of another role that only an owner may (403)', async () => {
    stub(mockApi(() => problem(403, 'forbidden_for_role', 'No', [], { role: 'viewer', allowed: ['owner'] })));
    const el = await fixture<KbApiKeysConsole>(
      html`<kb-api-keys-console api-base=${API} locale="ru"></kb-api-keys-console>`,
    );
    await waitFor(
      () =>
        text(query(el, '[part~="error"] p')) ===
        'Видеть API-ключи и управлять ими может только владелец; вашей роли это недоступно.',
      1000,
    );
  });

  it('collapses to cards at 390 px; the secret wraps inside the page', async () => {
    stub(keysApi((r) => (r.method === 'POST' ? json({ ...SYNC, id: 'key_new', secret: SECRET }, 201) : undefined)));
    await setViewport({ width: 390, height: 800 });
    const el = await mounted();
    $in<HTMLInputElement>(el, '#key-name').value = 'Phone';
    $in<HTMLButtonElement>(el, '[part~="submit"]').click();
    const value = await find(el, '[part~="secret-value"]');
    const wrap = query(el, '[part~="table-wrap"]')!;
    await waitFor(() => wrap.scrollWidth <= wrap.clientWidth + 1, 1000, 'no sideways scroll');
    expect(getComputedStyle(wrap.querySelector('thead')!).position, 'headers hidden as cards').to.equal('absolute');
    expect(value.getBoundingClientRect().right).to.be.at.most(390);
    expect(query(el, '[part~="done"]')!.getBoundingClientRect().right).to.be.at.most(390);
  });
});
