CREATE TABLE `commission_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`terms` text NOT NULL,
	`is_default` integer NOT NULL,
	`supports_sub_affiliates` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commission_plans_operator_name` ON `commission_plans` (`operator_id`,`name`);--> statement-breakpoint
CREATE TABLE `creatives` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`brand_id` text,
	`title` text NOT NULL,
	`language` text NOT NULL,
	`format` text NOT NULL,
	`privacy` text NOT NULL,
	`allowed_partner_ids` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`tags` text NOT NULL,
	`asset_url` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `creatives_operator` ON `creatives` (`operator_id`);--> statement-breakpoint
CREATE TABLE `landings` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`audience` text NOT NULL,
	`language` text NOT NULL,
	`countries` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `landings_operator_brand` ON `landings` (`operator_id`,`brand_id`);--> statement-breakpoint
CREATE TABLE `plan_assignments` (
	`plan_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`operator_id` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `commission_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_assignments_pk` ON `plan_assignments` (`plan_id`,`partner_id`);--> statement-breakpoint
CREATE TABLE `traffic_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `traffic_sources_operator_name` ON `traffic_sources` (`operator_id`,`name`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaigns_partner` ON `campaigns` (`operator_id`,`partner_id`,`status`);--> statement-breakpoint
CREATE TABLE `promos` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`code` text NOT NULL,
	`landing_id` text NOT NULL,
	`creative_id` text,
	`traffic_source_id` text,
	`title` text NOT NULL,
	`promo_code` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promos_code` ON `promos` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `promos_operator_promo_code` ON `promos` (`operator_id`,`promo_code`);--> statement-breakpoint
CREATE INDEX `promos_campaign` ON `promos` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `clicks` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`promo_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`params` text NOT NULL,
	`ip_prefix` text,
	`country` text,
	`device` text,
	`os` text,
	`browser` text,
	`referrer` text,
	`is_bot` integer NOT NULL,
	`is_unique` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `clicks_promo_time` ON `clicks` (`promo_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `clicks_partner_time` ON `clicks` (`operator_id`,`partner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `player_events` (
	`operator_id` text NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`player_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`visit_id` text,
	`promo_code` text,
	`amount_minor` integer,
	`currency` text,
	`occurred_at` integer NOT NULL,
	`data` text,
	`content_hash` text NOT NULL,
	`partner_id` text,
	`campaign_id` text,
	`promo_id` text,
	`click_id` text,
	`attributed_by` text,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`operator_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `player_events_partner_time` ON `player_events` (`operator_id`,`partner_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `player_events_player` ON `player_events` (`operator_id`,`brand_id`,`player_id`);--> statement-breakpoint
CREATE TABLE `players` (
	`operator_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`player_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`promo_id` text NOT NULL,
	`click_id` text,
	`attributed_at` integer NOT NULL,
	PRIMARY KEY(`operator_id`, `brand_id`, `player_id`)
);
--> statement-breakpoint
ALTER TABLE `operators` ADD `fallback_url` text;