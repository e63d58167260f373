CREATE TABLE `signaal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kern_id` integer NOT NULL,
	`thema` text,
	`doelgroep` text,
	`tekst` text NOT NULL,
	`omvang` text NOT NULL,
	`sinds` text NOT NULL,
	`basis` text NOT NULL,
	`account_id` integer,
	`organisatie_id` integer,
	`rol` text NOT NULL,
	`status` text DEFAULT 'nieuw' NOT NULL,
	`opgepakt_door` integer,
	`uitkomst` text,
	`activiteit_id` integer,
	`groep_id` integer,
	`controleer_op` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`gewijzigd_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`opgepakt_door`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`activiteit_id`) REFERENCES `activiteit`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`groep_id`) REFERENCES `signaal_groep`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `signaal_kern` ON `signaal` (`kern_id`);--> statement-breakpoint
CREATE INDEX `signaal_status` ON `signaal` (`status`);--> statement-breakpoint
CREATE INDEX `signaal_groep_idx` ON `signaal` (`groep_id`);--> statement-breakpoint
CREATE TABLE `signaal_gebeurtenis` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signaal_id` integer NOT NULL,
	`soort` text NOT NULL,
	`status` text,
	`organisatie_id` integer,
	`rol` text NOT NULL,
	`account_id` integer,
	`opgepakt_door` integer,
	`toelichting` text,
	`moment` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`signaal_id`) REFERENCES `signaal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`opgepakt_door`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `signaal_gebeurtenis_signaal` ON `signaal_gebeurtenis` (`signaal_id`);--> statement-breakpoint
CREATE TABLE `signaal_groep` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kern_id` integer NOT NULL,
	`naam` text NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signaal_herkenning` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signaal_id` integer NOT NULL,
	`afzender` text NOT NULL,
	`organisatie_id` integer,
	`rol` text NOT NULL,
	`account_id` integer,
	`notitie` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`signaal_id`) REFERENCES `signaal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signaal_herkenning_uniek` ON `signaal_herkenning` (`signaal_id`,`afzender`);