import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { $in, afterEach, cleanupFixtures, describe, fixture, it } from '../../internal/test-helpers.ts';
import {
  find,
  json,
  mockApi,
  mountSection,
  problem,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { KbContacts, type PartnerContacts } from './kb-contacts.ts';

define('kb-contacts', KbContacts);

const PHOTO = 'https://api.kabinet.test/v1/public/operators/op_1/managers/mgr_1/photo/v_1';

function makeContacts(overrides: Partial<PartnerContacts> = {}): PartnerContacts {
  return {
    manager: {
      name: 'Anna <b>Petrova</b>',
      email: 'anna@luckyspin.example',
      messengers: [
        { kind: 'telegram', handle: '@anna_aff', url: 'https://t.me/anna_aff' },
        { kind: 'whatsapp', handle: '+35621234567', url: 'https://wa.me/35621234567' },
        // A url the widget must not use: links are built from the handle only.
        { kind: 'skype', handle: 'anna.aff', url: 'javascript:alert(1)' },
      ],
      languages: ['en', 'ru'],
      photoUrl: PHOTO,
    },
    program: {
      supportEmail: 'affiliates@luckyspin.example',
      messengers: [{ kind: 'other', handle: 'https://evil.example/phish', url: null }],
      hours: { en: 'Mon–Fri 09:00–18:00 CET', ru: 'Пн–Пт 09:00–18:00 CET' },
      note: {},
    },
    brands: [
      {
        brandId: 'brand_1',
        brandName: 'Lucky Spin Casino',
        supportEmail: 'casino@luckyspin.example',
        messengers: [{ kind: 'telegram', handle: '@ls_casino', url: 'https://t.me/ls_casino' }],
        hours: { en: '24/7' },
        note: { en: 'VIP questions go to your manager.', ru: 'Вопросы VIP — вашему менеджеру.' },
      },
    ],
    ...overrides,
  };
}

async function mounted(contacts: PartnerContacts | (() => Response), locale: 'en' | 'ru' = 'en') {
  const api = mockApi(({ method, path }) =>
    method === 'GET' && path === '/v1/partner/contacts'
      ? typeof contacts === 'function'
        ? contacts()
        : json(contacts)
      : undefined,
  );
  const { el } = await mountSection<KbContacts>('kb-contacts', { locale });
  return { el, api };
}

/** Every href in the element: only mailto, t.me and wa.me links may appear. */
const hrefs = (el: Element) => [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));

describe('<kb-contacts>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('asks to sign in when no portal provides a session', async () => {
    const el = await fixture<KbContacts>(html`<kb-contacts></kb-contacts>`);
    expect($in(el, '[part~="status"]').getAttribute('role')).to.equal('status');
  });

  it('shows the manager with photo, languages, e-mail and messenger links built from the handles', async () => {
    const loaded = await mounted(makeContacts());
    api = loaded.api;
    const { el } = loaded;
    const card = await find(el, '[part~="manager"]');
    const img = $in<HTMLImageElement>(el, 'img[part~="avatar"]');
    expect(img.getAttribute('src')).to.equal(PHOTO);
    expect(img.alt).to.equal('Photo of Anna <b>Petrova</b>');
    expect(query(el, 'b'), 'the name is text, not markup').to.equal(null);
    expect(card.textContent).to.include('Speaks English and Russian');
    expect(hrefs(el)).to.deep.equal([
      'mailto:anna@luckyspin.example',
      'https://t.me/anna_aff',
      'https://wa.me/35621234567',
      'mailto:affiliates@luckyspin.example',
      'mailto:casino@luckyspin.example',
      'https://t.me/ls_casino',
    ]);
    // Skype and "other" are text: neither the server's url nor a typed address becomes a link.
    expect(textOf(el)).to.include('anna.aff');
    expect(textOf(el)).to.include('https://evil.example/phish');
    for (const a of el.shadowRoot!.querySelectorAll('a[target="_blank"]'))
      expect(a.getAttribute('rel')).to.include('noopener');
    const cards = [...el.shadowRoot!.querySelectorAll('[part~="card"]')].map((c) => c.querySelector('h4')!.textContent);
    expect(cards).to.deep.equal(['All brands', 'Lucky Spin Casino']);
    expect(textOf(el)).to.include('Mon–Fri 09:00–18:00 CET');
    expect(textOf(el)).to.include('VIP questions go to your manager.');
  });

  it('shows initials without a photo and says who to write to without a manager', async () => {
    const noPhoto = makeContacts();
    noPhoto.manager = { ...noPhoto.manager!, name: 'Boris Ivanov', photoUrl: null };
    const first = await mounted(noPhoto);
    api = first.api;
    expect((await find(first.el, '[part~="initials"]')).textContent).to.equal('BI');
    expect(query(first.el, 'img'), 'no image').to.equal(null);
    api.restore();
    cleanupFixtures();

    const second = await mounted(makeContacts({ manager: null }));
    api = second.api;
    const note = await find(second.el, '[part~="no-manager"]');
    expect(note.textContent).to.include('No personal manager is assigned to you yet');
    expect(note.textContent).to.include('support below');
    expect(query(second.el, '[part~="manager"]')).to.equal(null);
  });

  it('says the program has published no contacts when there are none', async () => {
    const loaded = await mounted(makeContacts({ manager: null, program: null, brands: [] }));
    api = loaded.api;
    const note = await find(loaded.el, '[part~="no-manager"]');
    expect(note.textContent).to.include('has not published its support contacts');
    expect(query(loaded.el, '[part~="cards"]')).to.equal(null);
  });

  it('speaks Russian: headings, languages and hours in Russian', async () => {
    const loaded = await mounted(makeContacts(), 'ru');
    api = loaded.api;
    const { el } = loaded;
    await find(el, '[part~="manager"]');
    const text = textOf(el);
    expect(text).to.include('Контакты');
    expect(text).to.include('Ваш менеджер');
    expect(text).to.include('Языки: английский и русский');
    expect(text).to.include('Пн–Пт 09:00–18:00 CET');
    expect(text).to.include('Вопросы VIP — вашему менеджеру.');
    // A brand without Russian hours falls back to English.
    expect(text).to.include('24/7');
    expect(text).to.include('Все бренды');
  });

  it('shows a load failure with a retry that loads again', async () => {
    let calls = 0;
    const loaded = await mounted(() => {
      calls += 1;
      return calls === 1 ? problem(500, 'internal', 'boom') : json(makeContacts());
    });
    api = loaded.api;
    const alert = await find(loaded.el, '[role="alert"]');
    alert.querySelector<HTMLButtonElement>('button')!.click();
    await find(loaded.el, '[part~="manager"]');
    expect(calls).to.equal(2);
  });
});
