CREATE TABLE `payment_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`method_id` text NOT NULL,
	`kind` text NOT NULL,
	`sealed_details` text,
	`masked` text NOT NULL,
	`added_by_user_id` text,
	`created_at` integer NOT NULL,
	`deleted_at` integer,
	`deleted_by_user_id` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`method_id`) REFERENCES `payment_methods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_accounts_one_per_method` ON `payment_accounts` (`partner_id`,`method_id`) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX `payment_accounts_partner` ON `payment_accounts` (`operator_id`,`partner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `payment_methods` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`limits` text NOT NULL,
	`enabled` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_methods_operator_name` ON `payment_methods` (`operator_id`,`name`);