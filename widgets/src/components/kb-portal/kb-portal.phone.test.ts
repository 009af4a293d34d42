/**
 * The portal on a phone (390 px) and on a wide screen (1440 px): the narrow header holds the
 * operator's name, the language switch and a menu button, nothing in it overflows or wraps, the
 * active language stays visible, and the menu (sections, account, theme) works by keyboard. On a
 * wide portal the work sections share one row and the account sections (Profile, Security, Team,
 * Activity) and Sign out sit in the account menu under the signed-in e-mail, also by keyboard.
 */
import '../../index.ts';
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  $in,
  afterEach,
  deepActiveElement,
  describe,
  it,
  jsonResponse,
  stubApi,
  waitFor,
} from '../../internal/test-helpers.ts';
import { configRoute, isolateEachTest, OPERATOR, sessionResult, user } from '../../internal/portal-test-kit.ts';
import type { KbPortal } from './kb-portal.ts';
import { PORTAL_SECTIONS } from './portal-sections.ts';

const LONG_EMAIL = 'anastasia.konstantinopolskaya@partnerships.traffic-agency.example';
/** The sections of the row: an owner's, less the account group (Profile, Security, Report API, Team, Activity). */
const WORK_SECTIONS = PORTAL_SECTIONS.filter((s) => s.group !== 'account').length;

/**
 * A partner signed in before (this tab kept the session), as after a refresh; with `column`, the
 * portal sits in a column that wide (the hosted page's is 1040 px) rather than the whole page.
 */
async function signedInPortal(locale: 'en' | 'ru', column?: number): Promise<KbPortal> {
  const kept = sessionResult({ user: user({ email: LONG_EMAIL }) });
  sessionStorage.setItem(`kabinet.session:${OPERATOR}@${location.origin}`, JSON.stringify(kept));
  const portal = document.createElement('kb-portal') as KbPortal;
  portal.setAttribute('operator', OPERATOR);
  portal.setAttribute('locale', locale);
  portal.setAttribute('routing', 'none');
  const container = document.createElement('div');
  container.dataset.testFixture = '';
  if (column) container.style.maxWidth = `${column}px`;
  document.body.append(container);
  container.append(portal);
  await waitFor(() => portal.shadowRoot?.querySelector('[part~="title"]'), 2000, 'config loaded');
  await portal.updateComplete;
  return portal;
}

/** Two currencies, one of them a six-decimal coin: the widest balance the header shows. */
const balancesRoute = {
  'GET /v1/partner/wallet/balances': () =>
    jsonResponse({
      data: [
        { currency: 'EUR', coin: false, available: '123456.78', pending: '0.00' },
        { currency: 'USDT', coin: true, available: '2500.000000', pending: '0.000000' },
      ],
    }),
};

const shown = (el: Element | null | undefined): boolean =>
  Boolean(el) && getComputedStyle(el!).display !== 'none' && el!.getBoundingClientRect().width > 0;

/** Visible descendants of the header that stick out of it, or whose text wraps onto a second line. */
function headerProblems(portal: KbPortal): string[] {
  const header = $in(portal, '[part~="header"]');
  const box = header.getBoundingClientRect();
  const out: string[] = [];
  if (header.scrollWidth > header.clientWidth)
    out.push(`header scrolls by ${header.scrollWidth - header.clientWidth}px`);
  for (const el of header.querySelectorAll<HTMLElement>('*')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    const name = el.getAttribute('part') ?? el.localName;
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`${name} sticks out`);
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
      out.push(`${name} clips its content`);
    if (el.localName === 'button') {
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 24;
      if (el.getBoundingClientRect().height > lineHeight * 2.2) out.push(`${name} wraps`);
    }
  }
  return out;
}

describe('<kb-portal> on a phone and a wide screen', () => {
  const t = isolateEachTest();
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const locale of ['en', 'ru'] as const) {
    it(`390 px, ${locale}: brand, language and menu button fit; the active language shows; account and theme wait in the menu`, async () => {
      await setViewport({ width: 390, height: 844 });
      t.stub = stubApi({ ...configRoute, ...balancesRoute });
      const portal = await signedInPortal(locale);
      // The balance waits in the menu on a phone: the operator's name keeps the header's room.
      const balance = await waitFor(
        () => portal.shadowRoot?.querySelector('[part~="account-menu"] > [part~="balance"]'),
        2000,
        'balance',
      );
      expect(shown($in(portal, '[part~="controls"] > [part~="balance"]')), 'not in the header').to.equal(false);
      expect(headerProblems(portal)).to.deep.equal([]);
      $in<HTMLButtonElement>(portal, '[part~="menu-button"]').click();
      await waitFor(() => shown(balance), 1000, 'the balance in the open menu');
      expect((balance as HTMLElement).innerText.replace(/\s+/g, ' ').trim()).to.match(
        locale === 'ru' ? /^Баланс 123 456,78\s€ 2 500,00 USDT$/ : /^Balance €123,456.78 2,500.00 USDT$/,
      );
      expect(balance.getBoundingClientRect().right, 'inside the screen').to.be.at.most(390);
      $in<HTMLButtonElement>(portal, '[part~="menu-button"]').click();
      await waitFor(() => !shown(balance), 1000, 'the menu closed again');
      const active = $in(portal, '[part~="locale-option-active"]');
      expect(active.textContent?.trim()).to.equal(locale.toUpperCase());
      const r = active.getBoundingClientRect();
      expect(
        portal.shadowRoot!.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2),
        'active language on top',
      ).to.equal(active);
      expect(r.right, 'inside the screen').to.be.at.most(390);
      const menuButton = $in(portal, '[part~="menu-button"]');
      expect(shown(menuButton), 'menu button').to.equal(true);
      expect(menuButton.textContent?.trim()).to.equal(locale === 'ru' ? 'Меню' : 'Menu');
      expect(shown($in(portal, '[part~="header"] [part~="user-email"]')), 'e-mail leaves the header').to.equal(false);
      expect(shown($in(portal, '[part~="header"] [part~="theme-toggle"]')), 'theme leaves the header').to.equal(false);
      expect(shown($in(portal, '[part~="nav"]')), 'sections wait in the closed menu').to.equal(false);
    });
  }

  it('390 px: the menu opens with Enter, lists the sections and the account, closes with Escape and on picking a section', async () => {
    await setViewport({ width: 390, height: 844 });
    t.stub = stubApi({ ...configRoute });
    const portal = await signedInPortal('ru');
    const button = $in<HTMLButtonElement>(portal, '[part~="menu-button"]');
    const menu = $in(portal, `#${button.getAttribute('aria-controls')}`);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'true', 1000, 'menu open');
    expect(shown(menu)).to.equal(true);
    expect(menu.querySelector('nav')?.getAttribute('aria-label')).to.equal('Разделы кабинета');
    const active = menu.querySelector('[part~="nav-link-active"]')!;
    expect(active.getAttribute('aria-current')).to.equal('page');
    expect(shown(active)).to.equal(true);
    const email = menu.querySelector<HTMLElement>('[part~="user-email"]')!;
    expect(shown(email), 'e-mail in the menu').to.equal(true);
    expect(email.title, 'the whole address on hover').to.equal(LONG_EMAIL);
    const lineHeight = parseFloat(getComputedStyle(email).lineHeight);
    expect(email.getBoundingClientRect().height, 'one line, never broken mid-word').to.be.below(lineHeight * 1.5);
    expect(email.getBoundingClientRect().right).to.be.at.most(390);
    const signOut = menu.querySelector<HTMLElement>('[part~="sign-out"]')!;
    expect(shown(signOut) && signOut.textContent?.trim()).to.equal('Выйти');
    expect(shown(menu.querySelector('[part~="menu-theme-toggle"]')), 'theme in the menu').to.equal(true);

    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part'), 'Tab goes from the button into the menu').to.include('nav-link');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'false', 1000, 'closed by Escape');
    expect(shown(menu)).to.equal(false);
    await waitFor(() => deepActiveElement() === button, 1000, 'focus back on the menu button');

    await sendKeys({ press: 'Enter' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'true', 1000, 'open again');
    const profile = [...menu.querySelectorAll<HTMLButtonElement>('[part~="nav-link"]')].find(
      (b) => b.textContent?.trim() === 'Профиль',
    )!;
    profile.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'false', 1000, 'closed after picking');
    expect(portal.section).to.equal('profile');
    await waitFor(() => deepActiveElement() === $in(portal, '[part~="main"]'), 1000, 'focus on the section');
  });

  it('390 px: a tap outside closes the menu', async () => {
    await setViewport({ width: 390, height: 844 });
    t.stub = stubApi({ ...configRoute });
    const portal = await signedInPortal('en');
    const button = $in<HTMLButtonElement>(portal, '[part~="menu-button"]');
    button.click();
    await waitFor(() => button.getAttribute('aria-expanded') === 'true', 1000, 'menu open');
    $in(portal, '[part~="main"]').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitFor(() => button.getAttribute('aria-expanded') === 'false', 1000, 'closed by a tap outside');
  });

  for (const locale of ['en', 'ru'] as const) {
    it(`1440 px, ${locale}: account button and theme in the header, the work sections in one row, no menu button`, async () => {
      await setViewport({ width: 1440, height: 900 });
      t.stub = stubApi({ ...configRoute, ...balancesRoute });
      const portal = await signedInPortal(locale);
      const balance = await waitFor(
        () => portal.shadowRoot?.querySelector('[part~="controls"] > [part~="balance"]'),
        2000,
        'balance',
      );
      expect([...balance.querySelectorAll('[part~="balance-amount"]')].filter(shown)).to.have.length(2);
      expect(headerProblems(portal)).to.deep.equal([]);
      expect(shown($in(portal, '[part~="menu-button"]'))).to.equal(false);
      const accountButton = $in(portal, '[part~="header"] [part~="account-button"]');
      expect(shown(accountButton) && accountButton.textContent?.trim(), 'the e-mail opens the account menu').to.equal(
        LONG_EMAIL,
      );
      expect(shown($in(portal, '[part~="header"] [part~="theme-toggle"]'))).to.equal(true);
      expect(shown($in(portal, '[part~="account-menu"]')), 'the account menu waits closed').to.equal(false);
      const tops = new Set(
        [...portal.shadowRoot!.querySelectorAll('[part~="nav-link"]')]
          .filter(shown)
          .map((b) => Math.round(b.getBoundingClientRect().top)),
      );
      expect(tops.size, 'one row of sections').to.equal(1);
    });
  }

  it('1440 px: the account menu opens from the e-mail by keyboard, lists the account sections and Sign out, closes with Escape and on picking', async () => {
    await setViewport({ width: 1440, height: 900 });
    t.stub = stubApi({ ...configRoute });
    const portal = await signedInPortal('ru', 1040);
    const button = $in<HTMLButtonElement>(portal, '[part~="account-button"]');
    const menu = $in(portal, `#${button.getAttribute('aria-controls')}`);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'true', 1000, 'account menu open');
    expect(shown(menu)).to.equal(true);
    expect(menu.querySelector('nav')?.getAttribute('aria-label')).to.equal('Ваша учётная запись');
    const entries = [...menu.querySelectorAll<HTMLElement>('[part~="account-link"]')].filter(shown);
    expect(entries.map((e) => e.textContent?.trim())).to.deep.equal([
      'Профиль',
      'Безопасность',
      'API отчётов',
      'Условия',
      'Команда',
      'Журнал',
      'Уведомления',
      'Контакты',
      'Документы',
    ]);
    expect(shown(menu.querySelector('[part~="sign-out"]')), 'Sign out in the account menu').to.equal(true);
    expect(menu.getBoundingClientRect().right, 'inside the portal').to.be.at.most(portal.getBoundingClientRect().right);
    await waitFor(() => deepActiveElement() === entries[0], 1000, 'focus on the first entry');

    await sendKeys({ press: 'Escape' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'false', 1000, 'closed by Escape');
    expect(shown(menu)).to.equal(false);
    await waitFor(() => deepActiveElement() === button, 1000, 'focus back on the account button');

    await sendKeys({ press: 'Enter' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'true', 1000, 'open again');
    // Profile → Security → Report API → Terms → Team.
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Команда');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'false', 1000, 'closed after picking');
    expect(portal.section).to.equal('team');
    await waitFor(() => deepActiveElement() === $in(portal, '[part~="main"]'), 1000, 'focus on the section');
    expect(button.getAttribute('part'), 'the button shows the account is where we are').to.include(
      'account-button-active',
    );
    expect(
      portal.shadowRoot!.querySelector('nav[part~="nav"] [part~="nav-link-active"]'),
      'no work section lit',
    ).to.equal(null);
  });

  /** The visible sections' rows (by each entry's top) and whether any sticks out of the nav. */
  const navRows = (portal: KbPortal) => {
    const nav = $in(portal, '[part~="nav"]').getBoundingClientRect();
    const items = [...portal.shadowRoot!.querySelectorAll<HTMLElement>('[part~="nav-item"]')].filter(shown);
    return {
      count: items.length,
      rows: new Set(items.map((i) => i.offsetTop)).size,
      outside: items.filter((i) => i.getBoundingClientRect().right > nav.right + 0.5).length,
    };
  };

  for (const locale of ['en', 'ru'] as const) {
    it(`1440 px, ${locale}: every work section of an owner in one row in the hosted page's 1040 px column`, async () => {
      await setViewport({ width: 1440, height: 900 });
      t.stub = stubApi({ ...configRoute });
      const portal = await signedInPortal(locale, 1040);
      expect(portal.getBoundingClientRect().width).to.equal(1040);
      // Every section but the four account ones (in the account menu): room to spare for the next section.
      expect(navRows(portal)).to.deep.equal({ count: WORK_SECTIONS, rows: 1, outside: 0 });
      expect(headerProblems(portal)).to.deep.equal([]);
    });

    it(`1024 px, ${locale}: every work section shows in one row, none out of sight`, async () => {
      await setViewport({ width: 1024, height: 768 });
      t.stub = stubApi({ ...configRoute });
      const portal = await signedInPortal(locale, 1024 - 32);
      expect(navRows(portal)).to.deep.equal({ count: WORK_SECTIONS, rows: 1, outside: 0 });
      expect(shown($in(portal, '[part~="menu-button"]')), 'the wide layout').to.equal(false);
    });
  }
});
