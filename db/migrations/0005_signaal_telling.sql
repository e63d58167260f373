CREATE TABLE `signaal_telling` (
	`maand` text NOT NULL,
	`kern_id` integer NOT NULL,
	`thema` text NOT NULL,
	`aantal` integer NOT NULL,
	PRIMARY KEY(`maand`, `kern_id`, `thema`),
	FOREIGN KEY (`kern_id`) REFERENCES `kern`(`id`) ON UPDATE no action ON DELETE no action
);
