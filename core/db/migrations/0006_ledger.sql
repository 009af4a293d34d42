CREATE TABLE `ledger_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`owner` text NOT NULL,
	`owner_id` text NOT NULL,
	`kind` text NOT NULL,
	`currency` text NOT NULL,
	`debits_posted` integer DEFAULT 0 NOT NULL,
	`credits_posted` integer DEFAULT 0 NOT NULL,
	`debits_must_not_exceed_credits` integer DEFAULT false NOT NULL,
	`credits_must_not_exceed_debits` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_accounts_posted_range" CHECK("ledger_accounts"."debits_posted" between 0 and 9007199254740991 and "ledger_accounts"."credits_posted" between 0 and 9007199254740991),
	CONSTRAINT "ledger_accounts_no_overdraft" CHECK("ledger_accounts"."debits_must_not_exceed_credits" = 0 or "ledger_accounts"."debits_posted" <= "ledger_accounts"."credits_posted"),
	CONSTRAINT "ledger_accounts_no_overcredit" CHECK("ledger_accounts"."credits_must_not_exceed_debits" = 0 or "ledger_accounts"."credits_posted" <= "ledger_accounts"."debits_posted"),
	CONSTRAINT "ledger_accounts_partner_available_guarded" CHECK("ledger_accounts"."owner" <> 'partner' or "ledger_accounts"."kind" <> 'available' or "ledger_accounts"."debits_must_not_exceed_credits" = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_accounts_owner` ON `ledger_accounts` (`operator_id`,`owner`,`owner_id`,`kind`,`currency`);--> statement-breakpoint
CREATE TABLE `ledger_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`key` text NOT NULL,
	`debit_account_id` text NOT NULL,
	`credit_account_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`reason` text NOT NULL,
	`action` text NOT NULL,
	`reference` text,
	`partner_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`debit_account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_transfers_amount_positive" CHECK(typeof("ledger_transfers"."amount") = 'integer' and "ledger_transfers"."amount" > 0 and "ledger_transfers"."amount" <= 9007199254740991),
	CONSTRAINT "ledger_transfers_two_accounts" CHECK("ledger_transfers"."debit_account_id" <> "ledger_transfers"."credit_account_id"),
	CONSTRAINT "ledger_transfers_action" CHECK("ledger_transfers"."action" in ('add', 'subtract'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_transfers_key` ON `ledger_transfers` (`operator_id`,`key`);--> statement-breakpoint
CREATE INDEX `ledger_transfers_partner` ON `ledger_transfers` (`operator_id`,`partner_id`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_transfers_operator` ON `ledger_transfers` (`operator_id`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_transfers_reference` ON `ledger_transfers` (`operator_id`,`reference`);--> statement-breakpoint
-- Hand-written below (drizzle-kit writes no triggers). A posted transfer is history: corrections are new transfers.
CREATE TRIGGER `ledger_transfers_no_update` BEFORE UPDATE ON `ledger_transfers`
BEGIN
	SELECT RAISE(ABORT, 'ledger_transfers are immutable: post a correcting transfer instead');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transfers_no_delete` BEFORE DELETE ON `ledger_transfers`
BEGIN
	SELECT RAISE(ABORT, 'ledger_transfers are immutable: post a correcting transfer instead');
END;
--> statement-breakpoint
-- Both sides of a transfer are accounts of its operator in its currency (whatever code inserts it).
CREATE TRIGGER `ledger_transfers_same_operator_and_currency` BEFORE INSERT ON `ledger_transfers`
WHEN NOT EXISTS (SELECT 1 FROM `ledger_accounts` WHERE `id` = NEW.`debit_account_id` AND `operator_id` = NEW.`operator_id` AND `currency` = NEW.`currency`)
	OR NOT EXISTS (SELECT 1 FROM `ledger_accounts` WHERE `id` = NEW.`credit_account_id` AND `operator_id` = NEW.`operator_id` AND `currency` = NEW.`currency`)
BEGIN
	SELECT RAISE(ABORT, 'ledger_transfers: both accounts must belong to the operator and hold the currency');
END;
--> statement-breakpoint
-- Accounts are never removed, never change whose or what they are, and their posted sums only grow.
CREATE TRIGGER `ledger_accounts_no_delete` BEFORE DELETE ON `ledger_accounts`
BEGIN
	SELECT RAISE(ABORT, 'ledger_accounts are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_accounts_append_only` BEFORE UPDATE ON `ledger_accounts`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`operator_id` IS NOT OLD.`operator_id` OR NEW.`owner` IS NOT OLD.`owner`
	OR NEW.`owner_id` IS NOT OLD.`owner_id` OR NEW.`kind` IS NOT OLD.`kind` OR NEW.`currency` IS NOT OLD.`currency`
	OR NEW.`debits_must_not_exceed_credits` IS NOT OLD.`debits_must_not_exceed_credits`
	OR NEW.`credits_must_not_exceed_debits` IS NOT OLD.`credits_must_not_exceed_debits`
	OR NEW.`debits_posted` < OLD.`debits_posted` OR NEW.`credits_posted` < OLD.`credits_posted`
BEGIN
	SELECT RAISE(ABORT, 'ledger_accounts: only the posted sums change, and only upwards');
END;
