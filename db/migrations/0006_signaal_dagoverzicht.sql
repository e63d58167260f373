CREATE TABLE `signaal_dagoverzicht` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`tot_op` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade
);
