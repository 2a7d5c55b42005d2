import { Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import type { PlannedAction } from "../../../domain/dunning/dunning.schemas";
import { QueryError } from "../../components/query-error";
import { readChoice, readPositiveInt, useUrlParams } from "../../hooks/use-url-params";
import { useI18n } from "../../i18n/use-i18n";
import { CompanySelect } from "./company-select";
import { actionsQuery } from "./dunning-api";
import { EditActionModal } from "./edit-action-modal";
import { ReviewTable } from "./review-table";
import { ReviewToolbar } from "./review-toolbar";
import { REVIEW_SORTS, type ReviewSort, sortActions } from "./sort-actions";
import { useReviewDecision } from "./use-review-actions";

/** `/dunning/review`: the actions of steps marked "review" wait here until a credit manager decides. */
export function ReviewQueuePage(): ReactNode {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t("dunning.review.title")} · Encours`);
  const { params, update } = useUrlParams();
  const companyId = readPositiveInt(params, "companyId");
  const sort = readChoice<ReviewSort>(params, "sort", REVIEW_SORTS, "customer");
  const query = useQuery(actionsQuery({ companyId, status: "pending_review" }));
  const actions = useMemo(
    () => (query.data ? sortActions(query.data.items, sort, locale) : undefined),
    [query.data, sort, locale],
  );
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [editing, setEditing] = useState<PlannedAction | null>(null);
  // Only what is still on screen counts: an action decided elsewhere drops out of the selection.
  const selected = useMemo(
    () => new Set((actions ?? []).map((action) => action.id).filter((id) => ticked.has(id))),
    [actions, ticked],
  );
  const decision = useReviewDecision(() => setTicked(new Set()));

  const toggle = (ids: readonly number[], isChecked: boolean): void => {
    setTicked((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (isChecked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  };

  return (
    <Stack gap="md" data-testid="review-queue">
      <Stack gap={4}>
        <Group justify="space-between" align="baseline">
          <Title order={1} size="h2">
            {t("dunning.review.title")}
          </Title>
          {query.data && (
            <Text c="dimmed" size="sm" data-testid="review-total">
              {t.plural("dunning.actions.count", query.data.items.length)}
            </Text>
          )}
        </Group>
        <Text c="dimmed" size="sm">
          {t("dunning.review.subtitle")}
        </Text>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <CompanySelect value={companyId} onChange={(next) => update({ companyId: next })} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="review-sort-label">
            {t("dunning.review.sort")}
          </Text>
          <SegmentedControl<ReviewSort>
            value={sort}
            onChange={(next) => update({ sort: next === "customer" ? null : next }, { replace: true })}
            data={REVIEW_SORTS.map((value) => ({ value, label: t(`dunning.review.sort.${value}`) }))}
            aria-labelledby="review-sort-label"
            data-testid="review-sort"
          />
        </Stack>
      </Group>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <ReviewToolbar
            count={selected.size}
            isBusy={decision.isPending}
            onDecide={(next, note) => decision.mutate({ ids: [...selected], decision: next, note })}
            onClear={() => setTicked(new Set())}
          />
          <Text size="xs" c="dimmed">
            {t("dunning.review.keyboardHint")}
          </Text>
          <ReviewTable
            actions={actions}
            isGrouped={sort === "customer"}
            selected={selected}
            onToggle={toggle}
            onEdit={setEditing}
          />
        </>
      )}
      <EditActionModal action={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
