CREATE TABLE "letter_document" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "letter_document_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"outbox_id" bigint,
	"kind" text NOT NULL,
	"letter_date" date NOT NULL,
	"language" text NOT NULL,
	"file_name" text NOT NULL,
	"pages" integer NOT NULL,
	"is_registered" boolean DEFAULT false NOT NULL,
	"postal_reference" text,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letter_document" ADD CONSTRAINT "letter_document_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "letter_document_outbox_key" ON "letter_document" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "letter_document_day_idx" ON "letter_document" USING btree ("company_id","letter_date");