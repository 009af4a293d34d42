CREATE TABLE `report_favorites` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`question` text NOT NULL,
	`saved_by_user_id` text,
	`saved_by_email` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_favorites_name_per_partner` ON `report_favorites` (`operator_id`,`partner_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `report_favorites_partner_newest` ON `report_favorites` (`operator_id`,`partner_id`,`created_at`);