import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { $in, afterEach, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import { API, find, json, mockApi, problem, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { eachTestApi } from '../../internal/statistics/statistics-test-kit.ts';
import { KbStaffConsole } from './kb-staff-console.ts';
import type { StaffUser } from './staff-types.ts';

define('kb-staff-console', KbStaffConsole);

const V1 = '/v1/operator';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const texts = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map(text);

const OWNER: StaffUser = {
  id: 'staff_olga',
  email: 'olga@luckyspin.example',
  name: 'Olga Owner',
  role: 'owner',
  twoFactor: 'on',
  passwordSet: true,
  locked: false,
  createdAt: '2026-11-01T09:00:00.000Z',
  disabledAt: null,
};
const MAX: StaffUser = {
  ...OWNER,
  id: 'staff_max',
  email: 'max@luckyspin.example',
  name: 'Max Manager',
  role: 'manager',
  locked: true,
};
const NEW: StaffUser = {
  ...OWNER,
  id: 'staff_vera',
  email: 'vera@luckyspin.example',
  name: 'Vera Viewer',
  role: 'viewer',
  twoFactor: 'off',
  passwordSet: false,
};
const ME = {
  id: OWNER.id,
  email: OWNER.email,
  name: OWNER.name,
  role: 'owner',
  twoFactor: 'on',
  session: 'full',
  operator: { id: 'op_demo', name: 'Lucky Spin' },
};

type Route = Parameters<typeof mockApi>[0];
function staffApi(route: Route = () => undefined): ApiMock {
  return mockApi(async (request) => {
    const answer = await route(request);
    if (answer) return answer;
    const key = `${request.method} ${request.path}`;
    if (key === `GET ${V1}/staff`) return json({ items: [OWNER, MAX] });
    if (key === `GET ${V1}/me`) return json(ME);
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbStaffConsole>(
    html`<kb-staff-console api-base=${API} locale=${locale}></kb-staff-console>`,
  );
  await find(el, '[part~="staff-row"]');
  return el;
}
const DARK =
  '--kb-color-text:#eceef1;--kb-color-bg:#10141a;--kb-color-surface:#1a2029;--kb-color-border:#323a46;--kb-color-text-muted:#a9b1bd';
const inRow = <E extends Element = HTMLElement>(el: Element, id: string, selector: string) =>
  query<E>(el, `[data-staff-id="${id}"] ${selector}`);

describe('<kb-staff-console>', () => {
  const stub = eachTestApi();
  afterEach(async () => {
    await setViewport({ width: 1280, height: 800 });
  });

  it('lists the staff with role, two-factor, lock and status, marks the signed-in owner and explains the roles', async () => {
    stub(staffApi());
    const el = await mounted();
    expect(texts(el, '[part~="staff-name"]')).to.deep.equal(['Olga Owner you', 'Max Manager']);
    expect(inRow<HTMLSelectElement>(el, MAX.id, '[part~="role-select"]')!.value).to.equal('manager');
    expect(text(inRow(el, MAX.id, '[part~="staff-locked"]'))).to.equal('Yes');
    expect(text(inRow(el, MAX.id, '[part~="staff-two-factor"]'))).to.equal('On');
    expect(text(inRow(el, MAX.id, '[part~="unlock"]'))).to.equal('Unlock');
    expect(inRow(el, OWNER.id, '[part~="unlock"]'), 'no unlock for someone not locked').to.equal(null);
    expect(texts(el, '[part~="role-name"]')).to.deep.equal(['Owner', 'Manager', 'Finance', 'Viewer']);
    expect(text(query(el, '[part~="role-entry"]:last-child [part~="role-does"]'))).to.equal(
      'Reads everything except staff and API keys; changes nothing.',
    );
  });

  it('invites with e-mail, name, role and the e-mail language, and says the invitation was sent', async () => {
    const api = stub(staffApi((r) => (r.method === 'POST' && r.path === `${V1}/staff` ? json(NEW, 201) : undefined)));
    const el = await mounted();
    $in<HTMLInputElement>(el, '#staff-invite-email').value = 'vera@luckyspin.example';
    $in<HTMLInputElement>(el, '#staff-invite-name').value = 'Vera Viewer';
    $in<HTMLSelectElement>(el, '#staff-invite-role').value = 'finance';
    $in<HTMLSelectElement>(el, '#staff-invite-locale').value = 'ru';
    $in<HTMLButtonElement>(el, '[part~="send"]').click();
    await waitFor(() => text(query(el, '[part~="success"]')), 1000, 'the sent note');
    expect(api.sent(`POST ${V1}/staff`)[0]!.body).to.deep.equal({
      email: 'vera@luckyspin.example',
      name: 'Vera Viewer',
      role: 'finance',
      locale: 'ru',
    });
    expect(text(query(el, '[part~="success"]'))).to.equal('The invitation e-mail was sent to vera@luckyspin.example.');
    expect(text(inRow(el, NEW.id, '[part~="staff-status"]'))).to.equal('Invited: no password yet');
    expect($in<HTMLInputElement>(el, '#staff-invite-email').value, 'the form is cleared').to.equal('');
  });

  it('words a refused e-mail beside its field (422) and a taken one (409)', async () => {
    let calls = 0;
    stub(
      staffApi((r) => {
        if (r.method !== 'POST') return undefined;
        calls += 1;
        return calls === 1
          ? problem(422, 'validation_failed', 'Invalid', [
              { path: 'body.email', reason: 'invalid_format', message: 'Invalid email', params: { format: 'email' } },
            ])
          : problem(409, 'conflict', 'exists', [], { resource: 'staff_user', state: 'exists' });
      }),
    );
    const el = await mounted('ru');
    $in<HTMLInputElement>(el, '#staff-invite-email').value = 'vera@';
    $in<HTMLInputElement>(el, '#staff-invite-name').value = 'Vera';
    $in<HTMLButtonElement>(el, '[part~="send"]').click();
    const error = await find(el, '#staff-invite-email-error');
    expect(text(error)).to.not.equal('');
    expect(text(error)).to.not.include('Invalid');
    expect($in(el, '#staff-invite-email').getAttribute('aria-invalid')).to.equal('true');
    expect($in(el, '#staff-invite-email').getAttribute('aria-describedby')).to.equal('staff-invite-email-error');
    expect(text(query(el, '[part~="invite"] [part~="error"]'))).to.equal('Проверьте отмеченные поля.');
    $in<HTMLButtonElement>(el, '[part~="send"]').click();
    await waitFor(() => text(query(el, '#staff-invite-email-error')) === 'Сотрудник с таким e-mail уже есть.', 1000);
  });

  it('changes a role; your own demotion is asked first; the last owner refused (409) is worded in the row', async () => {
    const api = stub(
      staffApi((r) => {
        if (r.method !== 'PATCH') return undefined;
        const body = r.body as { role?: string };
        if (r.path.endsWith(OWNER.id))
          return problem(409, 'conflict', 'last owner', [], { resource: 'staff_user', state: 'owner' });
        return json({ ...MAX, role: body.role });
      }),
    );
    const el = await mounted();
    const select = inRow<HTMLSelectElement>(el, MAX.id, '[part~="role-select"]')!;
    select.value = 'finance';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => text(query(el, '[part~="notice"]')) === 'Max Manager is now Finance.', 1000);
    expect(api.sent(`PATCH ${V1}/staff/${MAX.id}`)[0]!.body).to.deep.equal({ role: 'finance' });
    const own = inRow<HTMLSelectElement>(el, OWNER.id, '[part~="role-select"]')!;
    own.value = 'viewer';
    own.dispatchEvent(new Event('change'));
    // Your own demotion is asked first: the select shows your role until you confirm.
    const confirm = await find(el, `[data-staff-id="${OWNER.id}"] [part~="confirm"]`);
    expect(text(confirm)).to.include('Make yourself Viewer? Only owners manage staff and API keys');
    expect(own.value).to.equal('owner');
    expect(api.sent(`PATCH ${V1}/staff/${OWNER.id}`), 'nothing sent before the confirmation').to.have.length(0);
    $in<HTMLButtonElement>(el, '[part~="confirm-yes"]').click();
    await waitFor(() => query(el, `[data-staff-id="${OWNER.id}"] [part~="row-error"]`), 1000, 'the refusal');
    expect(api.sent(`PATCH ${V1}/staff/${OWNER.id}`)[0]!.body).to.deep.equal({ role: 'viewer' });
    expect(text(query(el, `[data-staff-id="${OWNER.id}"] [part~="row-error"]`))).to.equal(
      'The last owner cannot be demoted or deactivated: make someone else owner first.',
    );
    expect(own.value).to.equal('owner');
  });

  it('asks before deactivating and before resetting two-factor; Cancel sends nothing', async () => {
    const api = stub(
      staffApi((r) => {
        if (r.method === 'PATCH') return json({ ...MAX, disabledAt: '2026-12-01T10:00:00.000Z' });
        if (r.method === 'POST' && r.path.endsWith('/reset_two_factor')) return json({ ...MAX, twoFactor: 'off' });
        return undefined;
      }),
    );
    const el = await mounted();
    $in<HTMLButtonElement>(el, `[data-staff-id="${MAX.id}"] [part~="reset-two-factor"]`).click();
    const confirm = await find(el, '[part~="confirm"]');
    expect(text(confirm)).to.include('at the next sign-in they set up an authenticator app again');
    $in<HTMLButtonElement>(el, '[part~="confirm"] [part~="cancel"]').click();
    await waitFor(() => !query(el, '[part~="confirm"]'), 1000);
    expect(api.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
    $in<HTMLButtonElement>(el, `[data-staff-id="${OWNER.id}"] [part~="deactivate"]`).click();
    expect(text(await find(el, '[part~="confirm"]'))).to.include('This is you: you are signed out at once.');
    $in<HTMLButtonElement>(el, '[part~="confirm"] [part~="cancel"]').click();
    await waitFor(() => !query(el, '[part~="confirm"]'), 1000);
    $in<HTMLButtonElement>(el, `[data-staff-id="${MAX.id}"] [part~="deactivate"]`).click();
    expect(text(await find(el, '[part~="confirm"]'))).to.not.include('This is you');
    expect(
      api.requests.filter((r) => r.method !== 'GET'),
      'nothing before the confirmation',
    ).to.have.length(0);
    $in<HTMLButtonElement>(el, '[part~="confirm-yes"]').click();
    await waitFor(() => api.sent(`PATCH ${V1}/staff/${MAX.id}`).length === 1, 1000);
    expect(api.sent(`PATCH ${V1}/staff/${MAX.id}`)[0]!.body).to.deep.equal({ disabled: true });
    await waitFor(() => text(inRow(el, MAX.id, '[part~="staff-status"]')) === 'Deactivated', 1000);
    expect(text(inRow(el, MAX.id, '[part~="reactivate"]'))).to.equal('Reactivate');
  });

  it('unlocks a locked user without asking', async () => {
    const api = stub(staffApi((r) => (r.path.endsWith('/unlock') ? json({ ...MAX, locked: false }) : undefined)));
    const el = await mounted();
    $in<HTMLButtonElement>(el, `[data-staff-id="${MAX.id}"] [part~="unlock"]`).click();
    await waitFor(() => text(inRow(el, MAX.id, '[part~="staff-locked"]')) === 'No', 1000);
    expect(api.sent(`POST ${V1}/staff/${MAX.id}/unlock`)).to.have.length(1);
    expect(text(query(el, '[part~="notice"]'))).to.equal('Max Manager is unlocked and can try to sign in again.');
  });

  it('says to sign in as an owner when there is no session (401)', async () => {
    stub(mockApi(() => problem(401, 'unauthorized', 'No session')));
    const el = await fixture<KbStaffConsole>(html`<kb-staff-console api-base=${API} locale="en"></kb-staff-console>`);
    await waitFor(() => text(query(el, '[part~="error"] p')) === 'Sign in as a staff owner to manage staff.', 1000);
  });

  it('tells a staff user of another role that only an owner may (403)', async () => {
    stub(
      mockApi(() =>
        problem(403, 'forbidden_for_role', 'Not for your role', [], { role: 'manager', allowed: ['owner'] }),
      ),
    );
    const el = await fixture<KbStaffConsole>(html`<kb-staff-console api-base=${API} locale="en"></kb-staff-console>`);
    await waitFor(
      () => text(query(el, '[part~="error"] p')) === 'Only an owner may see and manage the staff; your role may not.',
      1000,
    );
  });

  it('collapses to cards at 390 px and takes the page’s dark tokens', async () => {
    stub(staffApi());
    await setViewport({ width: 390, height: 800 });
    const host = await fixture<HTMLDivElement>(
      html`<div style=${DARK}><kb-staff-console api-base=${API} locale="en"></kb-staff-console></div>`,
    );
    const el = host.querySelector('kb-staff-console')!;
    await find(el, '[part~="staff-row"]');
    const wrap = query(el, '[part~="table-wrap"]')!;
    await waitFor(() => wrap.scrollWidth <= wrap.clientWidth + 1, 1000, 'no sideways scroll');
    expect(
      getComputedStyle(query(el, '[part~="header-row"]')!.closest('thead')!).position,
      'headers hidden as cards',
    ).to.equal('absolute');
    expect(getComputedStyle(inRow(el, MAX.id, '[part~="staff-email"]')!).display).to.not.equal('none');
    expect(el.getBoundingClientRect().right).to.be.at.most(390);
    expect(inRow(el, MAX.id, '[part~="unlock"]')!.getBoundingClientRect().right).to.be.at.most(390);
    expect(getComputedStyle(query(el, '[part~="heading"]')!).color).to.equal('rgb(236, 238, 241)');
    expect(getComputedStyle(query(el, '[part~="role-select"]')!).backgroundColor).to.equal('rgb(16, 20, 26)');
  });
});
