CREATE TABLE `stats_campaign_ld` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`brand_id` text DEFAULT '' NOT NULL,
	`plan_id` text DEFAULT '' NOT NULL,
	`campaign_id` text DEFAULT '' NOT NULL,
	`currency` text DEFAULT '' NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	`unique_clicks` integer DEFAULT 0 NOT NULL,
	`bot_clicks` integer DEFAULT 0 NOT NULL,
	`registrations` integer DEFAULT 0 NOT NULL,
	`leads` integer DEFAULT 0 NOT NULL,
	`ftd_count` integer DEFAULT 0 NOT NULL,
	`ftd_amount` integer DEFAULT 0 NOT NULL,
	`deposit_count` integer DEFAULT 0 NOT NULL,
	`deposit_amount` integer DEFAULT 0 NOT NULL,
	`ngr_amount` integer DEFAULT 0 NOT NULL,
	`sale_count` integer DEFAULT 0 NOT NULL,
	`sale_amount` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stats_campaign_ld_key` ON `stats_campaign_ld` (`operator_id`,`bucket`,`partner_id`,`brand_id`,`plan_id`,`campaign_id`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_campaign_ld_partner` ON `stats_campaign_ld` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
-- Days already rolled up into the promo cube are summed over promos here, so reports read the
-- new cube at once instead of waiting for the next roll-up. Clicks join the row of a currency
-- the campaign's day has events in, as the roll-up does (roll-up.ts).
INSERT INTO `stats_campaign_ld` (
  `operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `currency`,
  `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`,
  `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`
)
SELECT `operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `merged`,
  sum(`clicks`), sum(`unique_clicks`), sum(`bot_clicks`), sum(`registrations`), sum(`leads`),
  sum(`ftd_count`), sum(`ftd_amount`), sum(`deposit_count`), sum(`deposit_amount`),
  sum(`ngr_amount`), sum(`sale_count`), sum(`sale_amount`)
FROM (
  SELECT *, CASE WHEN `currency` <> '' THEN `currency` ELSE coalesce(max(nullif(`currency`, '')) OVER (
    PARTITION BY `operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`
  ), '') END AS `merged`
  FROM `stats_promo_ld`
)
GROUP BY `operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `merged`;
