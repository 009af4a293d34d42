import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { createApp } from '../../http/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<Awaited<ReturnType<typeof createTestApp>>['addOperator']>>;
let partner: KabinetClient;
let partnerId = '';

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);
/** The start of a JPEG (JFIF): its signature is what the type is read from. */
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0,
]);

const problemOf = async (res: Response) =>
  (await res.json()) as { code: string; errors?: Array<{ path: string; reason: string; params: object }> };
const putPhoto = (managerId: string, body: BodyInit, type = 'image/png', key = op.key) =>
  t.fetchApp(`http://kabinet.test/v1/managers/${managerId}/photo`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': type },
    body,
  });
const addManager = (name: string, extra: Record<string, unknown> = {}) =>
  unwrap(
    op.client.v1.managers.$post({
      json: { name, email: `${name.split(' ')[0]!.toLowerCase()}@alpha.example`, ...extra },
    }),
  );

beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Alpha');
  partnerId = (await activePartner(t, op.operator.id, 'alice@alpha.example')).partnerId;
  partner = (await signedInClient(t, op.operator.id, 'alice@alpha.example')).client;
});
afterEach(() => t.dispose());

describe('Managers', () => {
  it('adds, lists with partner counts, changes and assigns a manager; the partner sees an active one', async () => {
    const anna = await addManager('Anna Petrova', {
      messengers: [{ kind: 'telegram', handle: '@anna_aff' }],
      languages: ['en', 'ru'],
    });
    expect(anna).toMatchObject({
      id: expect.stringMatching(/^mgr_/),
      email: 'anna@alpha.example',
      messengers: [{ kind: 'telegram', handle: '@anna_aff', url: 'https://t.me/anna_aff' }],
      photoUrl: null,
      active: true,
      partnerCount: 0,
    });
    await addManager('Boris Ivanov');
    const manager = op.client.v1.partners[':partnerId'].manager;
    expect(await unwrap(manager.$get({ param: { partnerId } }))).toEqual({ partnerId, manager: null });
    const assigned = await unwrap(manager.$put({ param: { partnerId }, json: { managerId: anna.id } }));
    expect(assigned.manager).toMatchObject({ id: anna.id, partnerCount: 1 });
    const list = await unwrap(op.client.v1.managers.$get());
    expect(list.items.map((m) => [m.name, m.partnerCount])).toEqual([
      ['Anna Petrova', 1],
      ['Boris Ivanov', 0],
    ]);
    expect((await unwrap(partner.v1.partner.contacts.$get())).manager).toEqual({
      name: 'Anna Petrova',
      email: 'anna@alpha.example',
      messengers: anna.messengers,
      languages: ['en', 'ru'],
      photoUrl: null,
    });

    // Deactivated: hidden from the partner, kept assigned, and not assignable anew.
    const one = op.client.v1.managers[':managerId'];
    await unwrap(one.$patch({ param: { managerId: anna.id }, json: { active: false, name: 'Anna P.' } }));
    expect((await unwrap(partner.v1.partner.contacts.$get())).manager).toBeNull();
    expect((await unwrap(manager.$get({ param: { partnerId } }))).manager).toMatchObject({
      name: 'Anna P.',
      active: false,
    });
    const inactive = await manager.$put({ param: { partnerId }, json: { managerId: anna.id } });
    expect((await problemOf(inactive)).errors).toMatchObject([{ path: 'body.managerId', reason: 'invalid_value' }]);
    const missing = await manager.$put({ param: { partnerId }, json: { managerId: 'mgr_missing' } });
    expect((await problemOf(missing)).errors).toMatchObject([
      { path: 'body.managerId', reason: 'not_found_reference' },
    ]);

    expect(await unwrap(manager.$put({ param: { partnerId }, json: { managerId: null } }))).toEqual({
      partnerId,
      manager: null,
    });
    expect((await unwrap(one.$get({ param: { managerId: anna.id } }))).partnerCount).toBe(0);
  });

  it('refuses bad input naming the field and changes nothing', async () => {
    const bad = await op.client.v1.managers.$post({
      json: { name: ' ', email: 'nope', messengers: [{ kind: 'skype', handle: 'x' }] },
    });
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors?.map((e) => e.path).sort()).toEqual(['body.email', 'body.name']);
    const badHandle = await op.client.v1.managers.$post({
      json: { name: 'Anna', email: 'anna@alpha.example', messengers: [{ kind: 'skype', handle: 'x' }] },
    });
    expect((await problemOf(badHandle)).errors).toMatchObject([
      { path: 'body.messengers.0.handle', reason: 'invalid_format', params: { format: 'skype_name' } },
    ]);
    const anna = await addManager('Anna');
    const badPatch = await op.client.v1.managers[':managerId'].$patch({
      param: { managerId: anna.id },
      json: { name: 'Renamed', messengers: [{ kind: 'whatsapp', handle: 'abc' }] },
    });
    expect((await problemOf(badPatch)).errors).toMatchObject([{ path: 'body.messengers.0.handle' }]);
    expect((await unwrap(op.client.v1.managers.$get())).items.map((m) => m.name)).toEqual(['Anna']);
  });

  it('stores a photo checked by its bytes and serves it publicly at an address that changes with each upload', async () => {
    const anna = await addManager('Anna');
    const res = await putPhoto(anna.id, PNG);
    expect(res.status).toBe(200);
    const withPhoto = (await res.json()) as { photoUrl: string };
    expect(withPhoto.photoUrl).toMatch(
      new RegExp(`^http://kabinet\\.test/v1/public/operators/${op.operator.id}/managers/${anna.id}/photo/v_\\w+$`),
    );
    const image = await t.fetchApp(withPhoto.photoUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('cache-control')).toContain('immutable');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);

    // Another upload (a JPEG sent as PNG: the bytes decide) has a new address; the old one is gone.
    const again = (await (await putPhoto(anna.id, JPEG, 'image/png')).json()) as { photoUrl: string };
    expect(again.photoUrl).not.toBe(withPhoto.photoUrl);
    expect((await t.fetchApp(withPhoto.photoUrl)).status).toBe(404);
    const jpeg = await t.fetchApp(again.photoUrl);
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await jpeg.arrayBuffer())).toEqual(JPEG);

    await unwrap(
      op.client.v1.partners[':partnerId'].manager.$put({ param: { partnerId }, json: { managerId: anna.id } }),
    );
    expect((await unwrap(partner.v1.partner.contacts.$get())).manager?.photoUrl).toBe(again.photoUrl);

    const removed = await unwrap(op.client.v1.managers[':managerId'].photo.$delete({ param: { managerId: anna.id } }));
    expect(removed.photoUrl).toBeNull();
    expect((await t.fetchApp(again.photoUrl)).status).toBe(404);
  });

  it('refuses a photo that is not PNG, JPEG or WebP, is empty, too large or sent as another type', async () => {
    const anna = await addManager('Anna');
    const svg = await putPhoto(anna.id, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(svg.status).toBe(422);
    expect((await problemOf(svg)).errors).toMatchObject([{ path: 'body', reason: 'invalid_choice' }]);
    const empty = await putPhoto(anna.id, new Uint8Array());
    expect(empty.status).toBe(422);
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG);
    expect((await putPhoto(anna.id, big)).status).toBe(413);
    expect((await putPhoto(anna.id, PNG, 'image/svg+xml')).status).toBe(415);
    expect((await unwrap(op.client.v1.managers.$get())).items[0]!.photoUrl).toBeNull();
  });

  it('answers 503 for photos on a server without a file store', async () => {
    const anna = await addManager('Anna');
    const { files: _files, ...noFiles } = t.deps;
    const app = createApp(noFiles);
    const res = await app.request(`http://kabinet.test/v1/managers/${anna.id}/photo`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${op.key}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(res.status).toBe(503);
  });

  it('deletes a manager, leaving its partners without one, and its photo gone', async () => {
    const anna = await addManager('Anna');
    const photoUrl = ((await (await putPhoto(anna.id, PNG)).json()) as { photoUrl: string }).photoUrl;
    await unwrap(
      op.client.v1.partners[':partnerId'].manager.$put({ param: { partnerId }, json: { managerId: anna.id } }),
    );
    const deleted = await unwrap(op.client.v1.managers[':managerId'].$delete({ param: { managerId: anna.id } }));
    expect(deleted).toEqual({ id: anna.id, unassignedPartners: 1 });
    expect((await unwrap(partner.v1.partner.contacts.$get())).manager).toBeNull();
    expect((await t.fetchApp(photoUrl)).status).toBe(404);
    expect((await op.client.v1.managers[':managerId'].$get({ param: { managerId: anna.id } })).status).toBe(404);
  });

  it("answers 404 for another operator's manager or partner", async () => {
    const anna = await addManager('Anna');
    const beta = await t.addOperator('Beta');
    const betaPartner = (await activePartner(t, beta.operator.id, 'bob@beta.example')).partnerId;
    const betaManager = await unwrap(
      beta.client.v1.managers.$post({ json: { name: 'Bea', email: 'bea@beta.example' } }),
    );
    // Operator A's manager onto B's partner, and B's manager onto A's partner: neither is found.
    const onOther = await op.client.v1.partners[':partnerId'].manager.$put({
      param: { partnerId: betaPartner },
      json: { managerId: anna.id },
    });
    expect(onOther.status).toBe(404);
    const foreignManager = await op.client.v1.partners[':partnerId'].manager.$put({
      param: { partnerId },
      json: { managerId: betaManager.id },
    });
    expect(foreignManager.status).toBe(422);
    expect((await putPhoto(anna.id, PNG, 'image/png', beta.key)).status).toBe(404);
    const patch = await beta.client.v1.managers[':managerId'].$patch({
      param: { managerId: anna.id },
      json: { name: 'X' },
    });
    expect(patch.status).toBe(404);
    expect((await beta.client.v1.managers[':managerId'].$delete({ param: { managerId: anna.id } })).status).toBe(404);
    expect((await unwrap(beta.client.v1.managers.$get())).items.map((m) => m.name)).toEqual(['Bea']);
  });
});
