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
