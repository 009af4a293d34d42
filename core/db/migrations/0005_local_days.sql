CREATE TABLE `stats_changed_quarters` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
	PRIMARY KEY(`operator_id`, `bucket`)
);
--> statement-breakpoint
CREATE TABLE `stats_country_ld` (
	`operator_id` text NOT NULL,
	`bucket` integer NOT NULL,
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
CREATE UNIQUE INDEX `stats_country_ld_key` ON `stats_country_ld` (`operator_id`,`bucket`,`country`,`device`,`os`,`currency`);--> statement-breakpoint
CREATE TABLE `stats_promo_ld` (
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
CREATE UNIQUE INDEX `stats_promo_ld_key` ON `stats_promo_ld` (`operator_id`,`bucket`,`partner_id`,`brand_id`,`plan_id`,`campaign_id`,`promo_id`,`landing_id`,`creative_id`,`traffic_source_id`,`currency`);--> statement-breakpoint
CREATE INDEX `stats_promo_ld_partner` ON `stats_promo_ld` (`operator_id`,`partner_id`,`bucket`);--> statement-breakpoint
CREATE TABLE `stats_rollups` (
	`operator_id` text PRIMARY KEY NOT NULL,
	`time_zone` text NOT NULL,
	`rolled_until` integer NOT NULL
);
