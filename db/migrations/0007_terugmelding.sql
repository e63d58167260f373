CREATE TABLE `terugmelding` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisatie_id` integer NOT NULL,
	`activiteit_id` integer,
	`soort` text NOT NULL,
	`tekst` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`gesloten_op` text,
	`sluitreden` text,
	`gesloten_door` integer,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activiteit_id`) REFERENCES `activiteit`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`gesloten_door`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `terugmelding_organisatie` ON `terugmelding` (`organisatie_id`);--> statement-breakpoint
CREATE INDEX `terugmelding_open` ON `terugmelding` (`gesloten_op`);