/**
 * Report favorites: save a partner's report question under a name, list, find, rename and delete
 * them, and run one (the statistics module's report and export, asked with the saved question;
 * a relative period resolves when it runs). Everything is scoped to the caller's partner: another
 * partner's or operator's favorite is not found.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { PartnerContext } from '../../lib/context.ts';
import { DomainError, fieldProblem, fieldProblems } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { exportPartnerReport, type ReportExportQuery, type ReportFile } from '../statistics/export-report.ts';
import { runPartnerReport } from '../statistics/run-report.ts';
import { parseQuestion, type Favorite, type FavoriteQuestion } from './schemas.ts';
import { reportFavorites, type ReportFavoriteRow } from './table.ts';

/** What reading a favorite needs: the tenant and the caller's partner. */
type FavoriteContext = Pick<PartnerContext, 'db' | 'operatorId' | 'partner'>;

const favoriteNotFound = () => new DomainError('not_found', 'Report favorite was not found');
const nameTaken = () => fieldProblem('body.name', 'already_exists', 'a favorite with this name already exists');
const isUniqueViolation = (error: unknown) =>
  /UNIQUE constraint failed/i.test(`${String(error)} ${String((error as { cause?: unknown })?.cause ?? '')}`);
/** Names compare ignoring case in any script (SQLite's lower() folds ASCII only). */
const nameKeyOf = (name: string) => name.trim().toLocaleLowerCase('und');

/** The question without empty values: what was asked, as short as it can be said. */
function compactQuestion(question: FavoriteQuestion): FavoriteQuestion {
  const entries = Object.entries(question).filter(([, value]) => typeof value === 'string' && value.trim() !== '');
  return Object.fromEntries(entries.map(([key, value]) => [key, (value as string).trim()])) as FavoriteQuestion;
}

function present(row: ReportFavoriteRow): Favorite {
  return {
    id: row.id,
    name: row.name,
    query: row.question as FavoriteQuestion,
    savedBy: { userId: row.savedByUserId, email: row.savedByEmail },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const ownedBy = (ctx: FavoriteContext) =>
  and(eq(reportFavorites.operatorId, ctx.operatorId), eq(reportFavorites.partnerId, ctx.partner.partnerId));

async function findRow(ctx: FavoriteContext, favoriteId: string): Promise<ReportFavoriteRow> {
  const [row] = await ctx.db
    .select()
    .from(reportFavorites)
    .where(and(ownedBy(ctx), eq(reportFavorites.id, favoriteId)));
  if (!row) throw favoriteNotFound();
  return row;
}

/** The partner's favorites, newest first. */
export async function listFavorites(ctx: Pick<PartnerContext, 'db' | 'operatorId' | 'partner'>): Promise<Favorite[]> {
  const rows = await ctx.db
    .select()
    .from(reportFavorites)
    .where(ownedBy(ctx))
    // Saved in the same millisecond (ids are random after their time part): the later insert first.
    .orderBy(desc(reportFavorites.createdAt), desc(sql`rowid`));
  return rows.map(present);
}

/** One favorite of the caller's partner: its name and saved question (not found for anyone else's). */
export async function findFavorite(
  ctx: Pick<PartnerContext, 'db' | 'operatorId' | 'partner'>,
  favoriteId: string,
): Promise<Favorite> {
  return present(await findRow(ctx, favoriteId));
}

/**
 * Saves a question under a name. The report is asked once (one row) before saving, so a question
 * the report would refuse (a metric the operator hides, a filter partners may not use) is a 422
 * naming the field now rather than on every run later.
 */
export async function saveFavorite(
  ctx: PartnerContext,
  input: { name: string; query: FavoriteQuestion },
): Promise<Favorite> {
  const question = compactQuestion(input.query);
  try {
    await runPartnerReport(ctx, { ...parseQuestion(question), limit: 1, offset: 0 });
  } catch (error) {
    throw asBodyProblem(error);
  }
  const now = ctx.clock.now();
  const row: ReportFavoriteRow = {
    id: newId('rfav', ctx.clock),
    operatorId: ctx.operatorId,
    partnerId: ctx.partner.partnerId,
    name: input.name.trim(),
    nameKey: nameKeyOf(input.name),
    question,
    savedByUserId: ctx.partner.userId,
    savedByEmail: ctx.partner.email,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.db.insert(reportFavorites).values(row);
  } catch (error) {
    throw isUniqueViolation(error) ? nameTaken() : error;
  }
  return present(row);
}

/** Renames a favorite; its question stays as saved. */
export async function renameFavorite(
  ctx: PartnerContext,
  input: { favoriteId: string; name: string },
): Promise<Favorite> {
  const row = await findRow(ctx, input.favoriteId);
  const changed = { name: input.name.trim(), nameKey: nameKeyOf(input.name), updatedAt: ctx.clock.now() };
  try {
    await ctx.db.update(reportFavorites).set(changed).where(eq(reportFavorites.id, row.id));
  } catch (error) {
    throw isUniqueViolation(error) ? nameTaken() : error;
  }
  return present({ ...row, ...changed });
}

export async function deleteFavorite(
  ctx: Pick<PartnerContext, 'db' | 'operatorId' | 'partner'>,
  favoriteId: string,
): Promise<void> {
  const row = await findRow(ctx, favoriteId);
  await ctx.db.delete(reportFavorites).where(eq(reportFavorites.id, row.id));
}

/**
 * A favorite's report as a file (every row; a relative period resolves now). A saved question the
 * report no longer takes (a metric the operator has hidden since) is a 422 naming the field.
 */
export async function exportFavorite(
  ctx: PartnerContext,
  input: { favoriteId: string } & Pick<ReportExportQuery, 'format' | 'bom'>,
): Promise<ReportFile & { favorite: Favorite }> {
  const favorite = await findFavorite(ctx, input.favoriteId);
  const question = questionOf(favorite);
  const file = await exportPartnerReport(ctx, { ...question, format: input.format, bom: input.bom });
  return { ...file, favorite };
}

/** The saved question as the report runs it; one the report's checks no longer take is a 422 naming the field. */
function questionOf(favorite: Favorite) {
  try {
    return parseQuestion(favorite.query);
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues ?? [];
    throw fieldProblems(
      issues.map((issue) => ({
        path: ['query', ...issue.path.map(String)].join('.'),
        reason: 'invalid_value',
        params: {},
        message: issue.message,
      })),
    );
  }
}

/** The report's problems name `query.<field>`; in a saved favorite's body that field is `body.query.<field>`. */
function asBodyProblem(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.code !== 'validation_failed') return error;
  const errors = error.errors.map((e) => ({ ...e, path: `body.${e.path}` }));
  return new DomainError(error.code, error.detail, errors, error.params);
}
