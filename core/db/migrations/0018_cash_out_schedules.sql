CREATE TABLE `cash_out_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`payment_account_id` text NOT NULL,
	`currency` text NOT NULL,
	`kind` text NOT NULL,
	`weekdays` text NOT NULL,
	`dates` text NOT NULL,
	`min_amount` integer NOT NULL,
	`max_amount` integer NOT NULL,
	`enabled` integer NOT NULL,
	`saved_by_user_id` text,
	`last_slot` text,
	`last_outcome` text,
	`last_reason` text,
	`last_amount` integer,
	`last_minimum` integer,
	`last_cash_out_id` text,
	`last_run_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`payment_account_id`) REFERENCES `payment_accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cash_out_schedules_amounts" CHECK(typeof("cash_out_schedules"."min_amount") = 'integer' and typeof("cash_out_schedules"."max_amount") = 'integer' and "cash_out_schedules"."min_amount" > 0 and "cash_out_schedules"."min_amount" <= "cash_out_schedules"."max_amount"),
	CONSTRAINT "cash_out_schedules_kind" CHECK("cash_out_schedules"."kind" in ('daily', 'weekly', 'monthly'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cash_out_schedules_one_per_account_currency` ON `cash_out_schedules` (`operator_id`,`partner_id`,`payment_account_id`,`currency`);--> statement-breakpoint
CREATE INDEX `cash_out_schedules_operator_enabled` ON `cash_out_schedules` (`operator_id`,`enabled`);