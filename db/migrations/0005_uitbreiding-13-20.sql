CREATE TABLE `mail_wachtrij` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`aan` text NOT NULL,
	`onderwerp` text NOT NULL,
	`tekst` text NOT NULL,
	`pogingen` integer DEFAULT 0 NOT NULL,
	`volgende_poging_op` text NOT NULL,
	`aangemaakt_op` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`laatste_fout` text,
	`opgegeven_op` text
);
--> statement-breakpoint
CREATE INDEX `mail_wachtrij_volgende` ON `mail_wachtrij` (`opgegeven_op`,`volgende_poging_op`);--> statement-breakpoint
CREATE TABLE `signaal_dagoverzicht` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`tot_op` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `signaal_telling` (
	`maand` text NOT NULL,
	`kern_id` integer NOT NULL,
	`thema` text NOT NULL,
	`aantal` integer NOT NULL,
	PRIMARY KEY(`maand`, `kern_id`, `thema`),
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `bewaard_formulier` ADD `account_id` integer REFERENCES account(id) ON DELETE cascade;