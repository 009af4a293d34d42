import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { $in, afterEach, cleanupFixtures, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import {
  API,
  fill,
  find,
  json,
  mockApi,
  problem,
  query,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import type { ContactsOverview, OperatorManager } from './contacts-console-types.ts';
import { KbContactsConsole } from './kb-contacts-console.ts';

define('kb-contacts-console', KbContactsConsole);

const BASE = `${API}/admin/kabinet`;
const P = '/admin/kabinet/v1';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const manager = (over: Partial<OperatorManager> = {}): OperatorManager => ({
  id: 'mgr_anna',
  name: 'Anna Petrova',
  email: 'anna@luckyspin.example',
  messengers: [{ kind: 'telegram', handle: '@anna_aff', url: 'https://t.me/anna_aff' }],
  languages: ['en', 'ru'],
  photoUrl: 'https://api.kabinet.test/v1/public/operators/op_1/managers/mgr_anna/photo/v_1',
  active: true,
  partnerCount: 3,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

const overview = (): ContactsOverview => ({
  program: {
    supportEmail: 'affiliates@luckyspin.example',
    messengers: [],
    hours: { en: 'Mon–Fri 09:00–18:00 CET' },
    note: {},
    updatedAt: '2026-11-01T10:00:00.000Z',
  },
  brands: [
    { brandId: 'brand_casino', brandName: 'Lucky Spin Casino', contacts: null },
    { brandId: 'brand_sport', brandName: 'Lucky Spin Sport', contacts: null },
  ],
});

function consoleApi(extra: (method: string, path: string, body: unknown) => Response | undefined = () => undefined) {
  const managers = [
    manager(),
    manager({ id: 'mgr_boris', name: 'Boris Ivanov', photoUrl: null, active: false, partnerCount: 1 }),
  ];
  return mockApi(({ method, path, body }) => {
    const answer = extra(method, path, body);
    if (answer) return answer;
    if (method === 'GET' && path === `${P}/managers`) return json({ items: managers });
    if (method === 'GET' && path === `${P}/contacts`) return json(overview());
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbContactsConsole>(
    html`<kb-contacts-console api-base=${BASE} locale=${locale}></kb-contacts-console>`,
  );
  await find(el, '[part~="managers"] [part~="manager-item"]');
  return el;
}

function choose(input: HTMLInputElement, file: File) {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<kb-contacts-console>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists managers with photo or initials, partner counts and inactive ones, and the contact cards', async () => {
    api = consoleApi();
    const el = await mounted();
    const items = el.shadowRoot!.querySelectorAll('[part~="manager-item"]');
    expect(items.length).to.equal(2);
    expect(items[0]!.querySelector('img')!.getAttribute('alt')).to.equal('Photo of Anna Petrova');
    expect(text(items[0])).to.include('3 partners');
    expect(text(items[1]!.querySelector('[part~="initials"]'))).to.equal('BI');
    expect(text(items[1])).to.include('1 partner');
    expect(text(items[1])).to.include('Inactive: hidden from partners');
    expect(text(items[1]!.querySelector('[part~="toggle-active"]'))).to.equal('Activate');
    const cards = [...el.shadowRoot!.querySelectorAll('[part~="card"]')].map((c) => text(c.querySelector('h4')));
    expect(cards).to.deep.equal(['All brands (default)', 'Lucky Spin Casino', 'Lucky Spin Sport']);
    expect(text($in(el, '[data-scope="program"]'))).to.include('affiliates@luckyspin.example');
    expect(text($in(el, '[data-scope="brand_casino"]'))).to.include('Not set: partners see the default.');
  });

  it('adds a manager with messengers and a photo: posts the form, then puts the photo', async () => {
    api = consoleApi((method, path) => {
      if (method === 'POST' && path === `${P}/managers`) return json(manager({ id: 'mgr_new', name: 'Clara' }), 201);
      if (method === 'PUT' && path === `${P}/managers/mgr_new/photo`) return json(manager({ id: 'mgr_new' }));
      return undefined;
    });
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="add-manager"]').click();
    const form = await find<HTMLFormElement>(el, 'form[part~="manager-form"]');
    fill($in<HTMLInputElement>(el, '[name="name"]'), ' Clara Smith ');
    fill($in<HTMLInputElement>(el, '[name="email"]'), 'clara@luckyspin.example');
    fill($in<HTMLInputElement>(el, '[name="languages"]'), 'EN, de');
    fill($in<HTMLSelectElement>(el, '[name="messenger-kind-0"]'), 'whatsapp');
    fill($in<HTMLInputElement>(el, '[name="messenger-handle-0"]'), '+356 2123 4567');
    choose(
      $in<HTMLInputElement>(el, '[name="photo"]'),
      new File([new Uint8Array([137, 80, 78, 71])], 'c.png', { type: 'image/png' }),
    );
    for (const field of form.querySelectorAll('input:not([type="checkbox"]), select'))
      expect(form.querySelector(`label[for="${field.id}"]`) !== null, `label for ${field.id}`).to.equal(true);
    form.requestSubmit();
    await waitFor(() => api!.sent(`PUT ${P}/managers/mgr_new/photo`).length === 1, 2000, 'photo upload');
    expect(api.sent(`POST ${P}/managers`)[0]!.body).to.deep.equal({
      name: 'Clara Smith',
      email: 'clara@luckyspin.example',
      languages: ['en', 'de'],
      active: true,
      messengers: [{ kind: 'whatsapp', handle: '+356 2123 4567' }],
    });
    await waitFor(() => text(query(el, '[part~="notice"]')) === 'Saved.', 2000, 'saved note');
    expect(query(el, 'form'), 'form closed').to.equal(null);
  });

  it('refuses a photo over 1 MB before sending anything', async () => {
    api = consoleApi();
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[data-manager-id="mgr_anna"] [part~="edit"]').click();
    await find(el, 'form[part~="manager-form"]');
    choose(
      $in<HTMLInputElement>(el, '[name="photo"]'),
      new File([new Uint8Array(1024 * 1024 + 1)], 'big.png', { type: 'image/png' }),
    );
    $in<HTMLFormElement>(el, 'form').requestSubmit();
    await waitFor(() => text(query(el, '[part~="field-error"]')).includes('larger than 1 MB'), 2000, 'photo error');
    expect($in(el, '[name="photo"]').getAttribute('aria-invalid')).to.equal('true');
    expect(api.requests.filter((r) => r.method !== 'GET')).to.deep.equal([]);
  });

  it('shows a refused handle on the row it was typed in', async () => {
    api = consoleApi((method, path) =>
      method === 'PATCH' && path === `${P}/managers/mgr_anna`
        ? problem(422, 'validation_failed', 'bad', [
            {
              path: 'body.messengers.1.handle',
              reason: 'invalid_format',
              params: { format: 'telegram_username' },
              message: 'x',
            },
          ])
        : undefined,
    );
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[data-manager-id="mgr_anna"] [part~="edit"]').click();
    await find(el, 'form[part~="manager-form"]');
    // Row 0 keeps @anna_aff, row 1 is left empty, row 2 (after "Add a messenger") has the bad handle.
    $in<HTMLButtonElement>(el, '[part~="add-row"]').click();
    await find(el, '[name="messenger-handle-2"]');
    fill($in<HTMLInputElement>(el, '[name="messenger-handle-2"]'), 'not a username');
    $in<HTMLFormElement>(el, 'form').requestSubmit();
    await waitFor(() => query(el, '[name="messenger-handle-2"][aria-invalid="true"]'), 2000, 'row 2 marked');
    expect(text(query(el, '[part~="field-error"]'))).to.include('Telegram username');
    expect(api.sent(`PATCH ${P}/managers/mgr_anna`)[0]!.body).to.deep.include({
      messengers: [
        { kind: 'telegram', handle: '@anna_aff' },
        { kind: 'telegram', handle: 'not a username' },
      ],
    });
    expect(text(query(el, '[part~="form-error"]'))).to.equal('Please correct the highlighted fields.');
  });

  it('deletes a manager after a confirmation that says how many partners lose it', async () => {
    api = consoleApi((method, path) =>
      method === 'DELETE' && path === `${P}/managers/mgr_anna`
        ? json({ id: 'mgr_anna', unassignedPartners: 3 })
        : undefined,
    );
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[data-manager-id="mgr_anna"] [part~="delete"]').click();
    const confirm = await find(el, '[part~="confirm"]');
    expect(text(confirm)).to.include('3 partners will be left without a manager');
    expect(api.sent(`DELETE ${P}/managers/mgr_anna`).length).to.equal(0);
    $in<HTMLButtonElement>(el, '[part~="confirm-delete"]').click();
    await waitFor(() => api!.sent(`DELETE ${P}/managers/mgr_anna`).length === 1, 2000, 'delete');
    await waitFor(() => text(query(el, '[part~="notice"]')).includes('Anna Petrova was deleted.'), 2000, 'notice');
  });

  it('edits a brand’s contact card and removes the program card', async () => {
    api = consoleApi((method, path) => {
      if (method === 'PUT' && path === `${P}/contacts/brand_casino`) return json({ ...overview().program });
      if (method === 'DELETE' && path === `${P}/contacts/program`) return new Response(null, { status: 204 });
      return undefined;
    });
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[data-scope="brand_casino"] [part~="edit"]').click();
    await find(el, 'form[part~="card-form"]');
    fill($in<HTMLInputElement>(el, '[name="supportEmail"]'), 'casino@luckyspin.example');
    fill($in<HTMLInputElement>(el, '[name="messenger-handle-0"]'), '@ls_casino');
    fill($in<HTMLInputElement>(el, '[name="hoursEn"]'), '24/7');
    $in<HTMLFormElement>(el, 'form').requestSubmit();
    await waitFor(() => api!.sent(`PUT ${P}/contacts/brand_casino`).length === 1, 2000, 'card saved');
    expect(api.sent(`PUT ${P}/contacts/brand_casino`)[0]!.body).to.deep.equal({
      supportEmail: 'casino@luckyspin.example',
      messengers: [{ kind: 'telegram', handle: '@ls_casino' }],
      hours: { en: '24/7', ru: '' },
      note: { en: '', ru: '' },
    });
    await waitFor(() => query(el, 'form') === null, 2000, 'form closed');
    // Disabled until the save (and the cards read after it) has finished: a click before then does nothing.
    const clear = () => query<HTMLButtonElement>(el, '[data-scope="program"] [part~="clear"]');
    await waitFor(() => clear()?.disabled === false, 2000, 'remove enabled');
    clear()!.click();
    await waitFor(() => api!.sent(`DELETE ${P}/contacts/program`).length === 1, 2000, 'program card removed');
  });

  it('speaks Russian', async () => {
    api = consoleApi();
    const el = await mounted('ru');
    expect(text($in(el, '[part~="heading"]'))).to.equal('Контакты и менеджеры');
    expect(text($in(el, '[data-manager-id="mgr_anna"] [part~="partner-count"]'))).to.equal('3 партнёра');
    expect(text($in(el, '[data-manager-id="mgr_boris"] [part~="partner-count"]'))).to.include('1 партнёр');
    expect(text($in(el, '[data-scope="program"] h4'))).to.equal('Все бренды (по умолчанию)');
  });
});
