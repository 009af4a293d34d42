/**
 * The available balance in the portal's header: asked for once signed in, opening the wallet,
 * asked for again when a section says money moved, and never asked for by an embed session
 * without the wallet (nor shown when the answer fails).
 */
import { html } from 'lit';
import '../../index.ts';
import { expect } from '@open-wc/testing';
import {
  $in,
  describe,
  fixture,
  it,
  jsonResponse,
  problemResponse,
  stubApi,
  waitFor,
} from '../../internal/test-helpers.ts';
import { configRoute, isolateEachTest, OPERATOR, sessionResult } from '../../internal/portal-test-kit.ts';
import type { KbPortal } from './kb-portal.ts';
import { BALANCE_CHANGED } from './portal-balances.ts';

const BALANCES = 'GET /v1/partner/wallet/balances';
const EXCHANGE = `POST /v1/public/operators/${OPERATOR}/embed_sessions/exchange`;
const eur = (available: string) => ({ currency: 'EUR', coin: false, available, pending: '0.00' });

/** A partner signed in before (this tab kept the session). */
async function signedInPortal(): Promise<KbPortal> {
  sessionStorage.setItem(`kabinet.session:${OPERATOR}@${location.origin}`, JSON.stringify(sessionResult()));
  return fixture<KbPortal>(html`<kb-portal operator=${OPERATOR} locale="en" routing="none"></kb-portal>`);
}
const balanceOf = (portal: KbPortal) =>
  portal.shadowRoot?.querySelector<HTMLButtonElement>('[part~="balance"]') ?? null;
const activeSection = (portal: KbPortal) => $in(portal, '[part~="nav-link-active"]').textContent?.trim();

describe('<kb-portal> balance in the header', () => {
  const t = isolateEachTest();

  it('shows the available balance of every currency in its label, and opens the wallet', async () => {
    t.stub = stubApi({
      ...configRoute,
      [BALANCES]: () =>
        jsonResponse({
          data: [eur('1250.50'), { currency: 'USD', coin: false, available: '20.00', pending: '5.00' }, eur('0.00')],
        }),
    });
    const portal = await signedInPortal();
    const balance = await waitFor(() => balanceOf(portal), 2000, 'balance');
    expect(balance.getAttribute('aria-label')).to.equal('Available balance: €1,250.50, $20.00, €0.00. Open the wallet');
    expect([...balance.querySelectorAll('[part~="balance-amount"]')].map((a) => a.textContent)).to.deep.equal([
      '€1,250.50',
      '$20.00',
    ]);
    expect(balance.querySelector('[part~="balance-more"]')?.textContent).to.equal('+1');
    balance.click();
    await waitFor(() => activeSection(portal) === 'Wallet', 2000, 'the wallet shown');
  });

  it('asks again when a section says money moved', async () => {
    t.stub = stubApi({
      ...configRoute,
      [BALANCES]: (_r, nth) => jsonResponse({ data: [eur(nth === 0 ? '100.00' : '40.00')] }),
    });
    const portal = await signedInPortal();
    await waitFor(() => balanceOf(portal)?.textContent?.includes('€100.00'), 2000, 'first balance');
    portal.dispatchEvent(new CustomEvent(BALANCE_CHANGED, { bubbles: true, composed: true }));
    await waitFor(() => balanceOf(portal)?.textContent?.includes('€40.00'), 2000, 'new balance');
  });

  it('shows nothing when the answer fails', async () => {
    t.stub = stubApi({ ...configRoute, [BALANCES]: () => problemResponse(500, 'internal', 'Boom') });
    const portal = await signedInPortal();
    await waitFor(() => t.stub!.calls.some((c) => c.includes('/wallet/balances')), 2000, 'asked');
    await portal.updateComplete;
    expect(balanceOf(portal)).to.equal(null);
  });

  it('an embed session without the wallet never asks', async () => {
    t.stub = stubApi({
      ...configRoute,
      [EXCHANGE]: () => jsonResponse(sessionResult({ token: 'kbs_embed', components: ['reports'] })),
      [BALANCES]: () => jsonResponse({ data: [eur('1.00')] }),
    });
    const portal = await fixture<KbPortal>(
      html`<kb-portal operator=${OPERATOR} locale="en" routing="none" client-secret="kbcs_secret_0123456789"></kb-portal>`,
    );
    await waitFor(() => portal.sessionState.status === 'embedded', 2000, 'embedded');
    await new Promise((r) => setTimeout(r, 100));
    expect(t.stub.calls.filter((c) => c.includes('/wallet/balances'))).to.deep.equal([]);
    expect(balanceOf(portal)).to.equal(null);
  });
});
