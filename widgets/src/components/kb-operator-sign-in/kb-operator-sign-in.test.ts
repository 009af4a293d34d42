import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import type { StaffMe } from '../../internal/events.ts';
import { describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import { API, find, json, mockApi, problem, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { eachTestApi } from '../../internal/statistics/statistics-test-kit.ts';
import { KbOperatorSignIn } from './kb-operator-sign-in.ts';
import { KbOperatorAccount } from './kb-operator-account.ts';

define('kb-operator-sign-in', KbOperatorSignIn);
define('kb-operator-account', KbOperatorAccount);

const OPERATOR = 'op_lucky';
const ME: StaffMe = {
  id: 'staff_owner',
  email: 'owner@lucky.example',
  name: 'Olga Sokolova',
  role: 'owner',
  twoFactor: 'on',
  session: 'full',
  operator: { id: OPERATOR, name: 'Lucky Spin' },
};
const QR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><path d="M0 0h7v7H0z"/></svg>';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

type Route = (r: { method: string; path: string; body: unknown }) => Response | undefined;
function staffApi(route: Route = () => undefined): ApiMock {
  return mockApi((request) => {
    const answer = route(request);
    if (answer) return answer;
    const key = `${request.method} ${request.path}`;
    if (key === 'POST /v1/operator/sessions')
      return json({ stage: 'second_factor', challenge: 'chl_1', expiresAt: '2026-12-03T08:00:00.000Z' });
    if (key === 'POST /v1/operator/sessions/second_factor')
      return json({ stage: 'signed_in', challenge: null, expiresAt: '2026-12-03T20:00:00.000Z' });
    if (key === 'GET /v1/operator/me') return json(ME);
    return undefined;
  });
}

async function mounted(locale = 'en') {
  return fixture<KbOperatorSignIn>(
    html`<kb-operator-sign-in api-base=${API} operator-id=${OPERATOR} locale=${locale}></kb-operator-sign-in>`,
  );
}
function type(el: Element, selector: string, value: string) {
  const input = query<HTMLInputElement>(el, selector)!;
  input.value = value;
}
function submit(el: Element) {
  query<HTMLButtonElement>(el, '[part~="submit"]')!.click();
}
async function passwordStep(el: Element, email = 'owner@lucky.example') {
  type(el, '#op-email', email);
  type(el, '#op-password', 'Demo-password-1');
  submit(el);
  return find<HTMLInputElement>(el, '#op-code');
}

describe('<kb-operator-sign-in>', () => {
  const stub = eachTestApi();

  it('signs in with the password and the code, then tells the page who it is', async () => {
    const api = stub(staffApi());
    const el = await mounted();
    expect(text(query(el, '[part~="heading"]'))).to.equal('Staff sign-in');
    const code = await passwordStep(el);
    expect(api.sent('POST /v1/operator/sessions')[0]!.body).to.deep.equal({
      operatorId: OPERATOR,
      email: 'owner@lucky.example',
      password: 'Demo-password-1',
    });
    expect(text(query(el, '[part~="intro"]'))).to.contain('owner@lucky.example');
    await waitFor(() => el.shadowRoot!.activeElement === code, 1000, 'focus on the code');
    const signedIn = new Promise<CustomEvent<StaffMe>>((resolve) =>
      el.addEventListener('kb-operator-signed-in', (e) => resolve(e), { once: true }),
    );
    code.value = '123 456';
    submit(el);
    const event = await signedIn;
    expect(event.detail).to.deep.equal(ME);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(api.sent('POST /v1/operator/sessions/second_factor')[0]!.body).to.deep.equal({
      operatorId: OPERATOR,
      challenge: 'chl_1',
      code: '123456',
    });
    // Ready for the next sign-in, the password field empty.
    await find(el, '#op-email');
    expect(query<HTMLInputElement>(el, '#op-password')!.value).to.equal('');
  });

  it('words a wrong password, a wrong code and a lockout with its minutes, in Russian too', async () => {
    let locked = false;
    let wrongPassword = false;
    stub(
      staffApi(({ method, path }) => {
        if (method !== 'POST') return undefined;
        if (path === '/v1/operator/sessions' && wrongPassword) return problem(401, 'unauthorized', 'no');
        if (path === '/v1/operator/sessions' && locked)
          return problem(423, 'account_locked', 'Too many', [], { minutes: 14 });
        if (path === '/v1/operator/sessions/second_factor')
          return problem(422, 'validation_failed', 'body.code: wrong', [
            { path: 'body.code', reason: 'wrong_code', message: 'not correct or already used' },
          ]);
        return undefined;
      }),
    );
    const el = await mounted('ru');
    submit(el);
    expect(text(await find(el, '[part~="error"]'))).to.equal('Введите e-mail и пароль.');
    const code = await passwordStep(el);
    code.value = '12345';
    submit(el);
    expect(text(await find(el, '[part~="field-error"]'))).to.equal(
      'Введите 6 цифр, которые показывает приложение-аутентификатор.',
    );
    code.value = '000000';
    submit(el);
    await waitFor(() => text(query(el, '[part~="field-error"]')).startsWith('Код неверный'), 1000, 'wrong code');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    query<HTMLButtonElement>(el, '[part~="back"]')!.click();
    await find(el, '#op-email');
    locked = true;
    type(el, '#op-password', 'x');
    submit(el);
    await waitFor(() => text(query(el, '[part~="error"]')).includes('14 минут'), 1000, 'lockout');
    expect(text(query(el, '[part~="error"]'))).to.equal(
      'Слишком много неверных паролей или кодов: учётная запись заблокирована. Попробуйте через 14 минут или попросите владельца разблокировать её.',
    );
    el.setAttribute('locale', 'en');
    wrongPassword = true;
    submit(el);
    await waitFor(() => text(query(el, '[part~="error"]')) === 'The e-mail or password is not correct.', 1000, '401');
  });

  it('enrols an account without TOTP: the QR code, the key as text, confirm with a code', async () => {
    const api = stub(
      staffApi(({ method, path }) => {
        if (method === 'POST' && path === '/v1/operator/sessions')
          return json({ stage: 'enrol_two_factor', challenge: null, expiresAt: '2026-12-03T08:00:00.000Z' });
        if (method === 'POST' && path === '/v1/operator/me/totp')
          return json({ secret: 'JBSWY3DPEHPK3PXPJBSW', otpauthUri: 'otpauth://totp/x', qrSvg: QR_SVG });
        if (method === 'POST' && path === '/v1/operator/me/totp/confirm')
          return json({ stage: 'signed_in', challenge: null, expiresAt: '2026-12-03T20:00:00.000Z' });
        return undefined;
      }),
    );
    const el = await mounted();
    const signedIn = new Promise<StaffMe>((resolve) =>
      el.addEventListener('kb-operator-signed-in', (e) => resolve(e.detail), { once: true }),
    );
    const code = await passwordStep(el);
    expect(text(query(el, '[part~="heading"]'))).to.equal('Set up two-factor authentication');
    const qr = await find<HTMLImageElement>(el, 'img[part~="qr"]');
    expect(qr.src.startsWith('data:image/svg+xml;base64,')).to.equal(true);
    expect(atob(qr.src.split(',')[1]!)).to.equal(QR_SVG);
    expect(qr.alt).to.equal('QR code for your authenticator app');
    expect(text(query(el, '[part~="secret"]'))).to.equal('JBSW Y3DP EHPK 3PXP JBSW');
    code.value = '654321';
    submit(el);
    expect((await signedIn).email).to.equal(ME.email);
    expect(api.sent('POST /v1/operator/me/totp/confirm')[0]!.body).to.deep.equal({ code: '654321' });
    expect(api.sent('POST /v1/operator/sessions/second_factor')).to.have.length(0);
  });

  it('an expired challenge goes back to the password with words', async () => {
    stub(
      staffApi(({ path }) =>
        path === '/v1/operator/sessions/second_factor' ? problem(401, 'unauthorized', 'expired') : undefined,
      ),
    );
    const el = await mounted();
    const code = await passwordStep(el);
    code.value = '123456';
    submit(el);
    await find(el, '#op-email');
    expect(text(query(el, '[part~="error"]'))).to.equal('The sign-in took too long: enter your password again.');
  });

  it('390 px, dark page: nothing wider than the phone', async () => {
    await setViewport({ width: 390, height: 844 });
    stub(
      staffApi(({ path }) =>
        path === '/v1/operator/sessions'
          ? json({ stage: 'enrol_two_factor', challenge: null, expiresAt: '2026-12-03T08:00:00.000Z' })
          : path === '/v1/operator/me/totp'
            ? json({ secret: 'JBSWY3DPEHPK3PXPJBSWJBSWY3DPEHPK', otpauthUri: 'otpauth://totp/x', qrSvg: QR_SVG })
            : undefined,
      ),
    );
    const el = await mounted('ru');
    el.style.setProperty('--kb-color-text', '#f4f1ff');
    await passwordStep(el);
    await find(el, 'img[part~="qr"]');
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
    expect(getComputedStyle(query(el, '[part~="heading"]')!).color).to.equal('rgb(244, 241, 255)');
  });
});

describe('<kb-operator-account>', () => {
  const stub = eachTestApi();

  it('shows the name and role, signs out and tells the page', async () => {
    const api = stub(
      staffApi(({ method, path }) =>
        method === 'DELETE' && path === '/v1/operator/sessions/current' ? json({ message: 'Signed out' }) : undefined,
      ),
    );
    const el = await fixture<KbOperatorAccount>(
      html`<kb-operator-account api-base=${API} locale="ru"></kb-operator-account>`,
    );
    // Without `staff`, it asks who is signed in.
    await waitFor(() => text(query(el, '[part~="name"]')) === 'Вы вошли как Olga Sokolova', 1000, 'name');
    expect(text(query(el, '[part~="role"]'))).to.equal('Владелец, Lucky Spin · owner@lucky.example');
    const signedOut = new Promise<{ staffId: string | null }>((resolve) =>
      el.addEventListener('kb-operator-signed-out', (e) => resolve(e.detail), { once: true }),
    );
    query<HTMLButtonElement>(el, '[part~="sign-out"]')!.click();
    expect(await signedOut).to.deep.equal({ staffId: ME.id });
    expect(api.sent('DELETE /v1/operator/sessions/current')).to.have.length(1);
    await waitFor(() => !query(el, '[part~="account"]'), 1000, 'empty after sign-out');
  });

  it('shows nothing while nobody is signed in, and words a failed sign-out', async () => {
    const api = stub(
      staffApi(({ method }) =>
        method === 'GET' ? problem(401, 'unauthorized', 'no session') : problem(500, 'internal', 'boom'),
      ),
    );
    const el = await fixture<KbOperatorAccount>(html`<kb-operator-account api-base=${API}></kb-operator-account>`);
    await waitFor(() => api.sent('GET /v1/operator/me').length === 1, 1000, 'asked who is signed in');
    await el.updateComplete;
    expect(query(el, '[part~="account"]')).to.equal(null);
    el.staff = { ...ME, role: 'viewer', name: 'Victor Lind' };
    await el.updateComplete;
    expect(text(query(el, '[part~="role"]'))).to.equal('Viewer at Lucky Spin · owner@lucky.example');
    query<HTMLButtonElement>(el, '[part~="sign-out"]')!.click();
    await waitFor(() => text(query(el, '[part~="error"]')).startsWith('Something went wrong'), 1000, 'error');
  });
});
