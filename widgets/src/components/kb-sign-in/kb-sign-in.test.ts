import '../../index.ts';
import type { SessionResult } from '../../internal/api-client.ts';
import { createLocaleState } from '../../internal/i18n.ts';
import { expect } from '@open-wc/testing';
import {
  $in,
  afterEach,
  cleanupFixtures,
  deepActiveElement,
  describe,
  it,
  jsonResponse,
  problemResponse,
  stubApi,
  typeInto,
  waitFor,
  type FetchStub,
} from '../../internal/test-helpers.ts';
import { formHost, publicRoute, sessionResult, user } from '../../internal/portal-test-kit.ts';
import type { KbSignIn } from './kb-sign-in.ts';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const input = (el: Element, id: string) => $in<HTMLInputElement>(el, `#${id}`);
const submit = (el: Element) => $in<HTMLButtonElement>(el, '[part~="submit"]').click();

async function signInForm(options: Parameters<typeof formHost>[1] = {}) {
  const { form, localeProvider } = await formHost('kb-sign-in', options);
  const signIn = form as KbSignIn;
  const sessions: SessionResult[] = [];
  signIn.sessionHandler = (s) => sessions.push(s);
  return { signIn, sessions, localeProvider };
}

function fillCredentials(el: Element, email = 'anna@traffic.example', password = 'correct horse battery') {
  typeInto(input(el, 'email'), email);
  typeInto(input(el, 'password'), password);
}

describe('<kb-sign-in>', () => {
  let stub: FetchStub | null = null;
  afterEach(() => {
    stub?.restore();
    stub = null;
    cleanupFixtures();
  });

  it('signs in, hands the session to its handler and emits kb-signed-in with the user only', async () => {
    stub = stubApi({ [publicRoute('sign_in')]: () => jsonResponse(sessionResult()) });
    const { signIn, sessions } = await signInForm();
    const events: unknown[] = [];
    signIn.addEventListener('kb-signed-in', (e) => events.push(e.detail));
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'session handed over');
    expect(stub.requests[0]?.body, 'sign-in body').to.deep.equal({
      email: 'anna@traffic.example',
      password: 'correct horse battery',
      transport: 'bearer',
    });
    expect(stub.requests[0]?.headers.get('authorization'), 'no bearer before sign-in').to.equal(null);
    expect(sessions[0]?.token).to.equal('kbs_token_1');
    expect(events, 'event detail has no token').to.deep.equal([{ user: user() }]);
    expect(input(signIn, 'password').value, 'password cleared').to.equal('');
  });

  it('asks for the 2FA code and sends it as typed, with a space', async () => {
    stub = stubApi({
      [publicRoute('sign_in')]: (req) =>
        (req.body as { code?: string }).code
          ? jsonResponse(sessionResult({ user: user({ twoFactorEnabled: true }) }))
          : problemResponse(401, 'two_factor_required', 'Enter the code from your authenticator app'),
    });
    const { signIn, sessions } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    await waitFor(() => deepActiveElement()?.id === 'code', 1000, 'focus on the code field');
    expect($in(signIn, '[part~="heading"]').textContent).to.equal('Two-step verification');
    expect(input(signIn, 'code').getAttribute('autocomplete')).to.equal('one-time-code');
    expect($in(signIn, 'label[for="code"]').textContent).to.equal('Verification code');
    typeInto(input(signIn, 'code'), '12 34');
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('[part~="field-error"]'), 1000, 'local code check');
    expect(stub.requests.length, 'malformed code not sent').to.equal(1);
    typeInto(input(signIn, 'code'), '123 456');
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'signed in with the code');
    expect(stub.requests[1]?.body).to.deep.equal({
      email: 'anna@traffic.example',
      password: 'correct horse battery',
      transport: 'bearer',
      code: '123 456',
    });
  });

  it('words a wrong code itself (the server speaks English only) and stays on the code step', async () => {
    stub = stubApi({
      [publicRoute('sign_in')]: (_req, n) =>
        problemResponse(
          401,
          'two_factor_required',
          n === 0 ? 'Code required' : 'That code is not valid; try the current one',
        ),
    });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    typeInto(input(signIn, 'code'), '000000');
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
    expect(alert.textContent).to.equal(
      'That code is not correct or was already used. Enter the current code from your authenticator app.',
    );
    expect(input(signIn, 'code').value, 'code cleared for a new try').to.equal('');
    await waitFor(() => deepActiveElement()?.id === 'code', 1000, 'focus back on the code field');
  });

  it('signs in with a recovery code when the phone is lost', async () => {
    stub = stubApi({
      [publicRoute('sign_in')]: (req) =>
        (req.body as { code?: string }).code === 'k7m2p-x9q4r'
          ? jsonResponse(sessionResult({ user: user({ twoFactorEnabled: true }) }))
          : problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app'),
    });
    const { signIn, sessions } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    $in(signIn, '[part~="code-mode"]').click();
    await waitFor(() => $in(signIn, 'label[for="code"]').textContent === 'Recovery code', 1000, 'recovery mode');
    await waitFor(() => deepActiveElement()?.id === 'code', 1000, 'focus on the recovery-code field');
    const field = input(signIn, 'code');
    expect(field.getAttribute('inputmode'), 'letters allowed').to.equal('text');
    expect(field.getAttribute('maxlength'), 'room for abcde-fghij').to.equal('11');
    expect($in(signIn, '#code-hint').textContent).to.equal('Recovery code, e.g. abcde-fghij');
    expect(field.getAttribute('aria-describedby')).to.equal('code-hint');
    typeInto(field, ' K7M2P-X9Q4R ');
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'signed in with the recovery code');
    expect(stub.requests[1]?.body).to.deep.equal({
      email: 'anna@traffic.example',
      password: 'correct horse battery',
      transport: 'bearer',
      code: 'k7m2p-x9q4r',
    });
  });

  it('refuses a too-short recovery code before sending, and words a wrong one', async () => {
    stub = stubApi({
      [publicRoute('sign_in')]: () =>
        problemResponse(
          401,
          'two_factor_required',
          'The code is not correct or was already used; enter the current code',
        ),
    });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    $in(signIn, '[part~="code-mode"]').click();
    await waitFor(() => $in(signIn, 'label[for="code"]').textContent === 'Recovery code', 1000, 'recovery mode');
    typeInto(input(signIn, 'code'), 'k7m2p-x9q');
    submit(signIn);
    const fieldError = await waitFor(
      () => signIn.shadowRoot?.querySelector('#code-error'),
      1000,
      'local recovery-code check',
    );
    expect(fieldError.textContent).to.equal(
      'A recovery code is 10 letters and digits with a hyphen in the middle, e.g. abcde-fghij.',
    );
    expect(input(signIn, 'code').getAttribute('aria-invalid')).to.equal('true');
    expect(stub.requests.length, 'short code not sent').to.equal(1);
    typeInto(input(signIn, 'code'), 'aaaaa-bbbbb');
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
    expect(alert.textContent).to.equal(
      'That recovery code is not correct or was already used. Check it, or enter another of your codes.',
    );
    expect(stub.requests[1]?.body).to.deep.equal({
      email: 'anna@traffic.example',
      password: 'correct horse battery',
      transport: 'bearer',
      code: 'aaaaa-bbbbb',
    });
    expect(signIn.shadowRoot?.querySelector('#code-error'), 'old field error gone').to.equal(null);
  });

  it('switches back from the recovery code to the 6-digit code', async () => {
    stub = stubApi({
      [publicRoute('sign_in')]: (req) =>
        (req.body as { code?: string }).code
          ? jsonResponse(sessionResult({ user: user({ twoFactorEnabled: true }) }))
          : problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app'),
    });
    const { signIn, sessions } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    const toggle = () => $in(signIn, '[part~="code-mode"]');
    expect(toggle().textContent?.trim()).to.equal('Lost your phone? Use a recovery code');
    toggle().click();
    await waitFor(() => $in(signIn, 'label[for="code"]').textContent === 'Recovery code', 1000, 'recovery mode');
    typeInto(input(signIn, 'code'), 'k7m2p');
    expect(toggle().textContent?.trim()).to.equal('Use the code from your authenticator app');
    toggle().click();
    await waitFor(
      () => $in(signIn, 'label[for="code"]').textContent === 'Verification code',
      1000,
      'back to the app code',
    );
    await waitFor(() => deepActiveElement()?.id === 'code', 1000, 'focus on the code field');
    const field = input(signIn, 'code');
    expect(field.value, 'half a recovery code is not kept').to.equal('');
    expect(field.getAttribute('inputmode')).to.equal('numeric');
    expect(field.getAttribute('maxlength')).to.equal('7');
    expect(field.getAttribute('autocomplete')).to.equal('one-time-code');
    expect($in(signIn, '#code-hint').textContent).to.equal('6 digits, for example 123 456');
    typeInto(field, 'abcde-fghij');
    submit(signIn);
    const fieldError = await waitFor(() => signIn.shadowRoot?.querySelector('#code-error'), 1000, 'local code check');
    expect(fieldError.textContent).to.equal('Enter the 6 digits your authenticator app shows.');
    typeInto(field, '123456');
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'signed in with the app code');
    expect((stub.requests[1]?.body as { code?: string } | undefined)?.code).to.equal('123456');
  });

  it('shows the locked state when a wrong recovery code locks the account, and starts over with the app code', async () => {
    stub = stubApi({
      [publicRoute('sign_in')]: (_req, n) =>
        n !== 1
          ? problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app')
          : problemResponse(423, 'account_locked', 'Your account is locked after too many wrong attempts'),
    });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    $in(signIn, '[part~="code-mode"]').click();
    await waitFor(() => $in(signIn, 'label[for="code"]').textContent === 'Recovery code', 1000, 'recovery mode');
    typeInto(input(signIn, 'code'), 'aaaaa-bbbbb');
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('[part~="locked"]'), 2000, 'locked state');
    expect($in(signIn, '[part~="heading"]').textContent).to.equal('Your account is locked');
    await waitFor(() => deepActiveElement()?.id === 'locked-heading', 1000, 'focus on the locked heading');
    $in(signIn, '[part~="link-button"]').click();
    await waitFor(() => signIn.shadowRoot?.querySelector('#password'), 1000, 'back to the form');
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step again');
    expect($in(signIn, 'label[for="code"]').textContent, 'a new sign-in asks for the app code').to.equal(
      'Verification code',
    );
  });

  it('words the code step in Russian, recovery code included', async () => {
    stub = stubApi({
      [publicRoute('sign_in')]: () =>
        problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app'),
    });
    const { signIn, localeProvider } = await signInForm();
    localeProvider.setValue(createLocaleState('ru'));
    await waitFor(
      () => $in(signIn, '[part~="heading"]').textContent === 'Вход в партнёрский кабинет',
      1000,
      'Russian heading',
    );
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    expect($in(signIn, '[part~="heading"]').textContent).to.equal('Двухэтапная проверка');
    expect($in(signIn, '[part~="code-mode"]').textContent?.trim()).to.equal(
      'Потеряли телефон? Войти с резервным кодом',
    );
    $in(signIn, '[part~="code-mode"]').click();
    await waitFor(
      () => $in(signIn, 'label[for="code"]').textContent === 'Резервный код',
      1000,
      'Russian recovery label',
    );
    expect($in(signIn, '#code-hint').textContent).to.equal('Резервный код, например abcde-fghij');
    expect($in(signIn, '[part~="intro"]').textContent).to.include('резервных кодов');
    expect($in(signIn, '[part~="code-mode"]').textContent?.trim()).to.equal('Ввести код из приложения-аутентификатора');
    typeInto(input(signIn, 'code'), 'abc');
    submit(signIn);
    const fieldError = await waitFor(() => signIn.shadowRoot?.querySelector('#code-error'), 1000, 'local check');
    expect(fieldError.textContent).to.equal(
      'Резервный код — это 10 латинских букв и цифр с дефисом посередине, например abcde-fghij.',
    );
    typeInto(input(signIn, 'code'), 'aaaaa-bbbbb');
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
    expect(alert.textContent).to.equal(
      'Резервный код неверный или уже использован. Проверьте его или введите другой из ваших кодов.',
    );
  });

  it('words a rejected code format and a rate limit on the code step in our words', async () => {
    stub = stubApi({
      [publicRoute('sign_in')]: (_req, n) =>
        [
          problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app'),
          problemResponse(422, 'validation_failed', 'code: must be the 6-digit code', [
            { path: 'body.code', message: 'must be the 6-digit code from your authenticator app, or a recovery code' },
          ]),
          problemResponse(
            429,
            'rate_limited',
            'Too many failed sign-ins from your network; wait 15 minutes and try again',
          ),
        ][Math.min(n, 2)] as Response,
    });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    typeInto(input(signIn, 'code'), '123456');
    submit(signIn);
    const fieldError = await waitFor(
      () => signIn.shadowRoot?.querySelector('#code-error'),
      2000,
      '422 beside the field',
    );
    expect(fieldError.textContent).to.equal('Enter the 6 digits your authenticator app shows.');
    typeInto(input(signIn, 'code'), '654321');
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
    expect(alert.textContent).to.equal(
      'Too many failed sign-ins from your network. Wait up to 15 minutes and try again.',
    );
  });

  it('explains a locked account: unlock email sent, the operator can unlock', async () => {
    stub = stubApi({ [publicRoute('sign_in')]: () => problemResponse(423, 'account_locked', 'The account is locked') });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('[part~="locked"]'), 2000, 'locked state');
    expect($in(signIn, '[part~="heading"]').textContent).to.equal('Your account is locked');
    const alert = $in(signIn, '[part~="locked"] [role="alert"]');
    expect(alert.textContent).to.include('emailed you a link to unlock it');
    expect(alert.textContent).to.include('support team can also unlock it');
    await waitFor(() => deepActiveElement()?.id === 'locked-heading', 1000, 'focus on the locked heading');
    $in(signIn, '[part~="link-button"]').click();
    await waitFor(() => signIn.shadowRoot?.querySelector('#password'), 1000, 'back to the form');
    expect(input(signIn, 'email').value, 'email kept').to.equal('anna@traffic.example');
  });

  for (const [status, code, detail, params, words] of [
    [
      401,
      'unauthorized',
      'The email or password is wrong',
      {},
      'The email or password is not correct, or your session has ended.',
    ],
    [
      403,
      'account_inactive',
      'Your partner account is waiting for the operator’s approval <b>soon</b>',
      { resource: 'partner', state: 'pending' },
      'Your partner account is waiting for approval by the program team.',
    ],
    [
      429,
      'rate_limited',
      'Too many attempts; try again in 5 minutes',
      { minutes: 15 },
      'Too many failed sign-ins from your network. Wait up to 15 minutes and try again.',
    ],
  ] as const) {
    it(`words ${code} from its code and params, never the server's detail`, async () => {
      stub = stubApi({ [publicRoute('sign_in')]: () => problemResponse(status, code, detail, undefined, params) });
      const { signIn, sessions } = await signInForm();
      fillCredentials(signIn);
      submit(signIn);
      const alert = await waitFor(
        () => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'),
        2000,
        'alert',
      );
      expect(alert.textContent).to.equal(words);
      expect(signIn.shadowRoot?.querySelector('b'), 'no HTML from the server').to.equal(null);
      expect(sessions.length).to.equal(0);
      await waitFor(() => deepActiveElement()?.id === 'password', 1000, 'focus back on the password');
    });
  }

  it('checks for empty fields before sending', async () => {
    stub = stubApi({});
    const { signIn } = await signInForm();
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[role="alert"]'), 1000, 'alert');
    expect(alert.textContent).to.equal('Enter your email and password.');
    expect(stub.requests.length).to.equal(0);
  });

  it('sends a password-reset link and answers neutrally', async () => {
    stub = stubApi({
      [publicRoute('password_reset')]: () =>
        jsonResponse({ message: 'If the account exists, an email is on its way' }, 202),
    });
    const { signIn } = await signInForm();
    typeInto(input(signIn, 'email'), 'anna@traffic.example');
    $in(signIn, '[part~="forgot"]').click();
    await waitFor(() => text(signIn).includes('Reset your password'), 1000, 'forgot step');
    expect(input(signIn, 'email').value, 'email carried over').to.equal('anna@traffic.example');
    expect(signIn.shadowRoot?.querySelector('#password'), 'no password field').to.equal(null);
    submit(signIn);
    const done = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="success"]'), 2000, 'sent notice');
    expect(stub.requests[0]?.body).to.deep.equal({ email: 'anna@traffic.example' });
    expect(done.getAttribute('role')).to.equal('status');
    expect(done.textContent).to.equal(
      'If an account exists for anna@traffic.example, we’ve sent it a link to reset the password. Check your inbox.',
    );
  });

  it('sends transport "cookie" when the portal runs on cookies', async () => {
    stub = stubApi({ [publicRoute('sign_in')]: () => jsonResponse(sessionResult({ token: null })) });
    const { signIn, sessions } = await signInForm({ session: { transport: 'cookie' } });
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'signed in');
    expect((stub.requests[0]?.body as { transport?: string } | undefined)?.transport).to.equal('cookie');
  });

  it('switches between English and Russian', async () => {
    const { signIn, localeProvider } = await signInForm();
    expect($in(signIn, '[part~="heading"]').textContent).to.equal('Sign in to your partner account');
    expect($in(signIn, 'label[for="password"]').textContent).to.equal('Password');
    localeProvider.setValue(createLocaleState('ru'));
    await waitFor(
      () => $in(signIn, '[part~="heading"]').textContent === 'Вход в партнёрский кабинет',
      1000,
      'Russian heading',
    );
    expect($in(signIn, 'label[for="email"]').textContent).to.equal('Эл. почта');
    expect($in(signIn, 'label[for="password"]').textContent).to.equal('Пароль');
    expect($in(signIn, '[part~="submit"]').textContent?.trim()).to.equal('Войти');
    expect($in(signIn, '[part~="forgot"]').textContent).to.equal('Забыли пароль?');
  });
});
