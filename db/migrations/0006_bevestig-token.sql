CREATE TABLE `bevestig_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`hash` text NOT NULL,
	`organisaties` text NOT NULL,
	`verloopt_op` text NOT NULL,
	`gebruikt_op` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bevestig_token_hash_unique` ON `bevestig_token` (`hash`);--> statement-breakpoint
CREATE INDEX `bevestig_token_account` ON `bevestig_token` (`account_id`);