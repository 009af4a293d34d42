CREATE TABLE `exchange_rates` (
	`operator_id` text NOT NULL,
	`day` text NOT NULL,
	`currency` text NOT NULL,
	`per_eur` text NOT NULL,
	PRIMARY KEY(`operator_id`, `currency`, `day`)
);
--> statement-breakpoint
CREATE TABLE `report_settings` (
	`operator_id` text PRIMARY KEY NOT NULL,
	`hidden_metrics` text NOT NULL,
	`hidden_groupings` text NOT NULL,
	`click_retention_days` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_full_d` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`brand_id` text DEFAULT '' NOT NULL,
	`plan_id` text DEFAULT '' NOT NULL,
	`campaign_id` text DEFAULT '' NOT NULL,
	`promo_id` text DEFAULT '' NOT NULL,
	`landing_id` text DEFAULT '' NOT NULL,
	`creative_id` text DEFAULT '' NOT NULL,
	`traffic_source_id` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`device` text DEFAULT '' NOT NULL,
	`os` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `stats_full_d_key` ON `stats_full_d` (`operator_id`,`bucket`,`partner_id`,`brand_id`,`plan_id`,`campaign_id`,`promo_id`,`landing_id`,`creative_id`,`traffic_source_id`,`country`,`device`,`os`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_full_d_partner` ON `stats_full_d` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
CREATE TABLE `stats_full_h` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`brand_id` text DEFAULT '' NOT NULL,
	`plan_id` text DEFAULT '' NOT NULL,
	`campaign_id` text DEFAULT '' NOT NULL,
	`promo_id` text DEFAULT '' NOT NULL,
	`landing_id` text DEFAULT '' NOT NULL,
	`creative_id` text DEFAULT '' NOT NULL,
	`traffic_source_id` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`device` text DEFAULT '' NOT NULL,
	`os` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `stats_full_h_key` ON `stats_full_h` (`operator_id`,`bucket`,`partner_id`,`brand_id`,`plan_id`,`campaign_id`,`promo_id`,`landing_id`,`creative_id`,`traffic_source_id`,`country`,`device`,`os`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_full_h_partner` ON `stats_full_h` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
CREATE TABLE `stats_full_q` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`brand_id` text DEFAULT '' NOT NULL,
	`plan_id` text DEFAULT '' NOT NULL,
	`campaign_id` text DEFAULT '' NOT NULL,
	`promo_id` text DEFAULT '' NOT NULL,
	`landing_id` text DEFAULT '' NOT NULL,
	`creative_id` text DEFAULT '' NOT NULL,
	`traffic_source_id` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`device` text DEFAULT '' NOT NULL,
	`os` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `stats_full_q_key` ON `stats_full_q` (`operator_id`,`bucket`,`partner_id`,`brand_id`,`plan_id`,`campaign_id`,`promo_id`,`landing_id`,`creative_id`,`traffic_source_id`,`country`,`device`,`os`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_full_q_partner` ON `stats_full_q` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
CREATE TABLE `stats_geo_d` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`device` text DEFAULT '' NOT NULL,
	`os` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `stats_geo_d_key` ON `stats_geo_d` (`operator_id`,`bucket`,`partner_id`,`country`,`device`,`os`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_geo_d_partner` ON `stats_geo_d` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
CREATE TABLE `stats_geo_h` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`device` text DEFAULT '' NOT NULL,
	`os` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `stats_geo_h_key` ON `stats_geo_h` (`operator_id`,`bucket`,`partner_id`,`country`,`device`,`os`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_geo_h_partner` ON `stats_geo_h` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
CREATE TABLE `stats_param_q` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`brand_id` text DEFAULT '' NOT NULL,
	`plan_id` text DEFAULT '' NOT NULL,
	`campaign_id` text DEFAULT '' NOT NULL,
	`promo_id` text DEFAULT '' NOT NULL,
	`landing_id` text DEFAULT '' NOT NULL,
	`creative_id` text DEFAULT '' NOT NULL,
	`traffic_source_id` text DEFAULT '' NOT NULL,
	`param_key` text DEFAULT '' NOT NULL,
	`param_value` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `stats_param_q_key` ON `stats_param_q` (`operator_id`,`bucket`,`partner_id`,`brand_id`,`plan_id`,`campaign_id`,`promo_id`,`landing_id`,`creative_id`,`traffic_source_id`,`param_key`,`param_value`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_param_q_partner` ON `stats_param_q` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
CREATE TABLE `stats_promo_d` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`brand_id` text DEFAULT '' NOT NULL,
	`plan_id` text DEFAULT '' NOT NULL,
	`campaign_id` text DEFAULT '' NOT NULL,
	`promo_id` text DEFAULT '' NOT NULL,
	`landing_id` text DEFAULT '' NOT NULL,
	`creative_id` text DEFAULT '' NOT NULL,
	`traffic_source_id` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `stats_promo_d_key` ON `stats_promo_d` (`operator_id`,`bucket`,`partner_id`,`brand_id`,`plan_id`,`campaign_id`,`promo_id`,`landing_id`,`creative_id`,`traffic_source_id`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_promo_d_partner` ON `stats_promo_d` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
CREATE TABLE `stats_promo_h` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`brand_id` text DEFAULT '' NOT NULL,
	`plan_id` text DEFAULT '' NOT NULL,
	`campaign_id` text DEFAULT '' NOT NULL,
	`promo_id` text DEFAULT '' NOT NULL,
	`landing_id` text DEFAULT '' NOT NULL,
	`creative_id` text DEFAULT '' NOT NULL,
	`traffic_source_id` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `stats_promo_h_key` ON `stats_promo_h` (`operator_id`,`bucket`,`partner_id`,`brand_id`,`plan_id`,`campaign_id`,`promo_id`,`landing_id`,`creative_id`,`traffic_source_id`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_promo_h_partner` ON `stats_promo_h` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
DROP INDEX `audit_events_partner`;--> statement-breakpoint
CREATE INDEX `audit_events_partner_id` ON `audit_events` (`operator_id`,`partner_id`,`id`);--> statement-breakpoint
DROP INDEX `postback_attempts_partner_time`;--> statement-breakpoint
CREATE INDEX `postback_attempts_partner_id` ON `postback_attempts` (`operator_id`,`partner_id`,`id`);--> statement-breakpoint
ALTER TABLE `operators` ADD `time_zone` text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE `clicks` ADD `brand_id` text;--> statement-breakpoint
ALTER TABLE `clicks` ADD `plan_id` text;--> statement-breakpoint
ALTER TABLE `clicks` ADD `landing_id` text;--> statement-breakpoint
ALTER TABLE `clicks` ADD `creative_id` text;--> statement-breakpoint
ALTER TABLE `clicks` ADD `traffic_source_id` text;--> statement-breakpoint
CREATE INDEX `clicks_operator_time` ON `clicks` (`operator_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `player_events` ADD `plan_id` text;--> statement-breakpoint
ALTER TABLE `player_events` ADD `landing_id` text;--> statement-breakpoint
ALTER TABLE `player_events` ADD `creative_id` text;--> statement-breakpoint
ALTER TABLE `player_events` ADD `traffic_source_id` text;--> statement-breakpoint
ALTER TABLE `player_events` ADD `country` text;--> statement-breakpoint
ALTER TABLE `player_events` ADD `device` text;--> statement-breakpoint
ALTER TABLE `player_events` ADD `os` text;--> statement-breakpoint
-- Backfill (0.2.0 databases): what each click and event is counted under, then the aggregates of everything stored so far.
UPDATE `clicks` SET
  `brand_id` = (SELECT ca.brand_id FROM campaigns ca WHERE ca.id = clicks.campaign_id),
  `plan_id` = (SELECT ca.plan_id FROM campaigns ca WHERE ca.id = clicks.campaign_id),
  `landing_id` = (SELECT p.landing_id FROM promos p WHERE p.id = clicks.promo_id),
  `creative_id` = (SELECT p.creative_id FROM promos p WHERE p.id = clicks.promo_id),
  `traffic_source_id` = (SELECT p.traffic_source_id FROM promos p WHERE p.id = clicks.promo_id)
WHERE `brand_id` IS NULL;
--> statement-breakpoint
UPDATE `player_events` SET
  `plan_id` = coalesce((SELECT c.plan_id FROM clicks c WHERE c.id = player_events.click_id), (SELECT ca.plan_id FROM campaigns ca WHERE ca.id = player_events.campaign_id)),
  `landing_id` = coalesce((SELECT c.landing_id FROM clicks c WHERE c.id = player_events.click_id), (SELECT p.landing_id FROM promos p WHERE p.id = player_events.promo_id)),
  `creative_id` = CASE WHEN EXISTS (SELECT 1 FROM clicks c WHERE c.id = player_events.click_id) THEN (SELECT c.creative_id FROM clicks c WHERE c.id = player_events.click_id) ELSE (SELECT p.creative_id FROM promos p WHERE p.id = player_events.promo_id) END,
  `traffic_source_id` = CASE WHEN EXISTS (SELECT 1 FROM clicks c WHERE c.id = player_events.click_id) THEN (SELECT c.traffic_source_id FROM clicks c WHERE c.id = player_events.click_id) ELSE (SELECT p.traffic_source_id FROM promos p WHERE p.id = player_events.promo_id) END,
  `country` = (SELECT c.country FROM clicks c WHERE c.id = player_events.click_id),
  `device` = (SELECT c.device FROM clicks c WHERE c.id = player_events.click_id),
  `os` = (SELECT c.os FROM clicks c WHERE c.id = player_events.click_id)
WHERE `partner_id` IS NOT NULL;
--> statement-breakpoint
INSERT INTO `stats_full_q` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT c.operator_id, (c.created_at / 900000) * 900000, coalesce(c.partner_id, ''), coalesce(c.brand_id, ''), coalesce(c.plan_id, ''), coalesce(c.campaign_id, ''), coalesce(c.promo_id, ''), coalesce(c.landing_id, ''), coalesce(c.creative_id, ''), coalesce(c.traffic_source_id, ''), coalesce(c.country, ''), coalesce(c.device, ''), coalesce(c.os, ''), '', sum(case when c.is_bot then 0 else 1 end), sum(case when not c.is_bot and c.is_unique then 1 else 0 end), sum(case when c.is_bot then 1 else 0 end), 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM `clicks` c
WHERE 1
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_full_q` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT e.operator_id, (e.occurred_at / 900000) * 900000, e.partner_id, e.brand_id, coalesce(e.plan_id, ''), e.campaign_id, e.promo_id, coalesce(e.landing_id, ''), coalesce(e.creative_id, ''), coalesce(e.traffic_source_id, ''), coalesce(e.country, ''), coalesce(e.device, ''), coalesce(e.os, ''), coalesce(e.currency, ''), 0, 0, 0, sum(cast(e.type = 'registration' as integer)), sum(cast(e.type = 'lead' as integer)), sum(cast(e.type = 'first_deposit' as integer)), sum(case when e.type = 'first_deposit' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type in ('first_deposit', 'deposit') as integer)), sum(case when e.type in ('first_deposit', 'deposit') then coalesce(e.amount_minor, 0) else 0 end), sum(case when e.type = 'ngr' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type = 'sale' as integer)), sum(case when e.type = 'sale' then coalesce(e.amount_minor, 0) else 0 end)
FROM `player_events` e
WHERE e.partner_id IS NOT NULL AND e.type IN ('registration', 'lead', 'first_deposit', 'deposit', 'ngr', 'sale')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_full_h` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT c.operator_id, (c.created_at / 3600000) * 3600000, coalesce(c.partner_id, ''), coalesce(c.brand_id, ''), coalesce(c.plan_id, ''), coalesce(c.campaign_id, ''), coalesce(c.promo_id, ''), coalesce(c.landing_id, ''), coalesce(c.creative_id, ''), coalesce(c.traffic_source_id, ''), coalesce(c.country, ''), coalesce(c.device, ''), coalesce(c.os, ''), '', sum(case when c.is_bot then 0 else 1 end), sum(case when not c.is_bot and c.is_unique then 1 else 0 end), sum(case when c.is_bot then 1 else 0 end), 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM `clicks` c
WHERE 1
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_full_h` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT e.operator_id, (e.occurred_at / 3600000) * 3600000, e.partner_id, e.brand_id, coalesce(e.plan_id, ''), e.campaign_id, e.promo_id, coalesce(e.landing_id, ''), coalesce(e.creative_id, ''), coalesce(e.traffic_source_id, ''), coalesce(e.country, ''), coalesce(e.device, ''), coalesce(e.os, ''), coalesce(e.currency, ''), 0, 0, 0, sum(cast(e.type = 'registration' as integer)), sum(cast(e.type = 'lead' as integer)), sum(cast(e.type = 'first_deposit' as integer)), sum(case when e.type = 'first_deposit' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type in ('first_deposit', 'deposit') as integer)), sum(case when e.type in ('first_deposit', 'deposit') then coalesce(e.amount_minor, 0) else 0 end), sum(case when e.type = 'ngr' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type = 'sale' as integer)), sum(case when e.type = 'sale' then coalesce(e.amount_minor, 0) else 0 end)
FROM `player_events` e
WHERE e.partner_id IS NOT NULL AND e.type IN ('registration', 'lead', 'first_deposit', 'deposit', 'ngr', 'sale')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_full_d` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT c.operator_id, (c.created_at / 86400000) * 86400000, coalesce(c.partner_id, ''), coalesce(c.brand_id, ''), coalesce(c.plan_id, ''), coalesce(c.campaign_id, ''), coalesce(c.promo_id, ''), coalesce(c.landing_id, ''), coalesce(c.creative_id, ''), coalesce(c.traffic_source_id, ''), coalesce(c.country, ''), coalesce(c.device, ''), coalesce(c.os, ''), '', sum(case when c.is_bot then 0 else 1 end), sum(case when not c.is_bot and c.is_unique then 1 else 0 end), sum(case when c.is_bot then 1 else 0 end), 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM `clicks` c
WHERE 1
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_full_d` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT e.operator_id, (e.occurred_at / 86400000) * 86400000, e.partner_id, e.brand_id, coalesce(e.plan_id, ''), e.campaign_id, e.promo_id, coalesce(e.landing_id, ''), coalesce(e.creative_id, ''), coalesce(e.traffic_source_id, ''), coalesce(e.country, ''), coalesce(e.device, ''), coalesce(e.os, ''), coalesce(e.currency, ''), 0, 0, 0, sum(cast(e.type = 'registration' as integer)), sum(cast(e.type = 'lead' as integer)), sum(cast(e.type = 'first_deposit' as integer)), sum(case when e.type = 'first_deposit' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type in ('first_deposit', 'deposit') as integer)), sum(case when e.type in ('first_deposit', 'deposit') then coalesce(e.amount_minor, 0) else 0 end), sum(case when e.type = 'ngr' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type = 'sale' as integer)), sum(case when e.type = 'sale' then coalesce(e.amount_minor, 0) else 0 end)
FROM `player_events` e
WHERE e.partner_id IS NOT NULL AND e.type IN ('registration', 'lead', 'first_deposit', 'deposit', 'ngr', 'sale')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_promo_h` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT c.operator_id, (c.created_at / 3600000) * 3600000, coalesce(c.partner_id, ''), coalesce(c.brand_id, ''), coalesce(c.plan_id, ''), coalesce(c.campaign_id, ''), coalesce(c.promo_id, ''), coalesce(c.landing_id, ''), coalesce(c.creative_id, ''), coalesce(c.traffic_source_id, ''), '', sum(case when c.is_bot then 0 else 1 end), sum(case when not c.is_bot and c.is_unique then 1 else 0 end), sum(case when c.is_bot then 1 else 0 end), 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM `clicks` c
WHERE 1
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_promo_h` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT e.operator_id, (e.occurred_at / 3600000) * 3600000, e.partner_id, e.brand_id, coalesce(e.plan_id, ''), e.campaign_id, e.promo_id, coalesce(e.landing_id, ''), coalesce(e.creative_id, ''), coalesce(e.traffic_source_id, ''), coalesce(e.currency, ''), 0, 0, 0, sum(cast(e.type = 'registration' as integer)), sum(cast(e.type = 'lead' as integer)), sum(cast(e.type = 'first_deposit' as integer)), sum(case when e.type = 'first_deposit' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type in ('first_deposit', 'deposit') as integer)), sum(case when e.type in ('first_deposit', 'deposit') then coalesce(e.amount_minor, 0) else 0 end), sum(case when e.type = 'ngr' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type = 'sale' as integer)), sum(case when e.type = 'sale' then coalesce(e.amount_minor, 0) else 0 end)
FROM `player_events` e
WHERE e.partner_id IS NOT NULL AND e.type IN ('registration', 'lead', 'first_deposit', 'deposit', 'ngr', 'sale')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_promo_d` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT c.operator_id, (c.created_at / 86400000) * 86400000, coalesce(c.partner_id, ''), coalesce(c.brand_id, ''), coalesce(c.plan_id, ''), coalesce(c.campaign_id, ''), coalesce(c.promo_id, ''), coalesce(c.landing_id, ''), coalesce(c.creative_id, ''), coalesce(c.traffic_source_id, ''), '', sum(case when c.is_bot then 0 else 1 end), sum(case when not c.is_bot and c.is_unique then 1 else 0 end), sum(case when c.is_bot then 1 else 0 end), 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM `clicks` c
WHERE 1
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_promo_d` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT e.operator_id, (e.occurred_at / 86400000) * 86400000, e.partner_id, e.brand_id, coalesce(e.plan_id, ''), e.campaign_id, e.promo_id, coalesce(e.landing_id, ''), coalesce(e.creative_id, ''), coalesce(e.traffic_source_id, ''), coalesce(e.currency, ''), 0, 0, 0, sum(cast(e.type = 'registration' as integer)), sum(cast(e.type = 'lead' as integer)), sum(cast(e.type = 'first_deposit' as integer)), sum(case when e.type = 'first_deposit' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type in ('first_deposit', 'deposit') as integer)), sum(case when e.type in ('first_deposit', 'deposit') then coalesce(e.amount_minor, 0) else 0 end), sum(case when e.type = 'ngr' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type = 'sale' as integer)), sum(case when e.type = 'sale' then coalesce(e.amount_minor, 0) else 0 end)
FROM `player_events` e
WHERE e.partner_id IS NOT NULL AND e.type IN ('registration', 'lead', 'first_deposit', 'deposit', 'ngr', 'sale')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_geo_h` (`operator_id`, `bucket`, `partner_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT c.operator_id, (c.created_at / 3600000) * 3600000, coalesce(c.partner_id, ''), coalesce(c.country, ''), coalesce(c.device, ''), coalesce(c.os, ''), '', sum(case when c.is_bot then 0 else 1 end), sum(case when not c.is_bot and c.is_unique then 1 else 0 end), sum(case when c.is_bot then 1 else 0 end), 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM `clicks` c
WHERE 1
GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_geo_h` (`operator_id`, `bucket`, `partner_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT e.operator_id, (e.occurred_at / 3600000) * 3600000, e.partner_id, coalesce(e.country, ''), coalesce(e.device, ''), coalesce(e.os, ''), coalesce(e.currency, ''), 0, 0, 0, sum(cast(e.type = 'registration' as integer)), sum(cast(e.type = 'lead' as integer)), sum(cast(e.type = 'first_deposit' as integer)), sum(case when e.type = 'first_deposit' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type in ('first_deposit', 'deposit') as integer)), sum(case when e.type in ('first_deposit', 'deposit') then coalesce(e.amount_minor, 0) else 0 end), sum(case when e.type = 'ngr' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type = 'sale' as integer)), sum(case when e.type = 'sale' then coalesce(e.amount_minor, 0) else 0 end)
FROM `player_events` e
WHERE e.partner_id IS NOT NULL AND e.type IN ('registration', 'lead', 'first_deposit', 'deposit', 'ngr', 'sale')
GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_geo_d` (`operator_id`, `bucket`, `partner_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT c.operator_id, (c.created_at / 86400000) * 86400000, coalesce(c.partner_id, ''), coalesce(c.country, ''), coalesce(c.device, ''), coalesce(c.os, ''), '', sum(case when c.is_bot then 0 else 1 end), sum(case when not c.is_bot and c.is_unique then 1 else 0 end), sum(case when c.is_bot then 1 else 0 end), 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM `clicks` c
WHERE 1
GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_geo_d` (`operator_id`, `bucket`, `partner_id`, `country`, `device`, `os`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT e.operator_id, (e.occurred_at / 86400000) * 86400000, e.partner_id, coalesce(e.country, ''), coalesce(e.device, ''), coalesce(e.os, ''), coalesce(e.currency, ''), 0, 0, 0, sum(cast(e.type = 'registration' as integer)), sum(cast(e.type = 'lead' as integer)), sum(cast(e.type = 'first_deposit' as integer)), sum(case when e.type = 'first_deposit' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type in ('first_deposit', 'deposit') as integer)), sum(case when e.type in ('first_deposit', 'deposit') then coalesce(e.amount_minor, 0) else 0 end), sum(case when e.type = 'ngr' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type = 'sale' as integer)), sum(case when e.type = 'sale' then coalesce(e.amount_minor, 0) else 0 end)
FROM `player_events` e
WHERE e.partner_id IS NOT NULL AND e.type IN ('registration', 'lead', 'first_deposit', 'deposit', 'ngr', 'sale')
GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `country`, `device`, `os`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_param_q` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `param_key`, `param_value`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT c.operator_id, (c.created_at / 900000) * 900000, coalesce(c.partner_id, ''), coalesce(c.brand_id, ''), coalesce(c.plan_id, ''), coalesce(c.campaign_id, ''), coalesce(c.promo_id, ''), coalesce(c.landing_id, ''), coalesce(c.creative_id, ''), coalesce(c.traffic_source_id, ''), substr(json_extract(j.value, '$[0]'), 1, 64), substr(json_extract(j.value, '$[1]'), 1, 128), '', sum(case when c.is_bot then 0 else 1 end), sum(case when not c.is_bot and c.is_unique then 1 else 0 end), sum(case when c.is_bot then 1 else 0 end), 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM `clicks` c, json_each(c.params) j
WHERE j.key < 10 AND substr(json_extract(j.value, '$[0]'), 1, 64) <> '' AND NOT EXISTS (
  SELECT 1 FROM json_each(c.params) j2 WHERE j2.key < j.key AND substr(json_extract(j2.value, '$[0]'), 1, 64) = substr(json_extract(j.value, '$[0]'), 1, 64))
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `param_key`, `param_value`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
--> statement-breakpoint
INSERT INTO `stats_param_q` (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `param_key`, `param_value`, `currency`, `clicks`, `unique_clicks`, `bot_clicks`, `registrations`, `leads`, `ftd_count`, `ftd_amount`, `deposit_count`, `deposit_amount`, `ngr_amount`, `sale_count`, `sale_amount`)
SELECT e.operator_id, (e.occurred_at / 900000) * 900000, e.partner_id, e.brand_id, coalesce(e.plan_id, ''), e.campaign_id, e.promo_id, coalesce(e.landing_id, ''), coalesce(e.creative_id, ''), coalesce(e.traffic_source_id, ''), substr(json_extract(j.value, '$[0]'), 1, 64), substr(json_extract(j.value, '$[1]'), 1, 128), coalesce(e.currency, ''), 0, 0, 0, sum(cast(e.type = 'registration' as integer)), sum(cast(e.type = 'lead' as integer)), sum(cast(e.type = 'first_deposit' as integer)), sum(case when e.type = 'first_deposit' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type in ('first_deposit', 'deposit') as integer)), sum(case when e.type in ('first_deposit', 'deposit') then coalesce(e.amount_minor, 0) else 0 end), sum(case when e.type = 'ngr' then coalesce(e.amount_minor, 0) else 0 end), sum(cast(e.type = 'sale' as integer)), sum(case when e.type = 'sale' then coalesce(e.amount_minor, 0) else 0 end)
FROM `player_events` e JOIN `clicks` c ON c.id = e.click_id, json_each(c.params) j
WHERE e.partner_id IS NOT NULL AND e.type IN ('registration', 'lead', 'first_deposit', 'deposit', 'ngr', 'sale') AND j.key < 10 AND substr(json_extract(j.value, '$[0]'), 1, 64) <> '' AND NOT EXISTS (
  SELECT 1 FROM json_each(c.params) j2 WHERE j2.key < j.key AND substr(json_extract(j2.value, '$[0]'), 1, 64) = substr(json_extract(j.value, '$[0]'), 1, 64))
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
ON CONFLICT (`operator_id`, `bucket`, `partner_id`, `brand_id`, `plan_id`, `campaign_id`, `promo_id`, `landing_id`, `creative_id`, `traffic_source_id`, `param_key`, `param_value`, `currency`) DO UPDATE SET `clicks` = `clicks` + excluded.`clicks`, `unique_clicks` = `unique_clicks` + excluded.`unique_clicks`, `bot_clicks` = `bot_clicks` + excluded.`bot_clicks`, `registrations` = `registrations` + excluded.`registrations`, `leads` = `leads` + excluded.`leads`, `ftd_count` = `ftd_count` + excluded.`ftd_count`, `ftd_amount` = `ftd_amount` + excluded.`ftd_amount`, `deposit_count` = `deposit_count` + excluded.`deposit_count`, `deposit_amount` = `deposit_amount` + excluded.`deposit_amount`, `ngr_amount` = `ngr_amount` + excluded.`ngr_amount`, `sale_count` = `sale_count` + excluded.`sale_count`, `sale_amount` = `sale_amount` + excluded.`sale_amount`;
