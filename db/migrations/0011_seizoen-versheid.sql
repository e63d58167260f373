CREATE TABLE `herinnering_verstuurd` (
	`organisatie_id` integer NOT NULL,
	`verstuurd_op` text NOT NULL,
	PRIMARY KEY(`organisatie_id`, `verstuurd_op`),
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `seizoen_vraag` (
	`activiteit_id` integer NOT NULL,
	`seizoen_start` text NOT NULL,
	`gevraagd_op` text NOT NULL,
	`wijze` text NOT NULL,
	`beantwoord_op` text,
	`beantwoord_door` integer,
	PRIMARY KEY(`activiteit_id`, `seizoen_start`),
	FOREIGN KEY (`activiteit_id`) REFERENCES `activiteit`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`beantwoord_door`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `versheid_maand` (
	`maand` text NOT NULL,
	`kern_id` integer NOT NULL,
	`vers` integer NOT NULL,
	`totaal` integer NOT NULL,
	`gemeten_op` text NOT NULL,
	PRIMARY KEY(`maand`, `kern_id`)
);
--> statement-breakpoint
ALTER TABLE `bevestig_token` ADD `doel` text DEFAULT 'klopt-nog' NOT NULL;--> statement-breakpoint
ALTER TABLE `bevestig_token` ADD `activiteit_id` integer REFERENCES activiteit(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `bevestig_token` ADD `seizoen_start` text;