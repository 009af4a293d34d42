import { html } from 'lit';
import { define } from '../../internal/base-element.ts';
import { KbProfile } from './kb-profile.ts';
import type { Profile } from '../../internal/account/account-types.ts';
import { expect } from '@open-wc/testing';
import { $in, afterEach, cleanupFixtures, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import {
  fill,
  find,
  json,
  makeUser,
  mockApi,
  mountSection,
  problem,
  query,
  stubClipboard,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';

define('kb-profile', KbProfile);

function makeProfile(overrides: { role?: Profile['user']['role'] } = {}): Profile {
  return {
    user: makeUser({ role: overrides.role ?? 'owner', name: 'Olga <b>Owner</b>' }),
    partner: {
      id: 'prt_1',
      name: 'Olga Media',
      company: 'Olga Media GmbH',
      country: 'DE',
      status: 'active',
      referralCode: 'OLGA2025',
    },
    messenger: '@olga',
    phone: null,
    defaultCurrency: 'EUR',
    emailPreferences: { news: true, reports: true, payments: true, security: true },
  };
}

async function mounted(profile: Profile, patchAnswer?: (body: unknown) => Response, locale: 'en' | 'ru' = 'en') {
  const api = mockApi(({ method, path, body }) => {
    if (method === 'GET' && path === '/v1/partner/profile/fields') return json({ fields: [] }); // a program without questions
    if (path !== '/v1/partner/profile') return undefined;
    if (method === 'GET') return json(profile);
    return patchAnswer?.(body);
  });
  const { el } = await mountSection<KbProfile>('kb-profile', { user: profile.user, locale });
  await find(el, 'form[part~="form"]');
  return { el, api };
}

const input = (el: Element, name: string) => $in<HTMLInputElement>(el, `[name="${name}"]`);
const submit = (el: Element) => $in<HTMLButtonElement>(el, 'button[type="submit"]').click();

describe('<kb-profile>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('asks to sign in when no portal provides a session', async () => {
    const el = await fixture<KbProfile>(html`<kb-profile></kb-profile>`);
    expect($in(el, '[part~="status"]').getAttribute('role')).to.equal('status');
    expect(query(el, 'form'), 'form').to.equal(null);
  });

  it('loads the profile and shows account facts as text', async () => {
    const loaded = await mounted(makeProfile());
    api = loaded.api;
    const { el } = loaded;
    expect(api.requests.map((r) => `${r.method} ${r.path}`).sort(), 'requests').to.deep.equal([
      'GET /v1/partner/profile',
      'GET /v1/partner/profile/fields',
    ]);
    expect(query(el, '[part~="answers"]'), 'no questions, no part').to.equal(null);
    expect(textOf(el)).to.include('owner@partner.test');
    expect(textOf(el)).to.include('Owner');
    expect(textOf(el)).to.include('Active');
    expect($in(el, '[part~="referral-code"]').textContent).to.equal('OLGA2025');
    expect(input(el, 'name').value, 'name is text, not markup').to.equal('Olga <b>Owner</b>');
    expect(query(el, 'b'), 'no injected markup').to.equal(null);
    expect(input(el, 'messenger').value).to.equal('@olga');
    expect($in<HTMLSelectElement>(el, '[name="defaultCurrency"]').value).to.equal('EUR');
    expect(input(el, 'country').value).to.equal('DE');
    for (const field of el.shadowRoot!.querySelectorAll('input:not([type="checkbox"]), select')) {
      expect(el.shadowRoot!.querySelector(`label[for="${field.id}"]`) !== null, `label for ${field.id}`).to.equal(true);
    }
  });

  it('copies the referral code and says so', async () => {
    const clipboard = stubClipboard();
    try {
      const loaded = await mounted(makeProfile());
      api = loaded.api;
      $in<HTMLButtonElement>(loaded.el, '[part~="copy-button"]').click();
      await waitFor(() => textOf(loaded.el).includes('Copied'), 1000, 'Copied note');
      expect(clipboard.written.join(), 'clipboard').to.equal('OLGA2025');
      expect($in(loaded.el, '[part~="copy-status"]').getAttribute('role')).to.equal('status');
    } finally {
      clipboard.restore();
    }
  });

  it('sends only the changed fields and shows the saved profile', async () => {
    const loaded = await mounted(makeProfile(), (body) =>
      json({ ...makeProfile(), ...(body as object), user: { ...makeProfile().user, name: 'Olga O.' } }),
    );
    api = loaded.api;
    const { el } = loaded;
    fill(input(el, 'name'), '  Olga O. ');
    fill($in<HTMLSelectElement>(el, '[name="defaultCurrency"]'), 'USDT');
    input(el, 'email-reports').click();
    fill(input(el, 'country'), 'at');
    submit(el);
    await waitFor(() => textOf(el).includes('Your changes are saved.'), 2000, 'saved note');
    const [patch] = api.sent('PATCH /v1/partner/profile');
    expect(patch?.body, 'PATCH body').to.deep.equal({
      name: 'Olga O.',
      defaultCurrency: 'USDT',
      emailPreferences: { reports: false },
      country: 'AT',
    });
    expect($in(el, '[part~="success"]').getAttribute('role')).to.equal('status');
  });

  it('does not call the API when nothing changed', async () => {
    const loaded = await mounted(makeProfile());
    api = loaded.api;
    submit(loaded.el);
    await waitFor(() => textOf(loaded.el).includes('Nothing to save'), 1000, 'unchanged note');
    expect(api.sent('PATCH /v1/partner/profile').length, 'PATCH requests').to.equal(0);
  });

  it('shows a 422 message beside its field', async () => {
    const loaded = await mounted(makeProfile(), () =>
      problem(422, 'validation_failed', 'body.phone: must be a phone number like +49 30 1234567', [
        { path: 'body.phone', message: 'must be a phone number like +49 30 1234567' },
      ]),
    );
    api = loaded.api;
    const { el } = loaded;
    fill(input(el, 'phone'), 'call me');
    submit(el);
    const error = await find(el, '#profile-phone-error');
    expect(error.textContent).to.equal('must be a phone number like +49 30 1234567');
    expect(input(el, 'phone').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'phone').getAttribute('aria-describedby')).to.include('profile-phone-error');
    expect($in(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect($in(el, '[part~="error"]').textContent).to.equal('Please correct the highlighted fields.');
    expect(api.sent('PATCH /v1/partner/profile')[0]?.body, 'body').to.deep.equal({ phone: 'call me' });
    await waitFor(() => el.shadowRoot!.activeElement === input(el, 'phone'), 1000, 'focus on the invalid field');
  });

  it('shows company details as text to analysts and never sends them', async () => {
    const loaded = await mounted(makeProfile({ role: 'analyst' }), () => json(makeProfile({ role: 'analyst' })));
    api = loaded.api;
    const { el } = loaded;
    expect(query(el, '[name="company"]'), 'company input').to.equal(null);
    expect(query(el, '[name="country"]'), 'country input').to.equal(null);
    expect(textOf(el)).to.include('Olga Media GmbH');
    expect(textOf(el)).to.include('Only the owner and admins can change the company details.');
    fill(input(el, 'phone'), '+49 30 1234567');
    submit(el);
    await waitFor(() => api!.sent('PATCH /v1/partner/profile').length === 1, 1000, 'PATCH');
    expect(api.sent('PATCH /v1/partner/profile')[0]?.body).to.deep.equal({ phone: '+49 30 1234567' });
  });

  it('tells the portal when the session has expired', async () => {
    api = mockApi(() => problem(401, 'unauthorized', 'Your session has expired'));
    let expired = 0;
    const listener = () => {
      expired += 1;
    };
    document.addEventListener('kb-session-expired', listener);
    try {
      const { el } = await mountSection<KbProfile>('kb-profile');
      await waitFor(() => textOf(el).includes('your session has ended'), 1000, 'error shown');
      expect(expired, 'kb-session-expired events').to.equal(1);
    } finally {
      document.removeEventListener('kb-session-expired', listener);
    }
  });

  it('reloads for another user without showing the previous profile meanwhile', async () => {
    const second = { ...makeProfile(), user: makeUser({ id: 'usr_other', email: 'other@partner.test' }) };
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    api = mockApi(async ({ method, path }) => {
      if (method !== 'GET' || path !== '/v1/partner/profile') return undefined;
      if (api!.sent('GET /v1/partner/profile').length === 1) return json(makeProfile());
      await gate;
      return json(second);
    });
    const { el, providers } = await mountSection<KbProfile>('kb-profile');
    await waitFor(() => textOf(el).includes('owner@partner.test'), 1000, 'first profile');
    providers.session.setValue({ ...providers.session.value, user: second.user });
    await waitFor(() => api!.sent('GET /v1/partner/profile').length === 2, 1000, 'second GET');
    await el.updateComplete;
    expect(textOf(el), 'while loading').not.to.include('owner@partner.test');
    release();
    await waitFor(() => textOf(el).includes('other@partner.test'), 1000, 'second profile');
  });

  it('speaks Russian', async () => {
    const loaded = await mounted(makeProfile(), undefined, 'ru');
    api = loaded.api;
    const { el } = loaded;
    expect($in(el, '[part~="heading"]').textContent).to.equal('Профиль');
    expect($in(el, 'label[for="profile-defaultCurrency"]').textContent).to.equal('Валюта отчётов по умолчанию');
    expect(textOf(el)).to.include('Владелец');
    expect(textOf(el)).to.include('Новости программы');
  });
});
