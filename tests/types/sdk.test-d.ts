/**
 * Type tests for the typed SDK, checked by `tsc --noEmit` (part of `npm test`). They pin the
 * request and response types the client derives from the server's routes: change a route's
 * schema and these stop compiling.
 */
import { expectTypeOf } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { createKabinetClient, unwrap, type SuccessBody } from '../../core/sdk/index.ts';

const kabinet = createKabinetClient('https://partners.example.com', { secretKey: 'sk_x' });

type Brand = {
  id: string;
  name: string;
  currency: string;
  websiteUrl: string;
  visitParam: string;
  fallbackUrl: string | null;
  createdAt: string;
};

export async function brandTypes() {
  expectTypeOf(await unwrap(kabinet.v1.brands.$get())).toEqualTypeOf<{ data: Brand[] }>();
  expectTypeOf(
    await unwrap(kabinet.v1.brands.$post({ json: { name: 'x', currency: 'EUR', websiteUrl: 'https://x.example' } })),
  ).toEqualTypeOf<Brand>();

  type CreateBrandBody = InferRequestType<typeof kabinet.v1.brands.$post>['json'];
  expectTypeOf<CreateBrandBody>().toEqualTypeOf<{
    name: string;
    currency: string;
    websiteUrl: string;
    visitParam?: string | undefined;
    fallbackUrl?: string | null | undefined;
  }>();
  // @ts-expect-error the body needs a currency
  void kabinet.v1.brands.$post({ json: { name: 'x', websiteUrl: 'https://x.example' } });
}

export async function operatorTypes() {
  const operator = await unwrap(kabinet.v1.operator.$get());
  expectTypeOf(operator.branding.theme).toEqualTypeOf<'light' | 'dark'>();
  expectTypeOf(operator.allowedOrigins).toEqualTypeOf<string[]>();
  expectTypeOf(operator.lockoutThreshold).toEqualTypeOf<number>();
  // @ts-expect-error lockoutThreshold is a number
  void kabinet.v1.operator.$patch({ json: { lockoutThreshold: '5' } });
}

export async function portalAndHealthTypes() {
  const config = await unwrap(kabinet.v1.public.operators[':operatorId'].$get({ param: { operatorId: 'op_1' } }));
  expectTypeOf(config.locales).toEqualTypeOf<Array<'en' | 'ru'>>();
  expectTypeOf(config.brands[0]!).toEqualTypeOf<{ id: string; name: string; currency: string; websiteUrl: string }>();
  const health = await unwrap(kabinet.health.$get());
  expectTypeOf(health.runtime).toEqualTypeOf<'node' | 'deno' | 'workerd'>();
  // Problem answers are not success bodies.
  expectTypeOf<SuccessBody<Awaited<ReturnType<typeof kabinet.v1.operator.$get>>>>().not.toHaveProperty('code');
}

export async function paymentAccountTypes() {
  // The details are typed per kind: the kind picks the fields, so a bank account without an IBAN does not compile.
  const partner = createKabinetClient('https://partners.example.com', { sessionToken: 'sess' });
  const account = await unwrap(
    partner.v1.partner.payment_accounts.$post({
      json: { methodId: 'pm_1', details: { kind: 'skrill', email: 'jana@example.com' }, code: '123456' },
    }),
  );
  expectTypeOf(account.masked).toEqualTypeOf<Record<string, string>>();
  expectTypeOf(account.method.kind).toEqualTypeOf<
    | 'bank_transfer'
    | 'skrill'
    | 'neteller'
    | 'coinspaid'
    | 'capitalist'
    | 'webmoney'
    | 'player_account'
    | 'crypto_wallet'
    | 'other'
  >();
  void partner.v1.partner.payment_accounts.$post({
    // @ts-expect-error a bank transfer needs the IBAN, BIC and bank name too
    json: { methodId: 'pm_1', details: { kind: 'bank_transfer', accountHolder: 'Jana Novak' } },
  });
  const revealed = await unwrap(
    partner.v1.partner.payment_accounts[':accountId'].reveal.$post({
      param: { accountId: 'pacc_1' },
      json: { code: '1' },
    }),
  );
  if (revealed.details.kind === 'crypto_wallet')
    expectTypeOf(revealed.details.coin).toEqualTypeOf<'BTC' | 'ETH' | 'USDT-ERC20' | 'TRX' | 'USDT-TRC20'>();
  const limits = (await unwrap(kabinet.v1.payment_methods.$get())).data[0]!.limits;
  expectTypeOf(limits).toEqualTypeOf<Array<{ currency: string; min: string; max: string }>>();
}
