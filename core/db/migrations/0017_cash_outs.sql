CREATE TABLE `cash_outs` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`payment_account_id` text NOT NULL,
	`method_id` text NOT NULL,
	`method_name` text NOT NULL,
	`account_summary` text NOT NULL,
	`currency` text NOT NULL,
	`amount` integer NOT NULL,
	`state` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`requested_by_user_id` text,
	`reference` text,
	`cancelled_by` text,
	`changed_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "cash_outs_amount_positive" CHECK(typeof("cash_outs"."amount") = 'integer' and "cash_outs"."amount" > 0),
	CONSTRAINT "cash_outs_state" CHECK("cash_outs"."state" in ('pending', 'success', 'cancelled', 'refunded'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cash_outs_key` ON `cash_outs` (`operator_id`,`partner_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `cash_outs_partner` ON `cash_outs` (`operator_id`,`partner_id`,`id`);--> statement-breakpoint
CREATE INDEX `cash_outs_operator` ON `cash_outs` (`operator_id`,`state`,`id`);