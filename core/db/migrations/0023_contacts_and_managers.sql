CREATE TABLE `contact_cards` (
	`operator_id` text NOT NULL,
	`scope` text NOT NULL,
	`brand_id` text,
	`support_email` text,
	`messengers` text NOT NULL,
	`hours` text NOT NULL,
	`note` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`operator_id`, `scope`),
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `managers` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`messengers` text NOT NULL,
	`languages` text NOT NULL,
	`photo_key` text,
	`photo_type` text,
	`photo_version` text,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `managers_operator_name` ON `managers` (`operator_id`,`name`);--> statement-breakpoint
CREATE TABLE `partner_managers` (
	`partner_id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`manager_id` text NOT NULL,
	`assigned_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`manager_id`) REFERENCES `managers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `partner_managers_manager` ON `partner_managers` (`operator_id`,`manager_id`);