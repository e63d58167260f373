CREATE TABLE `account` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`naam` text NOT NULL,
	`beheerder` integer DEFAULT false NOT NULL,
	`actief` integer DEFAULT true NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`laatst_ingelogd_op` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_email_unique` ON `account` (`email`);--> statement-breakpoint
CREATE TABLE `account_kern` (
	`account_id` integer NOT NULL,
	`kern_id` integer NOT NULL,
	PRIMARY KEY(`account_id`, `kern_id`),
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `account_organisatie` (
	`account_id` integer NOT NULL,
	`organisatie_id` integer NOT NULL,
	PRIMARY KEY(`account_id`, `organisatie_id`),
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_organisatie_org` ON `account_organisatie` (`organisatie_id`);--> statement-breakpoint
CREATE TABLE `bewaard_formulier` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sleutel_hash` text NOT NULL,
	`pad` text NOT NULL,
	`velden` text NOT NULL,
	`verloopt_op` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bewaard_formulier_sleutel_hash_unique` ON `bewaard_formulier` (`sleutel_hash`);--> statement-breakpoint
CREATE TABLE `logboek` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`moment` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`account_id` integer,
	`actie` text NOT NULL,
	`omschrijving` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `logboek_moment` ON `logboek` (`moment`);--> statement-breakpoint
CREATE TABLE `login_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`hash` text NOT NULL,
	`verloopt_op` text NOT NULL,
	`gebruikt_op` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `login_token_hash_unique` ON `login_token` (`hash`);--> statement-breakpoint
CREATE TABLE `publicatie` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`reden` text NOT NULL,
	`aangevraagd_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`gestart_op` text,
	`klaar_op` text,
	`release_id` text,
	`fout` text
);
--> statement-breakpoint
CREATE TABLE `revisie` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`soort` text NOT NULL,
	`entiteit_id` integer,
	`organisatie_id` integer NOT NULL,
	`actie` text NOT NULL,
	`data` text,
	`basis_versie` integer,
	`status` text NOT NULL,
	`auteur_id` integer,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`beoordeeld_door` integer,
	`beoordeeld_op` text,
	`reden` text,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`auteur_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`beoordeeld_door`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `revisie_entiteit` ON `revisie` (`soort`,`entiteit_id`);--> statement-breakpoint
CREATE INDEX `revisie_status` ON `revisie` (`status`);--> statement-breakpoint
CREATE INDEX `revisie_organisatie` ON `revisie` (`organisatie_id`);--> statement-breakpoint
CREATE TABLE `sessie` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hash` text NOT NULL,
	`account_id` integer NOT NULL,
	`csrf` text NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`laatst_gezien_op` text NOT NULL,
	`verloopt_op` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessie_hash_unique` ON `sessie` (`hash`);--> statement-breakpoint
CREATE INDEX `sessie_account` ON `sessie` (`account_id`);