import { define } from '../../internal/base-element.ts';
import { KbTeam } from './kb-team.ts';
import type { Member } from '../../internal/account/account-types.ts';
import { expect } from '@open-wc/testing';
import { $in, afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import {
  fill,
  find,
  json,
  makeUser,
  mockApi,
  mountSection,
  problem,
  query,
  textOf,
  type ApiMock,
  type RecordedRequest,
} from '../../internal/account/account-test-kit.ts';

define('kb-team', KbTeam);

const member = (id: string, role: Member['role'], overrides: Partial<Member> = {}): Member =>
  makeUser({
    id,
    role,
    email: `${id.replace('usr_', '')}@partner.test`,
    name: id.replace('usr_', '').toUpperCase(),
    ...overrides,
  });
const team = (): Member[] => [
  member('usr_owner', 'owner'),
  member('usr_admin', 'admin', { twoFactorEnabled: true }),
  member('usr_analyst', 'analyst'),
  member('usr_finance', 'finance', { locked: true }),
];
const admin = makeUser({ id: 'usr_admin', role: 'admin', email: 'admin@partner.test' });

/** Serves the team routes from an in-memory list so the element sees the server's answer. */
function fakeTeam(members: Member[], override?: (r: RecordedRequest) => Response | undefined) {
  return mockApi((request) => {
    const answer = override?.(request);
    if (answer) return answer;
    const { method, path, body } = request;
    if (method === 'GET' && path === '/v1/partner/team') return json({ data: members });
    if (method === 'POST' && path === '/v1/partner/team') {
      const input = body as { email: string; name: string; role: Member['role'] };
      const created = member('usr_new', input.role, { email: input.email, name: input.name, lastSignInAt: null });
      members.push(created);
      return json(created, 201);
    }
    const match = /^\/v1\/partner\/team\/(usr_\w+)(\/.*)?$/.exec(path);
    const target = members.find((m) => m.id === match?.[1]);
    if (!target) return undefined;
    if (method === 'PATCH' && !match?.[2]) {
      Object.assign(target, body);
      return json(target);
    }
    if (method === 'GET' && match?.[2] === '/sessions') {
      return json({
        data: [
          {
            id: 'ses_9',
            kind: 'password',
            device: 'Edge on Windows',
            browser: 'Edge',
            os: 'Windows',
            deviceType: null,
            ip: '198.51.100.4',
            createdAt: '2025-03-01T09:30:00.000Z',
            lastSeenAt: '2025-03-02T09:30:00.000Z',
            expiresAt: '2025-04-01T09:30:00.000Z',
            current: false,
          },
        ],
      });
    }
    if (method === 'DELETE' && match?.[2] === '/sessions/ses_9') return json({ terminated: 1 });
    if (method === 'DELETE' && match?.[2] === '/statistic_token') return json({ token: null, createdAt: null });
    return undefined;
  });
}

async function mounted(api: ApiMock, user = admin, locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbTeam>('kb-team', { user, locale });
  await find(el, '[part~="member-row"]');
  return el;
}
const row = (el: Element, id: string) => $in(el, `[data-member-id="${id}"]`);
const button = (el: Element, id: string, part: string) =>
  row(el, id).querySelector<HTMLButtonElement>(`[part~="${part}"]`);

describe('<kb-team>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows a note to analysts and finance without calling the API', async () => {
    api = fakeTeam(team());
    const { el } = await mountSection<KbTeam>('kb-team', { user: makeUser({ role: 'analyst' }) });
    await new Promise((r) => setTimeout(r, 50));
    expect($in(el, '[part~="note"]').textContent).to.equal(
      'Only the owner and admins manage the team. Ask them if you need a colleague added or changed.',
    );
    expect(api.requests.length, 'requests').to.equal(0);
    expect(query(el, 'table'), 'table').to.equal(null);
  });

  it('lists members and disables controls on yourself and the owner', async () => {
    api = fakeTeam(team());
    const el = await mounted(api);
    expect(api.requests.map((r) => `${r.method} ${r.path}`).join(), 'requests').to.equal('GET /v1/partner/team');
    expect(el.shadowRoot!.querySelectorAll('[part~="member-row"]').length, 'rows').to.equal(4);
    expect(row(el, 'usr_admin').textContent).to.include('you');
    expect(row(el, 'usr_admin').querySelector('[part~="member-2fa"]')?.textContent).to.equal('On');
    for (const id of ['usr_owner', 'usr_admin']) {
      for (const part of ['block', 'sessions-toggle', 'expire-token'])
        expect(button(el, id, part)?.disabled, `${id} ${part}`).to.equal(true);
      expect(row(el, id).querySelector<HTMLSelectElement>('[part~="role-select"]')?.disabled, `${id} role`).to.equal(
        true,
      );
    }
    expect(button(el, 'usr_analyst', 'block')?.disabled, 'analyst block').to.equal(false);
    expect(
      row(el, 'usr_owner').querySelector<HTMLSelectElement>('[part~="role-select"]')?.value,
      'owner shown as owner',
    ).to.equal('owner');
    const select = row(el, 'usr_analyst').querySelector<HTMLSelectElement>('select')!;
    expect(el.shadowRoot!.querySelector(`label[for="${select.id}"]`)?.textContent, 'role label').to.equal(
      'Role of analyst@partner.test',
    );
  });

  it('shows Unlock only for locked members and unlocks', async () => {
    api = fakeTeam(team());
    const el = await mounted(api);
    expect(button(el, 'usr_analyst', 'unlock'), 'no unlock when not locked').to.equal(null);
    button(el, 'usr_finance', 'unlock')!.click();
    await waitFor(() => button(el, 'usr_finance', 'unlock') === null, 1000, 'unlock gone');
    expect(api.sent('PATCH /v1/partner/team/usr_finance')[0]?.body, 'PATCH body').to.deep.equal({ locked: false });
    expect(textOf(el)).to.include('finance@partner.test is unlocked and can sign in again.');
  });

  it('blocks and unblocks a member', async () => {
    api = fakeTeam(team());
    const el = await mounted(api);
    button(el, 'usr_analyst', 'block')!.click();
    await waitFor(() => button(el, 'usr_analyst', 'unblock'), 1000, 'unblock button');
    expect(api.sent('PATCH /v1/partner/team/usr_analyst')[0]?.body, 'block').to.deep.equal({ blocked: true });
    expect(row(el, 'usr_analyst').querySelector('[part~="member-blocked"]')?.textContent).to.equal('Yes');
    button(el, 'usr_analyst', 'unblock')!.click();
    await waitFor(() => button(el, 'usr_analyst', 'block'), 1000, 'block button again');
    expect(api.sent('PATCH /v1/partner/team/usr_analyst')[1]?.body, 'unblock').to.deep.equal({ blocked: false });
  });

  it('changes a role', async () => {
    api = fakeTeam(team());
    const el = await mounted(api);
    fill(row(el, 'usr_analyst').querySelector('select')!, 'admin');
    await waitFor(() => textOf(el).includes('analyst@partner.test is now Admin.'), 1000, 'role notice');
    expect(api.sent('PATCH /v1/partner/team/usr_analyst')[0]?.body).to.deep.equal({ role: 'admin' });
    expect(row(el, 'usr_analyst').querySelector('select')?.value).to.equal('admin');
  });

  it('expands a member’s sessions, terminates one and expires their token', async () => {
    api = fakeTeam(team());
    const el = await mounted(api);
    const toggle = button(el, 'usr_analyst', 'sessions-toggle')!;
    toggle.click();
    const terminate = await find<HTMLButtonElement>(el, '#team-sessions-usr_analyst [part~="terminate"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(el)).to.include('Edge on Windows');
    terminate.click();
    await waitFor(() => textOf(el).includes('The session is terminated.'), 1000, 'terminated');
    expect(api.sent('DELETE /v1/partner/team/usr_analyst/sessions/ses_9').length, 'DELETE session').to.equal(1);
    button(el, 'usr_analyst', 'expire-token')!.click();
    await waitFor(
      () => textOf(el).includes('The statistic token of analyst@partner.test has expired.'),
      1000,
      'token notice',
    );
    expect(api.sent('DELETE /v1/partner/team/usr_analyst/statistic_token').length, 'DELETE token').to.equal(1);
  });

  it('invites a member who appears as invited', async () => {
    api = fakeTeam(team());
    const el = await mounted(api);
    fill($in<HTMLInputElement>(el, '#team-invite-email'), 'new@partner.test');
    fill($in<HTMLInputElement>(el, '#team-invite-name'), 'Nina New');
    fill($in<HTMLSelectElement>(el, '#team-invite-role'), 'finance');
    $in<HTMLButtonElement>(el, '[part~="invite-submit"]').click();
    await find(el, '[data-member-id="usr_new"]');
    expect(api.sent('POST /v1/partner/team')[0]?.body, 'invite body').to.deep.equal({
      email: 'new@partner.test',
      name: 'Nina New',
      role: 'finance',
      locale: 'en',
    });
    expect(row(el, 'usr_new').querySelector('[part~="invited-badge"]')?.textContent).to.equal('Invited');
    expect(textOf(el)).to.include('Invitation sent to new@partner.test.');
    expect($in<HTMLInputElement>(el, '#team-invite-email').value, 'form reset').to.equal('');
  });

  it('shows invite errors beside the fields', async () => {
    api = fakeTeam(team(), (r) =>
      r.method === 'POST'
        ? problem(422, 'validation_failed', 'body.email: must be an email address', [
            { path: 'body.email', message: 'must be an email address like name@example.com' },
          ])
        : undefined,
    );
    const el = await mounted(api);
    fill($in<HTMLInputElement>(el, '#team-invite-email'), 'nope');
    fill($in<HTMLInputElement>(el, '#team-invite-name'), 'Nina');
    $in<HTMLButtonElement>(el, '[part~="invite-submit"]').click();
    const error = await find(el, '#team-invite-email-error');
    expect(error.textContent).to.equal('must be an email address like name@example.com');
    expect($in(el, '#team-invite-email').getAttribute('aria-invalid')).to.equal('true');
    expect($in(el, '[part~="invite"] [part~="error"]').textContent).to.equal('Please correct the highlighted fields.');
  });

  it('words a refusal on a member who became the owner in Russian, and refreshes the list', async () => {
    const members = team();
    const ownerOnly = 'The account owner is out of reach of team actions';
    api = fakeTeam(members, (r) => {
      if (r.path.startsWith('/v1/partner/team/usr_analyst') && r.method !== 'GET') {
        // The operator handed the account over meanwhile: the list the admin sees is stale.
        members[0] = member('usr_owner', 'admin');
        members[2] = member('usr_analyst', 'owner');
        return problem(403, 'forbidden', ownerOnly);
      }
      if (r.path === '/v1/partner/team/usr_analyst/sessions') return problem(403, 'forbidden', ownerOnly);
      return undefined;
    });
    const el = await mounted(api, admin, 'ru');
    button(el, 'usr_analyst', 'sessions-toggle')!.click();
    const sessionsError = await find(el, '#team-sessions-usr_analyst [part~="error"]');
    expect(sessionsError.textContent).to.equal(
      'Здесь нельзя изменить участника analyst@partner.test: на странице команды нельзя ' +
        'менять учётную запись владельца и свою собственную, а управляют командой только ' +
        'владелец и администраторы.',
    );
    button(el, 'usr_analyst', 'block')!.click();
    await waitFor(
      () => button(el, 'usr_analyst', 'block')?.disabled,
      1000,
      'the new owner’s controls disabled after the refresh',
    );
    const error = $in(el, '[part~="panel"] > [part~="error"]');
    expect(error.textContent).to.include('Здесь нельзя изменить участника analyst@partner.test');
    expect(textOf(el)).not.to.include(ownerOnly);
    expect(
      row(el, 'usr_analyst').querySelector<HTMLSelectElement>('[part~="role-select"]')?.value,
      'shown as owner now',
    ).to.equal('owner');
    expect(button(el, 'usr_owner', 'block')?.disabled, 'the former owner can be managed now').to.equal(false);
  });

  it('says a session had already ended when terminating it answers 404', async () => {
    api = fakeTeam(team(), (r) =>
      r.method === 'DELETE' && r.path.endsWith('/sessions/ses_9')
        ? problem(404, 'not_found', 'Session not found')
        : undefined,
    );
    const el = await mounted(api);
    button(el, 'usr_analyst', 'sessions-toggle')!.click();
    (await find<HTMLButtonElement>(el, '#team-sessions-usr_analyst [part~="terminate"]')).click();
    await waitFor(() => textOf(el).includes('The session had already ended.'), 1000, 'ended notice');
    expect(query(el, '#team-sessions-usr_analyst [part~="terminate"]'), 'row gone').to.equal(null);
    expect(textOf(el)).not.to.include('Session not found');
  });

  it('speaks Russian', async () => {
    api = fakeTeam(team());
    const el = await mounted(api, admin, 'ru');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Команда');
    expect(textOf(el)).to.include('Последний вход');
    expect(button(el, 'usr_analyst', 'block')?.textContent).to.equal('Заблокировать');
    expect(button(el, 'usr_finance', 'unlock')?.textContent).to.equal('Снять блокировку входа');
    expect(row(el, 'usr_analyst').querySelector('select option:checked')?.textContent).to.equal('Аналитик');
  });
});
