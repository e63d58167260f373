CREATE TABLE `activiteit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`slug` text NOT NULL,
	`titel` text NOT NULL,
	`omschrijving` text NOT NULL,
	`organisatie_id` integer NOT NULL,
	`kern_id` integer NOT NULL,
	`locatie` text,
	`rooster` text NOT NULL,
	`themas` text NOT NULL,
	`doelgroepen` text NOT NULL,
	`kosten` text NOT NULL,
	`aanmelden` text NOT NULL,
	`toegankelijkheid` text,
	`contact` text,
	`capaciteit` text,
	`status` text DEFAULT 'concept' NOT NULL,
	`gecontroleerd_op` text NOT NULL,
	`versie` integer DEFAULT 1 NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`gewijzigd_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activiteit_uuid_unique` ON `activiteit` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `activiteit_slug_unique` ON `activiteit` (`slug`);--> statement-breakpoint
CREATE INDEX `activiteit_organisatie` ON `activiteit` (`organisatie_id`);--> statement-breakpoint
CREATE INDEX `activiteit_kern` ON `activiteit` (`kern_id`);--> statement-breakpoint
CREATE INDEX `activiteit_status` ON `activiteit` (`status`);--> statement-breakpoint
CREATE TABLE `kern` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`naam` text NOT NULL,
	`omschrijving` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`volgorde` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kern_slug_unique` ON `kern` (`slug`);--> statement-breakpoint
CREATE TABLE `kernondersteuner` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`kern_id` integer NOT NULL,
	`naam` text NOT NULL,
	`foto` text,
	`telefoon` text NOT NULL,
	`email` text,
	`organisatie_id` integer,
	`bereikbaar` text NOT NULL,
	`spreekuren` text DEFAULT '[]' NOT NULL,
	`versie` integer DEFAULT 1 NOT NULL,
	`gewijzigd_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kernondersteuner_uuid_unique` ON `kernondersteuner` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `kernondersteuner_kern_id_unique` ON `kernondersteuner` (`kern_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`sleutel` text PRIMARY KEY NOT NULL,
	`waarde` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisatie` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`slug` text NOT NULL,
	`naam` text NOT NULL,
	`soort` text NOT NULL,
	`omschrijving` text NOT NULL,
	`telefoon` text,
	`email` text,
	`website` text,
	`bezoekadres` text,
	`themas` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'concept' NOT NULL,
	`gecontroleerd_op` text NOT NULL,
	`vertrouwd` integer DEFAULT false NOT NULL,
	`versie` integer DEFAULT 1 NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`gewijzigd_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisatie_uuid_unique` ON `organisatie` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisatie_slug_unique` ON `organisatie` (`slug`);--> statement-breakpoint
CREATE INDEX `organisatie_status` ON `organisatie` (`status`);--> statement-breakpoint
CREATE TABLE `organisatie_kern` (
	`organisatie_id` integer NOT NULL,
	`kern_id` integer NOT NULL,
	PRIMARY KEY(`organisatie_id`, `kern_id`),
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organisatie_kern_kern` ON `organisatie_kern` (`kern_id`);