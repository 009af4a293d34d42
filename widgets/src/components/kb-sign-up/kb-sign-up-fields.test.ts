import '../../index.ts';
import { expect } from '@open-wc/testing';
import {
  $in,
  deepActiveElement,
  describe,
  it,
  jsonResponse,
  problemResponse,
  stubApi,
  typeInto,
  waitFor,
} from '../../internal/test-helpers.ts';
import { formHost, isolateEachTest, publicRoute } from '../../internal/portal-test-kit.ts';
import type { RegistrationField } from '../../internal/registration-fields.ts';

/** The operator's active fields as the public route answers them (in form order). */
const FIELDS: Array<RegistrationField & { id: string; position: number; active: boolean }> = [
  {
    id: 'rf_1',
    key: 'traffic_source',
    label: { en: 'Main traffic source', ru: 'Основной источник трафика' },
    kind: 'select',
    options: [
      { value: 'seo', label: { en: 'SEO', ru: 'SEO' } },
      { value: 'ppc', label: { en: 'Paid ads', ru: 'Платная реклама' } },
    ],
    required: true,
    position: 0,
    active: true,
  },
  {
    id: 'rf_2',
    key: 'website',
    label: { en: 'Website', ru: 'Сайт' },
    kind: 'text',
    options: [],
    required: false,
    position: 1,
    active: true,
  },
  {
    id: 'rf_3',
    key: 'adult',
    label: { en: 'I am over 18', ru: 'Мне больше 18 лет' },
    kind: 'checkbox',
    options: [],
    required: true,
    position: 2,
    active: true,
  },
];

const fieldsRoute = publicRoute('registration_fields', 'GET');
const stub = (handlers: Parameters<typeof stubApi>[0] = {}, fields: unknown[] = FIELDS) =>
  stubApi({ [fieldsRoute]: () => jsonResponse({ data: fields }), ...handlers });
const signUps = (s: { requests: Array<{ method: string; body: unknown }> } | null) =>
  (s?.requests ?? []).filter((r) => r.method === 'POST');
const byId = <E extends Element = HTMLInputElement>(el: Element, id: string) => $in<E>(el, `#${CSS.escape(id)}`);
const errorOf = (el: Element, id: string) =>
  el.shadowRoot?.querySelector(`#${CSS.escape(`${id}-error`)}`)?.textContent ?? null;
const labels = (el: Element) =>
  [...(el.shadowRoot?.querySelectorAll('[part~="registration-field"] label') ?? [])].map((l) => l.textContent);
const loaded = (el: Element) => waitFor(() => el.shadowRoot?.querySelector('[part~="registration-field"]'), 2000);

function fillStandard(el: Element) {
  typeInto(byId(el, 'name'), 'Anna Traffic');
  typeInto(byId(el, 'email'), 'anna@traffic.example');
  typeInto(byId(el, 'password'), 'long enough pass');
  typeInto(byId<HTMLSelectElement>(el, 'country'), 'DE');
}
function tick(el: Element, id: string) {
  const box = byId(el, id);
  box.checked = true;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}
const submit = (el: Element) => $in<HTMLButtonElement>(el, '[part~="submit"]').click();

describe('<kb-sign-up> with the operator’s registration fields', () => {
  const t = isolateEachTest();

  it('renders them after the country in the operator’s order, in English and Russian', async () => {
    t.stub = stub();
    const { form } = await formHost('kb-sign-up');
    await loaded(form);
    expect(labels(form)).to.deep.equal(['Main traffic source', 'Website (optional)', 'I am over 18']);
    const parts = [...form.shadowRoot!.querySelectorAll('[part~="field"]')].map(
      (f) => f.querySelector('input, select')?.id,
    );
    expect(parts.slice(5, 9)).to.deep.equal(['country', 'fields.traffic_source', 'fields.website', 'fields.adult']);
    const select = byId<HTMLSelectElement>(form, 'fields.traffic_source');
    expect(select.required).to.equal(true);
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Choose…', 'SEO', 'Paid ads']);
    expect(byId(form, 'fields.website').required).to.equal(false);
    expect(byId(form, 'fields.website').maxLength).to.equal(500);
    expect(byId(form, 'fields.adult').type).to.equal('checkbox');

    const ru = await formHost('kb-sign-up', { locale: 'ru' });
    await loaded(ru.form);
    expect(labels(ru.form)).to.deep.equal(['Основной источник трафика', 'Сайт (необязательно)', 'Мне больше 18 лет']);
    const options = [...byId<HTMLSelectElement>(ru.form, 'fields.traffic_source').options].map((o) => o.textContent);
    expect(options).to.deep.equal(['Выберите…', 'SEO', 'Платная реклама']);
  });

  it('refuses an unanswered required select and an unticked required box before sending', async () => {
    t.stub = stub();
    const { form } = await formHost('kb-sign-up');
    await loaded(form);
    fillStandard(form);
    submit(form);
    await waitFor(() => errorOf(form, 'fields.traffic_source'), 1000, 'select error');
    expect(errorOf(form, 'fields.traffic_source')).to.equal('Choose one of the options.');
    expect(errorOf(form, 'fields.adult')).to.equal('Tick this to continue.');
    expect(errorOf(form, 'fields.website'), 'optional').to.equal(null);
    const select = byId<HTMLSelectElement>(form, 'fields.traffic_source');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(select.getAttribute('aria-describedby')).to.equal('fields.traffic_source-error');
    await waitFor(() => deepActiveElement()?.id === 'fields.traffic_source', 1000, 'focus on the select');
    expect(signUps(t.stub).length, 'nothing sent').to.equal(0);
  });

  it('sends the answers with the sign-up (empty optional text left out)', async () => {
    t.stub = stub({
      [publicRoute('sign_up')]: () => jsonResponse({ partnerId: 'pa_new', status: 'pending', message: 'Thanks' }, 201),
    });
    const { form } = await formHost('kb-sign-up');
    await loaded(form);
    fillStandard(form);
    typeInto(byId<HTMLSelectElement>(form, 'fields.traffic_source'), 'ppc');
    tick(form, 'fields.adult');
    submit(form);
    await waitFor(() => signUps(t.stub).length === 1, 2000, 'sign-up sent');
    expect((signUps(t.stub)[0]?.body as { fields?: unknown } | undefined)?.fields).to.deep.equal({
      traffic_source: 'ppc',
      adult: true,
    });
  });

  it('shows the server’s 422 on a field beside it', async () => {
    t.stub = stub({
      [publicRoute('sign_up')]: () =>
        problemResponse(422, 'validation_failed', 'body.fields.website: at most 500 characters', [
          {
            path: 'body.fields.website',
            reason: 'too_long',
            params: { maximum: 500 },
            message: 'at most 500 characters',
          },
        ]),
    });
    const { form } = await formHost('kb-sign-up');
    await loaded(form);
    fillStandard(form);
    typeInto(byId<HTMLSelectElement>(form, 'fields.traffic_source'), 'seo');
    typeInto(byId(form, 'fields.website'), 'https://traffic.example');
    tick(form, 'fields.adult');
    submit(form);
    await waitFor(() => errorOf(form, 'fields.website'), 2000, 'website error');
    expect(errorOf(form, 'fields.website')).to.include('500');
    expect(byId(form, 'fields.website').getAttribute('aria-invalid')).to.equal('true');
    expect($in(form, '[role="alert"]').textContent).to.equal('Please correct the highlighted fields.');
    await waitFor(() => deepActiveElement()?.id === 'fields.website', 1000, 'focus on the field');
  });

  it('shows the current questions and asks again when the operator changed them meanwhile', async () => {
    const added = {
      ...FIELDS[1]!,
      id: 'rf_4',
      key: 'monthly_ftd',
      label: { en: 'First deposits a month', ru: 'Первых депозитов в месяц' },
      required: true,
    };
    t.stub = stubApi({
      [fieldsRoute]: (_r, nth) => jsonResponse({ data: nth === 0 ? FIELDS : [...FIELDS, added] }),
      [publicRoute('sign_up')]: () =>
        problemResponse(422, 'validation_failed', 'body.fields.monthly_ftd: this field is required', [
          { path: 'body.fields.monthly_ftd', reason: 'required', params: {}, message: 'this field is required' },
        ]),
    });
    const { form } = await formHost('kb-sign-up');
    await loaded(form);
    fillStandard(form);
    typeInto(byId<HTMLSelectElement>(form, 'fields.traffic_source'), 'seo');
    tick(form, 'fields.adult');
    submit(form);
    await waitFor(() => errorOf(form, 'fields.monthly_ftd'), 2000, 'the new question with its error');
    expect(labels(form)).to.deep.equal([
      'Main traffic source',
      'Website (optional)',
      'I am over 18',
      'First deposits a month',
    ]);
    expect($in(form, '[role="alert"]').textContent).to.equal(
      'The program’s questions changed while you were filling in the form: check them and send it again.',
    );
    expect(byId<HTMLSelectElement>(form, 'fields.traffic_source').value, 'answers kept').to.equal('seo');
  });

  it('without fields is the form as before and sends no `fields`', async () => {
    t.stub = stub(
      {
        [publicRoute('sign_up')]: () =>
          jsonResponse({ partnerId: 'pa_new', status: 'pending', message: 'Thanks' }, 201),
      },
      [],
    );
    const { form } = await formHost('kb-sign-up');
    await waitFor(() => t.stub!.requests.some((r) => r.url.includes('registration_fields')), 1000, 'fields asked');
    fillStandard(form);
    submit(form);
    await waitFor(() => signUps(t.stub).length === 1, 2000, 'sign-up sent');
    expect(form.shadowRoot!.querySelector('[part~="registration-field"]')).to.equal(null);
    expect(signUps(t.stub)[0]?.body).not.to.have.property('fields');
  });

  it('shows an error with a retry instead of a form that would be refused when the fields fail to load', async () => {
    let fail = true;
    t.stub = stubApi({
      [fieldsRoute]: () => (fail ? problemResponse(503, 'unavailable', 'down') : jsonResponse({ data: FIELDS })),
    });
    const { form } = await formHost('kb-sign-up');
    const alert = await waitFor(() => form.shadowRoot?.querySelector('[role="alert"]'), 2000, 'error');
    expect(alert.textContent).to.match(/^The sign-up form could not be loaded: /);
    expect(form.shadowRoot!.querySelector('form'), 'no form').to.equal(null);
    fail = false;
    $in<HTMLButtonElement>(form, '[part~="retry"]').click();
    await loaded(form);
    expect(form.shadowRoot!.querySelector('form')).not.to.equal(null);
  });
});
