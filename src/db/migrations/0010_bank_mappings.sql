ALTER TABLE "import_mapping" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "import_mapping" ADD COLUMN "account_iban" text;