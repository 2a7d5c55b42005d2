CREATE TABLE "kpi_snapshot" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kpi_snapshot_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"snapshot_date" date NOT NULL,
	"currency" char(3) NOT NULL,
	"segment_key" text NOT NULL,
	"collector_key" text NOT NULL,
	"figures" jsonb NOT NULL,
	"receivables_minor" bigint NOT NULL,
	"overdue_minor" bigint NOT NULL,
	"disputed_minor" bigint NOT NULL,
	"cash_collected_minor" bigint NOT NULL,
	"not_due_minor" bigint NOT NULL,
	"d1_30_minor" bigint NOT NULL,
	"d31_60_minor" bigint NOT NULL,
	"d61_90_minor" bigint NOT NULL,
	"d90plus_minor" bigint NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recomputed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "kpi_snapshot" ADD CONSTRAINT "kpi_snapshot_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_snapshot_key" ON "kpi_snapshot" USING btree ("company_id","currency","segment_key","collector_key","snapshot_date");--> statement-breakpoint
CREATE INDEX "kpi_snapshot_date_idx" ON "kpi_snapshot" USING btree ("company_id","snapshot_date");