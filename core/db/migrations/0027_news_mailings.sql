CREATE TABLE `news_mailings` (
	`operator_id` text NOT NULL,
	`article_id` text NOT NULL,
	`user_id` text NOT NULL,
	`mailed_at` integer NOT NULL,
	PRIMARY KEY(`article_id`, `user_id`),
	FOREIGN KEY (`article_id`) REFERENCES `news_articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
