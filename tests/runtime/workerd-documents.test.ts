/**
 * Partner documents on Workers: real workerd (edge/worker.ts bundled, Miniflare) with D1 and the
 * FILES R2 bucket of wrangler.toml. The demo partner uploads a PDF (the type read from its bytes
 * by file-type inside workerd), reads it back from R2 through the file route, is refused a
 * renamed executable, and sees the operator's decline with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { minimalPdf } from '../../demo/document-files.ts';
import { windowsExecutable } from '../helpers/windows-executable.ts';
import { startSeededWorkerd } from '../helpers/workerd.ts';

let workerd: Awaited<ReturnType<typeof startSeededWorkerd>>;
beforeAll(async () => {
  workerd = await startSeededWorkerd('documents');
}, 120_000);
afterAll(async () => {
  await workerd?.dispose();
});

const demo = DEMO_OPERATORS[0]!;

describe('partner documents on workerd', () => {
  it('uploads a PDF into R2, serves it back, refuses a renamed .exe, and shows the review', async () => {
    const { baseUrl, mf } = workerd;
    const session = await unwrap(
      createKabinetClient(baseUrl).v1.public.operators[':operatorId'].sign_in.$post({
        param: { operatorId: demo.id },
        json: { email: demo.signInEmail, password: DEMO_PASSWORD },
      }),
    );
    const auth = { authorization: `Bearer ${session.token!}` };
    const upload = (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.set('kind', 'identity');
      form.set('file', new File([bytes as BlobPart], name, { type: 'application/pdf' }));
      return fetch(`${baseUrl}/v1/partner/documents`, { method: 'POST', headers: auth, body: form });
    };

    const pdf = minimalPdf('Passport on workerd');
    const created = await upload(pdf, 'passport.pdf');
    expect(created.status).toBe(201);
    const doc = (await created.json()) as { id: string; contentType: string; status: string };
    expect(doc).toMatchObject({ contentType: 'application/pdf', status: 'pending' });

    const bucket = await mf.getR2Bucket('FILES');
    const object = await bucket.get(`documents/${demo.id}/${doc.id}.pdf`);
    expect(object?.size).toBe(pdf.byteLength);

    const file = await fetch(`${baseUrl}/v1/partner/documents/${doc.id}/file`, { headers: auth });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-security-policy')).toBe('sandbox');
    expect(file.headers.get('content-disposition')).toContain('inline; filename="passport.pdf"');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);

    const exe = await upload(windowsExecutable(), 'invoice.pdf');
    expect(exe.status).toBe(422);
    expect(((await exe.json()) as { errors: Array<{ path: string; message: string }> }).errors[0]).toMatchObject({
      path: 'body.file',
      message: 'is not a PDF, JPEG or PNG file (its content is application/x-msdownload)',
    });
    const stored = await bucket.list({ prefix: `documents/${demo.id}/` });
    // The seed's three documents of the demo partner and three queued ones, and this upload: no .exe.
    expect(stored.objects.every((o) => /\/doc_[0-9A-Z]+\.(pdf|png|jpg)$/.test(o.key))).toBe(true);
    expect(stored.objects).toHaveLength(7);

    const reviewed = await fetch(`${baseUrl}/v1/documents/${doc.id}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'decline', comment: 'Please upload a colour scan' }),
    });
    expect(reviewed.status).toBe(200);
    const list = (await (await fetch(`${baseUrl}/v1/partner/documents`, { headers: auth })).json()) as {
      items: Array<{ id: string; status: string; comment: string | null }>;
    };
    expect(list.items.find((d) => d.id === doc.id)).toMatchObject({
      status: 'declined',
      comment: 'Please upload a colour scan',
    });
  });
});
