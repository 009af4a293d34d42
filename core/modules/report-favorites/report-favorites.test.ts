import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { invitedTeamMember } from '../../../tests/helpers/identity.ts';
import { buildReportProgram, clickAt, type ProgramPartner } from '../../../tests/helpers/report-program.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { findFavorite } from './service.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operator: KabinetClient;
let alphaId = '';
let partners: ProgramPartner[];

const program = (name: string, emails: string[]) => buildReportProgram(t, name, emails);
const click = (code: string, at: string) => clickAt(t, code, at);

const weekly = { period: 'last_7_days', timeZone: 'UTC', groupBy: 'day', metrics: 'clicks,uniqueClicks' } as const;
const favorites = (p: { client: KabinetClient }) => p.client.v1.partner.reports.favorites;
const save = (p: { client: KabinetClient }, name: string, query: Record<string, string> = weekly) =>
  favorites(p).$post({ json: { name, query } });
const problemOf = async (res: Response) =>
  (await res.json()) as { code: string; errors: Array<{ path: string; reason: string }> };
const feed = (path: string, authorization?: string) =>
  t.fetchApp(`http://kabinet.test/api/customer/v1/partner/report/feeds/${path}`, {
    headers: authorization ? { authorization } : {},
  });

beforeEach(async () => {
  t = await createTestApp();
  const alpha = await program('Alpha', ['a@alpha.example', 'bb@alpha.example']);
  operator = alpha.op.client;
  alphaId = alpha.op.operator.id;
  const beta = await program('Beta', ['c@beta.example']);
  partners = [...alpha.members, ...beta.members];
  await click(partners[0]!.code, '2026-11-22T10:00:00Z');
  await click(partners[0]!.code, '2026-11-22T11:00:00Z');
  await click(partners[1]!.code, '2026-11-22T12:00:00Z');
  t.clock.set('2026-11-24T12:00:00Z');
});
afterEach(() => t.dispose());

describe('Report favorites', () => {
  it('saves, lists newest first, opens, renames and deletes a favorite of the partner', async () => {
    const [a] = partners;
    const res = await save(a!, '  Weekly by day ');
    expect(res.status).toBe(201);
    const first = await unwrap(res);
    expect(first).toMatchObject({ name: 'Weekly by day', query: weekly, savedBy: { email: 'a@alpha.example' } });
    expect(first.savedBy.userId).toMatch(/^user_/);
    expect(first.createdAt).toBe('2026-11-24T12:00:00.000Z');
    t.clock.set('2026-11-24T12:05:00Z');
    const second = await unwrap(
      save(a!, 'EUR by campaign', { ...weekly, groupBy: 'campaign', currency: 'EUR', ratesDate: '' }),
    );
    // Empty values are not kept: the question is what was asked.
    expect(second.query).toEqual({ ...weekly, groupBy: 'campaign', currency: 'EUR' });

    const list = await unwrap(favorites(a!).$get());
    expect(list.favorites.map((f) => f.name)).toEqual(['EUR by campaign', 'Weekly by day']);
    const one = favorites(a!)[':favoriteId'];
    expect(await unwrap(one.$get({ param: { favoriteId: first.id } }))).toEqual(first);

    const renamed = await unwrap(one.$patch({ param: { favoriteId: first.id }, json: { name: 'Last week' } }));
    expect(renamed).toMatchObject({ name: 'Last week', query: weekly, updatedAt: '2026-11-24T12:05:00.000Z' });
    // Only the name changes: a question in a rename is refused.
    const withQuery = await one.$patch({
      param: { favoriteId: first.id },
      json: { name: 'X', query: weekly } as unknown as { name: string },
    });
    expect(withQuery.status).toBe(422);

    // The team shares its favorites (an analyst sees and runs them); the operation other modules call sees the same.
    const analyst = await invitedTeamMember(t, {
      operatorId: alphaId,
      owner: a!.client,
      email: 'kim@alpha.example',
      role: 'analyst',
    });
    const teammate = await unwrap(analyst.v1.partner.reports.favorites.$get());
    expect(teammate.favorites.map((f) => f.name)).toEqual(['EUR by campaign', 'Last week']);
    // Another partner of the same program sees none of them.
    expect((await unwrap(favorites(partners[1]!).$get())).favorites).toEqual([]);
    const found = await findFavorite(
      { db: t.deps.db, operatorId: alphaId, partner: { partnerId: partners[0]!.partnerId } } as never,
      first.id,
    );
    expect(found.name).toBe('Last week');

    expect((await one.$delete({ param: { favoriteId: first.id } })).status).toBe(204);
    expect((await one.$get({ param: { favoriteId: first.id } })).status).toBe(404);
    expect((await unwrap(favorites(a!).$get())).favorites).toHaveLength(1);
  });

  it('refuses a bad name or question with 422 naming the field, and saves nothing', async () => {
    const [a] = partners;
    const reasons = async (res: Response) => (await problemOf(res)).errors.map((e) => `${e.path}:${e.reason}`);
    expect(await reasons(await save(a!, '   '))).toEqual(['body.name:required']);
    expect(await reasons(await save(a!, 'x'.repeat(101)))).toEqual(['body.name:too_long']);
    const badMetric = await save(a!, 'Bad', { ...weekly, metrics: 'clicks,happiness' });
    expect(badMetric.status).toBe(422);
    expect((await problemOf(badMetric)).errors[0]!.path).toMatch(/^body\.query\.metrics/);
    expect(await reasons(await save(a!, 'Bad', { ...weekly, colour: 'red' }))).toEqual([
      'body.query.colour:unknown_field',
    ]);
    // What the report refuses a partner is refused at saving too.
    const byPartner = await save(a!, 'Bad', { ...weekly, groupBy: 'partner' });
    expect((await problemOf(byPartner)).errors[0]!.path).toBe('body.query.groupBy');
    await unwrap(
      operator.v1.reports.settings.$put({
        json: { hiddenMetrics: ['uniqueClicks'], hiddenGroupings: [], clickRetentionDays: null },
      }),
    );
    const hidden = await save(a!, 'Bad', weekly);
    expect(hidden.status).toBe(422);
    expect((await problemOf(hidden)).errors[0]!.path).toBe('body.query.metrics');
    expect((await unwrap(favorites(a!).$get())).favorites).toEqual([]);
  });

  it('keeps names unique per partner ignoring case, in any script', async () => {
    const [a, b, c] = partners;
    await unwrap(save(a!, 'Недельный'));
    const clash = await save(a!, 'НЕДЕЛЬНЫЙ');
    expect(clash.status).toBe(422);
    expect((await problemOf(clash)).errors).toMatchObject([{ path: 'body.name', reason: 'already_exists' }]);
    const other = await unwrap(save(a!, 'Monthly'));
    const rename = await favorites(a!)[':favoriteId'].$patch({
      param: { favoriteId: other.id },
      json: { name: 'недельный' },
    });
    expect(rename.status).toBe(422);
    // Another partner, of the same operator or another, may use the name.
    expect((await save(b!, 'недельный')).status).toBe(201);
    expect((await save(c!, 'Недельный')).status).toBe(201);
  });

  it('answers 404 for another partner’s or operator’s favorite', async () => {
    const [a, , c] = partners;
    const favorite = await unwrap(save(a!, 'Mine'));
    const one = favorites(c!)[':favoriteId'];
    expect((await one.$get({ param: { favoriteId: favorite.id } })).status).toBe(404);
    expect((await one.$patch({ param: { favoriteId: favorite.id }, json: { name: 'Stolen' } })).status).toBe(404);
    expect((await one.$delete({ param: { favoriteId: favorite.id } })).status).toBe(404);
    expect((await one.export.$get({ param: { favoriteId: favorite.id }, query: { format: 'csv' } })).status).toBe(404);
    expect((await feed(`${favorite.id}/report.json`, c!.token)).status).toBe(404);
    // Another partner of the same operator: not theirs either, by session or by token.
    const b = partners[1]!;
    expect((await favorites(b)[':favoriteId'].$get({ param: { favoriteId: favorite.id } })).status).toBe(404);
    expect((await feed(`${favorite.id}/report.xml?token=${b.token}`)).status).toBe(404);
    expect((await feed(`${favorite.id}/report.xml?token=${a!.token}`)).status).toBe(200);
  });
});
