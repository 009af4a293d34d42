CREATE TABLE `report_api_rate` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`window_start` integer NOT NULL,
	`calls` integer NOT NULL
);
