import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import '../../index.ts';
import { define } from '../../internal/base-element.ts';
import { expectOk } from '../../internal/api-client.ts';
import { apiContext } from '../../internal/contexts.ts';
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
import {
  configRoute,
  isolateEachTest,
  keptSessions,
  publicRoute,
  sessionResult,
  user,
} from '../../internal/portal-test-kit.ts';

/** A light-DOM child of the portal that makes partner calls with the client the portal provides. */
class KbTestProbe extends LitElement {
  readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  profile() {
    return expectOk(this.api.value!.client.v1.partner.profile.$get());
  }
}
define('kb-test-probe', KbTestProbe);

const PROFILE = 'GET /v1/partner/profile';
const SIGN_OUT = 'POST /v1/partner/sign_out';
const profileBody = () => ({
  user: user(),
  partner: { id: 'pa_1', name: 'Anna', company: null, country: 'DE', status: 'active', referralCode: 'ANNA1' },
  messenger: null,
  phone: null,
  defaultCurrency: 'EUR',
  emailPreferences: { news: true, reports: true, payments: true, security: true },
});
const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? null;
const authArea = (portal: KbPortal) => portal.shadowRoot?.querySelector('[part~="auth"]') ?? null;
const signInOf = (portal: KbPortal) => portal.shadowRoot?.querySelector('kb-sign-in') ?? null;
const probeOf = (portal: KbPortal) => portal.querySelector('kb-test-probe') as KbTestProbe;

async function signInThroughForm(portal: KbPortal) {
  const form = await waitFor(
    () => shadow(signInOf(portal))?.querySelector('#password') && signInOf(portal),
    2000,
    'sign-in form',
  );
  typeInto($in<HTMLInputElement>(form, '#email'), 'anna@traffic.example');
  typeInto($in<HTMLInputElement>(form, '#password'), 'correct horse battery');
  $in<HTMLButtonElement>(form, '[part~="submit"]').click();
  await waitFor(() => portal.sessionState.status !== 'anonymous', 2000, 'signed in');
}

describe('<kb-portal> session', () => {
  const t = isolateEachTest();

  it('shows sign-in beside the Program while anonymous, then uses the bearer token on partner calls', async () => {
    t.stub = stubApi({
      ...configRoute,
      [publicRoute('sign_in')]: () => jsonResponse(sessionResult({ token: 'kbs_secret_token' })),
      [PROFILE]: () => jsonResponse(profileBody()),
    });
    const signedIn: unknown[] = [];
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_demo_luckyspin" locale="en" @kb-signed-in=${(e: CustomEvent) => signedIn.push(e.detail)}><kb-test-probe></kb-test-probe></kb-portal>`,
    );
    await waitFor(() => signInOf(portal), 2000, 'sign-in form');
    expect(authArea(portal)?.getAttribute('aria-label')).to.equal('Sign in or create an account');
    expect(portal.shadowRoot?.querySelector('[part~="main"] kb-program')?.localName, 'Program stays visible').to.equal(
      'kb-program',
    );
    expect(portal.shadowRoot?.querySelector('[part~="user-email"]'), 'nobody in the header').to.equal(null);
    await signInThroughForm(portal);
    expect(portal.sessionState.status).to.equal('signed_in');
    expect(signedIn).to.deep.equal([{ user: user() }]);
    await waitFor(() => !authArea(portal), 1000, 'sign-in area gone');
    expect($in(portal, '[part~="user-email"]').textContent).to.equal('anna@traffic.example');
    expect($in(portal, '[part~="sign-out"]').textContent).to.equal('Sign out');
    await waitFor(() => deepActiveElement() === $in(portal, '[part~="main"]'), 1000, 'focus on the main area');
    await probeOf(portal).profile();
    const profileCall = t.stub.requests.find((r) => r.url.endsWith('/v1/partner/profile'));
    expect(profileCall?.headers.get('authorization'), 'bearer on the next partner call').to.equal(
      'Bearer kbs_secret_token',
    );
    expect(localStorage.length, 'nothing in localStorage').to.equal(0);
    expect(
      Object.values(keptSessions()).map((s) => s.token),
      'kept for a refresh of this tab',
    ).to.deep.equal(['kbs_secret_token']);
  });

  it('signs out: calls the server with the token, clears the session and shows sign-in', async () => {
    t.stub = stubApi({
      ...configRoute,
      [publicRoute('sign_in')]: () => jsonResponse(sessionResult()),
      [SIGN_OUT]: () => jsonResponse({ message: 'Signed out' }),
      [PROFILE]: () => problemResponse(401, 'unauthorized', 'Sign in first'),
    });
    const signedOut: unknown[] = [];
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_demo_luckyspin" @kb-signed-out=${(e: CustomEvent) => signedOut.push(e.detail)}><kb-test-probe></kb-test-probe></kb-portal>`,
    );
    await signInThroughForm(portal);
    await waitFor(() => portal.shadowRoot?.querySelector('[part~="sign-out"]'), 1000, 'sign-out button');
    $in(portal, '[part~="sign-out"]').click();
    await waitFor(() => signInOf(portal), 2000, 'sign-in again');
    await waitFor(() => t.stub!.requests.some((r) => r.url.endsWith('/sign_out')), 1000, 'sign-out call');
    const call = t.stub.requests.find((r) => r.url.endsWith('/sign_out'));
    expect(call?.method).to.equal('POST');
    expect(call?.headers.get('authorization')).to.equal('Bearer kbs_token_1');
    expect(portal.sessionState.status).to.equal('anonymous');
    expect(portal.shadowRoot?.querySelector('[part~="user-email"]'), 'email gone').to.equal(null);
    expect(signedOut).to.deep.equal([{ userId: 'usr_1' }]);
    await probeOf(portal)
      .profile()
      .catch(() => null);
    expect(t.stub.requests.at(-1)?.headers.get('authorization'), 'token forgotten').to.equal(null);
    expect($in(portal, '[part~="notice"]').textContent, 'no "session ended" notice for a chosen sign-out').to.equal('');
  });

  it(
    'cookie mode: probes the profile with credentials, signs in with transport "cookie", ' +
      'never sends Authorization',
    async () => {
      t.stub = stubApi({
        ...configRoute,
        [PROFILE]: (_req, n) =>
          n === 0 ? problemResponse(401, 'unauthorized', 'Sign in first') : jsonResponse(profileBody()),
        [publicRoute('sign_in')]: () => jsonResponse(sessionResult({ token: null })),
        [SIGN_OUT]: () => jsonResponse({ message: 'Signed out' }),
      });
      const portal = await fixture<KbPortal>(
        html`<kb-portal operator="op_demo_luckyspin" auth="cookie"><kb-test-probe></kb-test-probe></kb-portal>`,
      );
      await waitFor(() => shadow(signInOf(portal))?.querySelector('#password'), 2000, 'sign-in form after the probe');
      const probe = t.stub.requests.find((r) => r.url.endsWith('/v1/partner/profile'));
      expect(probe?.credentials, 'probe credentials').to.equal('include');
      await signInThroughForm(portal);
      const signIn = t.stub.requests.find((r) => r.url.endsWith('/sign_in'));
      expect((signIn?.body as { transport?: string } | undefined)?.transport).to.equal('cookie');
      expect(signIn?.credentials, 'sign-in credentials (to receive the cookie)').to.equal('include');
      await probeOf(portal).profile();
      $in(portal, '[part~="sign-out"]').click();
      await waitFor(() => t.stub!.requests.some((r) => r.url.endsWith('/sign_out')), 1000, 'sign-out call');
      for (const r of t.stub.requests) {
        expect(r.headers.get('authorization'), `Authorization on ${r.method} ${r.url}`).to.equal(null);
        expect(r.credentials, `credentials on ${r.method} ${r.url}`).to.equal('include');
      }
    },
  );

  it('cookie mode: an existing cookie session signs the user in on load', async () => {
    t.stub = stubApi({ ...configRoute, [PROFILE]: () => jsonResponse(profileBody()) });
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" auth="cookie"></kb-portal>`);
    await waitFor(() => portal.shadowRoot?.querySelector('[part~="user-email"]'), 2000, 'user in the header');
    expect(portal.sessionState.status).to.equal('signed_in');
    expect(portal.sessionState.transport).to.equal('cookie');
    expect(authArea(portal), 'no sign-in form').to.equal(null);
  });

  it('a section reporting 401 ends a password session: back to sign-in with a notice, one event to the page', async () => {
    t.stub = stubApi({ ...configRoute, [publicRoute('sign_in')]: () => jsonResponse(sessionResult()) });
    const expired: unknown[] = [];
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_demo_luckyspin" @kb-session-expired=${(e: CustomEvent) => expired.push(e.detail)}><kb-test-probe></kb-test-probe></kb-portal>`,
    );
    await signInThroughForm(portal);
    // What a section does on a 401: a bare event, no detail.
    probeOf(portal).dispatchEvent(new CustomEvent('kb-session-expired', { bubbles: true, composed: true }));
    await waitFor(() => signInOf(portal), 2000, 'sign-in again');
    expect(expired).to.deep.equal([{ reason: 'expired' }]);
    expect($in(portal, '[part~="notice"]').textContent).to.equal('Your session has ended. Please sign in again.');
    expect($in(portal, '[part~="notice"]').getAttribute('role')).to.equal('status');
  });

  it('shows "Create an account" and "Sign in" switches and moves focus to the form', async () => {
    // The sign-up form asks the operator's registration fields (none here) before it shows.
    t.stub = stubApi({ ...configRoute, [publicRoute('registration_fields', 'GET')]: () => jsonResponse({ data: [] }) });
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="en"></kb-portal>`);
    await waitFor(() => signInOf(portal), 2000, 'sign-in form');
    expect($in(portal, '[part~="auth-switch"]').textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'New to the program? Create an account',
    );
    $in(portal, '[part~="auth-switch-button"]').click();
    await waitFor(() => deepActiveElement()?.id === 'name', 2000, 'focus on the sign-up name field');
    expect(portal.shadowRoot?.querySelector('kb-sign-in'), 'sign-in replaced').to.equal(null);
    $in(portal, '[part~="auth-switch-button"]').click();
    await waitFor(() => deepActiveElement()?.id === 'email', 2000, 'focus back on the sign-in email field');
  });
});
