CREATE TABLE `herinnering` (
	`organisatie_id` integer PRIMARY KEY NOT NULL,
	`verstuurd_op` text NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE cascade
);
