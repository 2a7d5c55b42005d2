ALTER TABLE "dispute" ADD COLUMN "resolution_note" text;--> statement-breakpoint
-- The resolution notes written so far live on the timeline entry of the step that resolved or rejected the
-- dispute: each dispute takes the latest one.
UPDATE "dispute" d SET "resolution_note" = r.note FROM (
	SELECT DISTINCT ON ((a.data->>'disputeId')::bigint) (a.data->>'disputeId')::bigint AS dispute_id, a.data->>'note' AS note
	FROM "activity" a
	WHERE a.type = 'dispute_status_changed' AND a.data->>'to' IN ('resolved', 'rejected') AND a.data->>'note' IS NOT NULL
	ORDER BY (a.data->>'disputeId')::bigint, a.occurred_at DESC, a.id DESC
) r WHERE r.dispute_id = d.id;
