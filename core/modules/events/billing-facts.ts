/**
 * What billing reads about player events, as operations (billing never reads this module's table):
 * per plan, sums and counts over a period by the time events happened, the rows that arrived late,
 * and the players whose history a qualification check needs. `receivedBefore` is a bill's cut:
 * only what had arrived by then counts, so a run is repeatable while events keep arriving.
 */
import { and, eq, gte, inArray, lt, min, sql } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import { playerEvents, type PLAYER_EVENT_TYPES } from './table.ts';

type EventType = (typeof PLAYER_EVENT_TYPES)[number];

export interface PeriodQuery {
  planId: string;
  /** The period as instants: [from, to). */
  from: number;
  to: number;
  receivedBefore: number;
}

const inPeriod = (ctx: TenantRead, q: PeriodQuery) =>
  and(
    eq(playerEvents.operatorId, ctx.operatorId),
    eq(playerEvents.planId, q.planId),
    gte(playerEvents.occurredAt, new Date(q.from)),
    lt(playerEvents.occurredAt, new Date(q.to)),
    receivedBefore(q.receivedBefore),
  );

/**
 * The cut as a condition the planner cannot take an index for (`+received_at`): with it, SQLite
 * would otherwise range over the received-time index, i.e. nearly every event, instead of the
 * plan's or the player's few.
 */
const receivedBefore = (instant: number) => sql`+${playerEvents.receivedAt} < ${instant}`;

const chain = { partnerId: sql<string>`${playerEvents.partnerId}`, brandId: playerEvents.brandId };

/**
 * NGR per partner × brand × currency in the period, split by the local days `dayStarts` cut it into
 * (instants, ascending, the first one `from`): amounts in another currency convert at their day's rate.
 */
export async function sumNgrByDay(ctx: TenantRead, input: PeriodQuery & { dayStarts: number[] }) {
  // The day boundaries are integer literals, not bound parameters: a month's 31 of them, twice,
  // would pass D1's 100 parameters. They are numbers this module computed, never input text.
  const cases = input.dayStarts
    .slice(1)
    .map((start, i) => sql.raw(`when "occurred_at" < ${Math.trunc(start)} then ${i}`))
    .reduce((all, part) => sql`${all} ${part}`, sql``);
  const day =
    input.dayStarts.length > 1
      ? sql<number>`case ${cases} else ${sql.raw(String(input.dayStarts.length - 1))} end`
      : sql<number>`0`;
  const byDay = input.dayStarts.length > 1 ? [day] : [];
  return ctx.db
    .select({
      ...chain,
      currency: sql<string>`${playerEvents.currency}`,
      dayIndex: day,
      minor: sql<number>`sum(${playerEvents.amountMinor})`,
    })
    .from(playerEvents)
    .where(and(inPeriod(ctx, input), eq(playerEvents.type, 'ngr'), sql`${playerEvents.partnerId} is not null`))
    .groupBy(playerEvents.partnerId, playerEvents.brandId, playerEvents.currency, ...byDay);
}

/** Events of the given types per partner × brand × country in the period (CPL's leads or registrations). */
export async function countEventsByCountry(ctx: TenantRead, input: PeriodQuery & { type: EventType }) {
  return ctx.db
    .select({ ...chain, country: playerEvents.country, count: sql<number>`count(*)` })
    .from(playerEvents)
    .where(and(inPeriod(ctx, input), eq(playerEvents.type, input.type), sql`${playerEvents.partnerId} is not null`))
    .groupBy(playerEvents.partnerId, playerEvents.brandId, playerEvents.country);
}

/** Events of a plan that happened before `before` and arrived in [receivedFrom, receivedBefore): late for their bill. */
export async function listLateEvents(
  ctx: TenantRead,
  input: { planId: string; types: EventType[]; before: number; receivedFrom: number; receivedBefore: number },
) {
  return ctx.db
    .select({
      ...chain,
      type: playerEvents.type,
      currency: playerEvents.currency,
      amountMinor: playerEvents.amountMinor,
      country: playerEvents.country,
      occurredAt: playerEvents.occurredAt,
      receivedAt: playerEvents.receivedAt,
    })
    .from(playerEvents)
    .where(
      and(
        eq(playerEvents.operatorId, ctx.operatorId),
        gte(playerEvents.receivedAt, new Date(input.receivedFrom)),
        lt(playerEvents.receivedAt, new Date(input.receivedBefore)),
        eq(playerEvents.planId, input.planId),
        inArray(playerEvents.type, input.types),
        lt(playerEvents.occurredAt, new Date(input.before)),
        sql`${playerEvents.partnerId} is not null`,
      ),
    );
}

/** When a plan's first attributed event happened (billing starts at its period), or null. */
export async function firstEventOf(ctx: TenantRead, input: { planId: string }): Promise<number | null> {
  const [row] = await ctx.db
    .select({ first: min(playerEvents.occurredAt) })
    .from(playerEvents)
    .where(and(eq(playerEvents.operatorId, ctx.operatorId), eq(playerEvents.planId, input.planId)));
  return row?.first ? row.first.getTime() : null;
}

/**
 * The money events of many players (brand × player pairs, as one JSON parameter so a batch fits
 * D1's bound-parameter limit), in no order (the caller sorts each player's few): what qualification
 * rules count.
 */
export async function listMoneyEventsOfPlayers(
  ctx: TenantRead,
  input: { players: Array<{ brandId: string; playerId: string }>; receivedBefore: number },
) {
  if (input.players.length === 0) return [];
  const pairs = JSON.stringify(input.players.map((p) => [p.brandId, p.playerId]));
  // CROSS JOIN keeps the wanted pairs the outer loop (SQLite does not reorder it): one index look-up
  // per player, where the planner may otherwise scan the events and probe the pairs for each.
  const rows = await ctx.db.all<{
    id: string;
    brand_id: string;
    player_id: string;
    type: (typeof PLAYER_EVENT_TYPES)[number];
    amount_minor: number | null;
    currency: string | null;
    occurred_at: number;
    received_at: number;
  }>(sql`select e.id, e.brand_id, e.player_id, e.type, e.amount_minor, e.currency, e.occurred_at, e.received_at
    from json_each(${pairs}) as wanted cross join ${playerEvents} as e
    where e.operator_id = ${ctx.operatorId} and e.brand_id = wanted.value ->> 0 and e.player_id = wanted.value ->> 1
      and e.type in ('first_deposit', 'deposit', 'wager', 'ngr') and +e.received_at < ${input.receivedBefore}`);
  return rows.map((r) => ({
    id: r.id,
    brandId: r.brand_id,
    playerId: r.player_id,
    type: r.type,
    amountMinor: r.amount_minor,
    currency: r.currency,
    occurredAt: new Date(r.occurred_at),
    receivedAt: r.received_at,
  }));
}
