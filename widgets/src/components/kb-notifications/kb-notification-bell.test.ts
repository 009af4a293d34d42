import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, deepActiveElement, describe, it, waitFor } from '../../internal/test-helpers.ts';
import {
  find,
  json,
  mockApi,
  mountSection,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { KbNotificationBell } from './kb-notification-bell.ts';
import { KbNotifications } from './kb-notifications.ts';
import type { PartnerNotification } from './notification-words.ts';

define('kb-notification-bell', KbNotificationBell);
define('kb-notifications', KbNotifications);

const items: PartnerNotification[] = [
  {
    id: 'ntf_4',
    kind: 'terms_published',
    params: {},
    link: '#/terms',
    createdAt: '2026-12-01T10:00:00.000Z',
    read: false,
  },
  {
    id: 'ntf_3',
    kind: 'bill_approved',
    params: { from: '2026-11-01', to: '2026-11-30', amount: '1234.00', currency: 'EUR' },
    link: '#/bills/bill_1',
    createdAt: '2026-11-30T10:00:00.000Z',
    read: false,
  },
  {
    id: 'ntf_2',
    kind: 'document_reviewed',
    params: { fileName: 'passport.pdf', decision: 'declined' },
    link: '#/documents',
    createdAt: '2026-11-29T10:00:00.000Z',
    read: true,
  },
  {
    id: 'ntf_1',
    kind: 'cash_out_paid',
    params: { amount: '250.00', currency: 'USD', method: 'SEPA' },
    link: '#/wallet/cash_outs',
    createdAt: '2026-11-28T10:00:00.000Z',
    read: true,
  },
];

function fakeNotifications(unread = { count: 3 }) {
  return mockApi(({ method, path }) => {
    if (method === 'GET' && path === '/v1/partner/notifications/unread_count')
      return json({ unreadCount: unread.count });
    if (method === 'GET' && path === '/v1/partner/notifications')
      return json({ notifications: items, nextCursor: null, unreadCount: unread.count });
    if (method === 'POST' && path === '/v1/partner/notifications/read') {
      unread.count = 0;
      return new Response(null, { status: 204 });
    }
    if (method === 'POST' && /^\/v1\/partner\/notifications\/ntf_\d\/read$/.test(path)) {
      unread.count = Math.max(0, unread.count - 1);
      return new Response(null, { status: 204 });
    }
    return undefined;
  });
}

const bell = (el: Element) => query<HTMLButtonElement>(el, '[part~="notification-bell"]')!;
const badge = (el: Element) => query(el, '[part~="notification-count"]');
const texts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="notification-text"]')].map((t) => t.textContent?.trim());

describe('<kb-notification-bell>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows the unread count with words for screen readers, 99+ above 99, and nothing at 0', async () => {
    const unread = { count: 3 };
    api = fakeNotifications(unread);
    const { el } = await mountSection<KbNotificationBell>('kb-notification-bell');
    await waitFor(() => badge(el)?.textContent === '3', 2000, 'badge 3');
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications: 3 unread notifications');
    expect(badge(el)!.getAttribute('aria-hidden')).to.equal('true');

    unread.count = 120;
    el.pollMs = 50;
    await waitFor(() => badge(el)?.textContent === '99+', 2000, 'badge 99+');
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications: 120 unread notifications');
    unread.count = 0;
    await waitFor(() => badge(el) === null, 2000, 'no badge');
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications');

    // Polling stops when the bell leaves the page.
    el.remove();
    const asked = api.sent('GET /v1/partner/notifications/unread_count').length;
    await new Promise((r) => setTimeout(r, 200));
    expect(api.sent('GET /v1/partner/notifications/unread_count').length).to.equal(asked);
  });

  it('opens the latest in words, marks one read and opens its place, marks all read, closes on Escape', async () => {
    api = fakeNotifications();
    const { el, host } = await mountSection<KbNotificationBell>('kb-notification-bell');
    await waitFor(() => badge(el)?.textContent === '3');
    bell(el).click();
    await find(el, '[part~="notification"]');
    expect(bell(el).getAttribute('aria-expanded')).to.equal('true');
    expect(texts(el)).to.deep.equal([
      'New terms published — please read and accept',
      'Bill for November 2026 approved: €1,234.00',
      'Your document passport.pdf was declined',
      'Cash-out paid: $250.00 via SEPA',
    ]);
    const unreadRows = el.shadowRoot!.querySelectorAll('[part~="notification-unread"]');
    expect(unreadRows.length).to.equal(2);

    // Escape closes, focus back on the bell.
    query<HTMLButtonElement>(el, '[part~="notification"]')!.focus();
    query(el, '[part~="popover"]')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await waitFor(() => query(el, '[part~="popover"]') === null, 2000, 'closed');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(bell(el));

    // A pick marks it read and asks the portal for its place.
    const opened: Array<{ section: string; path?: string }> = [];
    host.addEventListener('kb-open-section', (e) => opened.push((e as CustomEvent).detail));
    bell(el).click();
    const billRow = await find<HTMLButtonElement>(el, '[data-notification="ntf_3"]');
    billRow.click();
    await waitFor(() => opened.length === 1, 2000, 'opened');
    expect(opened[0]).to.deep.equal({ section: 'bills', path: '/bills/bill_1' });
    expect(api.sent('POST /v1/partner/notifications/ntf_3/read')).to.have.length(1);
    expect(badge(el)?.textContent).to.equal('2');
    expect(query(el, '[part~="popover"]'), 'closed after a pick').to.equal(null);

    // Mark all as read, then See all opens the page.
    bell(el).click();
    (await find<HTMLButtonElement>(el, '[part~="mark-all"]')).click();
    await waitFor(() => badge(el) === null, 2000, 'all read');
    expect(api.sent('POST /v1/partner/notifications/read')).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('[part~="notification-unread"]').length).to.equal(0);
    query<HTMLButtonElement>(el, '[part~="see-all"]')!.click();
    expect(opened[1]).to.deep.equal({ section: 'notifications' });
  });

  it('words everything in Russian', async () => {
    api = fakeNotifications();
    const { el } = await mountSection<KbNotificationBell>('kb-notification-bell', { locale: 'ru' });
    await waitFor(() => badge(el)?.textContent === '3');
    expect(bell(el).getAttribute('aria-label')).to.equal('Уведомления: 3 непрочитанных');
    bell(el).click();
    await find(el, '[part~="notification"]');
    const words = texts(el).map((t) => t?.replace(/\s/g, ' '));
    expect(words).to.deep.equal([
      'Опубликованы новые условия — прочитайте и примите их',
      'Счёт за ноябрь 2026 г. одобрен: 1 234,00 €',
      'Ваш документ passport.pdf отклонён',
      'Вывод средств выплачен: 250,00 $ (SEPA)',
    ]);
    expect(textOf(el)).to.contain('Отметить все как прочитанные');
  });
});

describe('<kb-notifications>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists every notification with the unread count and marks all read', async () => {
    api = fakeNotifications({ count: 2 });
    const { el } = await mountSection<KbNotifications>('kb-notifications');
    await find(el, '[part~="notification"]');
    expect(texts(el)).to.have.length(4);
    expect(query(el, '[part~="count"]')!.textContent?.trim()).to.equal('2 unread');
    query<HTMLButtonElement>(el, '[part~="mark-all"]')!.click();
    await waitFor(() => query(el, '[part~="count"]')!.textContent?.trim() === 'Everything is read.');
    expect(query<HTMLButtonElement>(el, '[part~="mark-all"]')!.disabled).to.equal(true);
  });
});
