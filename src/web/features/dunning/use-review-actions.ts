import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { EditActionInput, ReviewDecision } from "../../../domain/dunning/dunning.schemas";
import { isApiError } from "../../api/api-error";
import { useT } from "../../i18n/use-i18n";
import { DUNNING_QUERY_KEY, dunningApi } from "./dunning-api";

/** Statuses that show the decision was carried out, per decision. */
const DONE_STATUSES: Record<ReviewDecision["decision"], readonly string[]> = {
  approve: ["planned", "done"],
  skip: ["skipped"],
};
const DONE_MESSAGES = { approve: "dunning.review.approved", skip: "dunning.review.skipped" } as const;

/** Approve or skip reviewed actions in bulk; tells how many went through and how many did not. */
export function useReviewDecision(onDone: () => void) {
  const t = useT();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ReviewDecision) => dunningApi.review(decision),
    onSuccess: ({ results }, decision) => {
      const done = results.filter((result) =>
        DONE_STATUSES[decision.decision].includes(result.status),
      ).length;
      const failed = results.length - done;
      notifications.show({
        color: failed > 0 ? "orange" : "green",
        message: [
          t.plural(DONE_MESSAGES[decision.decision], done),
          failed > 0 ? t.plural("dunning.review.notProcessed", failed) : "",
        ].join(" "),
      });
      onDone();
    },
    onError: (error) =>
      notifications.show({
        color: "red",
        title: t("dunning.review.failed"),
        message: isApiError(error) ? error.message : t("error.generic"),
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: DUNNING_QUERY_KEY }),
  });
}

/** Changes the recipient or adds a personal note to an action waiting for review. */
export function useEditAction(onDone: () => void) {
  const t = useT();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: EditActionInput }) => dunningApi.editAction(id, input),
    onSuccess: () => {
      notifications.show({ color: "green", message: t("dunning.edit.saved") });
      void queryClient.invalidateQueries({ queryKey: DUNNING_QUERY_KEY });
      onDone();
    },
  });
}
