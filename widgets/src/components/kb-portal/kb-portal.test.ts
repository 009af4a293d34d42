import { html } from 'lit';
import '../../index.ts';
import { define } from '../../internal/base-element.ts';
import type { PortalConfig } from '../../internal/api-client.ts';
import type { KbPortal } from './kb-portal.ts';
import { expect } from '@open-wc/testing';
import {
  $in,
  afterEach,
  cleanupFixtures,
  describe,
  fixture,
  it,
  jsonResponse,
  stubFetch,
  waitFor,
  type FetchStub,
} from '../../internal/test-helpers.ts';

const config = (overrides: Partial<PortalConfig['branding']> = {}): PortalConfig => ({
  operator: { id: 'op_demo_luckyspin', name: 'LuckySpin Ltd' },
  branding: {
    displayName: 'LuckySpin Partners',
    primaryColor: '#e11d48',
    accentColor: '#f59e0b',
    logoUrl: null,
    theme: 'light',
    supportEmail: null,
    termsUrl: null,
    ...overrides,
  },
  brands: [
    { id: 'br_1', name: 'LuckySpin Casino', currency: 'EUR', websiteUrl: 'https://luckyspin.example/' },
    { id: 'br_2', name: 'LuckySpin Sport', currency: 'USD', websiteUrl: 'https://sport.luckyspin.example/' },
  ],
  locales: ['en', 'ru'],
});

const tokenOf = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
const titleOf = (portal: KbPortal) => portal.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim();
const programOf = (portal: KbPortal) => portal.shadowRoot?.querySelector('kb-program');
const programText = (portal: KbPortal) => programOf(portal)?.shadowRoot?.textContent ?? '';

describe('<kb-portal>', () => {
  let stub: FetchStub | null = null;
  const serve = (body: PortalConfig) => {
    stub = stubFetch('/v1/public/operators/', () => jsonResponse(body));
  };
  afterEach(() => {
    stub?.restore();
    stub = null;
    cleanupFixtures();
  });

  it('renders header, nav and main with the operator display name', async () => {
    serve(config());
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="en"></kb-portal>`);
    await waitFor(() => titleOf(portal) === 'LuckySpin Partners', 2000, 'display name in header');
    expect(stub!.calls[0], 'requested URL').to.equal(`${location.origin}/v1/public/operators/op_demo_luckyspin`);
    $in(portal, '[part~="header"]');
    const nav = $in(portal, 'nav[part~="nav"]');
    expect(nav.getAttribute('aria-label'), 'nav label').to.equal('Portal sections');
    const links = nav.querySelectorAll('[part~="nav-link"]');
    expect(links.length, 'nav entries').to.equal(1);
    expect(links[0]?.textContent?.trim(), 'nav entry').to.equal('Program');
    expect(links[0]?.getAttribute('aria-current'), 'active entry').to.equal('page');
    expect($in(portal, '[part~="main"] kb-program').localName).to.equal('kb-program');
  });

  it('calls the configured api base URL and exchanges the client secret instead of sending it as a bearer', async () => {
    stub = stubFetch('/v1/public/operators/', (url) =>
      url.endsWith('/embed_sessions/exchange')
        ? jsonResponse({
            token: 'kbs_embed',
            expiresAt: new Date(Date.now() + 3600_000).toISOString(),
            components: null,
            user: {
              id: 'usr_1',
              partnerId: 'pa_1',
              email: 'a@b.example',
              name: 'A',
              role: 'owner',
              locale: 'en',
              twoFactorEnabled: false,
              blocked: false,
              locked: false,
              createdAt: '2025-01-01T00:00:00Z',
              lastSignInAt: null,
            },
          })
        : jsonResponse(config()),
    );
    const portal = await fixture<KbPortal>(
      html`<kb-portal api="https://api.kabinet.example/" operator="op_demo_luckyspin" client-secret="kbcs_123"></kb-portal>`,
    );
    await waitFor(() => titleOf(portal), 2000, 'loaded');
    const [configCall] = stub.requests.filter((r) => r.method === 'GET');
    expect(configCall?.url).to.equal('https://api.kabinet.example/v1/public/operators/op_demo_luckyspin');
    expect(configCall?.headers.get('authorization'), 'no secret as bearer').to.equal(null);
    const exchange = stub.requests.find((r) => r.method === 'POST');
    expect(exchange?.url).to.equal(
      'https://api.kabinet.example/v1/public/operators/op_demo_luckyspin/embed_sessions/exchange',
    );
    expect(exchange?.body).to.deep.equal({ clientSecret: 'kbcs_123' });
  });

  it('passes the config to <kb-program> through context', async () => {
    serve(config());
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="en"></kb-portal>`);
    await waitFor(
      () => programOf(portal)?.shadowRoot?.querySelectorAll('[part~="brand-row"]').length === 2,
      2000,
      'two brand rows',
    );
    const text = programText(portal);
    expect(text).to.include('Welcome to the LuckySpin Partners partner program');
    expect(text).to.include('LuckySpin Casino');
    expect(text).to.include('EUR');
    expect(text).to.include('LuckySpin Sport');
  });

  it('applies branding colours and the dark theme as tokens', async () => {
    serve(config());
    const light = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" theme="light"></kb-portal>`);
    const dark = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" theme="dark"></kb-portal>`);
    await waitFor(() => tokenOf(light, '--kb-color-primary') === '#e11d48', 2000, 'branding primary on light portal');
    await waitFor(() => tokenOf(dark, '--kb-color-primary') === '#e11d48', 2000, 'branding primary on dark portal');
    expect(tokenOf(light, '--kb-color-accent')).to.equal('#f59e0b');
    expect(tokenOf(dark, '--kb-color-bg'), 'dark background').not.to.equal(tokenOf(light, '--kb-color-bg'));
    expect(getComputedStyle(dark).backgroundColor, 'dark painted background').not.to.equal(
      getComputedStyle(light).backgroundColor,
    );
  });

  it('uses the branding theme when no theme attribute is set, and the toggle overrides it', async () => {
    serve(config({ theme: 'dark' }));
    const events: string[] = [];
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_demo_luckyspin" @kb-theme-change=${(e: CustomEvent<{ theme: string }>) => events.push(e.detail.theme)}></kb-portal>`,
    );
    await waitFor(() => titleOf(portal), 2000, 'loaded');
    await portal.updateComplete;
    expect(portal.effectiveTheme).to.equal('dark');
    const darkBg = tokenOf(portal, '--kb-color-bg');
    $in(portal, '[part~="theme-toggle"]').click();
    await portal.updateComplete;
    expect(events, 'kb-theme-change details').to.deep.equal(['light']);
    expect(tokenOf(portal, '--kb-color-bg'), 'background after toggle').not.to.equal(darkBg);
  });

  it('never applies an invalid colour', async () => {
    serve(config({ primaryColor: 'red;background:url(x)', accentColor: 'url(https://evil.example/x)' }));
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" theme="light"></kb-portal>`);
    await waitFor(() => titleOf(portal), 2000, 'loaded');
    await portal.updateComplete;
    expect(tokenOf(portal, '--kb-color-primary'), 'primary falls back to theme').to.equal('#4f46e5');
    expect(tokenOf(portal, '--kb-color-accent'), 'accent falls back to theme').to.equal('#0ea5e9');
    expect(getComputedStyle(portal).backgroundImage, 'no injected background').to.equal('none');
  });

  it('switches to Russian and emits kb-locale-change from the switcher', async () => {
    serve(config());
    const locales: string[] = [];
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_demo_luckyspin" locale="en" @kb-locale-change=${(e: CustomEvent<{ locale: string }>) => locales.push(e.detail.locale)}></kb-portal>`,
    );
    await waitFor(() => programText(portal).includes('Welcome'), 2000, 'English content');
    $in(portal, '[part~="locale-option"][lang="ru"]').click();
    expect(locales, 'kb-locale-change details').to.deep.equal(['ru']);
    await waitFor(
      () => programText(portal).includes('Добро пожаловать в партнёрскую программу LuckySpin Partners'),
      2000,
      'Russian heading',
    );
    expect($in(portal, '[part~="nav-link"]').textContent?.trim()).to.equal('Программа');
    expect($in(portal, 'nav').getAttribute('aria-label')).to.equal('Разделы кабинета');
    expect(programText(portal)).to.include('Вы можете продвигать 2 бренда.');
    expect($in(portal, '[part~="locale-option"][lang="ru"]').getAttribute('aria-pressed')).to.equal('true');
  });

  it('renders Russian from the locale attribute', async () => {
    serve(config());
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="ru"></kb-portal>`);
    await waitFor(() => programText(portal).includes('Бренды'), 2000, 'Russian brands heading');
    expect($in(portal, '[part~="nav-link"]').textContent?.trim()).to.equal('Программа');
  });

  it('shows the problem, worded in the portal’s language, on failure and Retry refetches', async () => {
    const errors: unknown[] = [];
    stub = stubFetch('/v1/public/operators/', (_url, i) =>
      i === 0
        ? jsonResponse(
            {
              type: 'about:blank',
              title: 'Not Found',
              status: 404,
              code: 'not_found',
              detail: 'Operator op_missing was not found.',
              params: { resource: 'operator' },
            },
            404,
            'application/problem+json',
          )
        : jsonResponse(config()),
    );
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_missing" locale="en" @kb-error=${(e: CustomEvent) => errors.push(e.detail)}></kb-portal>`,
    );
    await waitFor(() => portal.shadowRoot?.querySelector('[part~="error"]'), 2000, 'error state');
    expect($in(portal, '[part~="error-detail"]').textContent).to.equal('The partner program was not found.');
    expect($in(portal, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect(errors, 'kb-error detail').to.deep.equal([
      { code: 'not_found', detail: 'The partner program was not found.', status: 404 },
    ]);
    $in(portal, '[part~="retry"]').click();
    await waitFor(() => titleOf(portal) === 'LuckySpin Partners', 2000, 'loaded after retry');
    expect(stub.calls.length, 'fetch calls').to.equal(2);
    expect(portal.shadowRoot?.querySelector('[part~="error"]'), 'error box gone').to.equal(null);
  });

  it('shows a network message when the server is unreachable', async () => {
    stub = stubFetch('/v1/public/operators/', () => Promise.reject(new TypeError('Failed to fetch')));
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="ru"></kb-portal>`);
    await waitFor(() => portal.shadowRoot?.querySelector('[part~="error-detail"]'), 2000, 'error state');
    expect($in(portal, '[part~="error-detail"]').textContent).to.include('Сервер недоступен');
  });

  it('fires kb-ready with the operator id', async () => {
    serve(config());
    const ready = new Promise<string>((resolve) =>
      document.addEventListener('kb-ready', (e) => resolve(e.detail.operatorId), { once: true }),
    );
    await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin"></kb-portal>`);
    expect(await ready, 'kb-ready operatorId').to.equal('op_demo_luckyspin');
  });

  it('emits kb-navigate when a section is chosen', async () => {
    serve(config());
    const sections: string[] = [];
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator="op_demo_luckyspin" @kb-navigate=${(e: CustomEvent<{ section: string }>) => sections.push(e.detail.section)}></kb-portal>`,
    );
    $in(portal, '[part~="nav-link"]').click();
    expect(sections).to.deep.equal(['program']);
  });

  it('shows the logo only for an http(s) URL', async () => {
    serve(config({ logoUrl: 'javascript:alert(1)' }));
    const bad = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin"></kb-portal>`);
    await waitFor(() => titleOf(bad), 2000, 'loaded');
    expect(bad.shadowRoot?.querySelector('[part~="logo"]'), 'javascript: logo').to.equal(null);
    stub?.restore();
    serve(config({ logoUrl: 'https://cdn.luckyspin.example/logo.svg' }));
    const good = await fixture<KbPortal>(html`<kb-portal operator="op_demo_luckyspin" locale="en"></kb-portal>`);
    await waitFor(() => titleOf(good), 2000, 'loaded');
    const logo = $in<HTMLImageElement>(good, '[part~="logo"]');
    expect(logo.getAttribute('src')).to.equal('https://cdn.luckyspin.example/logo.svg');
    expect(logo.alt).to.equal('LuckySpin Partners logo');
  });

  it('define() twice does not throw and keeps the first class', () => {
    const first = customElements.get('kb-portal');
    define('kb-portal', class extends HTMLElement {});
    define('kb-portal', first!);
    expect(customElements.get('kb-portal'), 'registered class').to.equal(first);
  });
});
