import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { $in, afterEach, cleanupFixtures, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import { API, find, json, mockApi, problem, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { KbRegistrationFieldsConsole } from './kb-registration-fields-console.ts';
import type { ConsoleField } from './registration-field-form.ts';

define('kb-registration-fields-console', KbRegistrationFieldsConsole);

const BASE = `${API}/admin/kabinet`;
const P = '/admin/kabinet/v1';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const source: ConsoleField = {
  id: 'rfld_source',
  key: 'traffic_source',
  label: { en: 'Main traffic source', ru: 'Основной источник трафика' },
  kind: 'select',
  options: [
    { value: 'seo', label: { en: 'SEO', ru: 'SEO' } },
    { value: 'social', label: { en: 'Social media', ru: 'Соцсети' } },
  ],
  required: true,
  position: 0,
  active: true,
};
const site: ConsoleField = {
  id: 'rfld_site',
  key: 'website_url',
  label: { en: 'Website or channel URL', ru: 'Адрес сайта или канала' },
  kind: 'text',
  options: [],
  required: false,
  position: 1,
  active: false,
};

function consoleApi(extra: (method: string, path: string, body: unknown) => Response | undefined = () => undefined) {
  return mockApi(({ method, path, body }) => {
    const answer = extra(method, path, body);
    if (answer) return answer;
    if (method === 'GET' && path === `${P}/registration_fields`) return json({ data: [source, site] });
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbRegistrationFieldsConsole>(
    html`<kb-registration-fields-console api-base=${BASE} locale=${locale}></kb-registration-fields-console>`,
  );
  await find(el, '[part~="fields"]');
  return el;
}

const setValue = (el: Element, selector: string, value: string) => {
  const input = $in<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('<kb-registration-fields-console>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists the fields in order with label, key, kind, required and shown, and says where partners answer them', async () => {
    api = consoleApi();
    const el = await mounted();
    expect(text(query(el, '[part~="intro"]'))).to.contain('partners answer these at sign-up and in their profile');
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="field-row"]')];
    expect(rows.map((r) => r.dataset.fieldKey)).to.deep.equal(['traffic_source', 'website_url']);
    expect(text(rows[0]!.querySelector('[part~="field-label"]'))).to.contain('Main traffic source');
    expect(text(rows[0]!.querySelector('[part~="label-other"]'))).to.equal('Основной источник трафика');
    expect(text(rows[0]!.querySelector('[part~="kind"]'))).to.equal('Choice from a list (2)');
    expect(text(rows[0]!.querySelector('[part~="required"]'))).to.equal('Yes');
    expect(text(rows[1]!.querySelector('[part~="state-badge"]'))).to.equal('Turned off');
    expect(rows[0]!.querySelector<HTMLButtonElement>('[part~="up"]')!.disabled).to.equal(true);
    expect(rows[1]!.querySelector<HTMLButtonElement>('[part~="down"]')!.disabled).to.equal(true);
  });

  it('adds a select with options in both languages', async () => {
    let created: unknown = null;
    api = consoleApi((method, path, body) => {
      if (method === 'POST' && path === `${P}/registration_fields`) {
        created = body;
        return json({ ...source, id: 'rfld_geo', key: 'main_geo', label: { en: 'Main GEO', ru: 'Основное гео' } }, 201);
      }
      return undefined;
    });
    const el = await mounted();
    query<HTMLButtonElement>(el, '[part~="new"]')!.click();
    await find(el, '[part~="editor"]');
    $in<HTMLInputElement>(el, '#rf-key').value = 'main_geo';
    $in<HTMLInputElement>(el, '#rf-label-en').value = 'Main GEO';
    $in<HTMLInputElement>(el, '#rf-label-other').value = 'Основное гео';
    const kind = $in<HTMLSelectElement>(el, '#rf-kind');
    kind.value = 'select';
    kind.dispatchEvent(new Event('change'));
    await find(el, '#rf-option-0-value');
    setValue(el, '#rf-option-0-value', 'de');
    setValue(el, '#rf-option-0-en', 'Germany');
    setValue(el, '#rf-option-0-ru', 'Германия');
    query<HTMLButtonElement>(el, '[part~="add-option"]')!.click();
    await find(el, '#rf-option-1-value');
    // The first row keeps what was typed when a row is added.
    expect($in<HTMLInputElement>(el, '#rf-option-0-en').value).to.equal('Germany');
    setValue(el, '#rf-option-1-value', 'at');
    setValue(el, '#rf-option-1-en', 'Austria');
    setValue(el, '#rf-option-1-ru', 'Австрия');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="required"]')!.checked = true;
    $in<HTMLFormElement>(el, 'form').requestSubmit();
    await waitFor(() => created !== null, 2000, 'create');
    expect(created).to.deep.equal({
      key: 'main_geo',
      label: { en: 'Main GEO', ru: 'Основное гео' },
      kind: 'select',
      options: [
        { value: 'de', label: { en: 'Germany', ru: 'Германия' } },
        { value: 'at', label: { en: 'Austria', ru: 'Австрия' } },
      ],
      required: true,
      active: true,
    });
    await waitFor(() => text(query(el, '[part~="notice"]')).includes('“Main GEO” is added'), 2000, 'notice');
  });

  it('edits labels without the key, and shows a refused option next to it', async () => {
    let patched: unknown = null;
    api = consoleApi((method, path, body) => {
      if (method === 'PATCH' && path === `${P}/registration_fields/rfld_source`) {
        patched = body;
        return problem(422, 'validation_failed', 'options.1.value: duplicate', [
          {
            path: 'body.options.1.value',
            reason: 'already_exists',
            params: {},
            message: 'another option has this value',
          },
        ]);
      }
      return undefined;
    });
    const el = await mounted();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-field-key="traffic_source"] [part~="edit"]')!.click();
    await find(el, '[part~="editor"]');
    expect($in<HTMLInputElement>(el, '#rf-key').readOnly).to.equal(true);
    expect($in<HTMLSelectElement>(el, '#rf-kind').disabled).to.equal(true);
    expect($in<HTMLInputElement>(el, '#rf-option-1-en').value).to.equal('Social media');
    setValue(el, '#rf-option-1-value', 'seo');
    $in<HTMLFormElement>(el, 'form').requestSubmit();
    const error = await find(el, '#rf-options-1-value-error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect($in<HTMLInputElement>(el, '#rf-option-1-value').getAttribute('aria-invalid')).to.equal('true');
    expect(patched).to.have.keys(['label', 'required', 'active', 'options']);
    expect(patched).not.to.have.property('key');
  });

  it('moves a field down by saving the swapped positions, and turns one off', async () => {
    const patches: Array<[string, unknown]> = [];
    api = consoleApi((method, path, body) => {
      if (method === 'PATCH' && path.startsWith(`${P}/registration_fields/`)) {
        patches.push([path.split('/').pop()!, body]);
        return json(source);
      }
      return undefined;
    });
    const el = await mounted();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-field-key="traffic_source"] [part~="down"]')!.click();
    await waitFor(() => patches.length === 2, 2000, 'two patches');
    expect(patches).to.deep.equal([
      ['rfld_site', { position: 0 }],
      ['rfld_source', { position: 1 }],
    ]);
    await waitFor(() => text(query(el, '[part~="notice"]')).includes('is moved'), 2000, 'moved');
    el.shadowRoot!.querySelector<HTMLButtonElement>(
      '[data-field-key="traffic_source"] [part~="toggle-active"]',
    )!.click();
    await waitFor(() => patches.length === 3, 2000, 'toggle');
    expect(patches[2]).to.deep.equal(['rfld_source', { active: false }]);
  });

  it('speaks Russian', async () => {
    api = consoleApi();
    const el = await mounted('ru');
    expect(text(query(el, 'h2'))).to.equal('Поля регистрации');
    expect(text(query(el, '[part~="new"]'))).to.equal('Добавить поле');
    const row = el.shadowRoot!.querySelector('[data-field-key="traffic_source"]')!;
    expect(text(row.querySelector('[part~="field-label"]'))).to.contain('Основной источник трафика');
    expect(text(row.querySelector('[part~="label-other"]'))).to.equal('Main traffic source');
    expect(text(row.querySelector('[part~="kind"]'))).to.equal('Выбор из списка (2)');
  });
});
