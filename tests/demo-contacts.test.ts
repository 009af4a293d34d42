/** The demo's contacts: Lucky Spin's support cards, three managers with real PNG photos, the demo partner's manager. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import { withPartner, withTenant, type PartnerContext } from '../core/lib/context.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { detectFileType } from '../core/lib/file-signature.ts';
import { partnerContacts } from '../core/modules/contacts/assignments.ts';
import { listManagers, openManagerPhoto } from '../core/modules/contacts/managers.ts';
import { createDirectoryFileStore } from '../edge/file-store.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
const clock = manualClock('2026-12-02T14:00:00Z');
const demo = DEMO_OPERATORS[0]!;
const files = () => createDirectoryFileStore(t.filesDir);
const base = { publicUrl: 'http://kabinet.test' };

beforeAll(async () => {
  t = await createTestDb();
  const secretBox = await createSecretBox('demo-contacts-test-secret-0123456789abcdef');
  await seedDemo({ db: t.db, clock, secretBox, ...base, files: files() } as Parameters<typeof seedDemo>[0], [], {
    publicUrl: 'http://kabinet.test',
    clicks: 300,
  });
}, 120_000);
afterAll(() => t.dispose());

describe('demo contacts', () => {
  it('gives the demo partner Anna as manager, with a photo, and the program and brand cards', async () => {
    const ctx = withPartner(
      { db: t.db, clock, ...base, maxBoundParams: 100 },
      {
        operatorId: demo.id,
        partnerId: demo.partnerId,
        userId: demo.userId,
        email: demo.signInEmail,
        role: 'owner',
        sessionId: 'test',
        kind: 'password',
        transport: 'bearer',
        components: null,
      },
    ) as unknown as PartnerContext;
    const contacts = await partnerContacts(ctx);
    expect(contacts.manager).toMatchObject({
      name: 'Anna Petrova',
      languages: ['en', 'ru'],
      messengers: [
        { kind: 'telegram', handle: '@anna_luckyspin', url: 'https://t.me/anna_luckyspin' },
        { kind: 'whatsapp', handle: '+35699123456', url: 'https://wa.me/35699123456' },
      ],
    });
    expect(contacts.manager!.photoUrl).toMatch(
      /^http:\/\/kabinet\.test\/v1\/public\/operators\/op_demo_luckyspin\/managers\//,
    );
    expect(contacts.program).toMatchObject({
      supportEmail: 'partners@luckyspin.example',
      hours: { en: 'Mon–Fri 09:00–18:00 CET' },
    });
    expect(contacts.brands.map((b) => b.brandName)).toEqual([
      'Lucky Spin Casino',
      'Lucky Spin Crypto',
      'Lucky Spin Sport',
    ]);
  });

  it('stores each manager’s photo as a real PNG', async () => {
    const tenant = withTenant({ db: t.db, clock, ...base }, demo.id);
    const managers = await listManagers(tenant);
    expect(managers.map((m) => [m.name, m.partnerCount])).toEqual([
      ['Anna Petrova', 1],
      ['Daniel Meyer', 0],
      ['Sofia Marin', 0],
    ]);
    for (const manager of managers) {
      const photoVersion = manager.photoUrl!.split('/').pop()!;
      const photo = await openManagerPhoto({ ...tenant, files: files() }, { managerId: manager.id, photoVersion });
      const bytes = new Uint8Array(await new Response(photo!.file.body).arrayBuffer());
      expect(await detectFileType(bytes), manager.name).toMatchObject({ mime: 'image/png' });
      // 128×128 in the header.
      expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(16)).toBe(128);
    }
  });
});
