CREATE TABLE `zoekgat` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dag` text NOT NULL,
	`kern` text,
	`woord` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `zoekgat_dag` ON `zoekgat` (`dag`);--> statement-breakpoint
CREATE INDEX `zoekgat_woord` ON `zoekgat` (`woord`,`kern`);