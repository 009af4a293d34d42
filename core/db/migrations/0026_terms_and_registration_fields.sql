CREATE TABLE `terms_acceptances` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`user_id` text NOT NULL,
	`terms_version_id` text NOT NULL,
	`accepted_at` integer NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`terms_version_id`) REFERENCES `terms_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terms_acceptances_user_version` ON `terms_acceptances` (`user_id`,`terms_version_id`);--> statement-breakpoint
CREATE INDEX `terms_acceptances_version_time` ON `terms_acceptances` (`operator_id`,`terms_version_id`,`accepted_at`);--> statement-breakpoint
CREATE TABLE `terms_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`body_markdown` text NOT NULL,
	`summary_of_changes` text,
	`published_at` integer NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terms_versions_number_per_operator` ON `terms_versions` (`operator_id`,`version`);--> statement-breakpoint
CREATE TABLE `registration_field_values` (
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`partner_id`, `key`),
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `registration_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`options` text NOT NULL,
	`required` integer NOT NULL,
	`position` integer NOT NULL,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registration_fields_key_per_operator` ON `registration_fields` (`operator_id`,`key`);