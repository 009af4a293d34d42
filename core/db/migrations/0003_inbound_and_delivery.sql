CREATE TABLE `postback_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`delivery_id` text NOT NULL,
	`postback_id` text NOT NULL,
	`action` text NOT NULL,
	`campaign_id` text,
	`promo_id` text,
	`method` text NOT NULL,
	`url` text NOT NULL,
	`sent_at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`response_code` integer,
	`error` text,
	`is_test` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `postback_attempts_partner_time` ON `postback_attempts` (`operator_id`,`partner_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `postback_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`postback_id` text NOT NULL,
	`trigger_key` text NOT NULL,
	`action` text NOT NULL,
	`campaign_id` text,
	`promo_id` text,
	`click_id` text,
	`method` text NOT NULL,
	`url` text NOT NULL,
	`body` text,
	`content_type` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_response_code` integer,
	`last_error` text,
	`is_test` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`first_attempt_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `postback_deliveries_trigger` ON `postback_deliveries` (`postback_id`,`trigger_key`);--> statement-breakpoint
CREATE INDEX `postback_deliveries_partner` ON `postback_deliveries` (`operator_id`,`partner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `network_connections` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`kind` text NOT NULL,
	`network_key` text,
	`name` text NOT NULL,
	`settings_sealed` text,
	`token_sealed` text NOT NULL,
	`token_hash` text NOT NULL,
	`default_currency` text NOT NULL,
	`enabled` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `network_connections_operator` ON `network_connections` (`operator_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `network_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`label` text NOT NULL,
	`brand_id` text,
	`landing_id` text,
	`parameters` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `network_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `network_offers_connection` ON `network_offers` (`operator_id`,`connection_id`);--> statement-breakpoint
CREATE TABLE `campaign_costs` (
	`operator_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`day` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`operator_id`, `campaign_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `conversion_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`conversion_id` text NOT NULL,
	`at` integer NOT NULL,
	`source` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`raw_status` text,
	`payout_minor` integer,
	`currency` text,
	`outcome` text NOT NULL,
	`warning` text,
	`received` text
);
--> statement-breakpoint
CREATE INDEX `conversion_changes_conversion` ON `conversion_changes` (`operator_id`,`conversion_id`,`at`);--> statement-breakpoint
CREATE TABLE `conversions` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`source` text NOT NULL,
	`connection_id` text,
	`dedupe_key` text NOT NULL,
	`external_id` text,
	`click_id` text,
	`partner_id` text,
	`campaign_id` text,
	`promo_id` text,
	`status` text NOT NULL,
	`raw_status` text,
	`payout_minor` integer,
	`currency` text,
	`comment` text,
	`reason` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversions_dedupe` ON `conversions` (`operator_id`,`source`,`connection_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `conversions_operator_time` ON `conversions` (`operator_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `conversions_click` ON `conversions` (`operator_id`,`click_id`);