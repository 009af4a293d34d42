import { define } from '../../internal/base-element.ts';
import { KbActivity } from './kb-activity.ts';
import type { ActivityEntry } from '../../internal/account/account-types.ts';
import { expect } from '@open-wc/testing';
import { $in, afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import {
  fill,
  find,
  json,
  makeUser,
  mockApi,
  mountSection,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';

define('kb-activity', KbActivity);

const event = (id: string, type: ActivityEntry['type'], overrides: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id,
  type,
  actor: { kind: 'user', id: 'usr_owner', email: 'owner@partner.test' },
  subject: { id: 'usr_analyst', email: 'analyst@partner.test' },
  detail: {},
  ip: '203.0.113.9',
  createdAt: '2025-03-02T10:15:00.000Z',
  ...overrides,
});
const firstPage = [
  event('evt_3', 'member_role_changed', {
    detail: { from: 'analyst', to: 'admin', note: '<img src=x onerror="window.__kbPwned=1">' },
  }),
  event('evt_2', 'partner_approved', {
    actor: { kind: 'operator', id: null, email: null },
    subject: { id: null, email: null },
    ip: null,
  }),
  event('evt_1', 'user_locked', { actor: { kind: 'system', id: null, email: null } }),
];
const team = [makeUser(), makeUser({ id: 'usr_analyst', role: 'analyst', email: 'analyst@partner.test' })];

const failedChecks = [
  event('evt_f3', 'sign_in_failed', {
    actor: { kind: 'system', id: null, email: null },
    detail: { reason: 'two_factor', action: 'disable', failures: 2 },
  }),
  event('evt_f2', 'sign_in_failed', {
    actor: { kind: 'system', id: null, email: null },
    detail: { reason: 'two_factor', action: 'financial', failures: 1 },
  }),
  event('evt_f1', 'sign_in_failed', {
    actor: { kind: 'system', id: null, email: null },
    detail: { reason: 'password', failures: 1 },
  }),
];

function fakeEvents(page: ActivityEntry[] = firstPage) {
  return mockApi(({ method, path, query: q }) => {
    if (method === 'GET' && path === '/v1/partner/team') return json({ data: team });
    if (method === 'GET' && path === '/v1/partner/activity') {
      if (page !== firstPage) return json({ data: page, nextBefore: null });
      return q.get('before') === 'evt_1'
        ? json({ data: [event('evt_0', 'signed_in')], nextBefore: null })
        : json({ data: firstPage, nextBefore: 'evt_1' });
    }
    return undefined;
  });
}
const eventsCalls = (api: ApiMock) => api.sent('GET /v1/partner/activity');
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="event-row"]')];

async function mounted(api: ApiMock, user = makeUser(), locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbActivity>('kb-activity', { user, locale });
  await find(el, '[part~="event-row"]');
  return el;
}

describe('<kb-activity>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows events with human labels, actors and details as text', async () => {
    api = fakeEvents();
    const el = await mounted(api);
    expect([...eventsCalls(api)[0]!.query.keys()].join(), 'no filters at first').to.equal('');
    const [roleChange, approved, locked] = rows(el);
    expect(roleChange?.querySelector('[part~="event-type"]')?.textContent).to.equal('Member role changed');
    expect(roleChange?.querySelector('[part~="event-actor"]')?.textContent).to.equal('owner@partner.test');
    expect(roleChange?.querySelector('[part~="event-subject"]')?.textContent).to.equal('analyst@partner.test');
    expect(roleChange?.querySelector('[part~="event-ip"]')?.textContent).to.equal('203.0.113.9');
    const details = [...roleChange!.querySelectorAll('[part~="detail-item"]')].map((li) => li.textContent);
    expect(details.join(' | '), 'a sentence; the unknown key is not shown').to.equal(
      'Role changed from Analyst to Admin.',
    );
    expect(query(el, 'img'), 'no injected markup').to.equal(null);
    expect(approved?.querySelector('[part~="event-actor"]')?.textContent).to.equal('Operator');
    expect(locked?.querySelector('[part~="event-actor"]')?.textContent).to.equal('System');
    expect(roleChange?.querySelector('time')?.getAttribute('datetime')).to.equal('2025-03-02T10:15:00.000Z');
    expect($in(el, '[part~="count"]').textContent).to.equal('Showing 3 events.');
  });

  it('builds the query from the filters and pages with before', async () => {
    api = fakeEvents();
    const el = await mounted(api);
    const member = await find<HTMLSelectElement>(el, '#events-member');
    expect(member.options.length, 'all + 2 members').to.equal(3);
    fill($in<HTMLSelectElement>(el, '#events-type'), 'two_factor_enabled');
    fill(member, 'usr_analyst');
    fill($in<HTMLInputElement>(el, '#events-from'), '2025-03-01');
    fill($in<HTMLInputElement>(el, '#events-to'), '2025-03-31');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => eventsCalls(api!).length === 2, 1000, 'filtered request');
    const filtered = eventsCalls(api)[1]!.query;
    expect(filtered.get('type')).to.equal('two_factor_enabled');
    expect(filtered.get('userId')).to.equal('usr_analyst');
    expect(filtered.get('from')).to.equal(new Date('2025-03-01T00:00:00').toISOString());
    expect(filtered.get('to')).to.equal(new Date('2025-03-31T23:59:59.999').toISOString());
    expect(filtered.has('before'), 'no cursor on a new search').to.equal(false);

    (
      await waitFor(() => query<HTMLButtonElement>(el, '[part~="load-more"]:not([disabled])'), 1000, 'Load more ready')
    ).click();
    await waitFor(() => rows(el).length === 4, 1000, 'appended page');
    const more = eventsCalls(api)[2]!.query;
    expect(more.get('before')).to.equal('evt_1');
    expect(more.get('type'), 'filters kept').to.equal('two_factor_enabled');
    expect(more.get('userId')).to.equal('usr_analyst');
    expect(query(el, '[part~="load-more"]'), 'no more pages').to.equal(null);
    expect(rows(el)[3]?.querySelector('[part~="event-type"]')?.textContent).to.equal('Signed in');
  });

  it('refuses an end date before the start date', async () => {
    api = fakeEvents();
    const el = await mounted(api);
    fill($in<HTMLInputElement>(el, '#events-from'), '2025-03-10');
    fill($in<HTMLInputElement>(el, '#events-to'), '2025-03-01');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    const error = await find(el, '#events-to-error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.equal('The end date is before the start date.');
    expect(eventsCalls(api).length, 'no new request').to.equal(1);
  });

  it('has no member filter for analysts and does not ask for the team', async () => {
    api = fakeEvents();
    const el = await mounted(api, makeUser({ role: 'analyst' }));
    expect(query(el, '#events-member'), 'member filter').to.equal(null);
    expect(api.sent('GET /v1/partner/team').length, 'team requests').to.equal(0);
  });

  it('names a wrong 2FA code outside sign-in by what it was for, in English and Russian', async () => {
    const labels = (el: Element) =>
      rows(el)
        .map((r) => r.querySelector('[part~="event-type"]')?.textContent)
        .join(' | ');
    api = fakeEvents(failedChecks);
    const en = await mounted(api);
    expect(labels(en)).to.equal(
      'Wrong 2FA code (turning 2FA off) | Wrong 2FA code (cash-out or payment settings) | Failed sign-in',
    );
    expect($in(en, '#events-type option[value="sign_in_failed"]').textContent, 'the filter covers both').to.equal(
      'Failed sign-in or wrong 2FA code',
    );
    cleanupFixtures();
    const ru = await mounted(api, makeUser(), 'ru');
    expect(labels(ru)).to.equal(
      'Неверный код 2FA (отключение 2FA) | Неверный код 2FA (вывод средств или платёжные настройки) | Неудачный вход',
    );
    expect($in(ru, '#events-type option[value="sign_in_failed"]').textContent).to.equal(
      'Неудачный вход или неверный код 2FA',
    );
  });

  it("words every audit type's detail as sentences, never raw keys, ids or values, in English and Russian", async () => {
    const detailed = [
      event('evt_a1', 'signed_up', {
        detail: {
          referrerPartnerId: 'ptr_01M',
          country: 'DE',
          termsUrl: 'https://op.test/terms',
          termsAcceptedAt: 'x',
        },
      }),
      event('evt_a2', 'partner_approved', { detail: { decision: 'approve', from: 'pending', to: 'active' } }),
      event('evt_a3', 'signed_in', { detail: { sessionId: 'sess_01M', via: 'embed', components: ['reports'] } }),
      event('evt_a4', 'signed_in', { detail: { sessionId: 'sess_01M' } }),
      event('evt_a5', 'sign_in_failed', { detail: { reason: 'password', failures: 2 } }),
      event('evt_a6', 'sign_in_failed', { detail: { reason: 'unknown_email' } }),
      event('evt_a7', 'user_locked', { detail: { failures: 5 } }),
      event('evt_a8', 'user_unlocked', { detail: { via: 'email_link' } }),
      event('evt_a9', 'user_unlocked', { detail: { via: 'operator' } }),
      event('evt_b1', 'user_unlocked', { detail: { via: 'team' } }),
      event('evt_b2', 'password_reset', { detail: { stage: 'requested' } }),
      event('evt_b3', 'password_reset', { detail: { stage: 'completed', sessionsEnded: true } }),
      event('evt_b4', 'password_set', { detail: { via: 'invitation' } }),
      event('evt_b5', 'session_terminated', { detail: { sessionId: 'sess_01M', signOut: true } }),
      event('evt_b6', 'session_terminated', { detail: { sessionId: 'sess_01N', signOut: false } }),
      event('evt_b7', 'session_terminated', { detail: { count: 3, allOthers: true } }),
      event('evt_b8', 'member_invited', { detail: { role: 'finance' } }),
      event('evt_b9', 'profile_updated', { detail: { fields: ['name', 'phone'] } }),
      event('evt_c1', 'member_blocked', { detail: { mystery: 'sess_01X', other: { a: 1 } } }),
    ];
    const sentences = (el: Element) =>
      rows(el).map((r) => [...r.querySelectorAll('[part~="detail-item"]')].map((li) => li.textContent).join(' '));
    api = fakeEvents(detailed);
    const en = await mounted(api);
    expect(sentences(en)).to.deep.equal([
      'Country: Germany. Accepted the program terms.',
      'Status changed from Pending to Active.',
      "Signed in through the operator's website.",
      '',
      'Wrong password. 2 failed attempts in a row.',
      'No account has this email address.',
      'Sign-in is locked after 5 failed attempts in a row.',
      'Unlocked by the emailed link.',
      'Unlocked by the program team.',
      'Unlocked by an owner or admin of your team.',
      'A reset link was requested and emailed.',
      'A new password was set from the reset link. All sessions were signed out.',
      'Password set from the invitation link.',
      'Signed out of this session.',
      'Signed out of another session.',
      'Signed out of all 3 other sessions.',
      'Invited as Finance.',
      'Changed: name and phone.',
      'Other details were recorded.',
    ]);
    // Every key the events above carry, as the old "key: value" lines would have shown it.
    const rawKey =
      /\b(sessionId|signOut|allOthers|count|via|from|to|reason|failures|stage|sessionsEnded|role|fields|country|termsUrl|termsAcceptedAt|referrerPartnerId|decision|components|mystery|other): /;
    const table = $in(en, '[part~="activity"]').textContent ?? '';
    expect(table, 'no "key: value" text').not.to.match(rawKey);
    expect(table, 'no ids').not.to.match(/sess_|ptr_|email_link|\{/);
    cleanupFixtures();
    const ru = await mounted(api, makeUser(), 'ru');
    const russian = sentences(ru);
    expect(russian[1]).to.equal('Статус изменён: На рассмотрении → Активен.');
    expect(russian[7]).to.equal('Разблокировано по ссылке из письма.');
    expect(russian[15]).to.equal('Завершены все 3 других сеанса.');
    expect(russian[17]).to.equal('Изменено: имя и телефон.');
    expect(russian[18]).to.equal('Записаны дополнительные сведения.');
    expect($in(ru, '[part~="activity"]').textContent).not.to.match(rawKey).and.not.to.match(/sess_/);
  });

  it('speaks Russian', async () => {
    api = fakeEvents();
    const el = await mounted(api, makeUser(), 'ru');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Журнал событий');
    expect(rows(el)[0]?.querySelector('[part~="event-type"]')?.textContent).to.equal('Роль участника изменена');
    expect(rows(el)[1]?.querySelector('[part~="event-actor"]')?.textContent).to.equal('Оператор');
    expect($in(el, '#events-type option[value="two_factor_enabled"]').textContent).to.equal(
      'Двухфакторная аутентификация включена',
    );
    expect($in(el, '[part~="count"]').textContent).to.equal('Показано 3 события.');
    expect(textOf(el)).to.include('Показать ещё');
  });
});
