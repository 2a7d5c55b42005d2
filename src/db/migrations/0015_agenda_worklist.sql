CREATE TABLE "agenda_customer" (
	"customer_id" bigint PRIMARY KEY NOT NULL,
	"company_id" bigint NOT NULL,
	"collector_id" bigint,
	"sales_rep_id" bigint,
	"generation" bigint DEFAULT 1 NOT NULL,
	"computed_generation" bigint DEFAULT 0 NOT NULL,
	"computed_for" date
);
--> statement-breakpoint
CREATE TABLE "agenda_entry" (
	"customer_id" bigint NOT NULL,
	"company_id" bigint NOT NULL,
	"collector_id" bigint,
	"sales_rep_id" bigint,
	"assignee_id" bigint,
	"kind" text NOT NULL,
	"ref_id" bigint NOT NULL,
	"date" date NOT NULL,
	"failed_at" timestamp with time zone,
	"label" text,
	"detail" text,
	"amount_minor" bigint,
	"currency" text,
	"limit_minor" bigint,
	"customer_currency" char(3) NOT NULL,
	"risk_class" text,
	"is_strategic" boolean NOT NULL,
	"overdue_minor" bigint NOT NULL,
	"max_days" integer NOT NULL,
	"broken" integer NOT NULL,
	"dispute_days" integer NOT NULL,
	"score" double precision NOT NULL,
	"w_overdue_amount" integer NOT NULL,
	"w_days_past_due" integer NOT NULL,
	"w_risk_class" integer NOT NULL,
	"w_strategic" integer NOT NULL,
	"w_broken_promises" integer NOT NULL,
	"w_dispute_age" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_stale" (
	"customer_id" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_customer" ADD CONSTRAINT "agenda_customer_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_customer_collector_idx" ON "agenda_customer" USING btree ("collector_id");--> statement-breakpoint
CREATE INDEX "agenda_customer_sales_rep_idx" ON "agenda_customer" USING btree ("sales_rep_id");--> statement-breakpoint
CREATE INDEX "agenda_entry_customer_idx" ON "agenda_entry" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "agenda_entry_collector_idx" ON "agenda_entry" USING btree ("collector_id","score");--> statement-breakpoint
CREATE INDEX "agenda_entry_sales_rep_idx" ON "agenda_entry" USING btree ("sales_rep_id","score");--> statement-breakpoint
CREATE INDEX "agenda_entry_assignee_idx" ON "agenda_entry" USING btree ("assignee_id") WHERE "agenda_entry"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "agenda_stale_customer_idx" ON "agenda_stale" USING btree ("customer_id");--> statement-breakpoint
-- Every customer has its worklist row from the start: the triggers below only bump it, so that a change is
-- never lost to an agenda computing the customer at the same moment (the row lock orders them).
INSERT INTO "agenda_customer" ("customer_id", "company_id", "collector_id", "sales_rep_id")
SELECT "id", "company_id", "collector_id", "sales_rep_id" FROM "customer";--> statement-breakpoint
-- Marks the agenda items of these customers stale: their own and, for a customer in a group with a credit
-- limit, those of every member of the group (the group's exposure is on each member's items). A writer never
-- waits for the worklist: it locks the rows it can until it commits, so that no agenda computes them from
-- before its change, bumps the generation of those that were up to date, and deletes their items; a row
-- locked by another writer or by an agenda computing it gets a row in agenda_stale instead, which keeps it
-- stale until computed after this change.
CREATE FUNCTION agenda_invalidate(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  touched bigint[];
  locked bigint[];
  bumped bigint[];
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN
    RETURN;
  END IF;
  touched := ARRAY(
    SELECT x FROM unnest(ids) x WHERE x IS NOT NULL
    UNION
    SELECT m.id FROM customer m
    WHERE (m.company_id, m.group_key) IN (
      SELECT DISTINCT c.company_id, c.group_key FROM customer c
      JOIN customer_group g ON g.company_id = c.company_id AND g.key = c.group_key
        AND g.credit_limit_minor IS NOT NULL
      WHERE c.id = ANY(ids)));
  WITH free AS (
    SELECT customer_id, generation = computed_generation AS is_fresh FROM agenda_customer
    WHERE customer_id = ANY(touched) ORDER BY customer_id FOR UPDATE SKIP LOCKED
  ), bump AS (
    UPDATE agenda_customer s SET generation = s.generation + 1 FROM free f
    WHERE s.customer_id = f.customer_id AND f.is_fresh
    RETURNING s.customer_id
  )
  SELECT ARRAY(SELECT customer_id FROM free), ARRAY(SELECT customer_id FROM bump) INTO locked, bumped;
  IF cardinality(locked) < cardinality(touched) THEN
    INSERT INTO agenda_stale (customer_id)
    SELECT s.customer_id FROM agenda_customer s
    WHERE s.customer_id IN (SELECT unnest(touched) EXCEPT SELECT unnest(locked));
  END IF;
  DELETE FROM agenda_entry WHERE customer_id = ANY(locked);
END $$;--> statement-breakpoint
-- After a statement on a table with a customer_id (invoices, tasks, promises, disputes, messages).
CREATE FUNCTION agenda_customer_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM agenda_invalidate(ARRAY(SELECT DISTINCT customer_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM agenda_invalidate(ARRAY(SELECT DISTINCT customer_id FROM old_rows));
  ELSE
    PERFORM agenda_invalidate(ARRAY(SELECT customer_id FROM new_rows UNION SELECT customer_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER agenda_invoice_insert AFTER INSERT ON invoice REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_invoice_update AFTER UPDATE ON invoice REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_invoice_delete AFTER DELETE ON invoice REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_task_insert AFTER INSERT ON task REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_task_update AFTER UPDATE ON task REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_task_delete AFTER DELETE ON task REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_promise_insert AFTER INSERT ON promise_to_pay REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_promise_update AFTER UPDATE ON promise_to_pay REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_promise_delete AFTER DELETE ON promise_to_pay REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_dispute_insert AFTER INSERT ON dispute REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_dispute_update AFTER UPDATE ON dispute REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_dispute_delete AFTER DELETE ON dispute REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_outbox_insert AFTER INSERT ON outbox REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_outbox_update AFTER UPDATE ON outbox REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
CREATE TRIGGER agenda_outbox_delete AFTER DELETE ON outbox REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_rows_changed();--> statement-breakpoint
-- A customer: its worklist row follows its company and owners; a change of group stales the old group too.
CREATE FUNCTION agenda_customer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO agenda_customer (customer_id, company_id, collector_id, sales_rep_id)
    SELECT id, company_id, collector_id, sales_rep_id FROM new_rows;
    PERFORM agenda_invalidate(ARRAY(SELECT id FROM new_rows WHERE group_key IS NOT NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE agenda_customer s SET company_id = n.company_id, collector_id = n.collector_id,
      sales_rep_id = n.sales_rep_id
    FROM new_rows n WHERE s.customer_id = n.id
      AND (s.company_id, s.collector_id, s.sales_rep_id) IS DISTINCT FROM (n.company_id, n.collector_id, n.sales_rep_id);
    PERFORM agenda_invalidate(ARRAY(
      SELECT id FROM new_rows
      UNION
      SELECT m.id FROM old_rows o JOIN customer m ON m.company_id = o.company_id AND m.group_key = o.group_key));
  ELSE
    DELETE FROM agenda_entry WHERE customer_id IN (SELECT id FROM old_rows);
    DELETE FROM agenda_stale WHERE customer_id IN (SELECT id FROM old_rows);
    PERFORM agenda_invalidate(ARRAY(
      SELECT m.id FROM old_rows o JOIN customer m ON m.company_id = o.company_id AND m.group_key = o.group_key));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER agenda_customer_insert AFTER INSERT ON customer REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_changed();--> statement-breakpoint
CREATE TRIGGER agenda_customer_update AFTER UPDATE ON customer REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_changed();--> statement-breakpoint
CREATE TRIGGER agenda_customer_delete AFTER DELETE ON customer REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_customer_changed();--> statement-breakpoint
-- A customer group (its limit, its currency): every member of the group, before and after.
CREATE FUNCTION agenda_group_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM agenda_invalidate(ARRAY(
      SELECT m.id FROM new_rows g JOIN customer m ON m.company_id = g.company_id AND m.group_key = g.key));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM agenda_invalidate(ARRAY(
      SELECT m.id FROM old_rows g JOIN customer m ON m.company_id = g.company_id AND m.group_key = g.key));
  ELSE
    PERFORM agenda_invalidate(ARRAY(
      SELECT m.id FROM new_rows g JOIN customer m ON m.company_id = g.company_id AND m.group_key = g.key
      UNION
      SELECT m.id FROM old_rows g JOIN customer m ON m.company_id = g.company_id AND m.group_key = g.key));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER agenda_group_insert AFTER INSERT ON customer_group REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_group_changed();--> statement-breakpoint
CREATE TRIGGER agenda_group_update AFTER UPDATE ON customer_group REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_group_changed();--> statement-breakpoint
CREATE TRIGGER agenda_group_delete AFTER DELETE ON customer_group REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_group_changed();--> statement-breakpoint
-- A company's settings (time zone, promise grace) or its priority weights: every customer of the company.
CREATE FUNCTION agenda_company_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'company' THEN
    PERFORM agenda_invalidate(ARRAY(SELECT c.id FROM customer c WHERE c.company_id IN (SELECT id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM agenda_invalidate(ARRAY(
      SELECT c.id FROM customer c WHERE c.company_id IN (SELECT company_id FROM old_rows)));
  ELSE
    PERFORM agenda_invalidate(ARRAY(
      SELECT c.id FROM customer c WHERE c.company_id IN (SELECT company_id FROM new_rows)));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER agenda_company_update AFTER UPDATE ON company REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_company_changed();--> statement-breakpoint
CREATE TRIGGER agenda_priority_insert AFTER INSERT ON priority_setting REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_company_changed();--> statement-breakpoint
CREATE TRIGGER agenda_priority_update AFTER UPDATE ON priority_setting REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_company_changed();--> statement-breakpoint
CREATE TRIGGER agenda_priority_delete AFTER DELETE ON priority_setting REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenda_company_changed();
