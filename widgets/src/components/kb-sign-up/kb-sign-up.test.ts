import '../../index.ts';
import { createLocaleState } from '../../internal/i18n.ts';
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
import { formHost, isolateEachTest, portalConfig, publicRoute } from '../../internal/portal-test-kit.ts';
import type { PortalConfig } from '../../internal/api-client.ts';

const field = <E extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(el: Element, id: string) =>
  $in<E>(el, `#${id}`);
/** The sign-up posts sent (the form also asks for the operator's published terms, a GET). */
const signUps = (stub: { requests: Array<{ method: string; body: unknown }> } | null | undefined) =>
  (stub?.requests ?? []).filter((r) => r.method === 'POST');
const errorOf = (el: Element, id: string) => el.shadowRoot?.querySelector(`#${id}-error`)?.textContent ?? null;

/** stubApi with the operator's registration fields answered (none unless given). */
const stubForm = (handlers: Parameters<typeof stubApi>[0], fields: unknown[] = []) =>
  stubApi({ [publicRoute('registration_fields', 'GET')]: () => jsonResponse({ data: fields }), ...handlers });

const TERMS = 'https://luckyspin.example/terms/';
/** The operator's config with a terms page (the default fixture has none). */
const withTerms = (): PortalConfig => {
  const config = portalConfig();
  return { ...config, branding: { ...config.branding, termsUrl: TERMS } };
};

/** Fills every required field; ticks the terms when the form shows them. */
function fillValid(el: Element) {
  typeInto(field(el, 'name'), 'Anna Traffic');
  typeInto(field(el, 'email'), 'anna@traffic.example');
  typeInto(field(el, 'password'), 'long enough pass');
  typeInto(field<HTMLSelectElement>(el, 'country'), 'DE');
  const terms = el.shadowRoot?.querySelector<HTMLInputElement>('#acceptTerms');
  if (!terms) return;
  terms.checked = true;
  terms.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<kb-sign-up>', () => {
  const t = isolateEachTest();

  it('prefills the referral code from ?ref= and sends it', async () => {
    history.replaceState(history.state, '', `${location.pathname}?utm_source=x&ref=PARTNER42`);
    t.stub = stubForm({
      [publicRoute('sign_up')]: () =>
        jsonResponse(
          { partnerId: 'pa_new', status: 'pending', message: 'Thanks! The LuckySpin team reviews your application.' },
          201,
        ),
    });
    const { form } = await formHost('kb-sign-up', { config: withTerms() });
    const referral = field(form, 'referralCode');
    expect(referral.value, 'prefilled').to.equal('PARTNER42');
    expect(referral.type, 'visible').to.equal('text');
    expect($in(form, 'label[for="referralCode"]').textContent).to.equal('Referral code (optional)');
    const signedUp: unknown[] = [];
    form.addEventListener('kb-signed-up', (e) => signedUp.push(e.detail));
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    const success = await waitFor(() => form.shadowRoot?.querySelector('[part~="success"]'), 2000, 'success');
    // Worded by the widget from the status, not the server's English `message`.
    expect(success.textContent).to.equal(
      'Your application is pending approval by the program team; we will email you when it is approved.',
    );
    expect(signUps(t.stub)[0]?.body, 'sign-up body').to.deep.equal({
      name: 'Anna Traffic',
      email: 'anna@traffic.example',
      password: 'long enough pass',
      country: 'DE',
      locale: 'en',
      acceptTerms: true,
      referralCode: 'PARTNER42',
    });
    expect(signedUp).to.deep.equal([{ partnerId: 'pa_new' }]);
    await waitFor(() => deepActiveElement()?.id === 'done-heading', 1000, 'focus on the result');
  });

  it('sends the visit id of the sub-affiliate link (?kb_vid=) with the referral code, and not without one', async () => {
    history.replaceState(history.state, '', `${location.pathname}?ref=PARTNER42&kb_vid=v_01JD7Q`);
    t.stub = stubForm({
      [publicRoute('sign_up')]: () => jsonResponse({ partnerId: 'pa_new', status: 'pending', message: 'Thanks' }, 201),
    });
    const { form } = await formHost('kb-sign-up', { config: withTerms() });
    expect(form.shadowRoot!.textContent, 'the visit id is not shown').not.to.include('v_01JD7Q');
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => signUps(t.stub).length === 1, 2000, 'sign-up sent');
    expect(signUps(t.stub)[0]?.body).to.include({ referralCode: 'PARTNER42', visitId: 'v_01JD7Q' });
  });

  it('leaves the visit id out when the referral code was cleared', async () => {
    history.replaceState(history.state, '', `${location.pathname}?ref=PARTNER42&kb_vid=v_01JD7Q`);
    t.stub = stubForm({
      [publicRoute('sign_up')]: () => jsonResponse({ partnerId: 'pa_new', status: 'pending', message: 'Thanks' }, 201),
    });
    const { form } = await formHost('kb-sign-up', { config: withTerms() });
    fillValid(form);
    typeInto(field(form, 'referralCode'), '');
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => signUps(t.stub).length === 1, 2000, 'sign-up sent');
    const body = signUps(t.stub)[0]?.body as Record<string, unknown>;
    expect(body).not.to.have.property('visitId');
    expect(body).not.to.have.property('referralCode');
  });

  it('checks the form in the user’s language before sending, and shows the password rule', async () => {
    t.stub = stubForm({});
    const { form } = await formHost('kb-sign-up', { config: withTerms() });
    expect($in(form, '#password-hint').textContent).to.equal('At least 10 characters.');
    typeInto(field<HTMLSelectElement>(form, 'country'), '');
    typeInto(field(form, 'password'), 'short');
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => errorOf(form, 'name'), 1000, 'field errors');
    expect(errorOf(form, 'name')).to.equal('Enter your name.');
    expect(errorOf(form, 'password')).to.equal('The password must be at least 10 characters long.');
    expect(errorOf(form, 'country')).to.equal('Choose your country.');
    expect(errorOf(form, 'acceptTerms')).to.equal('Accept the terms and conditions to continue.');
    expect(field(form, 'password').getAttribute('aria-describedby')).to.equal('password-hint password-error');
    expect($in(form, '[role="alert"]').textContent).to.equal('Please correct the highlighted fields.');
    await waitFor(() => deepActiveElement()?.id === 'name', 1000, 'focus on the first bad field');
    expect(signUps(t.stub).length, 'nothing sent').to.equal(0);
  });

  it('shows the server’s 422 problems next to their fields, worded from their reasons', async () => {
    t.stub = stubForm({
      [publicRoute('sign_up')]: () =>
        problemResponse(
          422,
          'validation_failed',
          'body.email: is already registered; body.country: must be a two-letter country code like DE',
          [
            { path: 'body.email', reason: 'already_exists', params: {}, message: 'is already registered' },
            {
              path: 'body.country',
              reason: 'invalid_format',
              params: { format: 'country_code' },
              message: 'must be a two-letter country code like DE',
            },
          ],
        ),
    });
    const { form } = await formHost('kb-sign-up');
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => errorOf(form, 'email'), 2000, 'email error');
    expect(errorOf(form, 'email')).to.equal('Already taken.');
    expect(errorOf(form, 'country')).to.equal('Choose a country (a two-letter code like DE).');
    expect(field(form, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(field(form, 'email').getAttribute('aria-describedby')).to.equal('email-error');
    expect(field(form, 'name').getAttribute('aria-invalid')).to.equal('false');
    expect($in(form, '[role="alert"]').textContent).to.equal('Please correct the highlighted fields.');
    await waitFor(() => deepActiveElement()?.id === 'email', 1000, 'focus on the email field');
  });

  it('words the server’s field problems in Russian, with the plural the number needs', async () => {
    t.stub = stubForm({
      [publicRoute('sign_up')]: () =>
        problemResponse(422, 'validation_failed', 'body.password: must be at least 10 characters', [
          {
            path: 'body.password',
            reason: 'too_short',
            params: { minimum: 10 },
            message: 'must be at least 10 characters',
          },
          {
            path: 'body.name',
            reason: 'too_long',
            params: { maximum: 121 },
            message: 'Too big: expected string to have <=121 characters',
          },
        ]),
    });
    const { form, localeProvider } = await formHost('kb-sign-up');
    localeProvider.setValue(createLocaleState('ru'));
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => errorOf(form, 'password'), 2000, 'password error');
    expect(errorOf(form, 'password')).to.equal('Минимум 10 символов.');
    expect(errorOf(form, 'name')).to.equal('Максимум 121 символ.');
    expect(form.shadowRoot!.textContent, 'no English from the server').not.to.include('characters');
  });

  it('words a problem without fields in Russian by its code and params', async () => {
    t.stub = stubForm({
      [publicRoute('sign_up')]: () =>
        problemResponse(
          429,
          'rate_limited',
          'Too many failed sign-ins from your network; wait 15 minutes and try again',
          undefined,
          { minutes: 15 },
        ),
    });
    const { form, localeProvider } = await formHost('kb-sign-up');
    localeProvider.setValue(createLocaleState('ru'));
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    const alert = await waitFor(() => form.shadowRoot?.querySelector('[role="alert"]'), 2000, 'alert');
    expect(alert.textContent).to.equal('Слишком много попыток: подождите 15 минут и попробуйте снова.');
  });

  it('lists every country by name in the current language', async () => {
    t.stub = stubForm({});
    const { form, localeProvider } = await formHost('kb-sign-up');
    const select = field<HTMLSelectElement>(form, 'country');
    expect(select.options.length, 'options').to.be.above(240);
    expect($in(form, 'option[value="DE"]').textContent).to.equal('Germany');
    localeProvider.setValue(createLocaleState('ru'));
    await waitFor(() => $in(form, 'option[value="DE"]').textContent === 'Германия', 1000, 'Russian names');
    expect($in(form, 'label[for="country"]').textContent).to.equal('Страна');
  });

  it('links the operator’s terms from a required checkbox, opening them in a new tab', async () => {
    t.stub = stubForm({});
    const { form } = await formHost('kb-sign-up', { config: withTerms() });
    const box = field(form, 'acceptTerms');
    expect(box.type).to.equal('checkbox');
    expect(box.required).to.equal(true);
    const label = $in(form, 'label[for="acceptTerms"]');
    expect(label.textContent).to.equal('I accept the terms and conditions of the partner program');
    const link = $in<HTMLAnchorElement>(form, 'label[for="acceptTerms"] > a[part~="terms-link"]');
    expect(link.textContent).to.equal('terms and conditions');
    expect(link.href).to.equal(TERMS);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener');
    expect($in(form, `#${link.getAttribute('aria-describedby')}`).textContent).to.equal('(opens in a new tab)');
  });

  it('says the terms in Russian, with the same link', async () => {
    t.stub = stubForm({});
    const { form } = await formHost('kb-sign-up', { config: withTerms(), locale: 'ru' });
    const label = $in(form, 'label[for="acceptTerms"]');
    expect(label.textContent).to.equal('Я принимаю условия партнёрской программы');
    const link = $in<HTMLAnchorElement>(form, 'label[for="acceptTerms"] > a[part~="terms-link"]');
    expect(link.textContent).to.equal('условия партнёрской программы');
    expect(link.href).to.equal(TERMS);
    expect($in(form, '#terms-new-tab').textContent).to.equal('(откроется в новой вкладке)');
    typeInto(field(form, 'name'), 'Анна');
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => errorOf(form, 'acceptTerms'), 1000, 'terms error');
    expect(errorOf(form, 'acceptTerms')).to.equal('Чтобы продолжить, примите условия программы.');
    expect(field(form, 'acceptTerms').getAttribute('aria-invalid')).to.equal('true');
    expect(field(form, 'acceptTerms').getAttribute('aria-describedby')).to.equal('acceptTerms-error');
    expect(signUps(t.stub).length, 'nothing sent').to.equal(0);
  });

  it('shows the server’s must_accept beside the terms checkbox', async () => {
    t.stub = stubForm({
      [publicRoute('sign_up')]: () =>
        problemResponse(422, 'validation_failed', 'body.acceptTerms: you must accept the terms and conditions', [
          {
            path: 'body.acceptTerms',
            reason: 'must_accept',
            params: {},
            message: 'you must accept the terms and conditions',
          },
        ]),
    });
    const { form } = await formHost('kb-sign-up', { config: withTerms() });
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => errorOf(form, 'acceptTerms'), 2000, 'terms error');
    expect(errorOf(form, 'acceptTerms')).to.equal('Tick this to continue.');
    await waitFor(() => deepActiveElement()?.id === 'acceptTerms', 1000, 'focus on the checkbox');
  });

  it('without terms shows no checkbox and no word about terms, and signs up without acceptTerms', async () => {
    t.stub = stubForm({
      [publicRoute('sign_up')]: () => jsonResponse({ partnerId: 'pa_new', status: 'pending', message: 'Thanks!' }, 201),
    });
    const { form, localeProvider } = await formHost('kb-sign-up');
    expect(form.shadowRoot!.querySelector('#acceptTerms'), 'no checkbox').to.equal(null);
    expect(form.shadowRoot!.querySelector('a'), 'no link').to.equal(null);
    expect(form.shadowRoot!.textContent).not.to.match(/terms|accept/i);
    localeProvider.setValue(createLocaleState('ru'));
    await waitFor(() => $in(form, 'label[for="country"]').textContent === 'Страна', 1000, 'Russian');
    expect(form.shadowRoot!.textContent).not.to.match(/услови|принима/i);
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    const success = await waitFor(() => form.shadowRoot?.querySelector('[part~="success"]'), 2000, 'success');
    expect(success.textContent, 'in Russian, not the server English').to.include('ожидает одобрения');
    expect(signUps(t.stub)[0]?.body).to.deep.equal({
      name: 'Anna Traffic',
      email: 'anna@traffic.example',
      password: 'long enough pass',
      country: 'DE',
      locale: 'ru',
    });
  });

  it('words a must_accept in the alert when terms appeared after the form loaded without them', async () => {
    t.stub = stubForm({
      [publicRoute('sign_up')]: () =>
        problemResponse(422, 'validation_failed', 'body.acceptTerms: you must accept the terms and conditions', [
          {
            path: 'body.acceptTerms',
            reason: 'must_accept',
            params: {},
            message: 'you must accept the terms and conditions',
          },
        ]),
    });
    const { form, configProvider } = await formHost('kb-sign-up');
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    const alert = await waitFor(() => form.shadowRoot?.querySelector('[role="alert"]'), 2000, 'alert');
    expect(alert.textContent).to.equal('acceptTerms: Tick this to continue.');
    // The portal reloads its config with the terms: the checkbox appears.
    configProvider.setValue(withTerms());
    await waitFor(() => form.shadowRoot?.querySelector('#acceptTerms'), 1000, 'checkbox after reload');
  });

  it('shows published terms in a box and records the accepted version; asks again when they changed meanwhile', async () => {
    const published = (id: string, version: number) => ({
      current: {
        id,
        version,
        title: 'Partner terms',
        summaryOfChanges: null,
        publishedAt: '2026-11-20T10:00:00.000Z',
        html: `<p>Rules v${version}</p>`,
      },
    });
    let current = published('terms_2', 2);
    let attempts = 0;
    t.stub = stubForm({
      [publicRoute('terms', 'GET')]: () => jsonResponse(current),
      [publicRoute('sign_up')]: () => {
        attempts++;
        if (attempts === 1) {
          current = published('terms_3', 3);
          return problemResponse(422, 'validation_failed', 'the terms changed', [
            {
              path: 'body.acceptTermsVersion',
              reason: 'invalid_value',
              params: { current: 'terms_3' },
              message: 'the terms changed',
            },
          ]);
        }
        return jsonResponse({ partnerId: 'pa_new', status: 'pending', message: 'Thanks' }, 201);
      },
    });
    const { form } = await formHost('kb-sign-up', { config: withTerms() });
    await waitFor(() => form.shadowRoot?.querySelector('[part~="terms-box"]'), 2000, 'terms box');
    expect($in(form, '[part~="terms-title"]').textContent).to.equal('Partner terms (version 2)');
    expect($in(form, '[part~="terms-box"] [part~="body"]').textContent).to.equal('Rules v2');
    expect(form.shadowRoot!.querySelector('[part~="terms-link"]'), 'the terms page link gives way').to.equal(null);
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => errorOf(form, 'acceptTerms'), 2000, 'terms changed');
    expect(errorOf(form, 'acceptTerms')).to.contain('The terms changed');
    expect(signUps(t.stub)[0]?.body).to.include({ acceptTermsVersion: 'terms_2' });
    expect(signUps(t.stub)[0]?.body).not.to.have.property('acceptTerms');
    await waitFor(
      () => $in(form, '[part~="terms-title"]').textContent === 'Partner terms (version 3)',
      2000,
      'new terms',
    );
    expect(field(form, 'acceptTerms').checked).to.equal(false);
    fillValid(form);
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => form.shadowRoot?.querySelector('[part~="success"]'), 2000, 'success');
    expect(signUps(t.stub)[1]?.body).to.include({ acceptTermsVersion: 'terms_3' });
  });
});
