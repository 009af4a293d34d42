CREATE TABLE `partner_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`uploaded_by_user_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`file_key` text NOT NULL,
	`status` text NOT NULL,
	`comment` text,
	`reviewed_at` integer,
	`reviewed_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "partner_documents_status" CHECK("partner_documents"."status" in ('pending', 'approved', 'declined') and ("partner_documents"."status" = 'pending' or "partner_documents"."reviewed_at" is not null))
);
--> statement-breakpoint
CREATE INDEX `partner_documents_partner` ON `partner_documents` (`operator_id`,`partner_id`,`id`);--> statement-breakpoint
CREATE INDEX `partner_documents_queue` ON `partner_documents` (`operator_id`,`status`,`created_at`);