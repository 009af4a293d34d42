CREATE TABLE `postback_configs` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`scope` text NOT NULL,
	`campaign_id` text,
	`promo_id` text,
	`action` text NOT NULL,
	`method` text NOT NULL,
	`body_format` text,
	`url_template` text NOT NULL,
	`enabled` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `postback_configs_partner` ON `postback_configs` (`operator_id`,`partner_id`,`scope`);