/**
 * CPA qualification as one SQL statement, for billing (which never reads this module's table): for
 * every registration a rule covers, the first of its player's money events (by time, then id) at
 * which the running first deposit, deposit count, wager and NGR meet the rule. SQLite's window
 * functions do in C what reading a million events into JavaScript took seconds to do.
 *
 * Only what needs no currency conversion is decided here: a player with an amount in another
 * currency before the moment, or with two first deposits, or under a rule whose thresholds are in
 * another currency, comes back undecided for the caller's exact check (with rates).
 */
import { sql } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import { playerEvents } from './table.ts';

/** Later than any instant an event carries (year 2255): JSON has no Infinity. */
const UNBOUNDED = 9e15;

/** One CPA rule for one brand and one plan version: registrations in [from, to) fall under it. */
export interface QualificationRule {
  planId: string;
  brandId: string;
  /** The brand's currency: amounts in it are compared as they are. */
  currency: string;
  from: number;
  to: number;
  /** Thresholds in the brand's currency, minor units; null: no such rule. `to` and the window may be unbounded (Infinity). */
  minFirstDeposit: number | null;
  minDeposits: number;
  minWager: number | null;
  minNgr: number | null;
  withinMs: number | null;
  countries: string[] | null;
  /** The thresholds are in another currency: every player under the rule is left to the caller. */
  undecided: boolean;
}

export interface QualifyingMoment {
  brandId: string;
  playerId: string;
  planId: string;
  partnerId: string;
  registeredAt: Date;
  country: string | null;
  campaignId: string | null;
  promoId: string | null;
  clickId: string | null;
  /** When the player met the rule and the values then; null: undecided, the caller checks with rates. */
  met: { at: number; firstDepositMinor: number; deposits: number; wagerMinor: number; ngrMinor: number } | null;
}

interface Row {
  brand_id: string;
  player_id: string;
  plan_id: string;
  partner_id: string;
  registered_at: number;
  country: string | null;
  campaign_id: string | null;
  promo_id: string | null;
  click_id: string | null;
  decided: number;
  at: number;
  ftd: number;
  deposits: number;
  wager: number;
  ngr: number;
}

/**
 * The registrations under `rules` whose player met the rule, or may have (undecided), counting events
 * received before `receivedBefore`. From the start (`receivedFrom` 0) every registration is looked
 * at; after that only those of players with an event received since `receivedFrom`. Players who
 * already qualified come back too: the caller knows which.
 */
export async function findQualifyingMoments(
  ctx: TenantRead,
  input: { rules: QualificationRule[]; receivedFrom: number; receivedBefore: number },
): Promise<QualifyingMoment[]> {
  if (input.rules.length === 0) return [];
  const rules = JSON.stringify(
    input.rules.map((r) => [
      r.planId,
      r.brandId,
      r.currency,
      r.from,
      Math.min(r.to, UNBOUNDED),
      r.minFirstDeposit,
      r.minDeposits,
      r.minWager,
      r.minNgr,
      r.withinMs === null ? null : Math.min(r.withinMs, UNBOUNDED),
      r.countries,
      r.undecided ? 1 : 0,
    ]),
  );
  const { operatorId } = ctx;
  const until = input.receivedBefore;
  // Registrations are read in player order (the player index, forced), so each player's events are
  // read next to the last one's and arrive grouped: the window sort only orders within a player.
  const fromStart = input.receivedFrom <= 0;
  const registrations = fromStart
    ? sql`from ${playerEvents} as r indexed by player_events_player cross join rules as u
        where r.operator_id = ${operatorId} and r.brand_id in (select brand_id from rules)`
    : sql`from active as a cross join ${playerEvents} as r indexed by player_events_player cross join rules as u
        where r.operator_id = ${operatorId} and r.brand_id = a.brand_id and r.player_id = a.player_id`;
  const active = fromStart
    ? sql``
    : sql`active as materialized (
      select distinct brand_id, player_id from ${playerEvents} indexed by player_events_received
      where operator_id = ${operatorId} and received_at >= ${input.receivedFrom} and received_at < ${until}
    ),`;
  const rows = await ctx.db.all<Row>(sql`
    with rules(plan_id, brand_id, currency, from_at, to_at, min_ftd, min_deposits, min_wager, min_ngr, within_ms,
        countries, undecided) as materialized (
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
        value ->> 8, value ->> 9, value ->> 10, value ->> 11
      from json_each(${rules})
    ),
    ${active}
    reg as (
      select r.rowid as reg_row, r.brand_id, r.player_id, r.occurred_at as registered_at,
        r.occurred_at + coalesce(u.within_ms, ${UNBOUNDED}) as window_end, u.currency, u.min_ftd, u.min_deposits,
        u.min_wager, u.min_ngr, u.undecided
      ${registrations}
        and r.type = 'registration' and r.partner_id is not null and +r.received_at < ${until}
        and u.plan_id = r.plan_id and u.brand_id = r.brand_id and r.occurred_at >= u.from_at and r.occurred_at < u.to_at
        and (u.countries is null or r.country in (select value from json_each(u.countries)))
    ),
    money as (
      select reg.*, e.occurred_at as at, e.id as event_id, e.type,
        iif(e.amount_minor is not null and e.currency is not null, e.amount_minor, 0) as value,
        e.amount_minor is not null and e.currency is not null and e.currency != reg.currency as foreign_amount
      from reg cross join ${playerEvents} as e
      where e.operator_id = ${operatorId} and e.brand_id = reg.brand_id and e.player_id = reg.player_id
        and e.type in ('first_deposit', 'deposit', 'wager', 'ngr') and +e.received_at < ${until}
        and e.occurred_at >= reg.registered_at and e.occurred_at < reg.window_end
    ),
    running as (
      select reg_row, at, undecided, min_ftd, min_deposits, min_wager, min_ngr,
        row_number() over w as seq,
        sum(type = 'first_deposit') over w as ftds,
        max(iif(type = 'first_deposit', value, null)) over w as ftd,
        sum(type in ('first_deposit', 'deposit')) over w as deposits,
        sum(iif(type = 'wager', value, 0)) over w as wager,
        sum(iif(type = 'ngr', value, 0)) over w as ngr,
        max(foreign_amount) over w as foreign_so_far
      from money
      window w as (partition by brand_id, player_id, reg_row order by at, event_id rows unbounded preceding)
    ),
    first_stop as (
      -- The first event where the rule is met or the check needs rates; min() takes that row's values.
      select reg_row, min(seq), at, ftd, deposits, wager, ngr,
        not (undecided or foreign_so_far or ftds > 1) as decided
      from running
      where undecided or foreign_so_far or ftds > 1 or (ftds = 1 and ftd >= coalesce(min_ftd, ftd)
        and deposits >= min_deposits and wager >= coalesce(min_wager, wager) and ngr >= coalesce(min_ngr, ngr))
      group by reg_row
    )
    select r.brand_id, r.player_id, r.plan_id, r.partner_id, r.occurred_at as registered_at, r.country, r.campaign_id,
      r.promo_id, r.click_id, s.decided, s.at, s.ftd, s.deposits, s.wager, s.ngr
    from first_stop as s cross join ${playerEvents} as r on r.rowid = s.reg_row`);
  return rows.map((r) => ({
    brandId: r.brand_id,
    playerId: r.player_id,
    planId: r.plan_id,
    partnerId: r.partner_id,
    registeredAt: new Date(r.registered_at),
    country: r.country,
    campaignId: r.campaign_id,
    promoId: r.promo_id,
    clickId: r.click_id,
    met: r.decided
      ? { at: r.at, firstDepositMinor: r.ftd, deposits: r.deposits, wagerMinor: r.wager, ngrMinor: r.ngr }
      : null,
  }));
}
