/**
 * Operators (tenants): creation for self-hosters, branding and allowed origins, secret API keys,
 * and the public portal configuration the widgets load.
 */
import { and, asc, eq, isNull, like, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { newId, randomToken } from '../../lib/ids.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import {
  withTenant,
  type StoreContext,
  type TenantContext,
  type TenantRead,
  type TenantStore,
} from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { listBrandSummaries } from '../catalog/service.ts';
import { operatorApiKeys, operatorOrigins, operators, type OperatorBranding } from './table.ts';
import type { UpdateOperatorInput } from './schemas.ts';

export const DEFAULT_BRANDING: OperatorBranding = {
  displayName: 'Partner program',
  primaryColor: '#2563eb',
  accentColor: '#f59e0b',
  logoUrl: null,
  theme: 'light',
  supportEmail: null,
  termsUrl: null,
};

export interface CreateOperatorInput {
  name: string;
  /** Fixed id for demo data; real operators get a random one. */
  id?: string;
  branding?: Partial<OperatorBranding>;
  allowedOrigins?: string[];
  fallbackUrl?: string | null;
}

/** Not tenant-scoped: it creates the tenant (self-hosters' CLI, the demo seed, tests). */
export async function createOperator(ctx: StoreContext, input: CreateOperatorInput) {
  const now = ctx.clock.now();
  const id = input.id ?? newId('op', ctx.clock);
  const branding = { ...DEFAULT_BRANDING, displayName: input.name, ...input.branding };
  const origins = [...new Set(input.allowedOrigins ?? [])];
  await ctx.db.batch([
    ctx.db.insert(operators).values({
      id,
      name: input.name,
      branding,
      fallbackUrl: input.fallbackUrl ?? null,
      createdAt: now,
      updatedAt: now,
    }),
    ...origins.map((origin) => ctx.db.insert(operatorOrigins).values({ operatorId: id, origin })),
  ]);
  return getOperator(withTenant(ctx, id));
}

/** The tenant itself (404 when there is no such operator). */
export async function getOperator(ctx: Pick<TenantContext, 'db' | 'operatorId'>) {
  const { operatorId } = ctx;
  const [row] = await ctx.db.select().from(operators).where(eq(operators.id, operatorId));
  if (!row) throw notFound('Operator');
  const origins = await ctx.db
    .select({ origin: operatorOrigins.origin })
    .from(operatorOrigins)
    .where(eq(operatorOrigins.operatorId, operatorId))
    .orderBy(asc(operatorOrigins.origin));
  return {
    id: row.id,
    name: row.name,
    branding: row.branding,
    allowedOrigins: origins.map((o) => o.origin),
    lockoutThreshold: row.lockoutThreshold,
    fallbackUrl: row.fallbackUrl,
    timeZone: row.timeZone,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function updateOperator(ctx: TenantStore, input: UpdateOperatorInput) {
  const { operatorId } = ctx;
  const current = await getOperator(ctx);
  const branding = { ...current.branding, ...input.branding };
  const originWrites = input.allowedOrigins
    ? [
        ctx.db.delete(operatorOrigins).where(eq(operatorOrigins.operatorId, operatorId)),
        ...[...new Set(input.allowedOrigins)].map((origin) =>
          ctx.db.insert(operatorOrigins).values({ operatorId, origin }),
        ),
      ]
    : [];
  await ctx.db.batch([
    ctx.db
      .update(operators)
      .set({
        name: input.name ?? current.name,
        branding,
        lockoutThreshold: input.lockoutThreshold ?? current.lockoutThreshold,
        fallbackUrl: input.fallbackUrl === undefined ? current.fallbackUrl : input.fallbackUrl,
        timeZone: input.timeZone ?? current.timeZone,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(operators.id, operatorId)),
    ...originWrites,
  ]);
  return getOperator(ctx);
}

/** The operator's IANA time zone (reports' default). */
export async function findOperatorTimeZone(ctx: Pick<TenantContext, 'db' | 'operatorId'>): Promise<string> {
  const [row] = await ctx.db
    .select({ timeZone: operators.timeZone })
    .from(operators)
    .where(eq(operators.id, ctx.operatorId));
  if (!row) throw notFound('Operator');
  return row.timeZone;
}

export async function getPortalConfig(ctx: TenantRead) {
  const operator = await getOperator(ctx);
  const brandRows = await listBrandSummaries(ctx);
  return {
    operator: { id: operator.id, name: operator.name },
    branding: operator.branding,
    brands: brandRows,
    locales: ['en', 'ru'] as Array<'en' | 'ru'>,
  };
}

export async function isOriginAllowed(ctx: Pick<TenantContext, 'db' | 'operatorId'>, origin: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ origin: operatorOrigins.origin })
    .from(operatorOrigins)
    .where(and(eq(operatorOrigins.operatorId, ctx.operatorId), eq(operatorOrigins.origin, origin)));
  return Boolean(row);
}

/** Across tenants on purpose: a CORS preflight carries no credentials, so no operator is known yet. */
export async function isOriginAllowedByAnyOperator(ctx: StoreContext, origin: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ origin: operatorOrigins.origin })
    .from(operatorOrigins)
    .where(eq(operatorOrigins.origin, origin))
    .limit(1);
  return Boolean(row);
}

const KEY_PREFIX = 'sk_';

/**
 * Creates a secret key and returns it in full exactly once; only its hash is stored.
 * `presetSecret` exists for the demo seed, whose key is printed on every start.
 */
export async function createApiKey(ctx: TenantStore, input: { name?: string; presetSecret?: string } = {}) {
  const { operatorId } = ctx;
  const { name = 'Default key', presetSecret } = input;
  await getOperator(ctx);
  const secret = presetSecret ?? `${KEY_PREFIX}${randomToken(32)}`;
  if (!secret.startsWith(KEY_PREFIX)) throw new Error(`Secret keys start with ${KEY_PREFIX}`);
  const id = newId('key', ctx.clock);
  await ctx.db.insert(operatorApiKeys).values({
    id,
    operatorId,
    name,
    displayPrefix: secret.slice(0, 10),
    secretHash: await sha256Hex(secret),
    createdAt: ctx.clock.now(),
  });
  return { id, name, secret };
}

/** How stale last-used may get before a request writes it again (saves a write per call). */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Returns the operator a secret key belongs to, or null for unknown and revoked keys (it finds the tenant, so it has none yet). */
export async function authenticateApiKey(ctx: StoreContext, secret: string): Promise<string | null> {
  return (await authenticateApiKeyWithId(ctx, secret))?.operatorId ?? null;
}

/** authenticateApiKey, also naming the key (a key may not revoke itself). */
export async function authenticateApiKeyWithId(
  ctx: StoreContext,
  secret: string,
): Promise<{ operatorId: string; keyId: string } | null> {
  if (!secret.startsWith(KEY_PREFIX) || secret.length > 100) return null;
  const hash = await sha256Hex(secret);
  const [key] = await ctx.db
    .select()
    .from(operatorApiKeys)
    .where(and(eq(operatorApiKeys.secretHash, hash), isNull(operatorApiKeys.revokedAt)));
  if (!key) return null;
  const now = ctx.clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await ctx.db.update(operatorApiKeys).set({ lastUsedAt: now }).where(eq(operatorApiKeys.id, key.id));
  }
  return { operatorId: key.operatorId, keyId: key.id };
}

// ---- Look-ups for other modules (they never read `operators` or `operator_origins` themselves). ----

export type { OperatorBranding } from './table.ts';

/** The operator's branding (mail renders with it); null when there is no such operator. One query. */
export async function findOperatorBranding(
  ctx: Pick<TenantContext, 'db' | 'operatorId'>,
): Promise<OperatorBranding | null> {
  const [row] = await ctx.db
    .select({ branding: operators.branding })
    .from(operators)
    .where(eq(operators.id, ctx.operatorId));
  return row?.branding ?? null;
}

/**
 * The branding of the operator whose id is in `operatorId` (the caller's column), as an SQL
 * expression for the caller's own select: a scalar subquery on the primary key, so a row and its
 * operator's branding still come in one query. Null when there is no such operator.
 */
export const operatorBrandingOf = (operatorId: SQLWrapper): SQL<OperatorBranding | null> =>
  // Nested in an outer sql`` so drizzle keeps the columns table-qualified (it writes a one-table select list's columns bare).
  sql<OperatorBranding | null>`${sql`(select ${operators.branding} from ${operators} where ${operators.id} = ${operatorId})`}`.mapWith(
    operators.branding,
  );

/**
 * The fallback URL of the operator whose allowed origins include this host (any scheme), if any.
 * One query. Not tenant-scoped: the /t redirect asks it for an unknown code, to find the operator by its host.
 */
export async function findFallbackUrlForHost(ctx: Pick<StoreContext, 'db'>, host: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ fallbackUrl: operators.fallbackUrl })
    .from(operatorOrigins)
    .innerJoin(operators, eq(operators.id, operatorOrigins.operatorId))
    .where(like(operatorOrigins.origin, `%://${host.replace(/[%_]/g, '')}`))
    .limit(1);
  return row?.fallbackUrl ?? null;
}
