CREATE TABLE `news_articles` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`brand_id` text,
	`title` text NOT NULL,
	`excerpt` text NOT NULL,
	`body_markdown` text NOT NULL,
	`status` text NOT NULL,
	`published_at` integer,
	`banner_key` text,
	`banner_type` text,
	`banner_version` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "news_articles_status" CHECK("news_articles"."status" != 'published' or "news_articles"."published_at" is not null)
);
--> statement-breakpoint
CREATE INDEX `news_articles_feed` ON `news_articles` (`operator_id`,`status`,`published_at`);--> statement-breakpoint
CREATE TABLE `news_reads` (
	`operator_id` text NOT NULL,
	`article_id` text NOT NULL,
	`user_id` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `article_id`),
	FOREIGN KEY (`article_id`) REFERENCES `news_articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `news_reads_article` ON `news_reads` (`article_id`);