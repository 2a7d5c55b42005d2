CREATE TABLE "reference_rate" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reference_rate_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"series" text NOT NULL,
	"effective_from" date NOT NULL,
	"rate_percent" numeric(9, 4) NOT NULL,
	"note" text,
	"is_provisional" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'shipped' NOT NULL,
	"deleted_at" timestamp with time zone,
	"updated_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_rate_source" CHECK ("reference_rate"."source" in ('shipped', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "reference_rate" ADD CONSTRAINT "reference_rate_updated_by_id_app_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reference_rate_series_date_key" ON "reference_rate" USING btree ("series","effective_from");