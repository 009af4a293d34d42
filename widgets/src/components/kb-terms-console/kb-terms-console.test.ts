import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { $in, afterEach, cleanupFixtures, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import { API, find, json, mockApi, problem, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { KbTermsConsole } from './kb-terms-console.ts';
import type { TermsVersionDetail, TermsVersionSummary } from './terms-types.ts';

define('kb-terms-console', KbTermsConsole);

const BASE = `${API}/admin/kabinet`;
const P = '/admin/kabinet/v1';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const v2: TermsVersionSummary = {
  id: 'terms_v2',
  version: 2,
  title: 'Partner terms 2026',
  summaryOfChanges: 'Payouts are weekly now.',
  publishedAt: '2026-11-01T10:00:00.000Z',
  current: true,
  acceptanceCount: 3,
};
const v1: TermsVersionSummary = {
  id: 'terms_v1',
  version: 1,
  title: 'Partner terms',
  summaryOfChanges: null,
  publishedAt: '2026-01-10T10:00:00.000Z',
  current: false,
  acceptanceCount: 5,
};
const detail = (over: Partial<TermsVersionDetail> = {}): TermsVersionDetail => ({
  ...v2,
  bodyMarkdown: '## Payouts\n\nWeekly.',
  html: '<h2>Payouts</h2>\n<p>Weekly.</p>\n',
  createdBy: 'api_key',
  ...over,
});
const acceptance = (i: number) => ({
  userId: `usr_${i}`,
  email: `user${i}@example.com`,
  partnerId: `prt_${i}`,
  partnerName: `Partner ${i}`,
  acceptedAt: '2026-11-02T08:00:00.000Z',
  ip: i === 0 ? null : '192.0.2.1',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
});

function consoleApi(
  extra: (method: string, path: string, body: unknown, q: URLSearchParams) => Response | undefined = () => undefined,
) {
  return mockApi(({ method, path, body, query: q }) => {
    const answer = extra(method, path, body, q);
    if (answer) return answer;
    if (method === 'GET' && path === `${P}/terms/versions`) return json({ signInUsers: 4, data: [v2, v1] });
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbTermsConsole>(
    html`<kb-terms-console api-base=${BASE} locale=${locale}></kb-terms-console>`,
  );
  await find(el, '[part~="versions"]');
  return el;
}

describe('<kb-terms-console>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists versions with the current one marked and how many accepted of how many must; no edit or delete', async () => {
    api = consoleApi();
    const el = await mounted();
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="version-row"]')];
    expect(rows.map((r) => r.dataset.versionId)).to.deep.equal(['terms_v2', 'terms_v1']);
    expect(text(rows[0]!.querySelector('[part~="current-badge"]'))).to.equal('Current');
    expect(rows[1]!.querySelector('[part~="current-badge"]')).to.equal(null);
    expect(text(rows[0]!.querySelector('[part~="accepted"]'))).to.equal('3 accepted · 4 can sign in');
    expect(text(rows[1]!.querySelector('[part~="accepted"]'))).to.equal('5 accepted');
    expect(text(query(el, '[part~="hint"]'))).to.contain('cannot be edited or deleted');
    expect(el.shadowRoot!.querySelector('[part~="edit"], [part~="delete"]')).to.equal(null);
  });

  it('previews the Markdown, asks for confirmation saying every user must accept, then publishes', async () => {
    let published: unknown = null;
    api = consoleApi((method, path, body) => {
      if (method === 'POST' && path === `${P}/terms/preview`) return json({ html: '<h2>Payouts</h2><p>Weekly.</p>' });
      if (method === 'POST' && path === `${P}/terms/versions`) {
        published = body;
        return json(detail({ id: 'terms_v3', version: 3, title: 'Terms 2027' }), 201);
      }
      return undefined;
    });
    const el = await mounted();
    query<HTMLButtonElement>(el, '[part~="new"]')!.click();
    await find(el, '[part~="editor"]');
    expect(text(query(el, '#terms-editor-heading'))).to.equal('New version 3');
    $in<HTMLInputElement>(el, '#terms-title').value = 'Terms 2027';
    $in<HTMLTextAreaElement>(el, '#terms-summary').value = 'Weekly payouts.';
    $in<HTMLTextAreaElement>(el, '#terms-body').value = '## Payouts\n\nWeekly.';
    const [, previewTab] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="tab"]')];
    previewTab!.click();
    expect((await find(el, '[part~="preview"] h2')).textContent).to.equal('Payouts');
    expect(api.sent(`POST ${P}/terms/preview`)[0]!.body).to.deep.equal({ bodyMarkdown: '## Payouts\n\nWeekly.' });

    $in<HTMLFormElement>(el, 'form').requestSubmit();
    const confirm = await find(el, '[part~="confirm"]');
    expect(confirm.getAttribute('role')).to.equal('alertdialog');
    expect(text(confirm)).to.contain('Every partner user (4) must accept it at their next sign-in');
    expect(published).to.equal(null);
    confirm.querySelector<HTMLButtonElement>('[part~="confirm-publish"]')!.click();
    await waitFor(() => published !== null, 2000, 'publish');
    expect(published).to.deep.equal({
      title: 'Terms 2027',
      bodyMarkdown: '## Payouts\n\nWeekly.',
      summaryOfChanges: 'Weekly payouts.',
    });
    await waitFor(
      () => text(query(el, '[part~="notice"]')).includes('Version 3 “Terms 2027” is published'),
      2000,
      'notice',
    );
    expect(query(el, '[part~="editor"]')).to.equal(null);
  });

  it('shows a refusal next to its field and keeps the form', async () => {
    api = consoleApi((method, path) =>
      method === 'POST' && path === `${P}/terms/versions`
        ? problem(422, 'validation_failed', 'title: required', [
            { path: 'body.title', reason: 'too_small', params: { minimum: 1 }, message: 'is required' },
          ])
        : undefined,
    );
    const el = await mounted();
    query<HTMLButtonElement>(el, '[part~="new"]')!.click();
    await find(el, '[part~="editor"]');
    $in<HTMLTextAreaElement>(el, '#terms-body').value = 'Text';
    $in<HTMLFormElement>(el, 'form').requestSubmit();
    (await find<HTMLButtonElement>(el, '[part~="confirm-publish"]')).click();
    const error = await find(el, '#terms-title-error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect($in<HTMLInputElement>(el, '#terms-title').getAttribute('aria-invalid')).to.equal('true');
    expect(query(el, '[part~="confirm"]')).to.equal(null);
  });

  it('opens a version with its rendered text and pages through who accepted it', async () => {
    api = consoleApi((method, path, _body, q) => {
      if (method === 'GET' && path === `${P}/terms/versions/terms_v2`) return json(detail());
      if (method === 'GET' && path === `${P}/terms/versions/terms_v2/acceptances`) {
        const offset = Number(q.get('offset'));
        const data = Array.from({ length: offset === 0 ? 50 : 10 }, (_, i) => acceptance(offset + i));
        return json({ data, total: 60 });
      }
      return undefined;
    });
    const el = await mounted();
    query<HTMLButtonElement>(el, '[data-version-id="terms_v2"] [part~="view"]')!.click();
    await find(el, '[part~="acceptance-row"]');
    expect(text(query(el, '#terms-version-heading'))).to.contain('Version 2: Partner terms 2026');
    expect(text(query(el, '[part~="terms-text"] h2'))).to.equal('Payouts');
    expect(text(query(el, '[part~="summary"] p'))).to.equal('Payouts are weekly now.');
    const first = el.shadowRoot!.querySelector('[data-user-id="usr_0"]')!;
    expect(text(first.querySelector('[part~="acceptance-email"]'))).to.equal('user0@example.com');
    expect(text(first)).to.contain('not recorded');
    expect(text(query(el, '[part~="page"]'))).to.equal('1–50 of 60');
    expect(query<HTMLButtonElement>(el, '[part~="prev"]')!.disabled).to.equal(true);
    query<HTMLButtonElement>(el, '[part~="next"]')!.click();
    await waitFor(() => text(query(el, '[part~="page"]')) === '51–60 of 60', 2000, 'page 2');
    expect(api.sent(`GET ${P}/terms/versions/terms_v2/acceptances`)[1]!.query.get('offset')).to.equal('50');
    query<HTMLButtonElement>(el, '[part~="back"]')!.click();
    await find(el, '[part~="versions"]');
  });

  it('speaks Russian', async () => {
    api = consoleApi();
    const el = await mounted('ru');
    expect(text(query(el, 'h2'))).to.equal('Условия программы');
    expect(text(query(el, '[part~="new"]'))).to.equal('Опубликовать новую версию');
    expect(text(query(el, '[data-version-id="terms_v2"] [part~="current-badge"]'))).to.equal('Текущая');
    expect(text(query(el, '[data-version-id="terms_v2"] [part~="accepted"]'))).to.equal('приняли: 3 · могут войти: 4');
  });
});
