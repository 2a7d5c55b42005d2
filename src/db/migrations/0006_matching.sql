CREATE TYPE "public"."bank_line_status" AS ENUM('unmatched', 'suggested', 'matched', 'unapplied', 'ignored', 'returned');--> statement-breakpoint
CREATE TYPE "public"."statement_format" AS ENUM('camt', 'mt940', 'cfonb120', 'csv');--> statement-breakpoint
CREATE TABLE "bank_line" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_line_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"statement_id" bigint NOT NULL,
	"fingerprint" text NOT NULL,
	"account_iban" text,
	"booking_date" date NOT NULL,
	"value_date" date,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"counterparty_name" text,
	"counterparty_iban" text,
	"structured_reference" text,
	"remittance_text" text,
	"bank_reference" text,
	"end_to_end_id" text,
	"mandate_id" text,
	"is_reversal" boolean DEFAULT false NOT NULL,
	"return_reason" text,
	"transaction_code" text,
	"status" "bank_line_status" DEFAULT 'unmatched' NOT NULL,
	"customer_id" bigint,
	"payment_id" bigint,
	"score" integer,
	"ignored_reason" text,
	"returned_line_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_match" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_match_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"line_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"payment_id" bigint NOT NULL,
	"rule" text NOT NULL,
	"score" integer,
	"reasons" jsonb NOT NULL,
	"unapplied_minor" bigint NOT NULL,
	"applied_by_id" bigint,
	"applied_at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by_id" bigint,
	"undo_reason" text
);
--> statement-breakpoint
CREATE TABLE "bank_statement" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_statement_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"format" "statement_format" NOT NULL,
	"reference" text NOT NULL,
	"account_iban" text,
	"account_number" text,
	"bic" text,
	"currency" char(3) NOT NULL,
	"opening_balance_minor" bigint,
	"closing_balance_minor" bigint,
	"from_date" date,
	"to_date" date,
	"file_name" text NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_bank_account" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customer_bank_account_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"iban" text NOT NULL,
	"source" text NOT NULL,
	"learned_from_line_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_write_off" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invoice_write_off_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"invoice_id" bigint NOT NULL,
	"match_id" bigint,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"reason" text NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "match_suggestion" (
	"line_id" bigint NOT NULL,
	"rank" integer NOT NULL,
	"customer_id" bigint NOT NULL,
	"allocations" jsonb NOT NULL,
	"write_off" jsonb,
	"unapplied_minor" bigint NOT NULL,
	"score" integer NOT NULL,
	"rule" text NOT NULL,
	"reasons" jsonb NOT NULL,
	CONSTRAINT "match_suggestion_line_id_rank_pk" PRIMARY KEY("line_id","rank")
);
--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "matching_auto_threshold" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "matching_write_off_tolerance" text DEFAULT '1.00' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_allocation" ADD COLUMN "match_id" bigint;--> statement-breakpoint
ALTER TABLE "bank_line" ADD CONSTRAINT "bank_line_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_line" ADD CONSTRAINT "bank_line_statement_id_bank_statement_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."bank_statement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_line" ADD CONSTRAINT "bank_line_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_line" ADD CONSTRAINT "bank_line_payment_id_payment_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_match" ADD CONSTRAINT "bank_match_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_match" ADD CONSTRAINT "bank_match_line_id_bank_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."bank_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_match" ADD CONSTRAINT "bank_match_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_match" ADD CONSTRAINT "bank_match_payment_id_payment_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_match" ADD CONSTRAINT "bank_match_applied_by_id_app_user_id_fk" FOREIGN KEY ("applied_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_match" ADD CONSTRAINT "bank_match_undone_by_id_app_user_id_fk" FOREIGN KEY ("undone_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement" ADD CONSTRAINT "bank_statement_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement" ADD CONSTRAINT "bank_statement_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_bank_account" ADD CONSTRAINT "customer_bank_account_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_bank_account" ADD CONSTRAINT "customer_bank_account_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_write_off" ADD CONSTRAINT "invoice_write_off_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_write_off" ADD CONSTRAINT "invoice_write_off_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_write_off" ADD CONSTRAINT "invoice_write_off_match_id_bank_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."bank_match"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_write_off" ADD CONSTRAINT "invoice_write_off_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_suggestion" ADD CONSTRAINT "match_suggestion_line_id_bank_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."bank_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_suggestion" ADD CONSTRAINT "match_suggestion_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_line_fingerprint_key" ON "bank_line" USING btree ("company_id","fingerprint");--> statement-breakpoint
CREATE INDEX "bank_line_status_idx" ON "bank_line" USING btree ("company_id","status","booking_date");--> statement-breakpoint
CREATE INDEX "bank_line_statement_idx" ON "bank_line" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "bank_line_payment_idx" ON "bank_line" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "bank_match_line_idx" ON "bank_match" USING btree ("line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_match_live_key" ON "bank_match" USING btree ("line_id") WHERE "bank_match"."undone_at" is null;--> statement-breakpoint
CREATE INDEX "bank_statement_company_idx" ON "bank_statement" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_bank_account_key" ON "customer_bank_account" USING btree ("company_id","iban","customer_id");--> statement-breakpoint
CREATE INDEX "invoice_write_off_invoice_idx" ON "invoice_write_off" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_write_off_match_idx" ON "invoice_write_off" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "match_suggestion_customer_idx" ON "match_suggestion" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "invoice_number_key_idx" ON "invoice" USING btree ("company_id",regexp_replace(upper("number"), '[^A-Z0-9]+', '', 'g')) WHERE "invoice"."status" = 'open';--> statement-breakpoint
CREATE INDEX "invoice_reference_key_idx" ON "invoice" USING btree ("company_id",regexp_replace(upper("payment_reference"), '[^A-Z0-9]+', '', 'g')) WHERE "invoice"."status" = 'open' and "invoice"."payment_reference" is not null;--> statement-breakpoint
CREATE INDEX "invoice_open_amount_idx" ON "invoice" USING btree ("company_id","open_amount_minor") WHERE "invoice"."status" = 'open';--> statement-breakpoint
CREATE INDEX "allocation_match_idx" ON "payment_allocation" USING btree ("match_id") WHERE "payment_allocation"."match_id" is not null;