CREATE TABLE `requested_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`user_id` text NOT NULL,
	`user_email` text NOT NULL,
	`name` text NOT NULL,
	`format` text NOT NULL,
	`status` text NOT NULL,
	`failure_reason` text,
	`query` text NOT NULL,
	`period_from` text,
	`period_to` text,
	`time_zone` text,
	`idempotency_key` text,
	`requested_at` integer NOT NULL,
	`finished_at` integer,
	`expires_at` integer,
	`row_count` integer,
	`file_size` integer,
	`file_key` text,
	`file_deleted_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "requested_reports_status" CHECK("requested_reports"."status" in ('processing', 'successful', 'failed') and ("requested_reports"."status" != 'successful' or "requested_reports"."file_key" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requested_reports_idempotency` ON `requested_reports` (`operator_id`,`partner_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `requested_reports_partner` ON `requested_reports` (`operator_id`,`partner_id`,`id`);--> statement-breakpoint
CREATE INDEX `requested_reports_expiry` ON `requested_reports` (`expires_at`);