import { define } from '../../internal/base-element.ts';
import { KbPostbacks } from './kb-postbacks.ts';
import { KbPostbackEditor, KbPostbackLog } from '../../sections/postbacks.ts';
import { expect } from '@open-wc/testing';
import {
  $in,
  afterEach,
  cleanupFixtures,
  deepActiveElement,
  describe,
  it,
  waitFor,
} from '../../internal/test-helpers.ts';
import {
  fill,
  find,
  json,
  makeUser,
  mountSection,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { fakePostbackApi } from '../../internal/postback/postback-test-kit.ts';

define('kb-postbacks', KbPostbacks);
define('kb-postback-editor', KbPostbackEditor);
define('kb-postback-log', KbPostbackLog);

type Role = 'owner' | 'admin' | 'analyst' | 'finance';

async function mounted(o: { role?: Role; locale?: 'en' | 'ru'; attrs?: Record<string, string> } = {}) {
  const { el } = await mountSection<KbPostbacks>('kb-postbacks', {
    user: makeUser({ role: o.role ?? 'owner' }),
    locale: o.locale ?? 'en',
  });
  for (const [name, value] of Object.entries(o.attrs ?? {})) el.setAttribute(name, value);
  await find(el, '[part~="postback-row"], [part~="empty"]');
  return el;
}

const lists = (api: ApiMock) => api.sent('GET /v1/partner/postbacks');
const rowIds = (el: Element) =>
  [...(el.shadowRoot?.querySelectorAll('[part~="postback-row"]') ?? [])].map((r) => r.getAttribute('data-postback-id'));
const cell = (el: Element, id: string, part: string) =>
  $in(el, `[data-postback-id="${id}"] [part~="${part}"]`).textContent?.trim();
const tab = (el: Element, value: string) => $in<HTMLButtonElement>(el, `[part~="tab"][data-tab="${value}"]`);

describe('<kb-postbacks>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists postbacks with labels, scope, the full URL and status', async () => {
    api = fakePostbackApi();
    const el = await mounted();
    expect(lists(api)[0]!.query.toString(), 'all scopes').to.equal('');
    expect(rowIds(el)).to.deep.equal(['pb_account', 'pb_campaign', 'pb_promo']);
    expect(cell(el, 'pb_account', 'postback-action')).to.equal('First deposit');
    expect(cell(el, 'pb_account', 'postback-scope')).to.equal('Whole account');
    expect(cell(el, 'pb_campaign', 'postback-scope'), 'the campaign by name').to.equal('Summer push');
    expect(cell(el, 'pb_campaign', 'postback-method')).to.equal('POST JSON');
    expect(cell(el, 'pb_promo', 'postback-scope'), 'names, not ids').to.equal('Promo Welcome banner in Summer push');
    expect(cell(el, 'pb_promo', 'postback-scope')).not.to.match(/promo_1|camp_1/);
    expect(cell(el, 'pb_promo', 'postback-action')).to.equal('Qualification');
    expect(cell(el, 'pb_promo', 'url')).to.equal('https://tracker.example/q?p=${promo_id}&cid=${clickID}');
    expect(cell(el, 'pb_promo', 'status-badge')).to.equal('Off');
    expect(cell(el, 'pb_account', 'status-badge')).to.equal('On');
    expect($in(el, '[part~="count"]').textContent).to.equal('3 postbacks.');
  });

  it('scope tabs ask the server; action and status filters narrow the rows', async () => {
    api = fakePostbackApi();
    const el = await mounted();
    tab(el, 'campaign').click();
    await waitFor(() => lists(api!).length === 2 && rowIds(el).length === 1, 1000, 'campaign tab');
    expect(lists(api)[1]!.query.toString()).to.equal('scope=campaign');
    expect(tab(el, 'campaign').getAttribute('aria-selected')).to.equal('true');
    tab(el, 'campaign').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitFor(() => lists(api!).length === 3, 1000, 'keyboard to promo');
    expect(lists(api)[2]!.query.toString()).to.equal('scope=promo');
    await waitFor(() => deepActiveElement() === tab(el, 'promo'), 1000, 'focus moves with the tab');
    tab(el, 'all').click();
    await waitFor(() => rowIds(el).length === 3, 1000, 'all again');

    fill($in<HTMLSelectElement>(el, '#postbacks-action'), 'registration');
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['pb_campaign']);
    fill($in<HTMLSelectElement>(el, '#postbacks-action'), '');
    fill($in<HTMLSelectElement>(el, '#postbacks-status'), 'off');
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['pb_promo']);
    fill($in<HTMLSelectElement>(el, '#postbacks-action'), 'deposit');
    await el.updateComplete;
    expect($in(el, '[part~="empty-message"]').textContent).to.equal('No postbacks match these filters.');
    expect(lists(api).length, 'client-side filters ask nothing').to.equal(4);
    const clear = $in<HTMLButtonElement>(el, '[part~="empty-action"]');
    expect(clear.textContent).to.equal('Clear filters');
    clear.click();
    await waitFor(() => rowIds(el).length === 3, 1000, 'all rows again');
    expect($in<HTMLSelectElement>(el, '#postbacks-action').value, 'action filter reset').to.equal('');
    expect($in<HTMLSelectElement>(el, '#postbacks-status').value, 'status filter reset').to.equal('');
  });

  it('keeps to one campaign or promo and presets the editor', async () => {
    api = fakePostbackApi();
    const el = await mounted({ attrs: { 'campaign-id': 'camp_1' } });
    await waitFor(() => rowIds(el).join() === 'pb_campaign', 1000, 'campaign rows');
    expect(lists(api).at(-1)!.query.toString()).to.equal('scope=campaign&campaignId=camp_1');
    expect(query(el, '[data-tab="account"]'), 'no scope tabs').to.equal(null);
    expect($in(el, '[part~="heading"]').textContent).to.equal('Campaign postbacks');
    $in<HTMLButtonElement>(el, '[part~="new"]').click();
    const editor = await find<KbPostbackEditor>(el, 'kb-postback-editor');
    expect(editor.getAttribute('campaign-id')).to.equal('camp_1');
    await waitFor(() => editor.shadowRoot?.querySelector('[part~="scope-value"]'), 1000, 'editor');
    expect(editor.shadowRoot!.querySelector('[part~="scope-value"]')?.textContent?.trim()).to.equal(
      'This campaign only',
    );
    await waitFor(() => deepActiveElement()?.id === 'postback-editor-heading', 1000, 'focus in the editor');

    el.removeAttribute('campaign-id');
    el.setAttribute('promo-id', 'promo_1');
    await waitFor(() => rowIds(el).join() === 'pb_promo', 1000, 'promo rows');
    expect(lists(api).at(-1)!.query.toString()).to.equal('scope=promo&promoId=promo_1');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Promo postbacks');
  });

  it('creates a postback in place and lists it', async () => {
    api = fakePostbackApi();
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="new"]').click();
    const editor = await find<KbPostbackEditor>(el, 'kb-postback-editor');
    expect(query(el, '[part~="new"]'), 'one editor at a time').to.equal(null);
    const url = await waitFor(
      () => editor.shadowRoot?.querySelector<HTMLTextAreaElement>('#postback-url'),
      1000,
      'url field',
    );
    fill(url as unknown as HTMLInputElement, 'https://tracker.example/d?p=${promo_id}&a=${amount}');
    $in<HTMLButtonElement>(editor, '[part~="save"]').click();
    await waitFor(() => rowIds(el).includes('pb_new1'), 2000, 'the new row');
    expect(cell(el, 'pb_new1', 'postback-action')).to.equal('Registration');
    $in<HTMLButtonElement>(editor, '[part~="cancel"]').click();
    await waitFor(() => !query(el, 'kb-postback-editor'), 1000, 'editor closed');
    await waitFor(() => deepActiveElement() === query(el, '[part~="new"]'), 1000, 'focus back on New');
  });

  it('starts a new postback in the selected scope and keeps the draft when the tab changes', async () => {
    api = fakePostbackApi();
    const el = await mounted();
    tab(el, 'campaign').click();
    await waitFor(() => rowIds(el).length === 1, 1000, 'campaign tab');
    $in<HTMLButtonElement>(el, '[part~="new"]').click();
    const editor = await find<KbPostbackEditor>(el, 'kb-postback-editor');
    const scope = await waitFor(
      () => editor.shadowRoot?.querySelector<HTMLInputElement>('input[name="scope"][value="campaign"]'),
      1000,
      'scope radios',
    );
    expect(scope.checked).to.equal(true);
    const url = editor.shadowRoot!.querySelector<HTMLTextAreaElement>('#postback-url')!;
    fill(url as unknown as HTMLInputElement, 'https://tracker.example/x?c=${campaign_id}');
    tab(el, 'account').click();
    await waitFor(() => lists(api!).length === 3, 1000, 'account tab');
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector<HTMLTextAreaElement>('#postback-url')!.value, 'the draft stays').to.equal(
      'https://tracker.example/x?c=${campaign_id}',
    );
  });

  it('edits, disables and enables a postback', async () => {
    api = fakePostbackApi();
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[data-postback-id="pb_account"] [part~="edit"]').click();
    const editor = await find<KbPostbackEditor>(el, 'kb-postback-editor');
    const url = await waitFor(
      () => editor.shadowRoot?.querySelector<HTMLTextAreaElement>('#postback-url'),
      1000,
      'url field',
    );
    expect(url.value).to.equal('https://tracker.example/pb?click=${visit_id}&promo=${promo_id}&sum=${amount}');

    $in<HTMLButtonElement>(el, '[data-postback-id="pb_account"] [part~="disable"]').click();
    await waitFor(() => cell(el, 'pb_account', 'status-badge') === 'Off', 1000, 'disabled');
    expect(api.sent('PATCH /v1/partner/postbacks/pb_account')[0]?.body).to.deep.equal({ enabled: false });
    expect($in(el, '[part~="success"]').textContent).to.equal('Postback disabled.');
    $in<HTMLButtonElement>(el, '[data-postback-id="pb_promo"] [part~="enable"]').click();
    await waitFor(() => cell(el, 'pb_promo', 'status-badge') === 'On', 1000, 'enabled');
    expect(api.sent('PATCH /v1/partner/postbacks/pb_promo')[0]?.body).to.deep.equal({ enabled: true });
  });

  it('deletes only after confirming', async () => {
    api = fakePostbackApi();
    const el = await mounted();
    const deleted: string[] = [];
    el.addEventListener('kb-postback-deleted', (e) => deleted.push(e.detail.postbackId));
    $in<HTMLButtonElement>(el, '[data-postback-id="pb_campaign"] [part~="delete"]').click();
    const confirm = await find<HTMLButtonElement>(el, '[part~="confirm-delete-button"]');
    expect($in(el, '[part~="confirm-delete"]').textContent).to.equal(
      'Delete this postback? Your tracker stops receiving it.',
    );
    await waitFor(() => deepActiveElement() === confirm, 1000, 'focus on the confirmation');
    $in<HTMLButtonElement>(el, '[part~="keep"]').click();
    await waitFor(() => !query(el, '[part~="confirm-delete"]'), 1000, 'kept');
    expect(api.requests.filter((r) => r.method === 'DELETE').length).to.equal(0);

    $in<HTMLButtonElement>(el, '[data-postback-id="pb_campaign"] [part~="delete"]').click();
    (await find<HTMLButtonElement>(el, '[part~="confirm-delete-button"]')).click();
    await waitFor(() => !rowIds(el).includes('pb_campaign'), 1000, 'row gone');
    expect(api.sent('DELETE /v1/partner/postbacks/pb_campaign').length).to.equal(1);
    expect(deleted).to.deep.equal(['pb_campaign']);
    expect($in(el, '[part~="success"]').textContent).to.equal('Postback deleted.');
  });

  it('says when there are none yet, and how to start', async () => {
    api = fakePostbackApi(undefined, []);
    const el = await mounted();
    const empty = $in(el, '[part~="empty"]');
    expect(empty.getAttribute('role')).to.equal('status');
    expect(empty.querySelector('[part~="empty-message"]')?.textContent).to.equal('No postbacks yet.');
    expect(empty.querySelector('[part~="empty-hint"]')?.textContent).to.equal(
      'Add one: pick the action, write your tracker’s URL and insert the macros it needs.',
    );
    expect(query(el, 'table')).to.equal(null);
    const add = empty.querySelector<HTMLButtonElement>('[part~="empty-action"]')!;
    expect(add.textContent).to.equal('Add a postback');
    add.click();
    const editor = await find<KbPostbackEditor>(el, 'kb-postback-editor');
    expect(editor.postback, 'a new postback').to.equal(null);
  });

  it('hides every write control from analysts and finance', async () => {
    for (const role of ['analyst', 'finance'] as const) {
      api = fakePostbackApi();
      const el = await mounted({ role });
      for (const part of ['new', 'edit', 'toggle', 'delete', 'postback-actions'])
        expect(query(el, `[part~="${part}"]`), `${role}: ${part}`).to.equal(null);
      expect($in(el, '[part~="note"]').textContent).to.equal('Only owners and admins can create and change postbacks.');
      expect(rowIds(el).length, 'they still read the list').to.equal(3);
      api.restore();
      cleanupFixtures();
    }
  });

  it('shows an archived campaign’s postbacks read-only', async () => {
    api = fakePostbackApi();
    const el = await mounted({ attrs: { 'campaign-id': 'camp_1', 'read-only': '' } });
    await waitFor(() => rowIds(el).join() === 'pb_campaign', 1000, 'rows');
    for (const part of ['new', 'edit', 'delete']) expect(query(el, `[part~="${part}"]`), part).to.equal(null);
    expect($in(el, '[part~="note"]').textContent).to.equal(
      'The campaign is archived: unarchive it to add or change its postbacks.',
    );
  });

  it('opens the delivery log in its tab', async () => {
    api = fakePostbackApi();
    const el = await mounted({ attrs: { 'promo-id': 'promo_1' } });
    tab(el, 'log').click();
    const log = await find(el, 'kb-postback-log');
    expect(log.getAttribute('promo-id')).to.equal('promo_1');
    await waitFor(() => api!.sent('GET /v1/partner/postbacks/log').length === 1, 1000, 'log request');
    expect(api.sent('GET /v1/partner/postbacks/log')[0]!.query.get('promoId')).to.equal('promo_1');
  });

  it('an empty log’s “Go to postbacks” opens the list tab here', async () => {
    api = fakePostbackApi(({ path }) =>
      path === '/v1/partner/postbacks/log' ? json({ data: [], nextBefore: null }) : undefined,
    );
    const el = await mounted();
    tab(el, 'log').click();
    const log = await find(el, 'kb-postback-log');
    const leaked: string[] = [];
    const onPage = (e: CustomEvent<{ section: string }>) => leaked.push(e.detail.section);
    document.addEventListener('kb-open-section', onPage);
    try {
      const action = await waitFor(
        () => log.shadowRoot?.querySelector<HTMLButtonElement>('[part~="empty-action"]'),
        1000,
        'the log’s empty state',
      );
      action.click();
      await waitFor(() => tab(el, 'list').getAttribute('aria-selected') === 'true', 1000, 'list tab');
      expect(query(el, 'kb-postback-log')).to.equal(null);
      expect(leaked, 'handled here, not by the portal').to.deep.equal([]);
    } finally {
      document.removeEventListener('kb-open-section', onPage);
    }
  });

  it('speaks Russian', async () => {
    api = fakePostbackApi();
    const el = await mounted({ locale: 'ru' });
    expect($in(el, '[part~="heading"]').textContent).to.equal('Постбеки');
    expect($in(el, '[part~="new"]').textContent).to.equal('Новый постбек');
    expect(cell(el, 'pb_account', 'postback-action')).to.equal('Первый депозит');
    expect(cell(el, 'pb_account', 'postback-scope')).to.equal('Весь аккаунт');
    expect(cell(el, 'pb_promo', 'status-badge')).to.equal('Выкл.');
    expect(tab(el, 'log').textContent).to.equal('Лог отправки');
    expect(textOf(el)).to.include('3 постбека.');
  });
});
