/**
 * The dashboard's "Your balance": available and held per currency (held only when some is), the
 * way to the wallet, "no money yet" for an empty wallet, and nothing at all when the session has
 * no wallet (the server answers 403).
 */
import { define } from '../../internal/base-element.ts';
import { KbDashboard } from './kb-dashboard.ts';
import { expect } from '@open-wc/testing';
import { afterEach, cleanupFixtures, describe, it, problemResponse } from '../../internal/test-helpers.ts';
import { find, json, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { fakeStatisticsApi, mountStatistics } from '../../internal/statistics/statistics-test-kit.ts';
import { answer } from './dashboard-test-kit.ts';

define('kb-dashboard', KbDashboard);

const BALANCES = '/v1/partner/wallet/balances';
const balances = (data: unknown[]) =>
  fakeStatisticsApi(answer, (r) => (r.path === BALANCES ? json({ data }) : undefined));
const texts = (el: Element, selector: string) =>
  [...(el.shadowRoot?.querySelectorAll(selector) ?? [])].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

describe('<kb-dashboard> balance', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows available per currency, held only where some is, and opens the wallet', async () => {
    api = balances([
      { currency: 'EUR', coin: false, available: '1250.50', pending: '100.00' },
      { currency: 'USDT', coin: true, available: '20.000000', pending: '0.000000' },
    ]);
    const { el } = await mountStatistics<KbDashboard>('kb-dashboard');
    await find(el, '[part~="balance"]');
    expect(texts(el, '[part~="balance"]')).to.deep.equal([
      'Available €1,250.50 Held for cash-outs €100.00',
      'Available 20.00 USDT',
    ]);
    const opened: string[] = [];
    el.addEventListener('kb-open-section', (e) => opened.push((e as CustomEvent<{ section: string }>).detail.section));
    (await find<HTMLButtonElement>(el, '[part~="open-wallet"]')).click();
    expect(opened).to.deep.equal(['wallet']);
  });

  it('says there is no money yet, in Russian too', async () => {
    api = balances([]);
    const { el } = await mountStatistics<KbDashboard>('kb-dashboard', { locale: 'ru' });
    expect((await find(el, '[part~="balances-empty"]')).textContent).to.equal(
      'Денег пока нет: здесь появятся одобренные счета.',
    );
    expect(texts(el, '#dashboard-balances-heading')).to.deep.equal(['Ваш баланс']);
  });

  it('shows no balance block when the session has no wallet', async () => {
    api = fakeStatisticsApi(answer, (r) =>
      r.path === BALANCES ? problemResponse(403, 'forbidden', 'Not in this session') : undefined,
    );
    const { el } = await mountStatistics<KbDashboard>('kb-dashboard');
    await find(el, '[part~="stat-card"]');
    expect(query(el, '[part~="balances"]')).to.equal(null);
  });
});
