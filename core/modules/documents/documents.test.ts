import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, invitedTeamMember, lastMailTo, signedInClient } from '../../../tests/helpers/identity.ts';
import { windowsExecutable } from '../../../tests/helpers/windows-executable.ts';
import { TINY_JPEG, TINY_PNG, minimalPdf } from '../../../demo/document-files.ts';
import { unwrap } from '../../sdk/index.ts';
import { withPartner } from '../../lib/context.ts';
import { uploadDocument } from './documents.ts';
import { signedInStaff } from '../../../tests/helpers/staff.ts';

type Doc = { id: string; status: string; comment: string | null; fileName: string; contentType: string; size: number };
type Problem = { code: string; errors?: Array<{ path: string; reason: string; params: Record<string, unknown> }> };

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<Awaited<ReturnType<typeof createTestApp>>['addOperator']>>;
let alice = { token: '', partnerId: '' };

const signIn = async (email: string) => {
  const { session } = await signedInClient(t, op.operator.id, email);
  return session.token!;
};
const api = (path: string, token: string, init: RequestInit = {}) =>
  t.fetchApp(`http://kabinet.test${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
  });
const upload = (token: string, bytes: Uint8Array, fileName: string, kind = 'identity', type = 'application/pdf') => {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([bytes as BlobPart], fileName, { type }));
  return api('/v1/partner/documents', token, { method: 'POST', body: form });
};
const storedFiles = () => {
  const dir = join(t.filesDir, 'documents', op.operator.id);
  return existsSync(dir) ? readdirSync(dir) : [];
};

beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Alpha');
  alice = { partnerId: (await activePartner(t, op.operator.id, 'alice@a.example')).partnerId, token: '' };
  alice.token = await signIn('alice@a.example');
});
afterEach(() => t.dispose());

describe('partner documents', () => {
  it('uploads a PDF, lists it pending and serves it inline, locked down, under a safe name', async () => {
    const pdf = minimalPdf('Passport');
    const res = await upload(alice.token, pdf, '../../Pass"port\u0007 scan.PDF');
    expect(res.status).toBe(201);
    const doc = (await res.json()) as Doc;
    expect(doc).toMatchObject({
      id: expect.stringMatching(/^doc_/),
      kind: 'identity',
      status: 'pending',
      comment: null,
      fileName: 'Passport scan.pdf',
      contentType: 'application/pdf',
      size: pdf.byteLength,
      uploadedBy: 'alice@a.example',
    });
    expect(storedFiles()).toEqual([`${doc.id}.pdf`]);

    const list = (await (await api('/v1/partner/documents', alice.token)).json()) as { items: Doc[] };
    expect(list.items.map((d) => [d.id, d.status])).toEqual([[doc.id, 'pending']]);

    const file = await api(`/v1/partner/documents/${doc.id}/file`, alice.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `inline; filename="Passport scan.pdf"; filename*=UTF-8''Passport%20scan.pdf`,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toBe('sandbox');
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
  });

  it('takes the type from the bytes: a JPEG named .png is stored as a JPEG, a PNG as a PNG', async () => {
    const jpeg = (await (
      await upload(alice.token, TINY_JPEG, 'скан паспорта.png', 'identity', 'image/png')
    ).json()) as Doc;
    expect(jpeg).toMatchObject({ contentType: 'image/jpeg', fileName: 'скан паспорта.jpg' });
    const file = await api(`/v1/partner/documents/${jpeg.id}/file`, alice.token);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toBe(
      `inline; filename="____ ________.jpg"; filename*=UTF-8''${encodeURIComponent('скан паспорта.jpg')}`,
    );
    const png = (await (await upload(alice.token, TINY_PNG, 'company.png', 'company')).json()) as Doc;
    expect(png).toMatchObject({ contentType: 'image/png', fileName: 'company.png' });
  });

  it('refuses a renamed executable, an empty or missing file and an unknown kind, storing nothing', async () => {
    const exe = await upload(alice.token, windowsExecutable(), 'passport.pdf');
    expect(exe.status).toBe(422);
    const problem = (await exe.json()) as Problem;
    expect(problem.errors).toEqual([
      {
        path: 'body.file',
        reason: 'invalid_choice',
        params: { allowed: ['application/pdf', 'image/jpeg', 'image/png'] },
        message: 'is not a PDF, JPEG or PNG file (its content is application/x-msdownload)',
      },
    ]);
    const text = await upload(alice.token, new TextEncoder().encode('hello'), 'notes.pdf');
    expect(((await text.json()) as Problem).errors?.[0]).toMatchObject({ path: 'body.file', reason: 'invalid_choice' });

    const empty = await upload(alice.token, new Uint8Array(0), 'empty.pdf');
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as Problem).errors?.[0]).toMatchObject({ path: 'body.file', reason: 'required' });

    const noFile = new FormData();
    noFile.set('kind', 'tax');
    noFile.set('file', 'just text');
    const missing = await api('/v1/partner/documents', alice.token, { method: 'POST', body: noFile });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as Problem).errors?.[0]).toMatchObject({ path: 'body.file', reason: 'required' });

    const badKind = await upload(alice.token, minimalPdf(), 'a.pdf', 'selfie');
    expect(badKind.status).toBe(422);
    expect(((await badKind.json()) as Problem).errors?.[0]).toMatchObject({
      path: 'body.kind',
      reason: 'invalid_choice',
    });

    const json = await api('/v1/partner/documents', alice.token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'identity', file: 'JVBERi0=' }),
    });
    expect(json.status).toBe(415);

    expect(storedFiles()).toEqual([]);
    expect(((await (await api('/v1/partner/documents', alice.token)).json()) as { items: Doc[] }).items).toEqual([]);
  });

  it('refuses a file over 10 MB (413 naming the limit) and a body over 11 MB before reading it', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(minimalPdf());
    const res = await upload(alice.token, big, 'big.pdf');
    expect(res.status).toBe(413);
    const problem = (await res.json()) as Problem & { params: Record<string, unknown> };
    expect(problem.params).toEqual({ maximum: 10 * 1024 * 1024 });
    expect(problem.errors?.[0]).toMatchObject({ path: 'body.file', reason: 'too_large' });

    const huge = await upload(alice.token, new Uint8Array(11 * 1024 * 1024 + 1), 'huge.pdf');
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { params: Record<string, unknown> }).params).toEqual({ maximum: 11 * 1024 * 1024 });
    expect(storedFiles()).toEqual([]);
  });

  it('lets owner and admins upload and delete; an analyst reads only', async () => {
    const owner = (await signedInClient(t, op.operator.id, 'alice@a.example')).client;
    await invitedTeamMember(t, { operatorId: op.operator.id, owner, email: 'an@a.example', role: 'analyst' });
    await invitedTeamMember(t, { operatorId: op.operator.id, owner, email: 'ad@a.example', role: 'admin' });
    const analystToken = await signedInClient(t, op.operator.id, 'an@a.example', 'analyst-secret-77').then(
      (s) => s.session.token!,
    );
    const adminToken = await signedInClient(t, op.operator.id, 'ad@a.example', 'admin-secret-77').then(
      (s) => s.session.token!,
    );
    expect((await upload(analystToken, minimalPdf(), 'a.pdf')).status).toBe(403);
    const byAdmin = (await (await upload(adminToken, minimalPdf(), 'vat.pdf', 'tax')).json()) as Doc;
    const seen = (await (await api('/v1/partner/documents', analystToken)).json()) as {
      items: Array<Doc & { uploadedBy: string }>;
    };
    expect(seen.items.map((d) => [d.fileName, d.uploadedBy])).toEqual([['vat.pdf', 'ad@a.example']]);
    expect((await api(`/v1/partner/documents/${byAdmin.id}/file`, analystToken)).status).toBe(200);
    expect((await api(`/v1/partner/documents/${byAdmin.id}`, analystToken, { method: 'DELETE' })).status).toBe(403);
    expect((await api(`/v1/partner/documents/${byAdmin.id}`, alice.token, { method: 'DELETE' })).status).toBe(200);
  });

  it('keeps partners apart: another partner of the same operator gets 404 for the file and the delete', async () => {
    const doc = (await (await upload(alice.token, minimalPdf(), 'mine.pdf')).json()) as Doc;
    await activePartner(t, op.operator.id, 'bob@b.example');
    const bob = await signIn('bob@b.example');
    expect((await api(`/v1/partner/documents/${doc.id}/file`, bob)).status).toBe(404);
    expect((await api(`/v1/partner/documents/${doc.id}`, bob, { method: 'DELETE' })).status).toBe(404);
    expect(((await (await api('/v1/partner/documents', bob)).json()) as { items: Doc[] }).items).toEqual([]);
    expect(storedFiles()).toEqual([`${doc.id}.pdf`]);
  });

  it('deletes a pending document with its file; a reviewed one is kept (409)', async () => {
    const first = (await (await upload(alice.token, minimalPdf(), 'one.pdf')).json()) as Doc;
    const second = (await (await upload(alice.token, TINY_PNG, 'two.png')).json()) as Doc;
    const gone = await api(`/v1/partner/documents/${first.id}`, alice.token, { method: 'DELETE' });
    expect(await gone.json()).toEqual({ id: first.id, deleted: true });
    expect(storedFiles()).toEqual([`${second.id}.png`]);
    expect((await api(`/v1/partner/documents/${first.id}/file`, alice.token)).status).toBe(404);

    await unwrap(
      op.client.v1.documents[':documentId'].review.$post({
        param: { documentId: second.id },
        json: { decision: 'approve' },
      }),
    );
    const kept = await api(`/v1/partner/documents/${second.id}`, alice.token, { method: 'DELETE' });
    expect(kept.status).toBe(409);
    expect(await kept.json()).toMatchObject({
      code: 'conflict',
      params: { resource: 'document', state: 'status', status: 'approved' },
    });
    expect(storedFiles()).toEqual([`${second.id}.png`]);
  });

  it('removes the stored file again when the row cannot be written', async () => {
    const partner = { ...alice, operatorId: op.operator.id, userId: 'user_x', email: 'x@a.example' };
    const failingDb = new Proxy(t.deps.db, {
      get: (target, key) =>
        key === 'insert'
          ? () => {
              throw new Error('disk full');
            }
          : Reflect.get(target, key),
    });
    const ctx = withPartner({ ...t.deps, db: failingDb, files: t.deps.files! }, {
      ...partner,
      role: 'owner',
      sessionId: 's',
      kind: 'password',
      transport: 'bearer',
      components: null,
    } as never);
    await expect(uploadDocument(ctx, { kind: 'identity', fileName: 'p.pdf', bytes: minimalPdf() })).rejects.toThrow(
      'disk full',
    );
    expect(storedFiles()).toEqual([]);
  });
});

describe('the operator’s review', () => {
  it('lists the queue oldest first with partner and uploader, declines with a required comment, and tells the partner', async () => {
    const older = (await (await upload(alice.token, minimalPdf(), 'passport.pdf')).json()) as Doc;
    t.clock.advance(60_000);
    await activePartner(t, op.operator.id, 'bob@b.example');
    const bob = await signIn('bob@b.example');
    const newer = (await (await upload(bob, TINY_PNG, 'inn.png', 'tax')).json()) as Doc;

    const queue = await unwrap(op.client.v1.documents.$get({ query: { status: 'pending' } }));
    expect(queue.items.map((d) => [d.id, d.partnerName, d.uploadedBy])).toEqual([
      [older.id, 'alice@a.example GmbH', 'alice@a.example'],
      [newer.id, 'bob@b.example GmbH', 'bob@b.example'],
    ]);
    const onlyBob = await unwrap(op.client.v1.documents.$get({ query: { partnerId: queue.items[1]!.partnerId } }));
    expect(onlyBob.items.map((d) => d.id)).toEqual([newer.id]);

    const operatorFile = await t.fetchApp(`http://kabinet.test/v1/documents/${older.id}/file`, {
      headers: { authorization: `Bearer ${op.key}` },
    });
    expect(operatorFile.headers.get('content-type')).toBe('application/pdf');
    expect(operatorFile.headers.get('content-security-policy')).toBe('sandbox');

    const review = op.client.v1.documents[':documentId'].review;
    const noComment = await review.$post({
      param: { documentId: older.id },
      json: { decision: 'decline', comment: '  ' },
    });
    expect(noComment.status).toBe(422);
    expect(((await noComment.json()) as Problem).errors?.[0]).toMatchObject({
      path: 'body.comment',
      reason: 'required',
    });

    const declined = await unwrap(
      review.$post({ param: { documentId: older.id }, json: { decision: 'decline', comment: 'The scan is cut off' } }),
    );
    expect(declined).toMatchObject({ status: 'declined', comment: 'The scan is cut off', reviewedBy: 'api_key' });

    const mine = (await (await api('/v1/partner/documents', alice.token)).json()) as { items: Doc[] };
    expect(mine.items[0]).toMatchObject({ status: 'declined', comment: 'The scan is cut off' });
    const bell = (await (await api('/v1/partner/notifications', alice.token)).json()) as {
      notifications: Array<{ kind: string; params: Record<string, string>; link: string }>;
    };
    expect(bell.notifications).toEqual([
      expect.objectContaining({
        kind: 'document_reviewed',
        params: { fileName: 'passport.pdf', decision: 'declined' },
        link: '#/documents',
      }),
    ]);
    const mail = await lastMailTo(t, 'alice@a.example');
    expect(mail.subject).toBe('Your document “passport.pdf” was declined — Alpha');
    expect(mail.text).toContain('Reason: The scan is cut off');
    expect(mail.text).toContain(`http://kabinet.test/portal/${op.operator.id}#/documents`);

    // Reviewed once: a second decision is a conflict and changes nothing.
    const again = await review.$post({ param: { documentId: older.id }, json: { decision: 'approve' } });
    expect(again.status).toBe(409);
    expect((await unwrap(op.client.v1.documents[':documentId'].$get({ param: { documentId: older.id } }))).status).toBe(
      'declined',
    );
  });

  it('names the console staff user who reviewed, where the secret key is `api_key`', async () => {
    const doc = (await (await upload(alice.token, minimalPdf(), 'staff.pdf')).json()) as Doc;
    const manager = await signedInStaff(t, op.operator.id, { email: 'reviewer@alpha.example', role: 'manager' });
    const res = await manager.request(`/v1/documents/${doc.id}/review`, {
      method: 'POST',
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'approved', reviewedBy: manager.staffId });
  });

  it('two reviewers at once: exactly one decision wins, the other gets 409', async () => {
    const doc = (await (await upload(alice.token, minimalPdf(), 'race.pdf')).json()) as Doc;
    const review = op.client.v1.documents[':documentId'].review;
    const answers = await Promise.all([
      review.$post({ param: { documentId: doc.id }, json: { decision: 'approve' } }),
      review.$post({ param: { documentId: doc.id }, json: { decision: 'decline', comment: 'Expired passport' } }),
      review.$post({ param: { documentId: doc.id }, json: { decision: 'approve', comment: 'Fine' } }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const bell = (await (await api('/v1/partner/notifications', alice.token)).json()) as { notifications: unknown[] };
    expect(bell.notifications).toHaveLength(1);
  });

  it('another operator’s document is not found', async () => {
    const doc = (await (await upload(alice.token, minimalPdf(), 'x.pdf')).json()) as Doc;
    const other = await t.addOperator('Beta');
    const review = other.client.v1.documents[':documentId'];
    expect((await review.$get({ param: { documentId: doc.id } })).status).toBe(404);
    expect((await review.review.$post({ param: { documentId: doc.id }, json: { decision: 'approve' } })).status).toBe(
      404,
    );
    expect((await unwrap(other.client.v1.documents.$get({ query: {} }))).items).toEqual([]);
  });
});
