CREATE TABLE "customer_group" (
	"company_id" bigint NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"credit_limit_minor" bigint,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_group_company_id_key_pk" PRIMARY KEY("company_id","key")
);
--> statement-breakpoint
CREATE TABLE "agenda_snooze" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agenda_snooze_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"item_key" text NOT NULL,
	"until_date" date NOT NULL,
	"reason" text NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_reason" (
	"company_id" bigint NOT NULL,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_reason_company_id_code_pk" PRIMARY KEY("company_id","code")
);
--> statement-breakpoint
CREATE TABLE "priority_setting" (
	"company_id" bigint PRIMARY KEY NOT NULL,
	"overdue_amount" integer NOT NULL,
	"days_past_due" integer NOT NULL,
	"risk_class" integer NOT NULL,
	"strategic" integer NOT NULL,
	"broken_promises" integer NOT NULL,
	"dispute_age" integer NOT NULL,
	"updated_by_id" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "group_key" text;--> statement-breakpoint
ALTER TABLE "customer_group" ADD CONSTRAINT "customer_group_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_snooze" ADD CONSTRAINT "agenda_snooze_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_snooze" ADD CONSTRAINT "agenda_snooze_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_snooze" ADD CONSTRAINT "agenda_snooze_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_reason" ADD CONSTRAINT "dispute_reason_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_setting" ADD CONSTRAINT "priority_setting_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_setting" ADD CONSTRAINT "priority_setting_updated_by_id_app_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_snooze_customer_idx" ON "agenda_snooze" USING btree ("customer_id","until_date");--> statement-breakpoint
CREATE INDEX "customer_group_idx" ON "customer" USING btree ("company_id","group_key");--> statement-breakpoint
-- The dispute reasons that were a constant list become each company's catalogue, with the same codes, so every
-- existing dispute keeps its reason; any other code already used is kept too, as its own entry.
INSERT INTO "dispute_reason" ("company_id", "code", "label_fr", "label_en", "position")
SELECT c.id, r.code, r.label_fr, r.label_en, r.position FROM "company" c CROSS JOIN (VALUES
	('price', 'Prix', 'Price', 10),
	('quantity', 'Quantité', 'Quantity', 20),
	('quality', 'Qualité', 'Quality', 30),
	('not_received', 'Marchandise ou prestation non reçue', 'Goods or service not received', 40),
	('already_paid', 'Déjà payée', 'Already paid', 50),
	('duplicate_billing', 'Facturation en double', 'Duplicate billing', 60),
	('missing_purchase_order', 'Bon de commande manquant', 'Missing purchase order', 70),
	('other', 'Autre', 'Other', 80)
) AS r(code, label_fr, label_en, position);--> statement-breakpoint
INSERT INTO "dispute_reason" ("company_id", "code", "label_fr", "label_en", "position")
SELECT DISTINCT d.company_id, d.reason, d.reason, d.reason, 90 FROM "dispute" d
ON CONFLICT DO NOTHING;
