ALTER TABLE `partners` ADD `referred_campaign_id` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `referred_promo_id` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `referred_click_id` text;--> statement-breakpoint
CREATE INDEX `partners_operator_referrer` ON `partners` (`operator_id`,`referrer_partner_id`);