import '../../index.ts';
import type { SessionResult } from '../../internal/api-client.ts';
import { createLocaleState } from '../../internal/i18n.ts';
import { $in, afterEach, cleanupFixtures, deepActiveElement, describe, expect, it, jsonResponse, problemResponse, stubApi, typeInto, waitFor, type FetchStub } from '../../internal/test-helpers.ts';
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
  afterEach(() => { stub?.restore(); stub = null; cleanupFixtures(); });

  it('signs in, hands the session to its handler and emits kb-signed-in with the user only', async () => {
    stub = stubApi({ [publicRoute('sign-in')]: () => jsonResponse(sessionResult()) });
    const { signIn, sessions } = await signInForm();
    const events: unknown[] = [];
    signIn.addEventListener('kb-signed-in', (e) => events.push(e.detail));
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'session handed over');
    expect(stub.requests[0]?.body, 'sign-in body').toEqual({ email: 'anna@traffic.example', password: 'correct horse battery', transport: 'bearer' });
    expect(stub.requests[0]?.headers.get('authorization'), 'no bearer before sign-in').toBe(null);
    expect(sessions[0]?.token).toBe('kbs_token_1');
    expect(events, 'event detail has no token').toEqual([{ user: user() }]);
    expect(input(signIn, 'password').value, 'password cleared').toBe('');
  });

  it('asks for the 2FA code and sends it as typed, with a space', async () => {
    stub = stubApi({
      [publicRoute('sign-in')]: (req) => ((req.body as { code?: string }).code
        ? jsonResponse(sessionResult({ user: user({ twoFactorEnabled: true }) }))
        : problemResponse(401, 'two_factor_required', 'Enter the code from your authenticator app')),
    });
    const { signIn, sessions } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    await waitFor(() => deepActiveElement()?.id === 'code', 1000, 'focus on the code field');
    expect($in(signIn, '[part~="heading"]').textContent).toBe('Two-step verification');
    expect(input(signIn, 'code').getAttribute('autocomplete')).toBe('one-time-code');
    expect($in(signIn, 'label[for="code"]').textContent).toBe('Verification code');
    typeInto(input(signIn, 'code'), '12 34');
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('[part~="field-error"]'), 1000, 'local code check');
    expect(stub.requests.length, 'malformed code not sent').toBe(1);
    typeInto(input(signIn, 'code'), '123 456');
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'signed in with the code');
    expect(stub.requests[1]?.body).toEqual({ email: 'anna@traffic.example', password: 'correct horse battery', transport: 'bearer', code: '123 456' });
  });

  it('words a wrong code itself (the server speaks English only) and stays on the code step', async () => {
    stub = stubApi({ [publicRoute('sign-in')]: (_req, n) => problemResponse(401, 'two_factor_required', n === 0 ? 'Code required' : 'That code is not valid; try the current one') });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    typeInto(input(signIn, 'code'), '000000');
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
    expect(alert.textContent).toBe('That code is not correct or was already used. Enter the current code from your authenticator app.');
    expect(input(signIn, 'code').value, 'code cleared for a new try').toBe('');
    await waitFor(() => deepActiveElement()?.id === 'code', 1000, 'focus back on the code field');
  });

  it('signs in with a recovery code when the phone is lost', async () => {
    stub = stubApi({
      [publicRoute('sign-in')]: (req) => ((req.body as { code?: string }).code === 'k7m2p-x9q4r'
        ? jsonResponse(sessionResult({ user: user({ twoFactorEnabled: true }) }))
        : problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app')),
    });
    const { signIn, sessions } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    $in(signIn, '[part~="code-mode"]').click();
    await waitFor(() => $in(signIn, 'label[for="code"]').textContent === 'Recovery code', 1000, 'recovery mode');
    await waitFor(() => deepActiveElement()?.id === 'code', 1000, 'focus on the recovery-code field');
    const field = input(signIn, 'code');
    expect(field.getAttribute('inputmode'), 'letters allowed').toBe('text');
    expect(field.getAttribute('maxlength'), 'room for abcde-fghij').toBe('11');
    expect($in(signIn, '#code-hint').textContent).toBe('Recovery code, e.g. abcde-fghij');
    expect(field.getAttribute('aria-describedby')).toBe('code-hint');
    typeInto(field, ' K7M2P-X9Q4R ');
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'signed in with the recovery code');
    expect(stub.requests[1]?.body).toEqual({ email: 'anna@traffic.example', password: 'correct horse battery', transport: 'bearer', code: 'k7m2p-x9q4r' });
  });

  it('refuses a too-short recovery code before sending, and words a wrong one', async () => {
    stub = stubApi({ [publicRoute('sign-in')]: () => problemResponse(401, 'two_factor_required', 'The code is not correct or was already used; enter the current code') });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    $in(signIn, '[part~="code-mode"]').click();
    await waitFor(() => $in(signIn, 'label[for="code"]').textContent === 'Recovery code', 1000, 'recovery mode');
    typeInto(input(signIn, 'code'), 'k7m2p-x9q');
    submit(signIn);
    const fieldError = await waitFor(() => signIn.shadowRoot?.querySelector('#code-error'), 1000, 'local recovery-code check');
    expect(fieldError.textContent).toBe('A recovery code is 10 letters and digits with a hyphen in the middle, e.g. abcde-fghij.');
    expect(input(signIn, 'code').getAttribute('aria-invalid')).toBe('true');
    expect(stub.requests.length, 'short code not sent').toBe(1);
    typeInto(input(signIn, 'code'), 'aaaaa-bbbbb');
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
    expect(alert.textContent).toBe('That recovery code is not correct or was already used. Check it, or enter another of your codes.');
    expect(stub.requests[1]?.body).toEqual({ email: 'anna@traffic.example', password: 'correct horse battery', transport: 'bearer', code: 'aaaaa-bbbbb' });
    expect(signIn.shadowRoot?.querySelector('#code-error'), 'old field error gone').toBe(null);
  });

  it('switches back from the recovery code to the 6-digit code', async () => {
    stub = stubApi({
      [publicRoute('sign-in')]: (req) => ((req.body as { code?: string }).code
        ? jsonResponse(sessionResult({ user: user({ twoFactorEnabled: true }) }))
        : problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app')),
    });
    const { signIn, sessions } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    const toggle = () => $in(signIn, '[part~="code-mode"]');
    expect(toggle().textContent?.trim()).toBe('Lost your phone? Use a recovery code');
    toggle().click();
    await waitFor(() => $in(signIn, 'label[for="code"]').textContent === 'Recovery code', 1000, 'recovery mode');
    typeInto(input(signIn, 'code'), 'k7m2p');
    expect(toggle().textContent?.trim()).toBe('Use the code from your authenticator app');
    toggle().click();
    await waitFor(() => $in(signIn, 'label[for="code"]').textContent === 'Verification code', 1000, 'back to the app code');
    await waitFor(() => deepActiveElement()?.id === 'code', 1000, 'focus on the code field');
    const field = input(signIn, 'code');
    expect(field.value, 'half a recovery code is not kept').toBe('');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.getAttribute('maxlength')).toBe('7');
    expect(field.getAttribute('autocomplete')).toBe('one-time-code');
    expect($in(signIn, '#code-hint').textContent).toBe('6 digits, for example 123 456');
    typeInto(field, 'abcde-fghij');
    submit(signIn);
    const fieldError = await waitFor(() => signIn.shadowRoot?.querySelector('#code-error'), 1000, 'local code check');
    expect(fieldError.textContent).toBe('Enter the 6 digits your authenticator app shows.');
    typeInto(field, '123456');
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'signed in with the app code');
    expect((stub.requests[1]?.body as { code?: string } | undefined)?.code).toBe('123456');
  });

  it('shows the locked state when a wrong recovery code locks the account, and starts over with the app code', async () => {
    stub = stubApi({
      [publicRoute('sign-in')]: (_req, n) => (n !== 1
        ? problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app')
        : problemResponse(423, 'account_locked', 'Your account is locked after too many wrong attempts')),
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
    expect($in(signIn, '[part~="heading"]').textContent).toBe('Your account is locked');
    await waitFor(() => deepActiveElement()?.id === 'locked-heading', 1000, 'focus on the locked heading');
    $in(signIn, '[part~="link-button"]').click();
    await waitFor(() => signIn.shadowRoot?.querySelector('#password'), 1000, 'back to the form');
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step again');
    expect($in(signIn, 'label[for="code"]').textContent, 'a new sign-in asks for the app code').toBe('Verification code');
  });

  it('words the code step in Russian, recovery code included', async () => {
    stub = stubApi({ [publicRoute('sign-in')]: () => problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app') });
    const { signIn, localeProvider } = await signInForm();
    localeProvider.setValue(createLocaleState('ru'));
    await waitFor(() => $in(signIn, '[part~="heading"]').textContent === 'Вход в партнёрский кабинет', 1000, 'Russian heading');
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    expect($in(signIn, '[part~="heading"]').textContent).toBe('Двухэтапная проверка');
    expect($in(signIn, '[part~="code-mode"]').textContent?.trim()).toBe('Потеряли телефон? Войти с резервным кодом');
    $in(signIn, '[part~="code-mode"]').click();
    await waitFor(() => $in(signIn, 'label[for="code"]').textContent === 'Резервный код', 1000, 'Russian recovery label');
    expect($in(signIn, '#code-hint').textContent).toBe('Резервный код, например abcde-fghij');
    expect($in(signIn, '[part~="intro"]').textContent).toContain('резервных кодов');
    expect($in(signIn, '[part~="code-mode"]').textContent?.trim()).toBe('Ввести код из приложения-аутентификатора');
    typeInto(input(signIn, 'code'), 'abc');
    submit(signIn);
    const fieldError = await waitFor(() => signIn.shadowRoot?.querySelector('#code-error'), 1000, 'local check');
    expect(fieldError.textContent).toBe('Резервный код — это 10 латинских букв и цифр с дефисом посередине, например abcde-fghij.');
    typeInto(input(signIn, 'code'), 'aaaaa-bbbbb');
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
    expect(alert.textContent).toBe('Резервный код неверный или уже использован. Проверьте его или введите другой из ваших кодов.');
  });

  it('words a rejected code format and a rate limit on the code step in our words', async () => {
    stub = stubApi({
      [publicRoute('sign-in')]: (_req, n) => [
        problemResponse(401, 'two_factor_required', 'Enter the 6-digit code from your authenticator app'),
        problemResponse(422, 'validation_failed', 'code: must be the 6-digit code', [{ path: 'body.code', message: 'must be the 6-digit code from your authenticator app, or a recovery code' }]),
        problemResponse(429, 'rate_limited', 'Too many failed sign-ins from your network; wait 15 minutes and try again'),
      ][Math.min(n, 2)] as Response,
    });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    typeInto(input(signIn, 'code'), '123456');
    submit(signIn);
    const fieldError = await waitFor(() => signIn.shadowRoot?.querySelector('#code-error'), 2000, '422 beside the field');
    expect(fieldError.textContent).toBe('Enter the 6 digits your authenticator app shows.');
    typeInto(input(signIn, 'code'), '654321');
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
    expect(alert.textContent).toBe('Too many failed sign-ins from your network. Wait up to 15 minutes and try again.');
  });

  it('explains a locked account: unlock email sent, the operator can unlock', async () => {
    stub = stubApi({ [publicRoute('sign-in')]: () => problemResponse(423, 'account_locked', 'The account is locked') });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('[part~="locked"]'), 2000, 'locked state');
    expect($in(signIn, '[part~="heading"]').textContent).toBe('Your account is locked');
    const alert = $in(signIn, '[part~="locked"] [role="alert"]');
    expect(alert.textContent).toContain('emailed you a link to unlock it');
    expect(alert.textContent).toContain('support team can also unlock it');
    await waitFor(() => deepActiveElement()?.id === 'locked-heading', 1000, 'focus on the locked heading');
    $in(signIn, '[part~="link-button"]').click();
    await waitFor(() => signIn.shadowRoot?.querySelector('#password'), 1000, 'back to the form');
    expect(input(signIn, 'email').value, 'email kept').toBe('anna@traffic.example');
  });

  for (const [status, code, detail] of [
    [401, 'unauthorized', 'The email or password is wrong'],
    [403, 'account_inactive', 'Your partner account is waiting for the operator’s approval <b>soon</b>'],
    [429, 'rate_limited', 'Too many attempts; try again in 5 minutes'],
  ] as const) {
    it(`shows the server's detail as text for ${code}`, async () => {
      stub = stubApi({ [publicRoute('sign-in')]: () => problemResponse(status, code, detail) });
      const { signIn, sessions } = await signInForm();
      fillCredentials(signIn);
      submit(signIn);
      const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
      expect(alert.textContent).toBe(detail);
      expect(signIn.shadowRoot?.querySelector('b'), 'no HTML from the server').toBe(null);
      expect(sessions.length).toBe(0);
      await waitFor(() => deepActiveElement()?.id === 'password', 1000, 'focus back on the password');
    });
  }

  it('checks for empty fields before sending', async () => {
    stub = stubApi({});
    const { signIn } = await signInForm();
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[role="alert"]'), 1000, 'alert');
    expect(alert.textContent).toBe('Enter your email and password.');
    expect(stub.requests.length).toBe(0);
  });

  it('sends a password-reset link and answers neutrally', async () => {
    stub = stubApi({ [publicRoute('password-reset')]: () => jsonResponse({ message: 'If the account exists, an email is on its way' }, 202) });
    const { signIn } = await signInForm();
    typeInto(input(signIn, 'email'), 'anna@traffic.example');
    $in(signIn, '[part~="forgot"]').click();
    await waitFor(() => text(signIn).includes('Reset your password'), 1000, 'forgot step');
    expect(input(signIn, 'email').value, 'email carried over').toBe('anna@traffic.example');
    expect(signIn.shadowRoot?.querySelector('#password'), 'no password field').toBe(null);
    submit(signIn);
    const done = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="success"]'), 2000, 'sent notice');
    expect(stub.requests[0]?.body).toEqual({ email: 'anna@traffic.example' });
    expect(done.getAttribute('role')).toBe('status');
    expect(done.textContent).toBe('If an account exists for anna@traffic.example, we’ve sent it a link to reset the password. Check your inbox.');
  });

  it('sends transport "cookie" when the portal runs on cookies', async () => {
    stub = stubApi({ [publicRoute('sign-in')]: () => jsonResponse(sessionResult({ token: null })) });
    const { signIn, sessions } = await signInForm({ session: { transport: 'cookie' } });
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => sessions.length === 1, 2000, 'signed in');
    expect((stub.requests[0]?.body as { transport?: string } | undefined)?.transport).toBe('cookie');
  });

  it('switches between English and Russian', async () => {
    const { signIn, localeProvider } = await signInForm();
    expect($in(signIn, '[part~="heading"]').textContent).toBe('Sign in to your partner account');
    expect($in(signIn, 'label[for="password"]').textContent).toBe('Password');
    localeProvider.setValue(createLocaleState('ru'));
    await waitFor(() => $in(signIn, '[part~="heading"]').textContent === 'Вход в партнёрский кабинет', 1000, 'Russian heading');
    expect($in(signIn, 'label[for="email"]').textContent).toBe('Эл. почта');
    expect($in(signIn, 'label[for="password"]').textContent).toBe('Пароль');
    expect($in(signIn, '[part~="submit"]').textContent?.trim()).toBe('Войти');
    expect($in(signIn, '[part~="forgot"]').textContent).toBe('Забыли пароль?');
  });
});
