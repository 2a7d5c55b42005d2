import { notifications } from "@mantine/notifications";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AssignmentRule } from "../../../domain/dunning/dunning.schemas";
import { useT } from "../../i18n/use-i18n";
import { movePriorities } from "./rule-order";
import { RULES_QUERY_KEY, ruleInput, rulesApi } from "./rules-api";
import { SCENARIOS_QUERY_KEY } from "./scenarios-api";

export type RuleActions = {
  toggle: UseMutationResult<AssignmentRule, Error, { rule: AssignmentRule; isEnabled: boolean }>;
  move: UseMutationResult<void, Error, { index: number; delta: -1 | 1 }>;
  remove: UseMutationResult<void, Error, AssignmentRule>;
  isBusy: boolean;
};

/** Switching, reordering and deleting rules; each change refreshes the rules and the customer counts. */
export function useRuleActions(rules: readonly AssignmentRule[]): RuleActions {
  const t = useT();
  const queryClient = useQueryClient();
  const refresh = async (): Promise<void> => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: RULES_QUERY_KEY }),
      queryClient.invalidateQueries({ queryKey: SCENARIOS_QUERY_KEY }),
    ]);
  };
  const onError = (error: Error): void => {
    notifications.show({ color: "red", title: t("scenarios.rules.failed"), message: error.message });
  };

  const toggle = useMutation({
    mutationFn: ({ rule, isEnabled }: { rule: AssignmentRule; isEnabled: boolean }) =>
      rulesApi.save(ruleInput(rule, { isEnabled }), rule.id),
    onSettled: refresh,
    onError,
  });
  const move = useMutation({
    mutationFn: async ({ index, delta }: { index: number; delta: -1 | 1 }) => {
      // One at a time: a rule's new priority must be saved before its neighbour takes the old one.
      for (const change of movePriorities(rules, index, delta)) {
        const rule = rules.find((item) => item.id === change.id);
        if (rule) await rulesApi.save(ruleInput(rule, { priority: change.priority }), rule.id);
      }
    },
    onSettled: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: (rule: AssignmentRule) => rulesApi.remove(rule.id),
    onSuccess: (_, rule) =>
      notifications.show({ color: "green", message: t("scenarios.rules.deleted", { name: rule.name }) }),
    onSettled: refresh,
    onError,
  });

  return { toggle, move, remove, isBusy: toggle.isPending || move.isPending || remove.isPending };
}
