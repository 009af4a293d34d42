import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import { API, find, json, mockApi, problem, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { KbDocumentsConsole, type ConsoleDocument } from './kb-documents-console.ts';

define('kb-documents-console', KbDocumentsConsole);

const BASE = `${API}/admin/kabinet`;
const P = '/admin/kabinet/v1';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const doc = (over: Partial<ConsoleDocument> = {}): ConsoleDocument => ({
  id: 'doc_1',
  kind: 'identity',
  fileName: 'Passport.pdf',
  contentType: 'application/pdf',
  size: 120_000,
  status: 'pending',
  comment: null,
  uploadedBy: 'owner@slots.example',
  createdAt: '2026-11-20T10:00:00.000Z',
  reviewedAt: null,
  partnerId: 'partner_slots',
  partnerName: 'Slot Hunters Media',
  reviewedBy: null,
  ...over,
});

async function mount(locale = 'en') {
  const el = await fixture<KbDocumentsConsole>(
    html`<kb-documents-console api-base=${BASE} locale=${locale}></kb-documents-console>`,
  );
  await find(el, '[part~="list"], [part~="empty"]');
  return el;
}

describe('<kb-documents-console>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists the pending queue by default, with partner, uploader and state, and filters by partner', async () => {
    api = mockApi(({ method, path, query: q }) => {
      if (method !== 'GET' || path !== `${P}/documents`) return undefined;
      if (q.get('partnerId') === 'partner_bonus')
        return json({
          items: [doc({ id: 'doc_2', partnerId: 'partner_bonus', partnerName: 'Bonus Radar', fileName: 'ID.jpg' })],
        });
      return json({
        items: [
          doc(),
          doc({ id: 'doc_2', partnerId: 'partner_bonus', partnerName: 'Bonus Radar', fileName: 'ID.jpg' }),
        ],
      });
    });
    const el = await mount();
    expect(api.requests[0]!.query.get('status')).to.equal('pending');
    const items = [...el.shadowRoot!.querySelectorAll('[part~="item"]')];
    expect(items.map((i) => text(i.querySelector('[part~="partner-name"]')))).to.deep.equal([
      'Slot Hunters Media',
      'Bonus Radar',
    ]);
    expect(text(items[0])).to.contain('owner@slots.example').and.to.contain('Pending');
    const partner = query<HTMLSelectElement>(el, '[part~="partner-filter"]')!;
    expect([...partner.options].map((o) => o.textContent)).to.deep.equal([
      'All partners',
      'Slot Hunters Media',
      'Bonus Radar',
    ]);
    partner.value = 'partner_bonus';
    partner.dispatchEvent(new Event('change'));
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part~="item"]').length === 1);
    expect(api.requests.at(-1)!.query.get('partnerId')).to.equal('partner_bonus');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('declines only with a reason, then reads the queue again', async () => {
    let reviewed = false;
    api = mockApi(({ method, path }) => {
      if (method === 'GET' && path === `${P}/documents`) return json({ items: reviewed ? [] : [doc()] });
      if (method === 'POST' && path === `${P}/documents/doc_1/review`) {
        reviewed = true;
        return json(doc({ status: 'declined', comment: 'Cut off' }));
      }
      return undefined;
    });
    const el = await mount();
    query<HTMLButtonElement>(el, '[part~="decline"]')!.click();
    const form = await find(el, '[part~="decline-form"]');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(query(el, '[part~="field-error"]'))).to.equal('Say why, so the partner knows what to send instead.');
    expect(api.sent(`POST ${P}/documents/doc_1/review`)).to.have.length(0);
    form.querySelector('textarea')!.value = 'Cut off';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await find(el, '[part~="empty"]');
    expect(api.sent(`POST ${P}/documents/doc_1/review`)[0]!.body).to.deep.equal({
      decision: 'decline',
      comment: 'Cut off',
    });
    expect(text(query(el, '[part~="notice"]'))).to.equal('“Passport.pdf” is declined; the partner is notified.');
  });

  it('says so when another reviewer was first (409), in Russian', async () => {
    api = mockApi(({ method, path }) => {
      if (method === 'GET' && path === `${P}/documents`) return json({ items: [doc()] });
      if (method === 'POST')
        return problem(409, 'conflict', 'The document was already reviewed: it is approved', [], {
          resource: 'document',
          state: 'status',
          status: 'approved',
        });
      return undefined;
    });
    const el = await mount('ru');
    query<HTMLButtonElement>(el, '[part~="approve"]')!.click();
    const error = await find(el, '[part~="action-error"]');
    expect(text(error)).to.contain('одобрен');
    expect(text(query(el, '[part~="heading"]'))).to.equal('Документы партнёров');
  });
});
