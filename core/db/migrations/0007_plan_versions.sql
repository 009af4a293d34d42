CREATE TABLE `plan_versions` (
	`plan_id` text NOT NULL,
	`operator_id` text NOT NULL,
	`effective_from` text NOT NULL,
	`terms` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `effective_from`),
	FOREIGN KEY (`plan_id`) REFERENCES `commission_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `commission_plans` ADD `notes` text;--> statement-breakpoint
-- Plans from before versions had free-text terms and no numbers. Their text becomes the plan's
-- notes ("RevShare: 35% of NGR; Hold: 7 days") and version 1 has terms NULL ("not set up"):
-- billing skips it and the portal says "Terms not set" until the operator sets real terms. No
-- numbers are invented. SQL knows no IANA zones, so version 1 starts the UTC day before the
-- plan's creation: no earlier than its first local day in any zone, and nothing pays by it.
UPDATE `commission_plans` SET `notes` = (SELECT group_concat(`key` || ': ' || `value`, '; ') FROM json_each(`commission_plans`.`terms`)) WHERE json_valid(`terms`) AND json_type(`terms`) = 'object';
--> statement-breakpoint
INSERT INTO `plan_versions` (`plan_id`, `operator_id`, `effective_from`, `terms`, `created_at`) SELECT `id`, `operator_id`, date(`created_at` / 1000, 'unixepoch', '-1 day'), NULL, `created_at` FROM `commission_plans`;
--> statement-breakpoint
ALTER TABLE `commission_plans` DROP COLUMN `terms`;
