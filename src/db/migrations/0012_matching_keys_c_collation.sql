DROP INDEX "invoice_number_key_idx";--> statement-breakpoint
DROP INDEX "invoice_reference_key_idx";--> statement-breakpoint
CREATE INDEX "invoice_number_key_idx" ON "invoice" USING btree ("company_id",regexp_replace(upper("number" collate "C"), '[^A-Z0-9]+', '', 'g')) WHERE "invoice"."status" = 'open';--> statement-breakpoint
CREATE INDEX "invoice_reference_key_idx" ON "invoice" USING btree ("company_id",regexp_replace(upper("payment_reference" collate "C"), '[^A-Z0-9]+', '', 'g')) WHERE "invoice"."status" = 'open' and "invoice"."payment_reference" is not null;