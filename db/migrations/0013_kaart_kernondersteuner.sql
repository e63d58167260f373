PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_revisie` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`soort` text NOT NULL,
	`entiteit_id` integer,
	`organisatie_id` integer,
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
INSERT INTO `__new_revisie`("id", "soort", "entiteit_id", "organisatie_id", "actie", "data", "basis_versie", "status", "auteur_id", "aangemaakt_op", "beoordeeld_door", "beoordeeld_op", "reden") SELECT "id", "soort", "entiteit_id", "organisatie_id", "actie", "data", "basis_versie", "status", "auteur_id", "aangemaakt_op", "beoordeeld_door", "beoordeeld_op", "reden" FROM `revisie`;--> statement-breakpoint
DROP TABLE `revisie`;--> statement-breakpoint
ALTER TABLE `__new_revisie` RENAME TO `revisie`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `revisie_entiteit` ON `revisie` (`soort`,`entiteit_id`);--> statement-breakpoint
CREATE INDEX `revisie_status` ON `revisie` (`status`);--> statement-breakpoint
CREATE INDEX `revisie_organisatie` ON `revisie` (`organisatie_id`);