CREATE TYPE "public"."dunning_action_status" AS ENUM('pending_review', 'planned', 'done', 'skipped', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."dunning_action_type" AS ENUM('email', 'sms', 'letter', 'statement', 'internal_email', 'task', 'alert', 'status_change', 'interest', 'litigation');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."dispute_status" AS ENUM('open', 'under_review', 'resolved', 'rejected', 'closed');--> statement-breakpoint
CREATE TYPE "public"."promise_status" AS ENUM('open', 'kept', 'partly_kept', 'broken', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "dunning_action" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dunning_action_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"run_date" date NOT NULL,
	"run_id" bigint NOT NULL,
	"group_key" text NOT NULL,
	"action_index" smallint NOT NULL,
	"version_id" bigint NOT NULL,
	"step_index" smallint NOT NULL,
	"step_key" text NOT NULL,
	"type" "dunning_action_type" NOT NULL,
	"channel" text NOT NULL,
	"recipient" text,
	"invoice_ids" bigint[] NOT NULL,
	"amount_minor" bigint NOT NULL,
	"reason" text NOT NULL,
	"reason_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "dunning_action_status" NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"reviewed_by_id" bigint,
	"reviewed_at" timestamp with time zone,
	"status_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dunning_hold" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dunning_hold_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"invoice_id" bigint,
	"reason" text NOT NULL,
	"until_date" date,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"released_by_id" bigint
);
--> statement-breakpoint
CREATE TABLE "dunning_item_step" (
	"invoice_id" bigint NOT NULL,
	"version_id" bigint NOT NULL,
	"step_index" smallint NOT NULL,
	"run_date" date NOT NULL,
	"group_key" text NOT NULL,
	CONSTRAINT "dunning_item_step_invoice_id_version_id_step_index_pk" PRIMARY KEY("invoice_id","version_id","step_index")
);
--> statement-breakpoint
CREATE TABLE "dunning_rule" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dunning_rule_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"name" text NOT NULL,
	"priority" integer NOT NULL,
	"scenario_id" bigint NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dunning_run" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dunning_run_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"run_date" date NOT NULL,
	"trigger" text NOT NULL,
	"actor_id" bigint,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"actions_created" integer DEFAULT 0 NOT NULL,
	"items_advanced" integer DEFAULT 0 NOT NULL,
	"actions_cancelled" integer DEFAULT 0 NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dunning_scenario" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dunning_scenario_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"current_version_id" bigint,
	"is_archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dunning_scenario_version" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dunning_scenario_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"scenario_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"comment" text,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint,
	"action_id" bigint,
	"channel" text NOT NULL,
	"recipient" text,
	"status" "outbox_status" DEFAULT 'queued' NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"provider_message_id" text,
	"last_error" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alert" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint,
	"user_id" bigint,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"action_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dispute" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispute_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"invoice_id" bigint NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"reason" text NOT NULL,
	"status" "dispute_status" DEFAULT 'open' NOT NULL,
	"owner_id" bigint,
	"deadline" date,
	"note" text,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "promise_invoice" (
	"promise_id" bigint NOT NULL,
	"invoice_id" bigint NOT NULL,
	CONSTRAINT "promise_invoice_promise_id_invoice_id_pk" PRIMARY KEY("promise_id","invoice_id")
);
--> statement-breakpoint
CREATE TABLE "promise_to_pay" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "promise_to_pay_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"promised_date" date NOT NULL,
	"channel" text,
	"status" "promise_status" DEFAULT 'open' NOT NULL,
	"note" text,
	"grace_days" integer,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"customer_id" bigint,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"assignee_id" bigint,
	"due_date" date NOT NULL,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"action_id" bigint,
	"invoice_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "dunning_min_gap_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "dunning_catch_up" text DEFAULT 'latest' NOT NULL;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "send_window_start" text DEFAULT '08:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "send_window_end" text DEFAULT '18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "working_days" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "promise_grace_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "payment_method" text;--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "account_status" text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "dunning_scenario_id" bigint;--> statement-breakpoint
ALTER TABLE "dunning_action" ADD CONSTRAINT "dunning_action_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_action" ADD CONSTRAINT "dunning_action_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_action" ADD CONSTRAINT "dunning_action_reviewed_by_id_app_user_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_hold" ADD CONSTRAINT "dunning_hold_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_hold" ADD CONSTRAINT "dunning_hold_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_hold" ADD CONSTRAINT "dunning_hold_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_hold" ADD CONSTRAINT "dunning_hold_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_hold" ADD CONSTRAINT "dunning_hold_released_by_id_app_user_id_fk" FOREIGN KEY ("released_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_rule" ADD CONSTRAINT "dunning_rule_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_rule" ADD CONSTRAINT "dunning_rule_scenario_id_dunning_scenario_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."dunning_scenario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_run" ADD CONSTRAINT "dunning_run_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_run" ADD CONSTRAINT "dunning_run_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_scenario" ADD CONSTRAINT "dunning_scenario_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_scenario_version" ADD CONSTRAINT "dunning_scenario_version_scenario_id_dunning_scenario_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."dunning_scenario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_scenario_version" ADD CONSTRAINT "dunning_scenario_version_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_invoice" ADD CONSTRAINT "promise_invoice_promise_id_promise_to_pay_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."promise_to_pay"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_invoice" ADD CONSTRAINT "promise_invoice_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_to_pay" ADD CONSTRAINT "promise_to_pay_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_to_pay" ADD CONSTRAINT "promise_to_pay_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_to_pay" ADD CONSTRAINT "promise_to_pay_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_assignee_id_app_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_action_key" ON "dunning_action" USING btree ("group_key","action_index");--> statement-breakpoint
CREATE INDEX "dunning_action_customer_idx" ON "dunning_action" USING btree ("customer_id","run_date");--> statement-breakpoint
CREATE INDEX "dunning_action_status_idx" ON "dunning_action" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "dunning_action_run_idx" ON "dunning_action" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "dunning_hold_customer_idx" ON "dunning_hold" USING btree ("customer_id") WHERE "dunning_hold"."released_at" is null;--> statement-breakpoint
CREATE INDEX "dunning_rule_company_idx" ON "dunning_rule" USING btree ("company_id","priority");--> statement-breakpoint
CREATE INDEX "dunning_run_company_idx" ON "dunning_run" USING btree ("company_id","run_date");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_scenario_code_key" ON "dunning_scenario" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_scenario_default_key" ON "dunning_scenario" USING btree ("company_id") WHERE "dunning_scenario"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_scenario_version_key" ON "dunning_scenario_version" USING btree ("scenario_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_action_key" ON "outbox" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "outbox_queue_idx" ON "outbox" USING btree ("status","not_before");--> statement-breakpoint
CREATE INDEX "alert_user_idx" ON "alert" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "dispute_invoice_idx" ON "dispute" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "dispute_customer_idx" ON "dispute" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "promise_invoice_idx" ON "promise_invoice" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "promise_customer_idx" ON "promise_to_pay" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "task_assignee_idx" ON "task" USING btree ("assignee_id","due_date") WHERE "task"."status" = 'open';--> statement-breakpoint
CREATE INDEX "task_customer_idx" ON "task" USING btree ("customer_id");--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_dunning_scenario_id_dunning_scenario_id_fk" FOREIGN KEY ("dunning_scenario_id") REFERENCES "public"."dunning_scenario"("id") ON DELETE no action ON UPDATE no action;