import { html } from 'lit';
import { ContextProvider } from '@lit/context';
import '../../index.ts';
import type { PortalConfig, PublicBrand } from '../../internal/api-client.ts';
import { brandingContext, localeContext } from '../../internal/contexts.ts';
import { createLocaleState, type Locale } from '../../internal/i18n.ts';
import type { KbProgram } from './kb-program.ts';
import { expect } from '@open-wc/testing';
import { $in, afterEach, cleanupFixtures, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';

const brand = (id: string, name: string, websiteUrl = `https://${id}.example/`): PublicBrand => ({
  id,
  name,
  currency: 'EUR',
  websiteUrl,
});
const config = (brands: PublicBrand[], supportEmail: string | null = null): PortalConfig => ({
  operator: { id: 'op_test', name: 'Test Ltd' },
  branding: {
    displayName: 'Test Partners',
    primaryColor: '#112233',
    accentColor: '#445566',
    logoUrl: null,
    theme: 'light',
    supportEmail,
    termsUrl: null,
  },
  brands,
  locales: ['en', 'ru'],
});

/** A plain element acting as the portal: provides the two contexts kb-program reads. */
async function provided(value: PortalConfig | null, locale: Locale = 'en') {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const branding = new ContextProvider(host, { context: brandingContext, initialValue: value });
  const localeProvider = new ContextProvider(host, { context: localeContext, initialValue: createLocaleState(locale) });
  const program = document.createElement('kb-program') as KbProgram;
  host.append(program);
  await program.updateComplete;
  return { program, branding, localeProvider };
}
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<kb-program>', () => {
  afterEach(cleanupFixtures);

  it('says it is waiting when no portal provides data', async () => {
    const program = await fixture<KbProgram>(html`<kb-program></kb-program>`);
    expect($in(program, '[part~="status"]').getAttribute('role')).to.equal('status');
    expect(program.shadowRoot?.querySelector('[part~="brands"]'), 'table').to.equal(null);
  });

  it('lists brands with safe website links', async () => {
    const { program } = await provided(config([brand('casino', 'Casino'), brand('sport', 'Sport')]));
    expect($in(program, '[part~="heading"]').textContent).to.equal('Welcome to the Test Partners partner program');
    const rows = program.shadowRoot!.querySelectorAll('[part~="brand-row"]');
    expect(rows.length, 'rows').to.equal(2);
    const link = $in<HTMLAnchorElement>(program, '[part~="brand-link"]');
    expect(link.getAttribute('href')).to.equal('https://casino.example/');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent).to.include('casino.example');
    expect(text(program)).to.include('You can promote 2 brands.');
  });

  it('re-renders when the provided config and locale change', async () => {
    const { program, branding, localeProvider } = await provided(null);
    expect(program.shadowRoot?.querySelector('[part~="status"]'), 'waiting first').to.be.instanceOf(Element);
    branding.setValue(config([brand('one', 'Only brand')]));
    await waitFor(() => text(program).includes('Only brand'), 1000, 'brand after setValue');
    expect(text(program)).to.include('You can promote 1 brand.');
    localeProvider.setValue(createLocaleState('ru'));
    await waitFor(() => text(program).includes('Бренды'), 1000, 'Russian after locale change');
    expect(text(program)).to.include('Вы можете продвигать 1 бренд.');
    expect($in(program, '[part~="brands-header-cell"]').textContent).to.equal('Бренд');
  });

  it('uses Russian plural forms', async () => {
    const many = Array.from({ length: 5 }, (_, i) => brand(`b${i}`, `Brand ${i}`));
    const { program } = await provided(config(many), 'ru');
    expect(text(program)).to.include('Вы можете продвигать 5 брендов.');
  });

  it('shows server text as text and drops non-http links', async () => {
    const evil = brand('x', '<img src=x onerror="window.__kbPwned=1">', 'javascript:alert(1)');
    const { program } = await provided(config([evil], 'help@test.example'));
    expect(program.shadowRoot?.querySelector('img'), 'injected img').to.equal(null);
    expect($in(program, '[part~="brand-name"]').textContent).to.equal('<img src=x onerror="window.__kbPwned=1">');
    expect(program.shadowRoot?.querySelector('[part~="brand-link"]'), 'javascript: link').to.equal(null);
    const support = $in<HTMLAnchorElement>(program, '[part~="support-link"]');
    expect(support.getAttribute('href')).to.equal('mailto:help@test.example');
    expect($in(program, '[part~="support"]').textContent).to.equal(
      'Questions about the program? Write to help@test.example.',
    );
  });

  it('says so when there are no brands', async () => {
    const { program } = await provided(config([]));
    expect($in(program, '[part~="empty"]').textContent).to.equal('The operator has not published any brands yet.');
  });
});
