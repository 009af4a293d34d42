/**
 * Every place in the portal has an address: sections and the campaign views, in hash, path and
 * none routing; Back/Forward, a refresh (a new portal on the same address), a deep link opened
 * signed out, a place the session may not see; and the password session a tab keeps for a refresh.
 */
import { html } from 'lit';
import '../../index.ts';
import { expect } from '@open-wc/testing';
import {
  $in,
  deepActiveElement,
  describe,
  it,
  problemResponse,
  typeInto,
  waitFor,
} from '../../internal/test-helpers.ts';
import { API, json, type ApiMock, type Handler } from '../../internal/account/account-test-kit.ts';
import { fakeCampaignApi } from '../../internal/campaign/campaign-test-kit.ts';
import {
  OPERATOR,
  isolateEachTest,
  keptSessions,
  portalConfig,
  sessionResult,
  user,
} from '../../internal/portal-test-kit.ts';
import type { SessionUser } from '../../internal/contexts.ts';
import type { KbPortal } from './kb-portal.ts';
import { PORTAL_SECTIONS, type PortalSection } from './portal-sections.ts';

const SIGN_IN = `POST /v1/public/operators/${OPERATOR}/sign_in`;
const EXCHANGE = `POST /v1/public/operators/${OPERATOR}/embed_sessions/exchange`;

/** The campaign fixtures plus what the portal itself asks: its config, sign-in, sign-out, postback counts. */
function serve(options: { user?: SessionUser; also?: Handler } = {}): ApiMock {
  return fakeCampaignApi(async (request) => {
    const own = await options.also?.(request);
    if (own) return own;
    const route = `${request.method} ${request.path}`;
    if (route === `GET /v1/public/operators/${OPERATOR}`) return json(portalConfig());
    if (route === SIGN_IN) return json(sessionResult({ user: options.user ?? user() }));
    if (route === EXCHANGE) return json(sessionResult({ token: 'kbs_embed' }));
    if (route === 'POST /v1/partner/sign_out') return json({ message: 'Signed out' });
    if (route === 'GET /v1/partner/postbacks') return json({ data: [] });
    return undefined;
  });
}

/** A portal as a page writes it; `props` are set before it connects (like a page script would). */
async function mount(attributes: Record<string, string> = {}, props: Partial<KbPortal> = {}): Promise<KbPortal> {
  const portal = document.createElement('kb-portal') as KbPortal;
  for (const [name, value] of Object.entries({ api: API, operator: OPERATOR, locale: 'en', ...attributes }))
    portal.setAttribute(name, value);
  Object.assign(portal, props);
  const container = document.createElement('div');
  container.dataset.testFixture = '';
  document.body.append(container);
  container.append(portal);
  await portal.updateComplete;
  return portal;
}

/** What a refresh does to the portal: the page (and its memory) goes, the address and this tab's storage stay. */
async function refresh(portal: KbPortal, attributes: Record<string, string> = {}): Promise<KbPortal> {
  portal.parentElement!.remove();
  return mount(attributes);
}

const signInForm = (portal: KbPortal) => portal.shadowRoot?.querySelector('kb-sign-in') ?? null;
async function signIn(portal: KbPortal): Promise<void> {
  const form = await waitFor(
    () => signInForm(portal)?.shadowRoot?.querySelector('#password') && signInForm(portal),
    2000,
    'sign-in form',
  );
  typeInto($in<HTMLInputElement>(form, '#email'), 'anna@traffic.example');
  typeInto($in<HTMLInputElement>(form, '#password'), 'correct horse battery');
  $in<HTMLButtonElement>(form, '[part~="submit"]').click();
  await waitFor(() => portal.sessionState.status === 'signed_in', 2000, 'signed in');
}

const navLink = (portal: KbPortal, label: string) =>
  [...portal.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="nav-link"]')].find(
    (b) => b.textContent?.trim() === label,
  );
const activeNav = (portal: KbPortal) =>
  portal.shadowRoot?.querySelector('[part~="nav-link-active"]')?.textContent?.trim();
const campaignsOf = (portal: KbPortal) => portal.shadowRoot?.querySelector('kb-campaigns') ?? null;
/** The campaign page's heading once it loaded, else null. */
const detailHeading = (portal: KbPortal) =>
  campaignsOf(portal)?.shadowRoot?.querySelector('kb-campaign-detail')?.shadowRoot?.querySelector('[part~="heading"]')
    ?.textContent ?? null;
const listShown = (portal: KbPortal) => {
  const list = campaignsOf(portal)?.shadowRoot?.querySelector<HTMLElement>('[part~="list"]');
  return Boolean(list && !list.hidden && list.querySelector('[part~="campaign-row"]'));
};
async function openCampaign(portal: KbPortal): Promise<void> {
  await waitFor(() => listShown(portal), 3000, 'campaign list');
  campaignsOf(portal)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="open"]')!.click();
  await waitFor(() => detailHeading(portal) === 'Summer push', 3000, 'campaign page');
}
/** Back and Forward are asynchronous: wait for the address, then for the portal to follow. */
async function goBack(): Promise<void> {
  const before = location.href;
  history.back();
  await waitFor(() => location.href !== before, 2000, 'Back');
}
async function goForward(): Promise<void> {
  const before = location.href;
  history.forward();
  await waitFor(() => location.href !== before, 2000, 'Forward');
}

describe('<kb-portal> routing', () => {
  const t = isolateEachTest();
  let api: ApiMock | null = null;
  const served = (options?: Parameters<typeof serve>[0]) => {
    api = serve(options);
    t.stub = { calls: [], requests: [], restore: () => api?.restore() };
    return api;
  };

  it('hash: sections and the campaign page get addresses, Back/Forward move between them, a refresh keeps the place', async () => {
    const mock = served();
    history.replaceState(null, '', `${location.pathname}${location.search}#faq`);
    let portal = await mount();
    await signIn(portal);
    expect(location.hash, 'the page’s own anchor is left alone until the partner moves').to.equal('#faq');

    navLink(portal, 'Campaigns')!.click();
    await waitFor(() => listShown(portal), 3000, 'campaigns');
    expect(location.hash).to.equal('#/campaigns');
    expect(activeNav(portal)).to.equal('Campaigns');
    const entries = history.length;
    await openCampaign(portal);
    expect(location.hash, 'the campaign page’s address').to.equal('#/campaigns/camp_1');
    expect(history.length, 'a new history entry').to.equal(entries + 1);

    await goBack();
    expect(location.hash).to.equal('#/campaigns');
    await waitFor(() => listShown(portal) && !detailHeading(portal), 2000, 'list after Back');
    await waitFor(() => deepActiveElement()?.id === 'campaigns-heading', 1000, 'focus on the list heading');
    await goBack();
    expect(location.hash).to.equal('#faq');
    expect(activeNav(portal), 'the anchor is not the portal’s: it stays').to.equal('Campaigns');
    await goForward();
    await goForward();
    expect(location.hash).to.equal('#/campaigns/camp_1');
    await waitFor(() => detailHeading(portal) === 'Summer push', 3000, 'campaign page after Forward');

    portal = await refresh(portal);
    await waitFor(() => detailHeading(portal) === 'Summer push', 3000, 'campaign page after the refresh');
    expect(portal.sessionState.status, 'still signed in').to.equal('signed_in');
    expect(activeNav(portal)).to.equal('Campaigns');
    expect(mock.sent(SIGN_IN).length, 'one sign-in for both page loads').to.equal(1);
    expect(portal.path).to.equal('/campaigns/camp_1');
  });

  it('hash: Back from the wizard closes it; Finish replaces the wizard’s entry with the new campaign’s page', async () => {
    served();
    history.replaceState(null, '', `${location.pathname}${location.search}#/campaigns`);
    const portal = await mount();
    await signIn(portal);
    await waitFor(() => listShown(portal), 3000, 'campaigns');
    campaignsOf(portal)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="create"]')!.click();
    await waitFor(() => campaignsOf(portal)?.shadowRoot?.querySelector('kb-campaign-wizard'), 2000, 'wizard');
    expect(location.hash).to.equal('#/campaigns/new');
    await goBack();
    await waitFor(() => listShown(portal), 2000, 'list after Back');
    expect(campaignsOf(portal)!.shadowRoot!.querySelector('kb-campaign-wizard'), 'wizard closed').to.equal(null);
  });

  it('a deep link opened signed out shows sign-in, then its place', async () => {
    served();
    history.replaceState(null, '', `${location.pathname}${location.search}#/campaigns/camp_1`);
    const portal = await mount();
    await waitFor(() => signInForm(portal), 2000, 'sign-in form');
    expect(location.hash, 'the link waits').to.equal('#/campaigns/camp_1');
    expect(activeNav(portal)).to.equal('Program');
    await signIn(portal);
    await waitFor(() => detailHeading(portal) === 'Summer push', 3000, 'the linked campaign');
    expect(location.hash).to.equal('#/campaigns/camp_1');
    expect(activeNav(portal)).to.equal('Campaigns');
  });

  it('signed out the portal shows Program; after sign-in the partner lands on the dashboard', async () => {
    served();
    const portal = await mount();
    await waitFor(() => signInForm(portal), 2000, 'sign-in form');
    expect(activeNav(portal)).to.equal('Program');
    expect(navLink(portal, 'Dashboard'), 'no dashboard before sign-in').to.equal(undefined);
    await signIn(portal);
    await waitFor(() => activeNav(portal) === 'Dashboard', 2000, 'the dashboard');
    await waitFor(
      () => portal.shadowRoot?.querySelector('kb-dashboard')?.shadowRoot?.querySelector('[part~="heading"]'),
      3000,
      'its chunk',
    );
    expect(portal.section).to.equal('dashboard');
  });

  it('an unknown section, or one the role may not see, falls back to the first allowed with the address corrected in place', async () => {
    served({ user: user({ role: 'analyst' }) });
    history.replaceState(null, '', `${location.pathname}${location.search}#/nowhere/at-all`);
    let entries = history.length;
    let portal = await mount();
    expect(location.hash, 'unknown: corrected at once').to.equal('#/program');
    expect(history.length, 'no new history entry').to.equal(entries);
    portal.parentElement!.remove();

    history.replaceState(null, '', `${location.pathname}${location.search}#/team`);
    entries = history.length;
    portal = await mount();
    await waitFor(() => signInForm(portal), 2000, 'sign-in form');
    expect(location.hash, 'team may open after sign-in: it waits').to.equal('#/team');
    await signIn(portal);
    await waitFor(
      () => location.hash === '#/dashboard',
      2000,
      'corrected for an analyst: the dashboard, first after sign-in',
    );
    expect(history.length, 'still no new entry').to.equal(entries);
    expect(activeNav(portal)).to.equal('Dashboard');
    expect(navLink(portal, 'Team'), 'no Team for analysts').to.equal(undefined);
  });

  it('an embed session limited to some components corrects a section outside them', async () => {
    api = fakeCampaignApi(async (request) => {
      const route = `${request.method} ${request.path}`;
      if (route === `GET /v1/public/operators/${OPERATOR}`) return json(portalConfig());
      if (route === EXCHANGE) return json(sessionResult({ token: 'kbs_embed', components: ['program', 'campaigns'] }));
      if (route === 'GET /v1/partner/postbacks') return json({ data: [] });
      return undefined;
    });
    t.stub = { calls: [], requests: [], restore: () => api?.restore() };
    history.replaceState(null, '', `${location.pathname}${location.search}#/security`);
    const portal = await mount({ 'client-secret': 'kbcs_secret_0000000000' });
    await waitFor(() => portal.sessionState.status === 'embedded', 2000, 'embedded');
    // The first section the components allow: News (the program's announcements come with `program`).
    await waitFor(() => location.hash === '#/news', 2000, 'corrected');
    expect(Object.keys(keptSessions()), 'an embed session is never kept').to.deep.equal([]);
  });

  it('path: the History API under base-path; Back returns; a refresh keeps the place', async () => {
    served();
    history.replaceState(null, '', '/partners/campaigns');
    let portal = await mount({ routing: 'path', 'base-path': '/partners' });
    await signIn(portal);
    await waitFor(() => listShown(portal), 3000, 'campaigns from the path');
    await openCampaign(portal);
    expect(location.pathname).to.equal('/partners/campaigns/camp_1');
    navLink(portal, 'Program')!.click();
    await portal.updateComplete;
    expect(location.pathname).to.equal('/partners/program');
    await goBack();
    await waitFor(() => detailHeading(portal) === 'Summer push', 3000, 'campaign page after Back');
    portal = await refresh(portal, { routing: 'path', 'base-path': '/partners/' });
    await waitFor(() => detailHeading(portal) === 'Summer push', 3000, 'campaign page after the refresh');
    expect(location.hash, 'no hash in path routing').to.equal('');
  });

  it('none: the address stays the host’s; kb-navigate carries the path, cancelling keeps the place, navigate() goes', async () => {
    served();
    const url = location.href;
    const events: Array<{ section: string; path: string }> = [];
    let refuse = false;
    const portal = await mount({ routing: 'none' });
    portal.addEventListener('kb-navigate', (e) => {
      events.push(e.detail);
      if (refuse) e.preventDefault();
    });
    await signIn(portal);
    navLink(portal, 'Campaigns')!.click();
    await openCampaign(portal);
    expect(events).to.deep.equal([
      { section: 'campaigns', path: '/campaigns' },
      { section: 'campaigns', path: '/campaigns/camp_1' },
    ]);
    expect(location.href, 'the address is untouched').to.equal(url);

    refuse = true;
    navLink(portal, 'Profile')!.click();
    await portal.updateComplete;
    expect(activeNav(portal), 'a refused move keeps the place').to.equal('Campaigns');
    portal.navigate('/profile');
    await waitFor(() => activeNav(portal) === 'Profile', 1000, 'the host router’s navigate()');
    expect(events.length, 'navigate() sends no event').to.equal(3);
    expect(portal.path).to.equal('/profile');
    expect(location.href).to.equal(url);
  });

  it('a section’s kb-open-section (an empty list’s next step) moves to that section like a nav pick', async () => {
    served({
      also: ({ path }) => (path === '/v1/partner/events' ? json({ data: [] }) : undefined),
    });
    const events: Array<{ section: string; path: string }> = [];
    const leaked: string[] = [];
    const onPage = (e: CustomEvent<{ section: string }>) => leaked.push(e.detail.section);
    document.addEventListener('kb-open-section', onPage);
    try {
      const portal = await mount({ routing: 'none' });
      portal.addEventListener('kb-navigate', (e) => events.push(e.detail));
      await signIn(portal);
      portal.navigate('/conversions');
      const action = await waitFor(
        () =>
          portal.shadowRoot
            ?.querySelector('kb-conversions')
            ?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="events-view"] [part~="empty-action"]'),
        3000,
        'the conversions’ empty state',
      );
      action.click();
      await waitFor(() => activeNav(portal) === 'Campaigns', 2000, 'campaigns shown');
      expect(events.at(-1)).to.deep.equal({ section: 'campaigns', path: '/campaigns' });
      expect(leaked, 'the portal handles it; the page does not see it').to.deep.equal([]);
    } finally {
      document.removeEventListener('kb-open-section', onPage);
    }
  });

  it('keeps a password session for a refresh of this tab: no second sign-in; sign-out forgets it', async () => {
    const mock = served();
    let portal = await mount();
    await signIn(portal);
    const [kept] = Object.values(keptSessions());
    expect(kept?.token).to.equal('kbs_token_1');
    portal = await refresh(portal);
    expect(portal.sessionState.status, 'signed in on the first render').to.equal('signed_in');
    expect(signInForm(portal), 'no sign-in form').to.equal(null);
    await waitFor(() => portal.shadowRoot?.querySelector('[part~="user-email"]'), 1000, 'user in the header');
    navLink(portal, 'Campaigns')!.click();
    await waitFor(() => listShown(portal), 3000, 'campaigns');
    const list = mock.requests.filter((r) => r.path === '/v1/partner/campaigns');
    expect(list.length, 'campaigns asked with the kept session').to.be.above(0);
    expect(mock.sent(SIGN_IN).length, 'one sign-in').to.equal(1);

    $in(portal, '[part~="sign-out"]').click();
    await waitFor(() => signInForm(portal), 2000, 'sign-in again');
    expect(keptSessions(), 'forgotten on sign-out').to.deep.equal({});
    portal = await refresh(portal);
    expect(portal.sessionState.status, 'a refresh after sign-out stays signed out').to.equal('anonymous');
  });

  it('a 401 forgets the kept session', async () => {
    let expired = false;
    served({
      also: (request) =>
        expired && request.path === '/v1/partner/campaigns'
          ? problemResponse(401, 'unauthorized', 'Session expired')
          : undefined,
    });
    const portal = await mount();
    await signIn(portal);
    expect(Object.keys(keptSessions()).length).to.equal(1);
    expired = true;
    navLink(portal, 'Campaigns')!.click();
    await waitFor(() => signInForm(portal), 3000, 'sign-in after the 401');
    expect(keptSessions()).to.deep.equal({});
    expect(location.hash, 'the place waits for the next sign-in').to.equal('#/campaigns');
  });

  it('an expired kept session is not restored', async () => {
    served();
    sessionStorage.setItem(
      `kabinet.session:${OPERATOR}@${API}`,
      JSON.stringify({ token: 'kbs_old', expiresAt: new Date(Date.now() - 1000).toISOString(), user: user() }),
    );
    const portal = await mount();
    await waitFor(() => signInForm(portal), 2000, 'sign-in form');
    expect(portal.sessionState.status).to.equal('anonymous');
    expect(keptSessions()).to.deep.equal({});
  });
});

describe('<kb-portal> section loading', () => {
  const t = isolateEachTest();
  let api: ApiMock | null = null;

  /** A public section whose chunk arrives when the test says (or fails). */
  function slowSection(tag: string) {
    let arrive!: () => void;
    let fail!: () => void;
    const gate = new Promise<void>((resolve, reject) => {
      arrive = resolve;
      fail = () => reject(new TypeError('Failed to fetch dynamically imported module'));
    });
    const element = document.createElement(tag);
    element.setAttribute('part', 'section section-slow');
    const section: PortalSection = {
      id: 'slow',
      labelKey: 'nav.creatives',
      component: 'program',
      load: () =>
        gate.then(() => {
          if (!customElements.get(tag))
            customElements.define(
              tag,
              class extends HTMLElement {
                updateComplete = Promise.resolve(true);
                connectedCallback() {
                  this.textContent = 'Slow section content';
                }
              },
            );
        }),
      render: () => html`${element}`,
    };
    return { section, arrive, fail };
  }

  it('shows a status from the first frame until the chunk arrived and the element rendered', async () => {
    api = serve();
    t.stub = { calls: [], requests: [], restore: () => api?.restore() };
    const slow = slowSection('kb-test-slow-a');
    history.replaceState(null, '', `${location.pathname}${location.search}#/slow`);
    const portal = await mount({}, { sections: [...PORTAL_SECTIONS.filter((s) => s.id === 'program'), slow.section] });
    await waitFor(() => portal.shadowRoot?.querySelector('[part~="section-loading"]'), 2000, 'loading status');
    const status = $in(portal, '[part~="section-loading"]');
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Loading Creatives…');
    expect(status.querySelector('[part~="spinner"]')?.getAttribute('aria-hidden')).to.equal('true');
    slow.arrive();
    await waitFor(() => !portal.shadowRoot?.querySelector('[part~="section-loading"]'), 2000, 'status gone');
    expect(portal.shadowRoot?.querySelector('kb-test-slow-a')?.textContent).to.equal('Slow section content');
  });

  it('a chunk that fails shows an error with Retry', async () => {
    api = serve();
    t.stub = { calls: [], requests: [], restore: () => api?.restore() };
    const slow = slowSection('kb-test-slow-b');
    history.replaceState(null, '', `${location.pathname}${location.search}#/slow`);
    const portal = await mount(
      { locale: 'ru' },
      { sections: [...PORTAL_SECTIONS.filter((s) => s.id === 'program'), slow.section] },
    );
    await waitFor(() => portal.shadowRoot?.querySelector('[part~="section-loading"]'), 2000, 'loading status');
    slow.fail();
    const error = await waitFor(() => portal.shadowRoot?.querySelector('[part~="section-error"]'), 2000, 'error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.include('Раздел не загрузился');
    expect(error.querySelector('[part~="retry"]')?.textContent).to.equal('Повторить');
  });
});
