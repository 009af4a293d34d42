import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<Awaited<ReturnType<typeof createTestApp>>['addOperator']>>;
let partner: KabinetClient;
let brandId = '';
let otherBrandId = '';

const problemOf = async (res: Response) =>
  (await res.json()) as { code: string; errors?: Array<{ path: string; reason: string; params: object }> };

beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Alpha');
  brandId = (
    await unwrap(
      op.client.v1.brands.$post({ json: { name: 'Zeta Casino', currency: 'EUR', websiteUrl: 'https://z.example' } }),
    )
  ).id;
  otherBrandId = (
    await unwrap(
      op.client.v1.brands.$post({ json: { name: 'Alpha Bet', currency: 'EUR', websiteUrl: 'https://a.example' } }),
    )
  ).id;
  await activePartner(t, op.operator.id, 'alice@alpha.example');
  partner = (await signedInClient(t, op.operator.id, 'alice@alpha.example')).client;
});
afterEach(() => t.dispose());

describe('Contact cards', () => {
  it('sets a brand card and the program card; partners see brands with a card and the program card', async () => {
    expect(await unwrap(partner.v1.partner.contacts.$get())).toEqual({ manager: null, brands: [], program: null });
    const card = await unwrap(
      op.client.v1.contacts[':brandId'].$put({
        param: { brandId },
        json: {
          supportEmail: 'Support@Zeta.example',
          messengers: [
            { kind: 'telegram', handle: 'https://t.me/zeta_support' },
            { kind: 'whatsapp', handle: '+356 2123 4567' },
            { kind: 'other', handle: 'Discord: zeta#0001' },
          ],
          hours: { en: 'Mon–Fri 09:00–18:00 CET', ru: 'Пн–Пт 09:00–18:00 CET' },
          note: { en: 'Payments questions: finance@zeta.example', ru: '' },
        },
      }),
    );
    expect(card).toMatchObject({
      supportEmail: 'support@zeta.example',
      messengers: [
        { kind: 'telegram', handle: '@zeta_support', url: 'https://t.me/zeta_support' },
        { kind: 'whatsapp', handle: '+35621234567', url: 'https://wa.me/35621234567' },
        { kind: 'other', handle: 'Discord: zeta#0001', url: null },
      ],
      hours: { en: 'Mon–Fri 09:00–18:00 CET', ru: 'Пн–Пт 09:00–18:00 CET' },
      note: { en: 'Payments questions: finance@zeta.example' },
    });
    await unwrap(op.client.v1.contacts.program.$put({ json: { supportEmail: 'aff@alpha.example' } }));

    const overview = await unwrap(op.client.v1.contacts.$get());
    expect(overview.program).toMatchObject({ supportEmail: 'aff@alpha.example', messengers: [], hours: {} });
    expect(overview.brands.map((b) => [b.brandName, b.contacts?.supportEmail ?? null])).toEqual([
      ['Alpha Bet', null],
      ['Zeta Casino', 'support@zeta.example'],
    ]);

    const seen = await unwrap(partner.v1.partner.contacts.$get());
    expect(seen.brands).toEqual([
      {
        brandId,
        brandName: 'Zeta Casino',
        supportEmail: 'support@zeta.example',
        messengers: card.messengers,
        hours: card.hours,
        note: card.note,
      },
    ]);
    expect(seen.program?.supportEmail).toBe('aff@alpha.example');

    // Replaced whole; removing the brand's card leaves the program's for it.
    await unwrap(op.client.v1.contacts[':brandId'].$put({ param: { brandId }, json: { supportEmail: null } }));
    expect((await unwrap(op.client.v1.contacts.$get())).brands[1]!.contacts).toMatchObject({
      supportEmail: null,
      messengers: [],
    });
    expect((await op.client.v1.contacts[':brandId'].$delete({ param: { brandId } })).status).toBe(204);
    expect((await unwrap(partner.v1.partner.contacts.$get())).brands).toEqual([]);
    expect((await op.client.v1.contacts.program.$delete()).status).toBe(204);
    expect((await unwrap(partner.v1.partner.contacts.$get())).program).toBeNull();
  });

  it('refuses a bad e-mail or handle naming the field, and changes nothing', async () => {
    await unwrap(
      op.client.v1.contacts[':brandId'].$put({ param: { brandId }, json: { supportEmail: 'ok@z.example' } }),
    );
    const badEmail = await op.client.v1.contacts[':brandId'].$put({
      param: { brandId },
      json: { supportEmail: 'not-an-email' },
    });
    expect(badEmail.status).toBe(422);
    expect((await problemOf(badEmail)).errors).toMatchObject([{ path: 'body.supportEmail', reason: 'invalid_format' }]);
    const badHandles = await op.client.v1.contacts[':brandId'].$put({
      param: { brandId },
      json: {
        supportEmail: 'new@z.example',
        messengers: [
          { kind: 'telegram', handle: 'javascript:alert(1)' },
          { kind: 'whatsapp', handle: 'call me' },
        ],
      },
    });
    expect(badHandles.status).toBe(422);
    expect((await problemOf(badHandles)).errors).toEqual([
      expect.objectContaining({
        path: 'body.messengers.0.handle',
        reason: 'invalid_format',
        params: { format: 'telegram_username' },
      }),
      expect.objectContaining({
        path: 'body.messengers.1.handle',
        reason: 'invalid_format',
        params: { format: 'phone' },
      }),
    ]);
    const badKind = await op.client.v1.contacts.program.$put({
      json: { messengers: [{ kind: 'icq' as 'other', handle: '123' }] },
    });
    expect((await problemOf(badKind)).errors).toMatchObject([
      { path: 'body.messengers.0.kind', reason: 'invalid_choice' },
    ]);
    const longHours = await op.client.v1.contacts.program.$put({ json: { hours: { en: 'x'.repeat(121) } } });
    expect((await problemOf(longHours)).errors).toMatchObject([{ path: 'body.hours.en', reason: 'too_long' }]);
    const overview = await unwrap(op.client.v1.contacts.$get());
    expect(overview.program).toBeNull();
    expect(overview.brands.find((b) => b.brandId === brandId)?.contacts?.supportEmail).toBe('ok@z.example');
  });

  it("answers 404 for another operator's brand and a brand that does not exist", async () => {
    const beta = await t.addOperator('Beta');
    const res = await beta.client.v1.contacts[':brandId'].$put({ param: { brandId }, json: { supportEmail: null } });
    expect(res.status).toBe(404);
    expect((await beta.client.v1.contacts[':brandId'].$delete({ param: { brandId } })).status).toBe(404);
    expect((await op.client.v1.contacts[':brandId'].$delete({ param: { brandId: 'brand_missing' } })).status).toBe(404);
    expect((await unwrap(beta.client.v1.contacts.$get())).brands).toEqual([]);
    expect(otherBrandId).toMatch(/^brand_/);
  });
});
