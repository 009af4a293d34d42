/**
 * Affiliate managers: the operator's people a partner can be given, each with e-mail, messengers,
 * languages and a photo. A photo lives in the file store; its public address carries a random
 * version that changes with each upload, so it is unguessable and never needs revalidating.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import type { TenantContext, TenantStore } from '../../lib/context.ts';
import type { FileStore, StoredFile } from '../../lib/file-store.ts';
import { fieldProblems, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { normaliseMessengers, presentMessengers } from './messengers.ts';
import type { CreateManagerInput, Manager, UpdateManagerInput } from './schemas.ts';
import { managers, partnerManagers, type ManagerRow } from './table.ts';

/** The photo types a manager's photo may be (checked by its bytes), with the extension stored. */
export const PHOTO_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** The photo's public address, or null without one. */
export function managerPhotoUrl(publicUrl: string, row: ManagerRow): string | null {
  if (!row.photoVersion) return null;
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}/v1/public/operators/${encodeURIComponent(row.operatorId)}/managers/${encodeURIComponent(row.id)}/photo/${row.photoVersion}`;
}

/** The manager as the Operator API answers it; `publicUrl` is the server's, for the photo's address. */
export function presentManager(row: ManagerRow, seen: { publicUrl: string; partnerCount: number }): Manager {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    messengers: presentMessengers(row.messengers),
    languages: row.languages,
    photoUrl: managerPhotoUrl(seen.publicUrl, row),
    active: row.active,
    partnerCount: seen.partnerCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The operator's manager row, or 404. */
export async function loadManager(ctx: TenantStore, managerId: string): Promise<ManagerRow> {
  const [row] = await ctx.db
    .select()
    .from(managers)
    .where(and(eq(managers.operatorId, ctx.operatorId), eq(managers.id, managerId)));
  if (!row) throw notFound('Manager');
  return row;
}

async function partnerCountOf(ctx: TenantStore, managerId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(partnerManagers)
    .where(and(eq(partnerManagers.operatorId, ctx.operatorId), eq(partnerManagers.managerId, managerId)));
  return row?.n ?? 0;
}

/** One manager of the operator with its partner count, or 404. */
export async function findManager(
  ctx: TenantStore & Pick<TenantContext, 'publicUrl'>,
  managerId: string,
): Promise<Manager> {
  const row = await loadManager(ctx, managerId);
  return presentManager(row, { publicUrl: ctx.publicUrl, partnerCount: await partnerCountOf(ctx, row.id) });
}

/** Every manager of the operator by name, with how many partners each has. */
export async function listManagers(ctx: TenantStore & Pick<TenantContext, 'publicUrl'>): Promise<Manager[]> {
  const [rows, counts] = await Promise.all([
    ctx.db.select().from(managers).where(eq(managers.operatorId, ctx.operatorId)).orderBy(asc(managers.name)),
    ctx.db
      .select({ managerId: partnerManagers.managerId, n: count() })
      .from(partnerManagers)
      .where(eq(partnerManagers.operatorId, ctx.operatorId))
      .groupBy(partnerManagers.managerId),
  ]);
  const byManager = new Map(counts.map((c) => [c.managerId, c.n]));
  return rows.map((row) => presentManager(row, { publicUrl: ctx.publicUrl, partnerCount: byManager.get(row.id) ?? 0 }));
}

function messengersOrThrow(input: CreateManagerInput['messengers']) {
  const { messengers, problems } = normaliseMessengers('body.messengers', input);
  if (problems.length) throw fieldProblems(problems);
  return messengers;
}

export async function createManager(
  ctx: TenantStore & Pick<TenantContext, 'publicUrl'>,
  input: CreateManagerInput & { id?: string },
): Promise<Manager> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(managers)
    .values({
      id: input.id ?? newId('mgr', ctx.clock),
      operatorId: ctx.operatorId,
      name: input.name,
      email: input.email.trim().toLowerCase(),
      messengers: messengersOrThrow(input.messengers),
      languages: [...new Set(input.languages)],
      active: input.active,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return presentManager(row!, { publicUrl: ctx.publicUrl, partnerCount: 0 });
}

/** Changes the fields given; the rest stays. */
export async function updateManager(
  ctx: TenantStore & Pick<TenantContext, 'publicUrl'>,
  input: UpdateManagerInput & { managerId: string },
): Promise<Manager> {
  const existing = await loadManager(ctx, input.managerId);
  const [row] = await ctx.db
    .update(managers)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.email !== undefined ? { email: input.email.trim().toLowerCase() } : {}),
      ...(input.messengers !== undefined ? { messengers: messengersOrThrow(input.messengers) } : {}),
      ...(input.languages !== undefined ? { languages: [...new Set(input.languages)] } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(managers.operatorId, ctx.operatorId), eq(managers.id, existing.id)))
    .returning();
  return presentManager(row!, { publicUrl: ctx.publicUrl, partnerCount: await partnerCountOf(ctx, existing.id) });
}

/**
 * Deletes the manager and its photo. Its partners are unassigned (they see the program's contacts
 * until given another manager): the console names how many before asking to confirm, and
 * deactivating is the way to hide a manager while keeping the assignments.
 */
export async function deleteManager(
  ctx: TenantStore & { files?: FileStore | undefined },
  managerId: string,
): Promise<{ id: string; unassignedPartners: number }> {
  const row = await loadManager(ctx, managerId);
  const unassignedPartners = await partnerCountOf(ctx, row.id);
  await ctx.db.batch([
    ctx.db
      .delete(partnerManagers)
      .where(and(eq(partnerManagers.operatorId, ctx.operatorId), eq(partnerManagers.managerId, row.id))),
    ctx.db.delete(managers).where(and(eq(managers.operatorId, ctx.operatorId), eq(managers.id, row.id))),
  ]);
  if (row.photoKey && ctx.files) await ctx.files.delete(row.photoKey).catch(() => {});
  return { id: row.id, unassignedPartners };
}

/**
 * Stores a new photo (its type already checked by its bytes) and gives it a new public address;
 * the previous file is removed when its key differs (another extension).
 */
export async function setManagerPhoto(
  ctx: TenantStore & Pick<TenantContext, 'publicUrl'> & { files: FileStore },
  input: { managerId: string; bytes: Uint8Array; mime: string },
): Promise<Manager> {
  const row = await loadManager(ctx, input.managerId);
  const ext = PHOTO_TYPES[input.mime];
  if (!ext) throw new Error(`Not a photo type: ${input.mime}`);
  const key = `managers/${ctx.operatorId}/${row.id}.${ext}`;
  await ctx.files.put(key, input.bytes, input.mime);
  const [updated] = await ctx.db
    .update(managers)
    .set({
      photoKey: key,
      photoType: input.mime,
      photoVersion: newId('v', ctx.clock),
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(managers.operatorId, ctx.operatorId), eq(managers.id, row.id)))
    .returning();
  if (row.photoKey && row.photoKey !== key) await ctx.files.delete(row.photoKey).catch(() => {});
  return presentManager(updated!, { publicUrl: ctx.publicUrl, partnerCount: await partnerCountOf(ctx, row.id) });
}

/** Removes the photo (partners then see the manager's initials). */
export async function removeManagerPhoto(
  ctx: TenantStore & Pick<TenantContext, 'publicUrl'> & { files?: FileStore | undefined },
  managerId: string,
): Promise<Manager> {
  const row = await loadManager(ctx, managerId);
  const [updated] = await ctx.db
    .update(managers)
    .set({ photoKey: null, photoType: null, photoVersion: null, updatedAt: ctx.clock.now() })
    .where(and(eq(managers.operatorId, ctx.operatorId), eq(managers.id, row.id)))
    .returning();
  if (row.photoKey && ctx.files) await ctx.files.delete(row.photoKey).catch(() => {});
  return presentManager(updated!, { publicUrl: ctx.publicUrl, partnerCount: await partnerCountOf(ctx, row.id) });
}

/** The photo at its public address: only the current version is found (an old address is a 404). */
export async function openManagerPhoto(
  ctx: TenantStore & { files: FileStore },
  input: { managerId: string; photoVersion: string },
): Promise<{ file: StoredFile; contentType: string } | null> {
  const [row] = await ctx.db
    .select({ photoKey: managers.photoKey, photoType: managers.photoType, photoVersion: managers.photoVersion })
    .from(managers)
    .where(and(eq(managers.operatorId, ctx.operatorId), eq(managers.id, input.managerId)));
  if (!row?.photoKey || !row.photoType || row.photoVersion !== input.photoVersion) return null;
  const file = await ctx.files.get(row.photoKey);
  return file ? { file, contentType: row.photoType } : null;
}
