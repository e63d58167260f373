CREATE TABLE `agenda_afspraak` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisatie_id` integer NOT NULL,
	`sleutel` text NOT NULL,
	`vingerafdruk` text NOT NULL,
	`datum` text NOT NULL,
	`revisie_id` integer,
	`activiteit_id` integer,
	`vervallen` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revisie_id`) REFERENCES `revisie`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`activiteit_id`) REFERENCES `activiteit`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_afspraak_sleutel` ON `agenda_afspraak` (`organisatie_id`,`sleutel`);--> statement-breakpoint
CREATE TABLE `agenda_koppeling` (
	`organisatie_id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`account_id` integer,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`opgehaald_op` text,
	`uitkomst` text,
	`gelukt` integer,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null
);
