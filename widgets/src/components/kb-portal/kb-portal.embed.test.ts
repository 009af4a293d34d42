import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import '../../index.ts';
import { define } from '../../internal/base-element.ts';
import { anonymousSession, apiContext, type PartnerRole, type SessionState } from '../../internal/contexts.ts';
import { expect } from '@open-wc/testing';
import {
  $in,
  deepActiveElement,
  describe,
  fixture,
  it,
  jsonResponse,
  problemResponse,
  stubApi,
  typeInto,
  waitFor,
} from '../../internal/test-helpers.ts';
import type { KbPortal } from './kb-portal.ts';
import { PORTAL_SECTIONS, visibleSections, type PortalSection } from './portal-sections.ts';
import { configRoute, isolateEachTest, publicRoute, sessionResult, user } from '../../internal/portal-test-kit.ts';

class KbTestCaller extends LitElement {
  readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  call() {
    return this.api.value!.client.v1.partner.profile.$get();
  }
}
define('kb-test-caller', KbTestCaller);

const EXCHANGE = publicRoute('embed_sessions/exchange');
const TOKEN_A = 'kbcs_first_secret_000000';
const TOKEN_B = 'kbcs_second_secret_00000';
const section = (id: string, extra: Partial<PortalSection> = {}): PortalSection => ({
  id,
  labelKey: 'nav.profile',
  component: 'profile',
  requiresSession: true,
  render: () => html`<p part="section">${id}</p>`,
  ...extra,
});
const SECTIONS: PortalSection[] = [
  // The real Program section plus stand-ins, so visibility is tested without each section's API calls.
  ...PORTAL_SECTIONS.filter((s) => s.id === 'program'),
  section('profile'),
  section('team', { labelKey: 'nav.team', component: 'team', roles: ['owner', 'admin'] }),
  section('activity', { labelKey: 'nav.activity', component: 'activity' }),
];
const navLabels = (portal: KbPortal) =>
  [...(portal.shadowRoot?.querySelectorAll('[part~="nav-link"]') ?? [])].map((b) => b.textContent?.trim());
const ids = (session: SessionState) => visibleSections(SECTIONS, session).map((s) => s.id);
const signedIn = (
  role: PartnerRole,
  components: string[] | null = null,
  status: SessionState['status'] = 'signed_in',
): SessionState => ({ ...anonymousSession(), status, user: user({ role }), components });

describe('<kb-portal> embed sessions, emailed links and section visibility', () => {
  const t = isolateEachTest();

  it('exchanges the client secret, runs embedded with the minted components and the new bearer token', async () => {
    t.stub = stubApi({
      ...configRoute,
      [EXCHANGE]: () =>
        jsonResponse(
          sessionResult({ token: 'kbs_embed_1', components: ['program', 'team'], user: user({ role: 'admin' }) }),
        ),
      'GET /v1/partner/profile': () => jsonResponse({}),
    });
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_demo_luckyspin" client-secret=${TOKEN_A} .sections=${SECTIONS}><kb-test-caller></kb-test-caller></kb-portal>`,
    );
    await waitFor(() => portal.sessionState.status === 'embedded', 2000, 'embedded');
    const exchange = t.stub.requests.find((r) => r.url.endsWith('/embed_sessions/exchange'));
    expect(exchange?.body).to.deep.equal({ clientSecret: TOKEN_A });
    expect(exchange?.headers.get('authorization'), 'the secret is not a bearer').to.equal(null);
    expect(portal.sessionState.components).to.deep.equal(['program', 'team']);
    await portal.updateComplete;
    expect(navLabels(portal), 'only minted components').to.deep.equal(['Program', 'Team']);
    expect($in(portal, '[part~="user-email"]').textContent).to.equal('anna@traffic.example');
    expect(
      portal.shadowRoot?.querySelector('[part~="sign-out"]'),
      'the operator’s site signs out, not the embed',
    ).to.equal(null);
    expect(portal.shadowRoot?.querySelector('kb-sign-in'), 'no sign-in form').to.equal(null);
    await (portal.querySelector('kb-test-caller') as KbTestCaller).call();
    expect(t.stub.requests.at(-1)?.headers.get('authorization')).to.equal('Bearer kbs_embed_1');
  });

  it('words a used or expired secret from its code and params', async () => {
    t.stub = stubApi({
      ...configRoute,
      [EXCHANGE]: () =>
        problemResponse(401, 'unauthorized', 'This client secret is not valid: it was already used', undefined, {
          purpose: 'embed',
        }),
    });
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_demo_luckyspin" client-secret=${TOKEN_A}></kb-portal>`,
    );
    const box = await waitFor(() => portal.shadowRoot?.querySelector('[part~="session-error"]'), 2000, 'error state');
    expect(box.getAttribute('role')).to.equal('alert');
    expect($in(portal, '[part~="session-error"] [part~="error-title"]').textContent).to.equal(
      'We couldn’t open your partner account',
    );
    expect($in(portal, '[part~="session-error"] [part~="error-detail"]').textContent).to.equal(
      'This portal link was already used or has expired. Reload the page to continue.',
    );
    expect(portal.shadowRoot?.querySelector('kb-sign-in'), 'no sign-in form in embed mode').to.equal(null);
    expect(portal.sessionState.status).to.equal('anonymous');
  });

  it('on a 401 from a partner call, asks fetchClientSecret for a new secret and exchanges it', async () => {
    let secretsAsked = 0;
    t.stub = stubApi({
      ...configRoute,
      [EXCHANGE]: (req) =>
        jsonResponse(
          sessionResult({
            token: (req.body as { clientSecret: string }).clientSecret === TOKEN_A ? 'kbs_old' : 'kbs_new',
          }),
        ),
      'GET /v1/partner/profile': (req) =>
        req.headers.get('authorization') === 'Bearer kbs_old'
          ? problemResponse(401, 'unauthorized', 'The session has ended')
          : jsonResponse({}),
    });
    const expired: unknown[] = [];
    const portal =
      await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" client-secret=${TOKEN_A} @kb-session-expired=${(e: CustomEvent) => expired.push(e.detail)}
      .fetchClientSecret=${async () => {
        secretsAsked += 1;
        return TOKEN_B;
      }}><kb-test-caller></kb-test-caller></kb-portal>`);
    await waitFor(() => portal.sessionState.status === 'embedded', 2000, 'embedded');
    const caller = portal.querySelector('kb-test-caller') as KbTestCaller;
    const res = await caller.call();
    expect(res.status).to.equal(401);
    await waitFor(() => secretsAsked === 1 && portal.sessionState.clientSecret === TOKEN_B, 2000, 'renewed');
    expect(expired).to.deep.equal([{ reason: 'expired' }]);
    expect(t.stub.requests.filter((r) => r.url.endsWith('/exchange')).map((r) => r.body)).to.deep.equal([
      { clientSecret: TOKEN_A },
      { clientSecret: TOKEN_B },
    ]);
    expect((await caller.call()).status, 'new token accepted').to.equal(200);
    expect(t.stub.requests.at(-1)?.headers.get('authorization')).to.equal('Bearer kbs_new');
  });

  it('with only fetchClientSecret set, asks it for the first secret (no sign-in form meanwhile)', async () => {
    let release: (secret: string) => void = () => {};
    t.stub = stubApi({ ...configRoute, [EXCHANGE]: () => jsonResponse(sessionResult({ token: 'kbs_first' })) });
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="en"
      .fetchClientSecret=${() =>
        new Promise<string>((resolve) => {
          release = resolve;
        })}></kb-portal>`);
    const status = await waitFor(
      () => portal.shadowRoot?.querySelector('[part~="auth"] [part~="status"]'),
      2000,
      'checking state',
    );
    expect(status.textContent).to.equal('Checking your session…');
    expect(portal.shadowRoot?.querySelector('kb-sign-in'), 'no sign-in form while the page fetches').to.equal(null);
    release(TOKEN_A);
    await waitFor(() => portal.sessionState.status === 'embedded', 2000, 'embedded');
    expect(t.stub.requests.find((r) => r.url.endsWith('/exchange'))?.body).to.deep.equal({ clientSecret: TOKEN_A });
  });

  it('renews before expiresAt: kb-session-expired "expiring", then fetchClientSecret', async () => {
    const soon = () => new Date(Date.now() + 1500).toISOString();
    t.stub = stubApi({
      ...configRoute,
      [EXCHANGE]: (_req, n) =>
        jsonResponse(
          sessionResult({
            token: `kbs_${n}`,
            expiresAt: n === 0 ? soon() : new Date(Date.now() + 3600_000).toISOString(),
          }),
        ),
    });
    const expired: unknown[] = [];
    let asked = 0;
    const portal =
      await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" client-secret=${TOKEN_A} @kb-session-expired=${(e: CustomEvent) => expired.push(e.detail)}
      .fetchClientSecret=${() => {
        asked += 1;
        return Promise.resolve(TOKEN_B);
      }}></kb-portal>`);
    await waitFor(() => portal.sessionState.status === 'embedded', 2000, 'embedded');
    const firstExpiry = Date.parse(portal.sessionState.expiresAt!);
    await waitFor(() => asked === 1, 3000, 'asked for a new secret');
    expect(Date.now(), 'asked before the session ended').to.be.below(firstExpiry);
    expect(expired).to.deep.equal([{ reason: 'expiring' }]);
    await waitFor(() => portal.sessionState.clientSecret === TOKEN_B, 2000, 'exchanged');
    expect(portal.sessionState.status).to.equal('embedded');
  });

  it('#unlock=TOKEN: one button unlocks, the hash goes, sign-in shows a success notice', async () => {
    const token = 'unlock_token_abcdefghijklmnop';
    history.replaceState(history.state, '', `${location.pathname}${location.search}#unlock=${token}`);
    t.stub = stubApi({ ...configRoute, [publicRoute('unlock')]: () => jsonResponse({ message: 'Unlocked' }) });
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="en"></kb-portal>`);
    const link = await waitFor(
      () =>
        portal.shadowRoot?.querySelector('kb-account-link')?.shadowRoot?.querySelector('[part~="submit"]') &&
        portal.shadowRoot!.querySelector('kb-account-link')!,
      2000,
      'unlock form',
    );
    expect(link.getAttribute('mode')).to.equal('unlock');
    expect(link.shadowRoot?.querySelector('input'), 'no fields to unlock').to.equal(null);
    const button = $in<HTMLButtonElement>(link, '[part~="submit"]');
    expect(button.textContent?.trim()).to.equal('Unlock my account');
    button.click();
    await waitFor(() => portal.shadowRoot?.querySelector('kb-sign-in'), 2000, 'sign-in after unlocking');
    expect(t.stub.requests.find((r) => r.url.endsWith('/unlock'))?.body).to.deep.equal({ token });
    expect(location.hash, 'token removed from the address bar').to.equal('');
    expect($in(portal, '[part~="notice"]').textContent).to.equal('Your account is unlocked. You can sign in now.');
    await waitFor(() => deepActiveElement()?.id === 'email', 2000, 'focus on the sign-in email field');
  });

  it('#invite=TOKEN: new password twice (min 10, must match), then sign-in', async () => {
    const token = 'invite_token_abcdefghijklmnop';
    history.replaceState(history.state, '', `${location.pathname}#invite=${token}`);
    t.stub = stubApi({ ...configRoute, [publicRoute('password')]: () => jsonResponse({ message: 'Password set' }) });
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="ru"></kb-portal>`);
    const link = await waitFor(
      () =>
        portal.shadowRoot?.querySelector('kb-account-link')?.shadowRoot?.querySelector('#confirm') &&
        portal.shadowRoot!.querySelector('kb-account-link')!,
      2000,
      'password form',
    );
    expect($in(link, '[part~="heading"]').textContent).to.equal('Добро пожаловать');
    expect($in(link, 'label[for="password"]').textContent).to.equal('Новый пароль');
    typeInto($in<HTMLInputElement>(link, '#password'), 'short');
    $in<HTMLButtonElement>(link, '[part~="submit"]').click();
    await waitFor(() => link.shadowRoot?.querySelector('#password-error'), 1000, 'length error');
    expect($in(link, '#password-error').textContent).to.equal('Пароль должен быть не короче 10 символов.');
    typeInto($in<HTMLInputElement>(link, '#password'), 'a new long password');
    typeInto($in<HTMLInputElement>(link, '#confirm'), 'a new long passw0rd');
    $in<HTMLButtonElement>(link, '[part~="submit"]').click();
    await waitFor(() => link.shadowRoot?.querySelector('#confirm-error'), 1000, 'mismatch error');
    expect($in(link, '#confirm-error').textContent).to.equal('Пароли не совпадают.');
    expect(deepActiveElement()?.id, 'focus on the field to fix').to.equal('confirm');
    expect(
      t.stub.requests.some((r) => r.method === 'POST'),
      'nothing sent yet',
    ).to.equal(false);
    typeInto($in<HTMLInputElement>(link, '#confirm'), 'a new long password');
    $in<HTMLButtonElement>(link, '[part~="submit"]').click();
    await waitFor(() => portal.shadowRoot?.querySelector('kb-sign-in'), 2000, 'sign-in after setting the password');
    expect(t.stub.requests.find((r) => r.url.endsWith('/password'))?.body).to.deep.equal({
      token,
      password: 'a new long password',
    });
    expect(location.hash).to.equal('');
    expect($in(portal, '[part~="notice"]').textContent).to.equal('Пароль задан. Войдите, чтобы начать работу.');
  });

  it('an expired link says so in the portal’s words, and "Sign in" leaves it', async () => {
    history.replaceState(history.state, '', `${location.pathname}#reset=reset_token_abcdefghijklmnop`);
    t.stub = stubApi({
      ...configRoute,
      [publicRoute('password')]: () =>
        problemResponse(401, 'unauthorized', 'This password reset link is not valid', undefined, {
          purpose: 'password_reset',
        }),
    });
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="en"></kb-portal>`);
    const link = await waitFor(
      () =>
        portal.shadowRoot?.querySelector('kb-account-link')?.shadowRoot?.querySelector('#confirm') &&
        portal.shadowRoot!.querySelector('kb-account-link')!,
      2000,
      'reset form',
    );
    typeInto($in<HTMLInputElement>(link, '#password'), 'a new long password');
    typeInto($in<HTMLInputElement>(link, '#confirm'), 'a new long password');
    $in<HTMLButtonElement>(link, '[part~="submit"]').click();
    const alert = await waitFor(() => link.shadowRoot?.querySelector('[role="alert"]'), 2000, 'alert');
    expect(alert.textContent).to.equal(
      'This password link is not valid: it was already used or has expired. Ask for a new one.',
    );
    $in(portal, '[part~="auth-switch-button"]').click();
    await waitFor(() => portal.shadowRoot?.querySelector('kb-sign-in'), 1000, 'sign-in');
    expect(location.hash).to.equal('');
  });

  it('shows sections by session, embed components and role', () => {
    expect(ids(anonymousSession()), 'anonymous: public only').to.deep.equal(['program']);
    expect(ids(signedIn('owner')), 'owner').to.deep.equal(['program', 'profile', 'team', 'activity']);
    expect(ids(signedIn('admin')), 'admin').to.deep.equal(['program', 'profile', 'team', 'activity']);
    expect(ids(signedIn('analyst')), 'analyst: no team').to.deep.equal(['program', 'profile', 'activity']);
    expect(ids(signedIn('finance')), 'finance: no team').to.deep.equal(['program', 'profile', 'activity']);
    expect(ids(signedIn('owner', ['profile', 'team'], 'embedded')), 'embed: minted components only').to.deep.equal([
      'profile',
      'team',
    ]);
    expect(ids(signedIn('analyst', ['team', 'activity'], 'embedded')), 'embed and role both apply').to.deep.equal([
      'activity',
    ]);
    expect(ids(signedIn('owner', null, 'embedded')), 'embed without a list: all').to.deep.equal([
      'program',
      'profile',
      'team',
      'activity',
    ]);
  });

  it('builds the navigation from the visible sections after sign-in', async () => {
    t.stub = stubApi({
      ...configRoute,
      [publicRoute('sign_in')]: () => jsonResponse(sessionResult({ user: user({ role: 'analyst' }) })),
    });
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_demo_luckyspin" locale="en" .sections=${SECTIONS}></kb-portal>`,
    );
    const form = await waitFor(
      () =>
        portal.shadowRoot?.querySelector('kb-sign-in')?.shadowRoot?.querySelector('#password') &&
        portal.shadowRoot!.querySelector('kb-sign-in')!,
      2000,
      'form',
    );
    expect(navLabels(portal)).to.deep.equal(['Program']);
    typeInto($in<HTMLInputElement>(form, '#email'), 'anna@traffic.example');
    typeInto($in<HTMLInputElement>(form, '#password'), 'correct horse battery');
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => navLabels(portal).length === 3, 2000, 'signed-in navigation');
    expect(navLabels(portal)).to.deep.equal(['Program', 'Profile', 'Activity']);
    $in(portal, '[part~="nav-link"]:not([part~="nav-link-active"])').click();
    await portal.updateComplete;
    expect($in(portal, '[part~="main"] [part~="section"]').textContent).to.equal('profile');
  });
});
