CREATE TABLE `bill_corrections` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`action` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`comment` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "bill_corrections_amount" CHECK("bill_corrections"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE INDEX `bill_corrections_bill` ON `bill_corrections` (`operator_id`,`bill_id`);--> statement-breakpoint
CREATE TABLE `bill_lines` (
	`bill_id` text NOT NULL,
	`n` integer NOT NULL,
	`kind` text NOT NULL,
	`quantity` integer,
	`basis_minor` integer,
	`basis_currency` text,
	`rate` text,
	`amount_minor` integer NOT NULL,
	`detail` text NOT NULL,
	PRIMARY KEY(`bill_id`, `n`),
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `billing_progress` (
	`operator_id` text NOT NULL,
	`subject` text NOT NULL,
	`position` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`operator_id`, `subject`)
);
--> statement-breakpoint
CREATE TABLE `bills` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`source` text NOT NULL,
	`billing_period` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`time_zone` text NOT NULL,
	`plan_version` text NOT NULL,
	`currency` text NOT NULL,
	`issued_minor` integer NOT NULL,
	`corrections_minor` integer DEFAULT 0 NOT NULL,
	`carry_in_minor` integer DEFAULT 0 NOT NULL,
	`carry_out_minor` integer DEFAULT 0 NOT NULL,
	`state` text NOT NULL,
	`waiting_for` text,
	`cutoff_at` integer NOT NULL,
	`priced_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`processed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "bills_state" CHECK("bills"."state" in ('pending', 'approved', 'on_hold', 'cancelled', 'paid')),
	CONSTRAINT "bills_carry" CHECK("bills"."carry_in_minor" <= 0 and "bills"."carry_out_minor" <= 0),
	CONSTRAINT "bills_waiting_pending" CHECK("bills"."waiting_for" is null or "bills"."state" = 'pending'),
	CONSTRAINT "bills_to_pay" CHECK("bills"."issued_minor" + "bills"."corrections_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_chain_period` ON `bills` (`operator_id`,`partner_id`,`brand_id`,`plan_id`,`source`,`period_start`);--> statement-breakpoint
CREATE INDEX `bills_operator_period` ON `bills` (`operator_id`,`period_start`,`id`);--> statement-breakpoint
CREATE INDEX `bills_partner_period` ON `bills` (`operator_id`,`partner_id`,`period_start`);--> statement-breakpoint
CREATE INDEX `bills_waiting` ON `bills` (`operator_id`,`waiting_for`);--> statement-breakpoint
CREATE TABLE `qualifications` (
	`operator_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`player_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`qualified_at` integer NOT NULL,
	`registered_at` integer NOT NULL,
	`country` text,
	`values` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`operator_id`, `plan_id`, `brand_id`, `player_id`),
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `qualifications_plan_time` ON `qualifications` (`operator_id`,`plan_id`,`qualified_at`);--> statement-breakpoint
CREATE INDEX `qualifications_created` ON `qualifications` (`operator_id`,`plan_id`,`created_at`);--> statement-breakpoint
-- An issued bill's amount and lines never change once it has left pending: corrections are rows of their own.
CREATE TRIGGER `bills_issued_frozen` BEFORE UPDATE OF `issued_minor`, `carry_in_minor`, `carry_out_minor`, `plan_version`, `cutoff_at` ON `bills`
WHEN OLD.`state` <> 'pending' OR OLD.`waiting_for` IS NULL
BEGIN SELECT RAISE(ABORT, 'bills: an issued bill is never rewritten'); END;
--> statement-breakpoint
CREATE TRIGGER `bill_lines_frozen_delete` BEFORE DELETE ON `bill_lines`
WHEN (SELECT `state` FROM `bills` WHERE `id` = OLD.`bill_id`) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'bills: a bill line is never removed'); END;
--> statement-breakpoint
CREATE TRIGGER `bill_lines_frozen_update` BEFORE UPDATE ON `bill_lines`
BEGIN SELECT RAISE(ABORT, 'bills: a bill line is never rewritten'); END;
--> statement-breakpoint
CREATE TRIGGER `bill_corrections_frozen` BEFORE UPDATE ON `bill_corrections`
BEGIN SELECT RAISE(ABORT, 'bills: a correction is never rewritten'); END;
