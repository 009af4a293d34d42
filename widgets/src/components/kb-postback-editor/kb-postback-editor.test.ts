import { define } from '../../internal/base-element.ts';
import { KbPostbackEditor } from './kb-postback-editor.ts';
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
import {
  fakePostbackApi,
  postback,
  previewAnswer,
  templateRefusal,
  testAnswer,
} from '../../internal/postback/postback-test-kit.ts';
import type { Postback } from '../../internal/postback/postback-types.ts';

define('kb-postback-editor', KbPostbackEditor);

type Role = 'owner' | 'admin' | 'analyst' | 'finance';

async function editor(
  o: { role?: Role; locale?: 'en' | 'ru'; postback?: Postback; campaignId?: string; promoId?: string } = {},
) {
  const { el } = await mountSection<KbPostbackEditor>('kb-postback-editor', {
    user: makeUser({ role: o.role ?? 'owner' }),
    locale: o.locale ?? 'en',
  });
  if (o.postback) el.postback = o.postback;
  if (o.campaignId) el.setAttribute('campaign-id', o.campaignId);
  if (o.promoId) el.setAttribute('promo-id', o.promoId);
  await el.updateComplete;
  await find(el, 'form');
  return el;
}

const urlField = (el: Element) => $in<HTMLTextAreaElement>(el, '#postback-url');
const chip = (el: Element, name: string) => $in<HTMLButtonElement>(el, `[part~="macro-chip"][data-macro="${name}"]`);
const saveButton = (el: Element) => $in<HTMLButtonElement>(el, '[part~="save"]');
const errorItems = (el: Element) => [...(el.shadowRoot?.querySelectorAll('[part~="problem-error"]') ?? [])];
const validations = (api: ApiMock) => api.sent('POST /v1/partner/postbacks/validate');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The problem's mark and the text before it in the mirrored URL. */
function marked(item: Element) {
  const mark = item.querySelector('mark[part~="problem-mark"]')!;
  const mirror = item.querySelector('[part~="problem-mirror"]')!;
  const before = mirror.textContent!.slice(0, mirror.textContent!.indexOf(mark.textContent!));
  return {
    mark: mark.textContent,
    start: before.length,
    mirror: mirror.textContent,
    column: item.querySelector('[part~="problem-position"]')?.textContent,
  };
}

describe('<kb-postback-editor>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('inserts a macro chip at the cursor, replacing the selection, and keeps typing there', async () => {
    api = fakePostbackApi();
    const el = await editor({ promoId: 'promo_1' });
    const field = urlField(el);
    fill(field as unknown as HTMLInputElement, 'https://tracker.example/pb?click=&sum=1');
    field.focus();
    field.setSelectionRange(33, 33); // right after "click="
    chip(el, 'visit_id').click();
    expect(field.value).to.equal('https://tracker.example/pb?click=${visit_id}&sum=1');
    expect(field.selectionStart, 'caret after the insertion').to.equal(33 + '${visit_id}'.length);
    expect(field.selectionEnd).to.equal(33 + '${visit_id}'.length);
    expect(deepActiveElement(), 'focus back in the field').to.equal(field);

    field.setSelectionRange(field.value.indexOf('1'), field.value.length); // select the "1"
    chip(el, 'amount').click();
    expect(field.value, 'the selection is replaced').to.equal(
      'https://tracker.example/pb?click=${visit_id}&sum=${amount}',
    );
    expect(field.selectionStart).to.equal(field.value.length);
    await el.updateComplete;
    expect(urlField(el).value, 'a re-render keeps the inserted text').to.equal(
      'https://tracker.example/pb?click=${visit_id}&sum=${amount}',
    );
    expect($in(el, '#macro-doc-visit_id').textContent).to.equal('ID of the player’s click on your tracking link');
    expect(textOf(el)).to.include('Any other ${name} is a custom parameter from your tracking link');
  });

  it('marks each of the classic syntax mistakes where it is, and blocks Save', async () => {
    api = fakePostbackApi();
    const el = await editor({ promoId: 'promo_1' });
    const cases = [
      {
        url: 'http://track.me/affiliate?a={track_id}',
        mark: '{track_id}',
        at: 28,
        message: '"{track_id}" is missing the $: write ${track_id}',
      },
      {
        url: 'http://track.me/affiliate?b=$[visit_id]',
        mark: '$[visit_id]',
        at: 28,
        message: '"$[visit_id]" uses square brackets: write ${visit_id}',
      },
      {
        url: 'http://track.me/affiliate/c=${clickID}',
        mark: 'c=${clickID}',
        at: 26,
        message: 'Parameters follow the path without a "?": write "?c=${clickID}"',
      },
    ];
    for (const c of cases) {
      const before = validations(api).length;
      fill(urlField(el) as unknown as HTMLInputElement, c.url);
      await waitFor(
        () => errorItems(el).some((li) => li.querySelector('[part~="problem-message"]')?.textContent === c.message),
        2000,
        `problem of ${c.url}`,
      );
      expect(validations(api).length, 'one check per pause').to.equal(before + 1);
      expect(validations(api).at(-1)?.body).to.deep.equal({ url: c.url, scope: 'promo' });
      const items = errorItems(el);
      expect(items.length, c.url).to.equal(1);
      const m = marked(items[0]!);
      expect(m.mirror).to.equal(c.url);
      expect(m.mark).to.equal(c.mark);
      expect(m.start, 'marked at the position').to.equal(c.at);
      expect(m.column).to.equal(`at column ${c.at + 1}`);
      expect(saveButton(el).disabled, 'errors block Save').to.equal(true);
      expect($in(el, '[part~="save-blocked"]').textContent).to.equal('Fix the errors above to save.');
      expect(urlField(el).getAttribute('aria-invalid')).to.equal('true');
    }
    saveButton(el).click();
    (el.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
    await sleep(50);
    expect(api.sent('POST /v1/partner/postbacks').length, 'nothing saved').to.equal(0);

    // "at column N" selects the problem in the field.
    $in<HTMLButtonElement>(el, '[part~="problem-position"]').click();
    const field = urlField(el);
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).to.equal('c=${clickID}');
  });

  it('checks once typing pauses, not on every keystroke', async () => {
    api = fakePostbackApi();
    const el = await editor({ campaignId: 'camp_1' });
    for (const text of ['h', 'ht', 'htt', 'http://track.me/x?a=${amount}'])
      fill(urlField(el) as unknown as HTMLInputElement, text);
    await find(el, '[part~="valid"]');
    expect(validations(api).map((r) => (r.body as { url: string }).url)).to.deep.equal([
      'http://track.me/x?a=${amount}',
    ]);
    expect($in(el, '[part~="valid"]').textContent).to.equal('No problems found.');
  });

  it('shows warnings but saves, and announces the saved postback', async () => {
    api = fakePostbackApi();
    const el = await editor();
    const saved: Postback[] = [];
    el.addEventListener('kb-postback-saved', (e) => saved.push(e.detail.postback));
    fill($in<HTMLSelectElement>(el, '#postback-action'), 'qualification');
    await el.updateComplete;
    expect($in(el, '#postback-action-hint').textContent).to.equal(
      'Fires when a player qualifies under your commission plan.',
    );
    fill(urlField(el) as unknown as HTMLInputElement, 'https://track.me/pb?v=${visit_id}');
    const warning = await find(el, '[part~="problem-warning"]');
    expect(warning.querySelector('[part~="problem-message"]')?.textContent).to.include(
      'without ${promo_id} or ${campaign_id}',
    );
    expect(warning.querySelector('[part~="problem-mark-end"]'), 'marked at the end of the URL').to.be.instanceOf(
      Element,
    );
    expect(warning.querySelector('[part~="problem-position"]')?.textContent).to.equal('at the end');
    expect(errorItems(el).length).to.equal(0);
    expect(saveButton(el).disabled, 'warnings allow Save').to.equal(false);
    saveButton(el).click();
    await waitFor(() => saved.length === 1, 2000, 'kb-postback-saved');
    expect(api.sent('POST /v1/partner/postbacks')[0]?.body).to.deep.equal({
      scope: 'account',
      action: 'qualification',
      method: 'GET',
      url: 'https://track.me/pb?v=${visit_id}',
      enabled: true,
    });
    expect(saved[0]?.id).to.equal('pb_new1');
    expect($in(el, '[part~="success"]').textContent).to.equal('Postback saved.');
    expect($in(el, '[part~="heading"]').textContent, 'now editing the saved one').to.equal('Edit postback');
    expect(query(el, '[part~="send-test"]'), 'a saved postback can be tested').to.be.instanceOf(Element);
  });

  it('shows a 422 on save the same way: each problem marked at its position', async () => {
    const url = 'https://${sub}.track.me/pb?id=${visit_id}&p=${promo_id}';
    // The live check has not answered yet (slow): the server's refusal on save is what shows.
    api = fakePostbackApi(({ method, path, body }) => {
      if (path === '/v1/partner/postbacks/validate')
        return new Promise<Response>((r) => setTimeout(() => r(json({ problems: [], builtIns: [] })), 3000));
      if (method === 'POST' && path === '/v1/partner/postbacks')
        return templateRefusal(String((body as { url: string }).url), 'account') ?? undefined;
      return undefined;
    });
    const el = await editor();
    fill(urlField(el) as unknown as HTMLInputElement, url);
    saveButton(el).click();
    const item = await find(el, '[part~="problem-error"]');
    expect(api.sent('POST /v1/partner/postbacks').length).to.equal(1);
    expect(item.querySelector('[part~="problem-message"]')?.textContent).to.equal(
      '${sub} is in the scheme, host or port: write the address out; macros belong in the path or the query',
    );
    const m = marked(item);
    expect(m.mark).to.equal('${sub}');
    expect(m.start).to.equal(url.indexOf('${sub}'));
    expect(m.column).to.equal(`at column ${url.indexOf('${sub}') + 1}`);
    expect(saveButton(el).disabled, 'Save waits for a fix').to.equal(true);
    await waitFor(() => deepActiveElement() === urlField(el), 1000, 'focus on the URL');
    expect($in(el, '[part~="error"]').textContent?.trim(), 'no duplicate alert').to.equal('');
  });

  it('shows a conflict (archived campaign) as an alert', async () => {
    api = fakePostbackApi(({ method, path }) =>
      method === 'POST' && path === '/v1/partner/postbacks'
        ? new Response(
            JSON.stringify({
              code: 'conflict',
              detail: 'The campaign is archived: unarchive it to add or change its postbacks',
              params: { resource: 'campaign', state: 'archived' },
              errors: [],
            }),
            { status: 409, headers: { 'content-type': 'application/problem+json' } },
          )
        : undefined,
    );
    const el = await editor({ campaignId: 'camp_1' });
    fill(urlField(el) as unknown as HTMLInputElement, 'https://track.me/pb?c=${campaign_id}');
    saveButton(el).click();
    await waitFor(() => $in(el, '[part~="error"]').textContent?.includes('archived'), 2000, 'alert');
    expect(api.sent('POST /v1/partner/postbacks')[0]?.body).to.deep.equal({
      scope: 'campaign',
      action: 'registration',
      method: 'GET',
      url: 'https://track.me/pb?c=${campaign_id}',
      enabled: true,
      campaignId: 'camp_1',
    });
  });

  it('previews the draft, saying whether a real click or samples filled it', async () => {
    api = fakePostbackApi(({ path }) =>
      path === '/v1/partner/postbacks/preview'
        ? json(
            previewAnswer({
              method: 'POST',
              body: '{"click":"test"}',
              clickId: null,
              sample: true,
              url: 'https://track.me/pb?click=',
            }),
          )
        : undefined,
    );
    const el = await editor({ promoId: 'promo_1' });
    for (const input of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="method"]'))
      if (input.value === 'POST') input.click();
    await el.updateComplete;
    for (const input of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="bodyFormat"]'))
      if (input.value === 'json') input.click();
    fill(urlField(el) as unknown as HTMLInputElement, 'https://track.me/pb?click=${visit_id}');
    await el.updateComplete;
    $in<HTMLButtonElement>(el, '[part~="preview-button"]').click();
    const panel = await find(el, '[part~="preview"]');
    expect(api.sent('POST /v1/partner/postbacks/preview')[0]?.body).to.deep.equal({
      url: 'https://track.me/pb?click=${visit_id}',
      scope: 'promo',
      action: 'registration',
      method: 'POST',
      bodyFormat: 'json',
      promoId: 'promo_1',
    });
    expect(panel.querySelector('[part~="preview-url"]')?.textContent).to.equal('https://track.me/pb?click=');
    expect(panel.querySelector('[part~="preview-body"]')?.textContent).to.equal('{"click":"test"}');
    expect(panel.querySelector('[part~="preview-source"]')?.textContent).to.equal(
      'Sample values: there is no recent click in this scope.',
    );
    expect(query(el, '[part~="confirm-test"]'), 'a preview sends nothing').to.equal(null);
    expect(query(el, '[part~="send-test"]'), 'no test before saving').to.equal(null);
  });

  it('sends a test only after showing the preview and the partner confirming', async () => {
    api = fakePostbackApi();
    const saved = postback('pb_account');
    const el = await editor({ postback: saved });
    expect($in(el, '[part~="scope-value"]').textContent?.trim()).to.equal('Whole account');
    expect($in(el, '[part~="action-value"]').textContent).to.equal('First deposit');
    expect(urlField(el).value).to.equal(saved.url);
    $in<HTMLButtonElement>(el, '[part~="send-test"]').click();
    const panel = await find(el, '[part~="test-preview"]');
    expect(api.sent('POST /v1/partner/postbacks/preview')[0]?.body).to.deep.equal({
      url: saved.url,
      scope: 'account',
      action: 'first_deposit',
      method: 'GET',
    });
    expect(panel.querySelector('[part~="preview-source"]')?.textContent).to.equal(
      'Values from a real click: clk_9f2a.',
    );
    expect(panel.querySelector('[part~="confirm-question"]')?.textContent).to.equal(
      'Send this request to your tracker now? It appears in the log as a test.',
    );
    expect(api.requests.filter((r) => r.path.endsWith('/test')).length, 'nothing sent before confirming').to.equal(0);

    $in<HTMLButtonElement>(el, '[part~="dont-send"]').click();
    await waitFor(() => !query(el, '[part~="test-preview"]'), 1000, 'preview closed');
    expect(api.requests.filter((r) => r.path.endsWith('/test')).length, 'declined: nothing sent').to.equal(0);

    $in<HTMLButtonElement>(el, '[part~="send-test"]').click();
    (await find<HTMLButtonElement>(el, '[part~="confirm-test"]')).click();
    const result = await find(el, '[part~="test-result"]');
    expect(api.sent('POST /v1/partner/postbacks/pb_account/test')[0]?.body).to.deep.equal({
      confirm: true,
      clickId: 'clk_9f2a',
    });
    expect(result.querySelector('[part~="test-answer"]')?.textContent).to.equal('Your tracker answered 200 in 134 ms.');
    expect(result.getAttribute('part')).to.include('test-delivered');
  });

  it('shows why a test got no answer', async () => {
    api = fakePostbackApi(({ path }) =>
      path.endsWith('/test')
        ? json(testAnswer({ responseCode: null, error: 'timed out after 10 s', durationMs: 10000, delivered: false }))
        : undefined,
    );
    const el = await editor({ postback: postback('pb_account') });
    $in<HTMLButtonElement>(el, '[part~="send-test"]').click();
    (await find<HTMLButtonElement>(el, '[part~="confirm-test"]')).click();
    const result = await find(el, '[part~="test-failed"]');
    expect(result.querySelector('[part~="test-answer"]')?.textContent).to.equal(
      'No answer from your tracker: timed out after 10 s (10,000 ms).',
    );
  });

  it('edits a saved postback: the URL and method change, scope and action stay', async () => {
    api = fakePostbackApi();
    const el = await editor({ postback: postback('pb_account') });
    expect(query(el, 'input[name="scope"]'), 'no scope choice').to.equal(null);
    expect(query(el, '#postback-action'), 'no action choice').to.equal(null);
    fill(urlField(el) as unknown as HTMLInputElement, 'https://tracker.example/pb?click=${visit_id}&p=${promo_id}');
    $in<HTMLInputElement>(el, '#postback-enabled').click();
    saveButton(el).click();
    await find(el, '[part~="success"]:not(:empty)');
    expect(api.sent('PATCH /v1/partner/postbacks/pb_account')[0]?.body).to.deep.equal({
      url: 'https://tracker.example/pb?click=${visit_id}&p=${promo_id}',
      method: 'GET',
      bodyFormat: null,
      enabled: false,
    });
  });

  it('picks a campaign and then one of its promos for a promo postback', async () => {
    api = fakePostbackApi();
    const el = await editor();
    for (const input of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="scope"]'))
      if (input.value === 'promo') input.click();
    const campaign = await find<HTMLSelectElement>(el, '#postback-campaign');
    expect([...campaign.options].map((o) => o.textContent)).to.deep.equal(['Choose…', 'Summer push']);
    fill(urlField(el) as unknown as HTMLInputElement, 'https://track.me/pb?v=${visit_id}');
    saveButton(el).click();
    expect((await find(el, '#postback-campaign-error')).textContent).to.equal('Required.');
    fill(campaign, 'camp_1');
    const promo = await find<HTMLSelectElement>(el, '#postback-promo');
    expect([...promo.options].map((o) => o.textContent)).to.deep.equal([
      'Choose…',
      'Welcome banner (SUMMER25)',
      'Direct to sports',
    ]);
    fill(promo, 'promo_2');
    saveButton(el).click();
    await find(el, '[part~="success"]:not(:empty)');
    expect(api.sent('POST /v1/partner/postbacks')[0]?.body).to.deep.equal({
      scope: 'promo',
      action: 'registration',
      method: 'GET',
      url: 'https://track.me/pb?v=${visit_id}',
      enabled: true,
      promoId: 'promo_2',
    });
  });

  it('is read-only for analysts and finance', async () => {
    for (const role of ['analyst', 'finance'] as const) {
      api = fakePostbackApi();
      const el = await editor({ role, postback: postback('pb_account') });
      expect($in(el, '[part~="read-only"]').textContent).to.equal(
        'Only owners and admins can create and change postbacks.',
      );
      for (const part of ['save', 'send-test'])
        expect(query(el, `[part~="${part}"]`), `${role}: ${part}`).to.equal(null);
      expect(urlField(el).disabled).to.equal(true);
      expect(chip(el, 'visit_id').disabled).to.equal(true);
      api.restore();
      cleanupFixtures();
    }
  });

  it('speaks Russian', async () => {
    api = fakePostbackApi();
    const el = await editor({ locale: 'ru' });
    expect($in(el, '[part~="heading"]').textContent).to.equal('Новый постбек');
    expect($in(el, '#postback-action option[value="qualification"]').textContent).to.equal('Квалификация');
    expect($in(el, '#macro-doc-payout').textContent).to.equal('Ваша комиссия за событие');
    expect(saveButton(el).textContent?.trim()).to.equal('Сохранить');
    fill(urlField(el) as unknown as HTMLInputElement, 'http://track.me/affiliate?a={track_id}');
    const item = await find(el, '[part~="problem-error"]');
    expect(item.querySelector('[part~="problem-severity"]')?.textContent).to.equal('Ошибка');
    expect(item.querySelector('[part~="problem-position"]')?.textContent).to.equal('позиция 29');
    expect(
      item.querySelector('[part~="problem-message"]')?.textContent,
      'the problem itself in Russian, from its code',
    ).to.equal('«{track_id}» без знака $: напишите ${track_id}');
    fill(urlField(el) as unknown as HTMLInputElement, 'http://${sub}.localhost/pb?v=${visitid} x');
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part~="problem-error"]').length === 2, 2000, 'two errors');
    const texts = (part: string) =>
      [...el.shadowRoot!.querySelectorAll(`[part~="${part}"] [part~="problem-message"]`)]
        .map((n) => n.textContent)
        .join(' | ');
    expect(texts('problem-error')).to.equal(
      '${sub} стоит в схеме, хосте или порте: впишите адрес целиком, макросы — только в пути и параметрах' +
        ' | Пробел или перенос строки внутри URL: уберите его, а пробел в значении запишите как %20',
    );
    expect(texts('problem-warning')).to.include(
      '${visitid} — не встроенный макрос, значение возьмётся из параметров клика: может быть, ${visit_id}?',
    );
  });

  it("warns about a name near a built-in (did you mean) but lets it be saved: click parameters are the partner's own names", async () => {
    api = fakePostbackApi();
    const el = await editor({ promoId: 'promo_1' });
    fill(urlField(el) as unknown as HTMLInputElement, 'https://track.me/pb?v=${VISIT_ID}&c=${clickID}');
    const item = await find(el, '[part~="problem-warning"]');
    expect(item.querySelector('[part~="problem-message"]')?.textContent).to.equal(
      "${VISIT_ID} is not a built-in macro, so it is read from the click's own parameters: did you mean ${visit_id}?",
    );
    expect(errorItems(el)).to.deep.equal([]);
    expect(saveButton(el).disabled, 'a warning does not block saving').to.equal(false);
    saveButton(el).click();
    await waitFor(() => api!.sent('POST /v1/partner/postbacks').length === 1, 2000, 'saved');
  });

  it('says in English that a macro cannot form the host, marked where it stands', async () => {
    api = fakePostbackApi();
    const el = await editor({ promoId: 'promo_1' });
    const url = 'http://${a}.${b}:8080/pb?c=${clickID}';
    fill(urlField(el) as unknown as HTMLInputElement, url);
    await waitFor(() => errorItems(el).length === 2, 2000, 'two errors');
    const [first, second] = errorItems(el).map(marked);
    expect([first!.mark, first!.start, second!.mark, second!.start]).to.deep.equal(['${a}', 7, '${b}', 12]);
    expect(errorItems(el)[0]!.querySelector('[part~="problem-message"]')?.textContent).to.equal(
      '${a} is in the scheme, host or port: write the address out; macros belong in the path or the query',
    );
    expect(saveButton(el).disabled).to.equal(true);
  });
});
