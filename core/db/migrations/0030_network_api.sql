CREATE TABLE `network_adapters` (
	`connection_id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`adapter` text NOT NULL,
	`synced_until` integer,
	`next_sync_at` integer,
	`lease_until` integer,
	`last_sync_at` integer,
	`last_outcome` text,
	`last_error` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `network_adapters_due` ON `network_adapters` (`next_sync_at`);--> statement-breakpoint
CREATE INDEX `network_adapters_operator` ON `network_adapters` (`operator_id`);--> statement-breakpoint
CREATE TABLE `network_api_log` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`run_id` text NOT NULL,
	`purpose` text NOT NULL,
	`at` integer NOT NULL,
	`method` text NOT NULL,
	`url` text NOT NULL,
	`request_body` text,
	`status` integer,
	`duration_ms` integer NOT NULL,
	`answer` text,
	`items_seen` integer DEFAULT 0 NOT NULL,
	`items_changed` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `network_api_log_connection` ON `network_api_log` (`operator_id`,`connection_id`,`id`);--> statement-breakpoint
CREATE INDEX `network_api_log_time` ON `network_api_log` (`at`);--> statement-breakpoint
CREATE TABLE `network_leads` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`offer_id` text NOT NULL,
	`lead_id` text NOT NULL,
	`visit_id` text NOT NULL,
	`contact_sealed` text,
	`contact_masked` text,
	`state` text NOT NULL,
	`network_order_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`pushed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `network_leads_lead` ON `network_leads` (`operator_id`,`connection_id`,`lead_id`);--> statement-breakpoint
CREATE INDEX `network_leads_order` ON `network_leads` (`operator_id`,`connection_id`,`network_order_id`);--> statement-breakpoint
CREATE INDEX `network_leads_list` ON `network_leads` (`operator_id`,`connection_id`,`id`);--> statement-breakpoint
CREATE INDEX `network_leads_retention` ON `network_leads` (`created_at`);--> statement-breakpoint
CREATE TABLE `network_order_reports` (
	`operator_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`order_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`applied_at` integer NOT NULL,
	PRIMARY KEY(`operator_id`, `connection_id`, `order_id`)
);
