CREATE TABLE `tekort` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`soort` text NOT NULL,
	`kern_id` integer NOT NULL,
	`thema` text NOT NULL,
	`doelgroep` text,
	`reden` text,
	`activiteit_id` integer,
	`verwijzing_id` integer,
	`datum` text NOT NULL,
	`account_id` integer,
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activiteit_id`) REFERENCES `activiteit`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`verwijzing_id`) REFERENCES `verwijzing`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tekort_verwijzing_id_unique` ON `tekort` (`verwijzing_id`);--> statement-breakpoint
CREATE INDEX `tekort_kern` ON `tekort` (`kern_id`,`datum`);--> statement-breakpoint
CREATE TABLE `verwijsrecht` (
	`account_id` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `verwijzing` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`activiteit_id` integer,
	`activiteit_titel` text NOT NULL,
	`organisatie_id` integer,
	`kern_id` integer NOT NULL,
	`thema` text NOT NULL,
	`verwijzer_id` integer,
	`verwijzer_naam` text NOT NULL,
	`verwijzer_telefoon` text,
	`verwijzer_email` text,
	`status` text DEFAULT 'verwezen' NOT NULL,
	`reden` text,
	`datum` text NOT NULL,
	`start_datum` text,
	`gesloten_op` text,
	`toestemming_op` text,
	`contact_versleuteld` text,
	`gemeld_geen_antwoord_op` text,
	`gemeld_doet_nog_mee_op` text,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`activiteit_id`) REFERENCES `activiteit`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verwijzer_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `verwijzing_code_unique` ON `verwijzing` (`code`);--> statement-breakpoint
CREATE INDEX `verwijzing_organisatie` ON `verwijzing` (`organisatie_id`);--> statement-breakpoint
CREATE INDEX `verwijzing_verwijzer` ON `verwijzing` (`verwijzer_id`);--> statement-breakpoint
CREATE INDEX `verwijzing_datum` ON `verwijzing` (`datum`);--> statement-breakpoint
CREATE TABLE `verwijzing_status` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`verwijzing_id` integer NOT NULL,
	`status` text NOT NULL,
	`reden` text,
	`moment` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`account_id` integer,
	`organisatie_id` integer,
	FOREIGN KEY (`verwijzing_id`) REFERENCES `verwijzing`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `verwijzing_status_verwijzing` ON `verwijzing_status` (`verwijzing_id`);--> statement-breakpoint
CREATE TABLE `verwijzing_telling` (
	`maand` text NOT NULL,
	`kern_id` integer NOT NULL,
	`thema` text NOT NULL,
	`activiteit_id` integer NOT NULL,
	`activiteit_titel` text NOT NULL,
	`uitkomst` text NOT NULL,
	`aantal` integer NOT NULL,
	PRIMARY KEY(`maand`, `kern_id`, `thema`, `activiteit_id`, `uitkomst`),
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action
);
