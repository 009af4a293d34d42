import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { $in, afterEach, cleanupFixtures, describe, fixture, it } from '../../internal/test-helpers.ts';
import {
  find,
  json,
  makeUser,
  mockApi,
  mountSection,
  problem,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { KbDocuments, type PartnerDocument } from './kb-documents.ts';

define('kb-documents', KbDocuments);

function makeDocument(overrides: Partial<PartnerDocument> = {}): PartnerDocument {
  return {
    id: 'doc_1',
    kind: 'identity',
    fileName: 'Passport.pdf',
    contentType: 'application/pdf',
    size: 245_000,
    status: 'pending',
    comment: null,
    uploadedBy: 'owner@partner.test',
    createdAt: '2026-11-20T10:00:00.000Z',
    reviewedAt: null,
    ...overrides,
  };
}

const DECLINED = makeDocument({
  id: 'doc_2',
  kind: 'company',
  fileName: 'Certificate <b>.png',
  contentType: 'image/png',
  status: 'declined',
  comment: 'The stamp is cut off',
  reviewedAt: '2026-11-21T10:00:00.000Z',
});
const APPROVED = makeDocument({ id: 'doc_3', fileName: 'ID.jpg', contentType: 'image/jpeg', status: 'approved' });

/** The multipart forms the element sent (the account kit records JSON bodies only). */
function recordForms(): { forms: FormData[]; restore(): void } {
  const inner = window.fetch;
  const forms: FormData[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.body instanceof FormData) forms.push(init.body);
    return inner.call(window, input, init);
  };
  return { forms, restore: () => (window.fetch = inner) };
}

function choose(el: KbDocuments, file: File) {
  const input = query<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

describe('<kb-documents>', () => {
  let api: ApiMock | null = null;
  let recorder: { restore(): void } | null = null;
  afterEach(() => {
    recorder?.restore();
    recorder = null;
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('asks to sign in when no portal provides a session', async () => {
    const el = await fixture<KbDocuments>(html`<kb-documents></kb-documents>`);
    expect($in(el, '[part~="status"]').getAttribute('role')).to.equal('status');
  });

  it('lists documents with their states and shows a declined one’s comment; Delete only while pending', async () => {
    api = mockApi(({ method, path }) =>
      method === 'GET' && path === '/v1/partner/documents'
        ? json({ items: [makeDocument(), DECLINED, APPROVED] })
        : undefined,
    );
    const { el } = await mountSection<KbDocuments>('kb-documents');
    await find(el, '[part~="item"]');
    const items = [...el.shadowRoot!.querySelectorAll('[part~="item"]')];
    expect(items.map((i) => i.querySelector('[part~="badge"]')!.textContent!.trim())).to.deep.equal([
      'Pending',
      'Declined',
      'Approved',
    ]);
    expect(items[1]!.querySelector('[part~="comment"]')!.textContent).to.equal(
      'Reviewer’s comment: The stamp is cut off',
    );
    // Names are text, never markup.
    expect(items[1]!.querySelector('[part~="file-name"]')!.textContent).to.equal('Certificate <b>.png');
    expect(items.map((i) => Boolean(i.querySelector('[part~="delete"]')))).to.deep.equal([true, false, false]);
    expect(textOf(el)).to.contain('Proof of address').and.to.contain('239 kB');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the empty state, and the read-only note instead of the form for an analyst', async () => {
    api = mockApi(({ path }) => (path === '/v1/partner/documents' ? json({ items: [] }) : undefined));
    const { el } = await mountSection<KbDocuments>('kb-documents', { user: makeUser({ role: 'analyst' }) });
    await find(el, '[part~="empty"]');
    expect(query(el, 'form')).to.equal(null);
    expect(textOf(el)).to.contain('Only the account owner and admins can upload');
  });

  it('checks the file before sending, uploads the form, and puts the new document first', async () => {
    api = mockApi(({ method, path }) => {
      if (method === 'GET' && path === '/v1/partner/documents') return json({ items: [APPROVED] });
      if (method === 'POST' && path === '/v1/partner/documents')
        return json(makeDocument({ id: 'doc_new', kind: 'tax', fileName: 'vat.pdf' }), 201);
      return undefined;
    });
    const forms = recordForms();
    recorder = forms;
    const { el } = await mountSection<KbDocuments>('kb-documents');
    await find(el, 'form');
    // Nothing chosen: said beside the input, nothing sent.
    query<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect(query(el, '[part~="field-error"]')!.textContent).to.equal('Choose a file to upload.');
    choose(el, new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' }));
    await el.updateComplete;
    expect(query(el, '[part~="field-error"]')!.textContent).to.equal('Only PDF, JPEG and PNG files can be uploaded.');
    expect(query(el, 'input[type="file"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(api.sent('POST /v1/partner/documents')).to.have.length(0);

    const select = query<HTMLSelectElement>(el, 'select')!;
    select.value = 'tax';
    select.dispatchEvent(new Event('change'));
    choose(el, new File(['%PDF-1.4'], 'vat.pdf', { type: 'application/pdf' }));
    query<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await find(el, '[part~="item-pending"]');
    expect(forms.forms).to.have.length(1);
    expect(forms.forms[0]!.get('kind')).to.equal('tax');
    expect((forms.forms[0]!.get('file') as File).name).to.equal('vat.pdf');
    expect(query(el, '[part~="success"]')!.textContent).to.equal('“vat.pdf” is uploaded and waits for review.');
    expect([...el.shadowRoot!.querySelectorAll('[part~="file-name"]')].map((n) => n.textContent)).to.deep.equal([
      'vat.pdf',
      'ID.jpg',
    ]);
  });

  it('shows the server’s refusal of a renamed executable beside the file input, in Russian too', async () => {
    api = mockApi(({ method, path }) => {
      if (method === 'GET') return json({ items: [] });
      if (method === 'POST' && path === '/v1/partner/documents')
        return problem(422, 'validation_failed', 'body.file: is not a PDF, JPEG or PNG file', [
          {
            path: 'body.file',
            reason: 'invalid_choice',
            params: { allowed: ['application/pdf', 'image/jpeg', 'image/png'] },
            message: 'is not a PDF, JPEG or PNG file (its content is application/x-msdownload)',
          },
        ]);
      return undefined;
    });
    const { el } = await mountSection<KbDocuments>('kb-documents', { locale: 'ru' });
    await find(el, 'form');
    choose(el, new File(['MZ'], 'passport.pdf', { type: 'application/pdf' }));
    query<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const error = await find(el, '[part~="field-error"]');
    expect(error.textContent).to.equal(
      'Этот файл — не PDF, JPEG или PNG, как бы он ни назывался. Выберите другой файл.',
    );
    expect(textOf(el)).to.contain('Загрузить новый документ');
    expect(query(el, '[part~="item"]')).to.equal(null);
  });

  it('deletes a pending document after confirming', async () => {
    api = mockApi(({ method, path }) => {
      if (method === 'GET') return json({ items: [makeDocument()] });
      if (method === 'DELETE' && path === '/v1/partner/documents/doc_1') return json({ id: 'doc_1', deleted: true });
      return undefined;
    });
    const { el } = await mountSection<KbDocuments>('kb-documents');
    (await find<HTMLButtonElement>(el, '[part~="delete"]')).click();
    const confirm = await find(el, '[part~="confirm"]');
    expect(confirm.textContent).to.contain('Delete “Passport.pdf”?');
    expect(api.sent('DELETE /v1/partner/documents/doc_1')).to.have.length(0);
    confirm.querySelector<HTMLButtonElement>('[part~="danger"]')!.click();
    await find(el, '[part~="empty"]');
    expect(api.sent('DELETE /v1/partner/documents/doc_1')).to.have.length(1);
    expect(query(el, '[part~="success"]')!.textContent).to.equal('“Passport.pdf” is deleted.');
  });

  it('opens a file fetched with the session as an object URL', async () => {
    api = mockApi(({ method, path }) => {
      if (method === 'GET' && path === '/v1/partner/documents') return json({ items: [makeDocument()] });
      if (path === '/v1/partner/documents/doc_1/file')
        return new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), {
          headers: { 'content-type': 'application/pdf' },
        });
      return undefined;
    });
    const opened: string[] = [];
    const originalOpen = window.open;
    window.open = ((url?: string | URL) => {
      opened.push(String(url));
      return null;
    }) as typeof window.open;
    try {
      const { el } = await mountSection<KbDocuments>('kb-documents');
      (await find<HTMLButtonElement>(el, '[part~="view"]')).click();
      const link = await find<HTMLAnchorElement>(el, '[part~="open-file"]');
      expect(link.href).to.match(/^blob:/);
      expect(opened).to.deep.equal([link.href]);
      const blob = await (await fetch(link.href)).blob();
      expect(blob.type).to.equal('application/pdf');
    } finally {
      window.open = originalOpen;
    }
  });
});
