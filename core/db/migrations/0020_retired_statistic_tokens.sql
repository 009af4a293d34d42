CREATE TABLE `retired_statistic_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`user_id` text NOT NULL,
	`reason` text NOT NULL,
	`retired_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `retired_statistic_tokens_user` ON `retired_statistic_tokens` (`user_id`,`retired_at`);