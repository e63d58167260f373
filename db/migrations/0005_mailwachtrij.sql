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
ALTER TABLE `bewaard_formulier` ADD `account_id` integer REFERENCES account(id) ON DELETE cascade;