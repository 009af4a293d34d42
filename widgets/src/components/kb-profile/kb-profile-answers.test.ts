import { define } from '../../internal/base-element.ts';
import { KbProfile } from './kb-profile.ts';
import type { Profile } from '../../internal/account/account-types.ts';
import type { FieldAnswer, RegistrationField } from '../../internal/registration-fields.ts';
import { expect } from '@open-wc/testing';
import { $in, afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import {
  fill,
  find,
  json,
  makeUser,
  mockApi,
  mountSection,
  problem,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';

if (!customElements.get('kb-profile')) define('kb-profile', KbProfile);

type Answered = RegistrationField & { value: FieldAnswer };

const profileOf = (role: Profile['user']['role']): Profile => ({
  user: makeUser({ role }),
  partner: { id: 'prt_1', name: 'Olga Media', company: null, country: 'DE', status: 'active', referralCode: 'OLGA' },
  messenger: null,
  phone: null,
  defaultCurrency: 'EUR',
  emailPreferences: { news: true, reports: true, payments: true, security: true },
});

const answered = (): Answered[] => [
  {
    key: 'traffic_source',
    label: { en: 'Main traffic source', ru: 'Основной источник трафика' },
    kind: 'select',
    options: [
      { value: 'seo', label: { en: 'SEO', ru: 'SEO' } },
      { value: 'ppc', label: { en: 'Paid ads', ru: 'Платная реклама' } },
    ],
    required: true,
    value: 'seo',
  },
  {
    key: 'website',
    label: { en: 'Website', ru: 'Сайт' },
    kind: 'text',
    options: [],
    required: false,
    value: 'https://olga.example',
  },
  {
    key: 'monthly_ftd',
    label: { en: 'First deposits a month', ru: 'Первых депозитов в месяц' },
    kind: 'text',
    options: [],
    required: true,
    value: '40',
  },
  {
    key: 'news',
    label: { en: 'Send me offers', ru: 'Присылать предложения' },
    kind: 'checkbox',
    options: [],
    required: false,
    value: false,
  },
];

async function mounted(options: {
  role?: Profile['user']['role'];
  fields?: Answered[];
  patch?: (body: unknown) => Response;
  locale?: 'en' | 'ru';
}) {
  const profile = profileOf(options.role ?? 'owner');
  const api = mockApi(({ method, path, body }) => {
    if (path === '/v1/partner/profile' && method === 'GET') return json(profile);
    if (path !== '/v1/partner/profile/fields') return undefined;
    if (method === 'GET') return json({ fields: options.fields ?? answered() });
    return options.patch?.(body);
  });
  const { el } = await mountSection<KbProfile>('kb-profile', { user: profile.user, locale: options.locale ?? 'en' });
  await find(el, 'form[part~="form"]');
  return { el, api };
}

const answers = (el: Element) => find(el, '[part~="answers"]');
const control = <E extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(el: Element, key: string) =>
  $in<E>(el, `#profile-field-${key}`);
const save = (el: Element) => $in<HTMLButtonElement>(el, '[part~="save-answers"]').click();

describe('<kb-profile> program questions', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows the owner the answers in the program’s order with the sign-up form’s controls, in English and Russian', async () => {
    const loaded = await mounted({});
    api = loaded.api;
    const part = await answers(loaded.el);
    expect(part.querySelector('h3')?.textContent).to.equal('Program questions');
    const labels = [...part.querySelectorAll('[part~="registration-field"] label')].map((l) => l.textContent);
    expect(labels).to.deep.equal([
      'Main traffic source',
      'Website (optional)',
      'First deposits a month',
      'Send me offers',
    ]);
    expect(control<HTMLSelectElement>(loaded.el, 'traffic_source').value).to.equal('seo');
    expect(control(loaded.el, 'website').value).to.equal('https://olga.example');
    expect(control(loaded.el, 'news').checked).to.equal(false);
    api.restore();
    cleanupFixtures();

    const ru = await mounted({ locale: 'ru' });
    api = ru.api;
    const partRu = await answers(ru.el);
    expect(partRu.querySelector('h3')?.textContent).to.equal('Вопросы программы');
    expect($in(ru.el, 'label[for="profile-field-website"]').textContent).to.equal('Сайт (необязательно)');
    expect($in(ru.el, 'button[part~="save-answers"]').textContent?.trim()).to.equal('Сохранить ответы');
  });

  it('saves only the changed answers through the partner route and shows them', async () => {
    const loaded = await mounted({
      patch: () => {
        const now = answered();
        now[0]!.value = 'ppc';
        now[1]!.value = null;
        now[3]!.value = true;
        return json({ fields: now });
      },
    });
    api = loaded.api;
    const { el } = loaded;
    await answers(el);
    fill(control<HTMLSelectElement>(el, 'traffic_source'), 'ppc');
    fill(control(el, 'website'), '  ');
    const box = control(el, 'news');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    save(el);
    await waitFor(() => textOf(el).includes('Your changes are saved.'), 2000, 'saved');
    expect(api.sent('PATCH /v1/partner/profile/fields').map((r) => r.body)).to.deep.equal([
      { fields: { traffic_source: 'ppc', website: null, news: true } },
    ]);
    expect(control(el, 'website').value, 'cleared').to.equal('');
    expect(api.sent('PATCH /v1/partner/profile').length, 'the details form untouched').to.equal(0);
  });

  it('refuses to empty a required answer before sending', async () => {
    const loaded = await mounted({});
    api = loaded.api;
    const { el } = loaded;
    await answers(el);
    fill(control(el, 'monthly_ftd'), '');
    save(el);
    const error = await find(el, '#profile-field-monthly_ftd-error');
    expect(error.textContent).to.equal('Fill in this field.');
    expect(control(el, 'monthly_ftd').getAttribute('aria-invalid')).to.equal('true');
    expect(api.sent('PATCH /v1/partner/profile/fields').length, 'nothing sent').to.equal(0);
    await waitFor(() => el.shadowRoot?.activeElement?.id === 'profile-field-monthly_ftd', 1000, 'focus');
  });

  it('shows the server’s 422 beside its question', async () => {
    const loaded = await mounted({
      patch: () =>
        problem(422, 'validation_failed', 'body.fields.traffic_source: not one of the options', [
          {
            path: 'body.fields.traffic_source',
            reason: 'invalid_choice',
            params: { allowed: ['seo', 'social'] },
            message: 'not one of the options',
          },
        ]),
    });
    api = loaded.api;
    const { el } = loaded;
    await answers(el);
    fill(control<HTMLSelectElement>(el, 'traffic_source'), 'ppc');
    save(el);
    const error = await find(el, '#profile-field-traffic_source-error');
    expect(error.textContent).to.include('seo');
    expect(query(el, '[part~="answers"] [role="alert"]')?.textContent).to.equal(
      'Please correct the highlighted fields.',
    );
  });

  it('shows the current questions when the operator withdrew one meanwhile', async () => {
    let withdrawn = false;
    const profile = profileOf('owner');
    api = mockApi(({ method, path }) => {
      if (method === 'GET' && path === '/v1/partner/profile') return json(profile);
      if (path !== '/v1/partner/profile/fields') return undefined;
      if (method === 'GET') return json({ fields: answered().filter((f) => !withdrawn || f.key !== 'website') });
      withdrawn = true;
      return problem(422, 'validation_failed', 'body.fields.website: the program asks no such field', [
        { path: 'body.fields.website', reason: 'unknown_field', params: {}, message: 'the program asks no such field' },
      ]);
    });
    const { el } = await mountSection<KbProfile>('kb-profile', { user: profile.user });
    await find(el, '#profile-field-website');
    fill(control(el, 'website'), 'https://new.example');
    save(el);
    await waitFor(() => query(el, '#profile-field-website') === null, 2000, 'the withdrawn question gone');
    await waitFor(() => textOf(el).includes('The program’s questions have changed'), 1000, 'said why');
    expect(query(el, '#profile-field-traffic_source')).not.to.equal(null);
  });

  it('shows the answers as text to a user who may not change them', async () => {
    const loaded = await mounted({ role: 'analyst' });
    api = loaded.api;
    const part = await answers(loaded.el);
    expect(part.querySelector('form'), 'no form').to.equal(null);
    const text = part.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.include('Main traffic source SEO');
    expect(text).to.include('Send me offers No');
    expect(text).to.include('Only the owner and admins can change these answers.');
  });

  it('shows a failed load in the part with a retry, and the profile form stays usable', async () => {
    let fail = true;
    const profile = profileOf('owner');
    api = mockApi(({ method, path }) => {
      if (method !== 'GET') return undefined;
      if (path === '/v1/partner/profile') return json(profile);
      if (path === '/v1/partner/profile/fields')
        return fail ? problem(503, 'unavailable', 'down') : json({ fields: answered() });
      return undefined;
    });
    const { el } = await mountSection<KbProfile>('kb-profile', { user: profile.user });
    const part = await answers(el);
    expect(part.querySelector('[role="alert"]')).not.to.equal(null);
    expect(query(el, '[part~="details"] form'), 'the details form').not.to.equal(null);
    fail = false;
    $in<HTMLButtonElement>(el, '[part~="answers"] [part~="retry"]').click();
    await find(el, '#profile-field-traffic_source');
    expect(query(el, '[part~="answers"] [part~="error-detail"]')).to.equal(null);
  });

  it('has no part when the program asks no questions', async () => {
    const loaded = await mounted({ fields: [] });
    api = loaded.api;
    await waitFor(() => api!.sent('GET /v1/partner/profile/fields').length === 1, 1000, 'asked');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await loaded.el.updateComplete;
    expect(query(loaded.el, '[part~="answers"]')).to.equal(null);
    expect(textOf(loaded.el)).not.to.include('Program questions');
  });
});
