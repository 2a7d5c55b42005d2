import { notifications } from "@mantine/notifications";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { BankLineDetail, ManualMatchBody } from "../../../domain/matching/matching.schemas";
import { isApiError } from "../../api/api-error";
import type { MessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/use-i18n";
import { bankLineQuery, MATCHING_QUERY_KEY, matchingApi } from "./matching-api";

export type LineAction =
  | { kind: "accept"; lineId: number; rank: number }
  | { kind: "match"; lineId: number; body: ManualMatchBody }
  | { kind: "ignore"; lineId: number; reason: string }
  | { kind: "restore"; lineId: number }
  | { kind: "undo"; lineId: number; matchId: number; reason?: string };

const DONE: Record<LineAction["kind"], MessageKey> = {
  accept: "matching.done.accept",
  match: "matching.done.match",
  ignore: "matching.done.ignore",
  restore: "matching.done.restore",
  undo: "matching.done.undo",
};

function send(action: LineAction): Promise<BankLineDetail> {
  switch (action.kind) {
    case "accept":
      return matchingApi.accept(action.lineId, action.rank);
    case "match":
      return matchingApi.match(action.lineId, action.body);
    case "ignore":
      return matchingApi.ignore(action.lineId, action.reason);
    case "restore":
      return matchingApi.restore(action.lineId);
    case "undo":
      return matchingApi.undo(action.matchId, action.reason);
  }
}

/** Lines, open items, customers' balances and the timeline all move when money is matched. */
export function refreshAfterMatching(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: MATCHING_QUERY_KEY });
  void queryClient.invalidateQueries({ queryKey: ["invoices"] });
  void queryClient.invalidateQueries({ queryKey: ["customers"] });
  void queryClient.invalidateQueries({ queryKey: ["dunning"] });
}

/** Accept, match by hand, ignore, restore or undo one line; the answer is the line as it now stands. */
export function useLineAction(onDone?: (line: BankLineDetail, action: LineAction) => void) {
  const t = useT();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (line, action) => {
      queryClient.setQueryData(bankLineQuery(line.id).queryKey, line);
      notifications.show({ color: "green", message: t(DONE[action.kind]), autoClose: 2500 });
      onDone?.(line, action);
    },
    onError: (error) =>
      notifications.show({
        color: "red",
        title: t("matching.failed"),
        message: isApiError(error) ? error.message : t("error.generic"),
      }),
    onSettled: () => refreshAfterMatching(queryClient),
  });
}
