/** The demo's documents: the demo partner's in every state with real files, and a queue for the reviewer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import { withPartner, withTenant, type TenantContext } from '../core/lib/context.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { detectFileType } from '../core/lib/file-signature.ts';
import { listPartnerDocuments, openDocumentFile } from '../core/modules/documents/documents.ts';
import { listDocumentQueue } from '../core/modules/documents/review.ts';
import { createDirectoryFileStore } from '../edge/file-store.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
const clock = manualClock('2026-12-02T14:00:00Z');
const demo = DEMO_OPERATORS[0]!;
const files = () => createDirectoryFileStore(t.filesDir);
const base = { publicUrl: 'http://kabinet.test', maxBoundParams: 100 };

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

beforeAll(async () => {
  t = await createTestDb();
  const secretBox = await createSecretBox('demo-documents-test-secret-0123456789abcdef');
  await seedDemo({ db: t.db, clock, secretBox, ...base, files: files() } as Parameters<typeof seedDemo>[0], [], {
    publicUrl: 'http://kabinet.test',
    clicks: 300,
  });
}, 120_000);
afterAll(() => t.dispose());

describe('demo documents', () => {
  it('gives the demo partner an approved, a declined (with the reason) and a pending document, each a real file', async () => {
    const ctx = withPartner({ db: t.db, clock, ...base }, {
      operatorId: demo.id,
      partnerId: demo.partnerId,
      userId: demo.userId,
      email: demo.signInEmail,
      role: 'owner',
      sessionId: 'test',
      kind: 'password',
      transport: 'bearer',
      components: null,
    } as never);
    const documents = await listPartnerDocuments(ctx);
    expect(documents.map((d) => [d.fileName, d.status])).toEqual([
      ['VAT certificate.jpg', 'pending'],
      ['Certificate of incorporation.png', 'declined'],
      ['Passport.pdf', 'approved'],
    ]);
    expect(documents[1]!.comment).toMatch(/cut off at the bottom/);
    for (const document of documents) {
      const opened = await openDocumentFile(
        { ...ctx, files: files() },
        { documentId: document.id, partnerId: demo.partnerId },
      );
      const bytes = await bytesOf(opened.file.body);
      expect(bytes.byteLength).toBe(document.size);
      expect((await detectFileType(bytes))?.mime).toBe(document.contentType);
    }
  });

  it('queues pending documents of other partners, oldest first, for the reviewer', async () => {
    const ctx = { ...withTenant({ db: t.db, clock, ...base }, demo.id) } as unknown as TenantContext;
    const queue = await listDocumentQueue(ctx, { status: 'pending', limit: 100 });
    expect(queue.map((d) => d.fileName)).toEqual([
      'ID card.jpg',
      'Utility bill.pdf',
      'Company register extract.pdf',
      'VAT certificate.jpg',
    ]);
    expect(queue.every((d) => d.partnerName && d.uploadedBy)).toBe(true);
    expect(new Set(queue.map((d) => d.partnerId)).size).toBe(4);
  });
});
