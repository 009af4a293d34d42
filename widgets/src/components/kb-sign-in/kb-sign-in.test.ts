import '../../index.ts';
import type { SessionResult } from '../../internal/api-client.ts';
import { createLocaleState } from '../../internal/i18n.ts';
import { $in, afterEach, cleanupFixtures, deepActiveElement, describe, expect, it, jsonResponse, problemResponse, stubApi, typeInto, waitFor, type FetchStub } from '../../internal/test-helpers.ts';
import { formHost, publicRoute, sessionResult, user } from '../kb-portal/portal-test-kit.ts';
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

  it('shows the server detail for a wrong code and stays on the code step', async () => {
    stub = stubApi({ [publicRoute('sign-in')]: (_req, n) => problemResponse(401, 'two_factor_required', n === 0 ? 'Code required' : 'That code is not valid; try the current one') });
    const { signIn } = await signInForm();
    fillCredentials(signIn);
    submit(signIn);
    await waitFor(() => signIn.shadowRoot?.querySelector('#code'), 2000, 'code step');
    typeInto(input(signIn, 'code'), '000000');
    submit(signIn);
    const alert = await waitFor(() => signIn.shadowRoot?.querySelector('[part~="error"][role="alert"]'), 2000, 'alert');
    expect(alert.textContent).toBe('That code is not valid; try the current one');
    expect(input(signIn, 'code').value, 'code cleared for a new try').toBe('');
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
