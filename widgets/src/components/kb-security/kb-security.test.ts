import { define } from '../../internal/base-element.ts';
import { KbSecurity } from './kb-security.ts';
import type { Profile, SessionInfo } from '../../internal/account/account-types.ts';
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
  stubClipboard,
  textOf,
  type ApiMock,
  type RecordedRequest,
} from '../../internal/account/account-test-kit.ts';

define('kb-security', KbSecurity);

const QR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><path d="M0 ' +
  '0h7v7H0z"/><script>window.__kbPwned=1</script></svg>';
const profileWith = (twoFactorEnabled: boolean, locked = false): Profile => ({
  user: makeUser({ twoFactorEnabled, locked }),
  partner: {
    id: 'prt_1',
    name: 'Olga Media',
    company: null,
    country: 'DE',
    status: 'active',
    referralCode: 'OLGA2025',
  },
  messenger: null,
  phone: null,
  defaultCurrency: 'EUR',
  emailPreferences: { news: true, reports: true, payments: true, security: true },
});
const session = (id: string, device: string, current = false): SessionInfo => ({
  id,
  kind: 'password',
  device,
  browser: device.split(' on ')[0] ?? null,
  os: device.split(' on ')[1] ?? null,
  deviceType: null,
  ip: '203.0.113.7',
  createdAt: '2025-03-01T09:30:00.000Z',
  lastSeenAt: '2025-03-02T10:00:00.000Z',
  expiresAt: '2025-04-01T09:30:00.000Z',
  current,
});

interface ServerState {
  twoFactor: boolean;
  sessions: SessionInfo[];
  token: string | null;
  locked?: boolean;
}

/** A small fake of the partner account routes, so the element sees the server change. */
function fakeServer(state: ServerState, override?: (r: RecordedRequest) => Response | undefined) {
  return mockApi((request) => {
    const answer = override?.(request);
    if (answer) return answer;
    const route = `${request.method} ${request.path}`;
    switch (route) {
      case 'GET /v1/partner/profile':
        return json(profileWith(state.twoFactor, state.locked));
      case 'POST /v1/partner/2fa/enrol':
        return json({ secret: 'JBSWY3DPEHPK3PXPJBSW', otpauthUri: 'otpauth://totp/x', qrSvg: QR_SVG });
      case 'POST /v1/partner/2fa/confirm':
        state.twoFactor = true;
        return json({ recoveryCodes: ['aaaa-1111', 'bbbb-2222', 'cccc-3333'] });
      case 'POST /v1/partner/2fa/disable':
        state.twoFactor = false;
        return json({ message: '2FA disabled' });
      case 'GET /v1/partner/sessions':
        return json({ data: state.sessions });
      case 'POST /v1/partner/sessions/terminate_others': {
        const before = state.sessions.length;
        state.sessions = state.sessions.filter((s) => s.current);
        return json({ terminated: before - state.sessions.length });
      }
      case 'GET /v1/partner/statistic_token':
        return json({ token: state.token, createdAt: state.token ? '2025-02-01T08:00:00.000Z' : null });
      case 'POST /v1/partner/statistic_token/rotate':
        state.token = 'st_new_token_0000000000009999';
        return json({ token: state.token, createdAt: '2025-03-05T08:00:00.000Z' });
      case 'DELETE /v1/partner/statistic_token':
        state.token = null;
        return json({ token: null, createdAt: null });
    }
    if (request.method === 'DELETE' && request.path.startsWith('/v1/partner/sessions/')) {
      const id = request.path.split('/').pop();
      state.sessions = state.sessions.filter((s) => s.id !== id);
      return json({ terminated: 1 });
    }
    return undefined;
  });
}

const initial = (overrides: Partial<ServerState> = {}): ServerState => ({
  twoFactor: false,
  sessions: [
    session('ses_1', 'Chrome on macOS', true),
    session('ses_2', 'Safari on iPhone'),
    session('ses_3', 'Firefox on Windows'),
  ],
  token: 'st_live_abcdefghijklmnop1234',
  ...overrides,
});

async function mounted(api: ApiMock, locale: 'en' | 'ru' = 'en', twoFactorEnabled = false) {
  const { el } = await mountSection<KbSecurity>('kb-security', { locale, user: makeUser({ twoFactorEnabled }) });
  await find(el, '[part~="session-row"]');
  await find(el, '[part~="token-row"], [part~="statistic-token"] [part~="empty"]');
  return el;
}
const click = (el: Element, selector: string) => $in<HTMLButtonElement>(el, selector).click();

describe('<kb-security>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('enrols 2FA: QR image, grouped key, confirm, recovery codes once', async () => {
    api = fakeServer(initial());
    const el = await mounted(api);
    expect($in(el, '[part~="tfa-status"]').textContent).to.include('Off');
    click(el, '[part~="enable-2fa"]');
    const qr = await find<HTMLImageElement>(el, 'img[part~="qr"]');
    expect(api.sent('POST /v1/partner/2fa/enrol').length, 'enrol').to.equal(1);
    expect(qr.src.startsWith('data:image/svg+xml;base64,'), 'data URL').to.equal(true);
    expect(
      new TextDecoder().decode(Uint8Array.from(atob(qr.src.split(',')[1]!), (c) => c.charCodeAt(0))),
      'decoded SVG',
    ).to.equal(QR_SVG);
    expect(qr.alt).to.equal('QR code for your authenticator app');
    expect(query(el, 'svg, script'), 'no server markup in the shadow DOM').to.equal(null);
    expect($in(el, '[part~="secret"]').textContent).to.equal('JBSW Y3DP EHPK 3PXP JBSW');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'sec-2fa-code', 1000, 'focus on the code field');

    fill($in<HTMLInputElement>(el, '#sec-2fa-code'), '123 456');
    click(el, '[part~="submit-code"]');
    await find(el, '[part~="recovery-codes"]');
    expect(api.sent('POST /v1/partner/2fa/confirm')[0]?.body, 'confirm body').to.deep.equal({ code: '123 456' });
    const codes = [...el.shadowRoot!.querySelectorAll('[part~="recovery-code"]')].map((li) => li.textContent?.trim());
    expect(codes.join(), 'codes').to.equal('aaaa-1111,bbbb-2222,cccc-3333');
    const download = $in<HTMLAnchorElement>(el, 'a[part~="download"]');
    expect(download.href.startsWith('blob:'), 'blob link').to.equal(true);
    expect(download.getAttribute('download')).to.equal('recovery-codes.txt');
    const file = await (await fetch(download.href)).text();
    expect(file).to.include('aaaa-1111\nbbbb-2222\ncccc-3333');
    await waitFor(() => api!.sent('GET /v1/partner/profile').length === 2, 1000, 'profile fetched again');

    click(el, '[part~="saved-codes"]');
    await waitFor(() => query(el, '[part~="recovery-codes"]') === null, 1000, 'codes hidden');
    expect(textOf(el)).not.to.include('aaaa-1111');
    expect(textOf(el)).to.include('Two-factor authentication is on.');
    expect($in(el, '[part~="tfa-status"]').textContent).to.include('On');
    $in(el, '[part~="disable-2fa"]');
  });

  it('shows a wrong code beside the code field', async () => {
    api = fakeServer(initial(), (r) =>
      r.path === '/v1/partner/2fa/confirm'
        ? problem(422, 'validation_failed', 'body.code: the code is not correct or was already used', [
            { path: 'body.code', message: 'not correct or already used' },
          ])
        : undefined,
    );
    const el = await mounted(api);
    click(el, '[part~="enable-2fa"]');
    fill(await find<HTMLInputElement>(el, '#sec-2fa-code'), '000000');
    click(el, '[part~="submit-code"]');
    const error = await find(el, '#sec-2fa-code-error');
    expect(error.textContent).to.equal(
      'This code is not correct or was already used. Enter the code your authenticator app ' +
        'shows now, and check that your phone’s clock is right.',
    );
    expect(error.getAttribute('role')).to.equal('alert');
    expect($in(el, '#sec-2fa-code').getAttribute('aria-invalid')).to.equal('true');
    expect(query(el, '[part~="recovery-codes"]'), 'no codes').to.equal(null);
  });

  it('says in Russian that a code to turn 2FA off is wrong, and that wrong codes lock the account', async () => {
    api = fakeServer(initial({ twoFactor: true }), (r) =>
      r.path === '/v1/partner/2fa/disable'
        ? problem(422, 'validation_failed', 'body.code: the code is not correct or was already used', [
            { path: 'body.code', message: 'not correct or already used' },
          ])
        : undefined,
    );
    const el = await mounted(api, 'ru', true);
    click(el, '[part~="disable-2fa"]');
    fill(await find<HTMLInputElement>(el, '#sec-2fa-code'), 'abcde-fghij');
    click(el, '[part~="submit-code"]');
    const error = await find(el, '#sec-2fa-code-error');
    expect(api.sent('POST /v1/partner/2fa/disable')[0]?.body, 'a recovery code fits the field').to.deep.equal({
      code: 'abcde-fghij',
    });
    expect(error.textContent).to.include('Код неверен или уже использован.');
    expect(error.textContent).to.include('После слишком многих неверных кодов учётная запись блокируется.');
    expect(textOf(el)).not.to.include('not correct');
  });

  it('replaces the code form with the lock and the emailed unlock link when turning 2FA off answers 423', async () => {
    const state = initial({ twoFactor: true });
    api = fakeServer(state, (r) => {
      if (r.path !== '/v1/partner/2fa/disable') return undefined;
      state.locked = true;
      return problem(
        423,
        'account_locked',
        'Your account is locked after too many wrong passwords or codes. Use the unlock link ' +
          'we emailed you, or ask the program team or your account owner to unlock it',
      );
    });
    const el = await mounted(api, 'en', true);
    click(el, '[part~="disable-2fa"]');
    fill(await find<HTMLInputElement>(el, '#sec-2fa-code'), '111111');
    click(el, '[part~="submit-code"]');
    const heading = await find(el, '[part~="locked-heading"]');
    expect(heading.textContent).to.equal('Your account is locked');
    await waitFor(() => el.shadowRoot!.activeElement === heading, 1000, 'focus on the lock heading');
    const text = $in(el, '[part~="locked-text"]');
    expect(text.getAttribute('role')).to.equal('alert');
    expect(text.textContent).to.include('After too many wrong passwords or 2FA codes in a row we locked the account');
    expect(text.textContent).to.include('We’ve emailed you a link to unlock it.');
    expect(query(el, '#sec-2fa-code'), 'no code form').to.equal(null);
    expect(query(el, '[part~="submit-code"]'), 'no submit').to.equal(null);
    expect(query(el, '[part~="disable-2fa"]'), 'no disable button').to.equal(null);
    expect($in(el, '[part~="tfa-status"]').textContent, '2FA still on').to.include('On');

    click(el, '[part~="recheck-lock"]');
    await waitFor(() => textOf(el).includes('Your account is still locked.'), 1000, 'still locked');
    expect(query(el, '[part~="disable-2fa"]'), 'still no disable button').to.equal(null);
    state.locked = false;
    click(el, '[part~="recheck-lock"]');
    await find(el, '[part~="disable-2fa"]');
    expect(textOf(el)).to.include('Your account is unlocked.');
    expect(query(el, '[part~="locked"]'), 'lock note gone').to.equal(null);
  });

  it('says in Russian that the account is locked, without the server’s English', async () => {
    api = fakeServer(initial({ twoFactor: true }), (r) =>
      r.path === '/v1/partner/2fa/disable'
        ? problem(
            423,
            'account_locked',
            'Your account is locked after too many wrong passwords or codes. Use the unlock link we emailed you',
          )
        : undefined,
    );
    const el = await mounted(api, 'ru', true);
    click(el, '[part~="disable-2fa"]');
    fill(await find<HTMLInputElement>(el, '#sec-2fa-code'), '111111');
    click(el, '[part~="submit-code"]');
    expect((await find(el, '[part~="locked-heading"]')).textContent).to.equal('Учётная запись заблокирована');
    expect(textOf(el)).to.include('Мы отправили вам письмо со ссылкой для разблокировки.');
    expect(textOf(el)).not.to.include('Your account is locked');
    expect(query(el, '#sec-2fa-code'), 'no code form').to.equal(null);
  });

  it('shows the lock instead of “Disable 2FA” when the profile says the account is locked', async () => {
    api = fakeServer(initial({ twoFactor: true, locked: true }));
    const el = await mounted(api, 'en', true);
    await find(el, '[part~="locked"]');
    expect(query(el, '[part~="disable-2fa"]'), 'no disable button').to.equal(null);
    expect(api.sent('POST /v1/partner/2fa/disable').length, 'nothing sent').to.equal(0);
  });

  it('disables 2FA with a code', async () => {
    api = fakeServer(initial({ twoFactor: true }));
    const el = await mounted(api, 'en', true);
    click(el, '[part~="disable-2fa"]');
    fill(await find<HTMLInputElement>(el, '#sec-2fa-code'), '654321');
    click(el, '[part~="submit-code"]');
    await waitFor(() => textOf(el).includes('Two-factor authentication is off.'), 1000, 'off notice');
    expect(api.sent('POST /v1/partner/2fa/disable')[0]?.body, 'disable body').to.deep.equal({ code: '654321' });
    expect($in(el, '[part~="tfa-status"]').textContent).to.include('Off');
    $in(el, '[part~="enable-2fa"]');
  });

  it('lists sessions and terminates one, then all others', async () => {
    api = fakeServer(initial());
    const el = await mounted(api);
    const rows = () => [...el.shadowRoot!.querySelectorAll('[part~="session-row"]')];
    expect(rows().length, 'rows').to.equal(3);
    const current = $in(el, '[data-session-id="ses_1"]');
    expect(current.textContent).to.include('This device');
    expect(current.querySelector('[part~="terminate"]'), 'no terminate on current').to.equal(null);
    expect(textOf(el)).to.include('203.0.113.7');

    $in<HTMLButtonElement>(el, '[data-session-id="ses_2"] [part~="terminate"]').click();
    await waitFor(() => rows().length === 2, 1000, 'row removed');
    expect(api.sent('DELETE /v1/partner/sessions/ses_2').length, 'DELETE').to.equal(1);

    click(el, '[part~="terminate-others"]');
    await waitFor(() => rows().length === 1, 1000, 'only current left');
    expect(api.sent('POST /v1/partner/sessions/terminate_others').length, 'terminate-others').to.equal(1);
    expect(textOf(el)).to.include('1 session terminated.');
    expect($in<HTMLButtonElement>(el, '[part~="terminate-others"]').disabled, 'nothing left to terminate').to.equal(
      true,
    );
  });

  it('masks the statistic token, reveals and copies it', async () => {
    const clipboard = stubClipboard();
    try {
      api = fakeServer(initial());
      const el = await mounted(api);
      expect($in(el, '[part~="token"]').textContent).to.equal('••••••••••••1234');
      expect(textOf(el)).to.include('Your personal statistic token');
      expect(textOf(el)).not.to.include('Report API'); // not built yet: no sentence may promise it
      click(el, '[part~="reveal"]');
      await waitFor(() => $in(el, '[part~="token"]').textContent === 'st_live_abcdefghijklmnop1234', 1000, 'revealed');
      click(el, '[part~="token-row"] [part~="copy-button"]');
      await waitFor(() => clipboard.written.length === 1, 1000, 'copied');
      expect(clipboard.written[0]).to.equal('st_live_abcdefghijklmnop1234');
    } finally {
      clipboard.restore();
    }
  });

  it('asks before rotating or expiring the statistic token', async () => {
    api = fakeServer(initial());
    const el = await mounted(api);
    click(el, '[part~="rotate"]');
    await find(el, '[part~="confirm"]');
    expect(textOf(el)).to.include('The current one stops working at once');
    expect(api.sent('POST /v1/partner/statistic_token/rotate').length, 'not yet rotated').to.equal(0);
    click(el, '[part~="confirm-no"]');
    await waitFor(() => query(el, '[part~="confirm"]') === null, 1000, 'cancelled');
    expect(api.sent('POST /v1/partner/statistic_token/rotate').length, 'still not rotated').to.equal(0);

    click(el, '[part~="rotate"]');
    (await find<HTMLButtonElement>(el, '[part~="confirm-yes"]')).click();
    await waitFor(() => $in(el, '[part~="token"]').textContent?.endsWith('9999'), 1000, 'new token shown');
    expect(api.sent('POST /v1/partner/statistic_token/rotate').length, 'rotated once').to.equal(1);

    click(el, '[part~="expire"]');
    (await find<HTMLButtonElement>(el, '[part~="confirm-yes"]')).click();
    await waitFor(() => textOf(el).includes('You have no active statistic token'), 1000, 'expired');
    expect(api.sent('DELETE /v1/partner/statistic_token').length, 'expired once').to.equal(1);
    expect($in(el, '[part~="rotate"]').textContent).to.equal('Create token');
  });

  it('speaks Russian', async () => {
    api = fakeServer(initial());
    const el = await mounted(api, 'ru');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Безопасность');
    expect(textOf(el)).to.include('Двухфакторная аутентификация');
    expect($in(el, '[part~="enable-2fa"]').textContent).to.equal('Включить 2FA');
    expect($in(el, '[data-session-id="ses_1"]').textContent).to.include('Это устройство');
    expect($in(el, '[part~="terminate-others"]').textContent?.trim()).to.equal('Завершить все другие сеансы');
    expect(textOf(el)).to.include('Токен статистики');
    // The device is worded from its parts: no English "on" in a Russian sentence.
    expect($in(el, '[data-session-id="ses_1"]').textContent).to.include('Chrome, macOS');
    expect(textOf(el)).not.to.match(/ on /);
  });
});
